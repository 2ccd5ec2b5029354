/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.KaplanNDLaw;
import dev.scalinglaws.core.OvertrainingLaw;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.core.dynamics.KaplanStepsLaw;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The vectorised objective ({@link TwoPowerVector#logHuber} with each law's {@link TwoPowerForms.Form}: what
 * Chinchilla, over-training and Kaplan L(N, S) and L(N, D) fits run on when the Vector API is resolved) agrees with the scalar
 * law ({@link ScalingLaw#evaluateLog}) and Huber's definition row by row: value and gradient to 1e-12 of their scale,
 * for 1 to 600 rows (several chunks, vectors and a remainder), covariates from 1 to 1e30, weights with zeros, Huber
 * thresholds and least squares, and parameters whose terms overflow a double (the log-sum-exp fallback).
 */
class SimdAgreementProperties {

    @BeforeContainer
    static void vectorPathIsActive() {
        // surefire runs with --add-modules jdk.incubator.vector: without it this class could not run at all
        assertThat(Simd.ENABLED).as(Simd.describe()).isTrue();
        assertThat(TwoPowerVector.lanes()).isGreaterThanOrEqualTo(2);
    }

    /** A case: law, parameters (possibly overflowing terms), rows, weights (some zero), Huber delta. */
    record Case(ScalingLaw law, double[] theta, double[] x0, double[] x1, double[] lnY, double[] w, double delta) {
        @Override
        public String toString() {
            return law.name() + " theta=" + java.util.Arrays.toString(theta) + " rows=" + x0.length + " delta="
                    + delta;
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        // scales up to e^700 and exponents down to -0.5: a term can overflow a double, the fallback must take it
        Arbitrary<Double> positive = Arbitraries.oneOf(Arbitraries.doubles().between(-3, 30),
                Arbitraries.doubles().between(30, 700)).map(Math::exp);
        Arbitrary<Double> exponent = Arbitraries.doubles().between(-0.5, 3);
        Arbitrary<Case> chinchilla = Combinators.combine(positive, positive, positive, exponent, exponent)
                .as((e, a, b, al, be) -> new double[] {e, a, b, al, be}).flatMap(t -> rows(ChinchillaLaw.INSTANCE, t));
        Arbitrary<Case> overtraining = Combinators.combine(positive, positive, positive, exponent)
                .as((e, a, b, eta) -> new double[] {e, a, b, eta}).flatMap(t -> rows(OvertrainingLaw.INSTANCE, t));
        Arbitrary<Case> kaplan = Combinators.combine(positive, positive, exponent, exponent)
                .as((nc, sc, an, as) -> new double[] {nc, sc, an, as}).flatMap(t -> rows(KaplanStepsLaw.INSTANCE, t));
        Arbitrary<Case> kaplanNd = Combinators.combine(positive, positive, exponent,
                Arbitraries.doubles().between(0.01, 3))
                .as((nc, dc, an, ad) -> new double[] {nc, dc, an, ad}).flatMap(t -> rows(KaplanNDLaw.INSTANCE, t));
        return Arbitraries.oneOf(chinchilla, overtraining, kaplan, kaplanNd);
    }

    private static Arbitrary<Case> rows(ScalingLaw law, double[] theta) {
        Arbitrary<Double> delta = Arbitraries.of(1e-3, 0.1, Double.POSITIVE_INFINITY);
        return Combinators.combine(Arbitraries.integers().between(1, 600), Arbitraries.longs(), delta)
                .as((rows, seed, dl) -> {
                    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
                    double[] x0 = new double[rows];
                    double[] x1 = new double[rows];
                    double[] lnY = new double[rows];
                    double[] w = new double[rows];
                    for (int i = 0; i < rows; i++) {
                        x0[i] = Math.exp(r.nextDouble(0, 30 * Math.log(10)));
                        x1[i] = Math.exp(r.nextDouble(0, 30 * Math.log(10)));
                        lnY[i] = r.nextDouble(-1, 3);
                        w[i] = r.nextInt(5) == 0 ? 0 : r.nextDouble(0.1, 3);
                    }
                    return new Case(law, theta, x0, x1, lnY, w, dl);
                });
    }

    /** The fused objective and its gradient in theta through the law's form. */
    private static double fused(ScalingLaw law, double[] theta, Columns x, double[] lnY, double[] w, double delta,
                                double[] gradient) {
        TwoPowerForms.Form form = TwoPowerForms.of(law);
        double[] coefficients = new double[6];
        double[] sums = new double[7];
        form.coefficients(theta, coefficients);
        double f = TwoPowerVector.logHuber(coefficients, x.logColumn(0), x.logColumn(1), lnY, w, delta, sums,
                new double[TwoPowerVector.CHUNK], new double[TwoPowerVector.CHUNK]);
        form.pullBack(theta, sums, gradient);
        return f;
    }

    @Property(tries = 600)
    void fusedObjectiveAgreesWithTheScalarLaw(@ForAll("cases") Case c) {
        int rows = c.x0().length;
        int p = c.law().parameterCount();
        Columns x = Columns.of(c.x0(), c.x1());
        double[] one = new double[1];
        double[][] oneJac = new double[p][1];
        double value = 0;
        double valueScale = 0;
        double[] gradient = new double[p];
        double[] gradientScale = new double[p];
        // the pull-back subtracts sums of size |w psi| times the exponents (Kaplan L(N, D): d/dalphaD =
        // K - rho (G1 ln Nc - H1), with K of size |w psi| |ln S| and ln S = ln L / alphaD), so cancellation can leave
        // an absolute error of an ulp of those, whatever the gradient's own size
        double logScale = 0;
        double[] k = new double[6];
        TwoPowerForms.of(c.law()).coefficients(c.theta(), k);
        double[] u = x.logColumn(0);
        double[] v = x.logColumn(1);
        for (int i = 0; i < rows; i++) {
            if (c.w()[i] == 0) {
                continue;
            }
            c.law().evaluateLog(c.theta(), x, i, i + 1, one, oneJac);
            double r = one[0] - c.lnY()[i];
            double a = Math.abs(r);
            double rho = a <= c.delta() ? 0.5 * r * r : c.delta() * (a - 0.5 * c.delta());
            double psi = Math.max(-c.delta(), Math.min(c.delta(), r));
            logScale += Math.abs(c.w()[i] * psi) * (Math.abs(one[0] / k[5]) + Math.abs(k[1]) + Math.abs(k[2] * u[i])
                    + Math.abs(k[3]) + Math.abs(k[4] * v[i]));
            value += c.w()[i] * rho;
            valueScale += Math.abs(c.w()[i] * rho);
            for (int j = 0; j < p; j++) {
                gradient[j] += c.w()[i] * psi * oneJac[j][0];
                gradientScale[j] += Math.abs(c.w()[i] * psi * oneJac[j][0]);
            }
        }
        double[] fusedGradient = new double[p];
        double f = fused(c.law(), c.theta(), x, c.lnY(), c.w(), c.delta(), fusedGradient);
        assertThat(Math.abs(f - value)).as("objective: fused %s, scalar %s", f, value)
                .isLessThanOrEqualTo(1e-12 * valueScale + 1e-300);
        for (int j = 0; j < p; j++) {
            // the pull-back multiplies sums by theta-dependent factors (e.g. alphaN / Nc): compare on the same scale
            assertThat(Math.abs(fusedGradient[j] - gradient[j]))
                    .as("gradient %d: fused %s, scalar %s", j, fusedGradient[j], gradient[j])
                    .isLessThanOrEqualTo(1e-11 * gradientScale[j] + 1e-13 * logScale + 1e-300);
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
        double f = fused(ChinchillaLaw.INSTANCE, theta, x, lnY, w, 1e-3, grad);
        double lnL = 700 + 0.5 * Math.log(1e30);
        assertThat(f).isCloseTo(rows * 1e-3 * (lnL - 0.5e-3), org.assertj.core.data.Offset.offset(1e-9));
        // d/dA = SUM w psi w1 / A with w1 = 1 to working precision: 16 * 1e-3 / e^700
        assertThat(grad[1] * theta[1]).isCloseTo(rows * 1e-3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(grad[3]).isCloseTo(-rows * 1e-3 * Math.log(1e30), org.assertj.core.data.Offset.offset(1e-9));
    }
}
