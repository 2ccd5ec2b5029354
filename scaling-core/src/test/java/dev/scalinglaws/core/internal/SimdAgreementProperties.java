package dev.scalinglaws.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Columns;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The vectorised Chinchilla objective ({@link ChinchillaVector#logHuber}, what the Epoch protocol runs on when the
 * Vector API is resolved) agrees with the scalar law ({@link ChinchillaLaw#evaluateLog}) and Huber's definition row by
 * row: values and gradients to 1e-12 of their scale, for 1 to 600 rows (several chunks, vectors and a remainder),
 * covariates from 1 to 1e30, weights with zeros, Huber thresholds and least squares, and parameters whose terms
 * overflow a double (the log-sum-exp fallback).
 */
class SimdAgreementProperties {

    @BeforeContainer
    static void vectorPathIsActive() {
        // surefire runs with --add-modules jdk.incubator.vector: without it this class could not run at all
        assertThat(Simd.ENABLED).as(Simd.describe()).isTrue();
        assertThat(ChinchillaVector.lanes()).isGreaterThanOrEqualTo(2);
    }

    /** A fused-objective case: parameters (possibly overflowing terms), rows, weights (some zero), Huber delta. */
    record ObjectiveCase(double[] theta, double[] n, double[] d, double[] lnY, double[] w, double delta) {
        @Override
        public String toString() {
            return "theta=" + java.util.Arrays.toString(theta) + " rows=" + n.length + " delta=" + delta;
        }
    }

    @Provide
    Arbitrary<ObjectiveCase> objectiveCases() {
        // ln A, ln B up to 700 and alpha down to -0.5: A N^-alpha overflows a double and the kernel must fall back to log-sum-exp
        Arbitrary<Double> positive = Arbitraries.oneOf(Arbitraries.doubles().between(-3, 30),
                Arbitraries.doubles().between(30, 700)).map(Math::exp);
        Arbitrary<Double> exponent = Arbitraries.doubles().between(-0.5, 3);
        Arbitrary<double[]> theta = Combinators.combine(positive, positive, positive, exponent, exponent)
                .as((e, a, b, al, be) -> new double[] {e, a, b, al, be});
        Arbitrary<Double> delta = Arbitraries.of(1e-3, 0.1, Double.POSITIVE_INFINITY);
        return Combinators.combine(theta, Arbitraries.integers().between(1, 600), Arbitraries.longs(), delta)
                .as((t, rows, seed, dl) -> {
                    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
                    double[] n = new double[rows];
                    double[] d = new double[rows];
                    double[] lnY = new double[rows];
                    double[] w = new double[rows];
                    for (int i = 0; i < rows; i++) {
                        n[i] = Math.exp(r.nextDouble(0, 30 * Math.log(10)));
                        d[i] = Math.exp(r.nextDouble(0, 30 * Math.log(10)));
                        lnY[i] = r.nextDouble(-1, 3);
                        w[i] = r.nextInt(5) == 0 ? 0 : r.nextDouble(0.1, 3);
                    }
                    return new ObjectiveCase(t, n, d, lnY, w, dl);
                });
    }

    /**
     * The fused objective kernel {@link ChinchillaVector#logHuber} (what the Epoch protocol's objective runs on)
     * equals SUM w_i rho(ln L_i - ln y_i) and its gradient computed row by row from the scalar law.
     */
    @Property(tries = 300)
    void fusedObjectiveAgreesWithTheScalarLaw(@ForAll("objectiveCases") ObjectiveCase c) {
        int rows = c.n().length;
        Columns x = Columns.of(c.n(), c.d());
        double[] one = new double[1];
        double[][] oneJac = new double[5][1];
        double value = 0;
        double valueScale = 0;
        double[] gradient = new double[5];
        double[] gradientScale = new double[5];
        for (int i = 0; i < rows; i++) {
            if (c.w()[i] == 0) {
                continue;
            }
            ChinchillaLaw.INSTANCE.evaluateLog(c.theta(), x, i, i + 1, one, oneJac);
            double r = one[0] - c.lnY()[i];
            double a = Math.abs(r);
            double rho = a <= c.delta() ? 0.5 * r * r : c.delta() * (a - 0.5 * c.delta());
            double psi = Math.max(-c.delta(), Math.min(c.delta(), r));
            value += c.w()[i] * rho;
            valueScale += Math.abs(c.w()[i] * rho);
            for (int j = 0; j < 5; j++) {
                gradient[j] += c.w()[i] * psi * oneJac[j][0];
                gradientScale[j] += Math.abs(c.w()[i] * psi * oneJac[j][0]);
            }
        }
        double[] fusedGradient = new double[5];
        double fused = ChinchillaVector.logHuber(c.theta(), x.logColumn(0), x.logColumn(1), c.lnY(), c.w(),
                c.delta(), fusedGradient, new double[ChinchillaVector.CHUNK], new double[ChinchillaVector.CHUNK],
                new double[6]);
        assertThat(Math.abs(fused - value)).as("objective: fused %s, scalar %s", fused, value)
                .isLessThanOrEqualTo(1e-12 * valueScale + 1e-300);
        for (int j = 0; j < 5; j++) {
            assertThat(Math.abs(fusedGradient[j] - gradient[j]))
                    .as("gradient %d: fused %s, scalar %s", j, fusedGradient[j], gradient[j])
                    .isLessThanOrEqualTo(1e-12 * gradientScale[j] + 1e-300);
        }
    }

    /** A term beyond Double.MAX_VALUE (ln A - alpha ln N = 734.5) takes the log-sum-exp fallback and stays finite. */
    @net.jqwik.api.Example
    void overflowingTermFallsBackToLogSumExp() {
        double[] theta = {1.7, Math.exp(700), 400, -0.5, 0.3};
        int rows = 16;
        double[] n = new double[rows];
        double[] d = new double[rows];
        double[] lnY = new double[rows];
        double[] w = new double[rows];
        java.util.Arrays.fill(n, 1e30);
        java.util.Arrays.fill(d, 1e9);
        java.util.Arrays.fill(w, 1);
        Columns x = Columns.of(n, d);
        double[] grad = new double[5];
        double f = ChinchillaVector.logHuber(theta, x.logColumn(0), x.logColumn(1), lnY, w, 1e-3, grad,
                new double[ChinchillaVector.CHUNK], new double[ChinchillaVector.CHUNK], new double[6]);
        double lnL = 700 + 0.5 * Math.log(1e30);
        assertThat(f).isCloseTo(rows * 1e-3 * (lnL - 0.5e-3), org.assertj.core.data.Offset.offset(1e-9));
        // d/dA = SUM w psi w1 / A with w1 = 1 to working precision: 16 * 1e-3 / e^700
        assertThat(grad[1] * theta[1]).isCloseTo(rows * 1e-3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(grad[3]).isCloseTo(-rows * 1e-3 * Math.log(1e30), org.assertj.core.data.Offset.offset(1e-9));
    }
}
