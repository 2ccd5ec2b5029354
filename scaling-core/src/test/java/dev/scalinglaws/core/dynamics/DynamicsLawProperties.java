package dev.scalinglaws.core.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.ScalingLaw;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.statistics.Statistics;

/** Analytic Jacobians of the dynamics laws against central finite differences, in log and linear space. */
class DynamicsLawProperties {

    @Property(tries = 300)
    void kaplanStepsJacobianMatchesFiniteDifferences(
            @ForAll @DoubleRange(min = 6, max = 30) double log10N,
            @ForAll @DoubleRange(min = 0, max = 8) double log10S,
            @ForAll @DoubleRange(min = 10, max = 16) double log10Nc,
            @ForAll @DoubleRange(min = 1, max = 5) double log10Sc,
            @ForAll @DoubleRange(min = 0.02, max = 0.5) double alphaN,
            @ForAll @DoubleRange(min = 0.1, max = 2) double alphaS) {
        double[] theta = {Math.pow(10, log10Nc), Math.pow(10, log10Sc), alphaN, alphaS};
        double termN = alphaN * (log10Nc - log10N);
        double termS = alphaS * (log10Sc - log10S);
        Statistics.label("dominant term").collect(termN > termS ? "N" : "S");
        Statistics.label("N beyond 1e20").collect(log10N > 20);
        checkJacobian(KaplanStepsLaw.INSTANCE, theta, Math.pow(10, log10N), Math.pow(10, log10S));
    }

    @Property(tries = 200)
    void criticalBatchJacobianMatchesFiniteDifferences(
            @ForAll @DoubleRange(min = 0.3, max = 10) double loss,
            @ForAll @DoubleRange(min = 3, max = 12) double log10Bstar,
            @ForAll @DoubleRange(min = 0.05, max = 1) double alphaB) {
        Statistics.label("loss below 1").collect(loss < 1);
        checkJacobian(CriticalBatchLaw.INSTANCE, new double[] {Math.pow(10, log10Bstar), alphaB}, loss);
    }

    @Property(tries = 200)
    void trajectoryJacobianMatchesFiniteDifferencesAndDynamics(
            @ForAll @DoubleRange(min = 6, max = 12) double log10N,
            @ForAll @DoubleRange(min = 3, max = 8) double log10B,
            @ForAll @DoubleRange(min = 0, max = 6) double log10S,
            @ForAll @DoubleRange(min = 11, max = 15) double log10Nc,
            @ForAll @DoubleRange(min = 2, max = 4) double log10Sc,
            @ForAll @DoubleRange(min = 0.03, max = 0.2) double alphaN,
            @ForAll @DoubleRange(min = 0.3, max = 1.5) double alphaS,
            @ForAll @DoubleRange(min = 6, max = 10) double log10Bstar,
            @ForAll @DoubleRange(min = 0.1, max = 0.5) double alphaB) {
        double[] theta = {Math.pow(10, log10Nc), Math.pow(10, log10Sc), alphaN, alphaS, Math.pow(10, log10Bstar),
                alphaB};
        double n = Math.pow(10, log10N);
        double b = Math.pow(10, log10B);
        double s = Math.pow(10, log10S);
        TrainingDynamics d = TrainingDynamics.ofTheta(theta);
        double bcrit = d.criticalBatch(d.lossAtStep(n, b, s));
        Statistics.label("batch vs critical").collect(b < 0.3 * bcrit ? "small" : b > 3 * bcrit ? "large" : "near");
        assertThat(KaplanTrajectoryLaw.INSTANCE.value(theta, n, b, s))
                .isCloseTo(d.lossAtStep(n, b, s), org.assertj.core.data.Percentage.withPercentage(1e-8));
        checkJacobian(KaplanTrajectoryLaw.INSTANCE, theta, n, b, s);
    }

    /** The root find inverts the closed form: stepsToLoss(N, B, lossAtStep(N, B, S)) = S, and loss falls with S. */
    @Property(tries = 200)
    void lossAtStepInvertsStepsToLoss(
            @ForAll @DoubleRange(min = 5, max = 12) double log10N,
            @ForAll @DoubleRange(min = 2, max = 8) double log10B,
            @ForAll @DoubleRange(min = 0, max = 7) double log10S,
            @ForAll @DoubleRange(min = 11, max = 15) double log10Nc,
            @ForAll @DoubleRange(min = 2, max = 4) double log10Sc,
            @ForAll @DoubleRange(min = 0.03, max = 0.2) double alphaN,
            @ForAll @DoubleRange(min = 0.3, max = 1.5) double alphaS,
            @ForAll @DoubleRange(min = 6, max = 10) double log10Bstar,
            @ForAll @DoubleRange(min = 0.1, max = 0.5) double alphaB) {
        TrainingDynamics d = TrainingDynamics.ofTheta(new double[] {Math.pow(10, log10Nc), Math.pow(10, log10Sc),
                alphaN, alphaS, Math.pow(10, log10Bstar), alphaB});
        double n = Math.pow(10, log10N);
        double b = Math.pow(10, log10B);
        double s = Math.pow(10, log10S);
        double loss = d.lossAtStep(n, b, s);
        double gap = loss / d.convergedLoss(n) - 1;
        Statistics.label("relative distance to converged loss").collect(gap < 1e-3 ? "< 1e-3" : gap < 0.1 ? "< 0.1"
                : ">= 0.1");
        if (gap > 1e-6) {
            assertThat(d.stepsToLoss(n, b, loss)).isCloseTo(s, org.assertj.core.data.Percentage.withPercentage(1e-4));
        }
        assertThat(d.lossAtStep(n, b, 1.5 * s)).isLessThanOrEqualTo(loss);
    }

    private static void checkJacobian(ScalingLaw law, double[] theta, double... point) {
        int p = theta.length;
        double[][] cols = new double[point.length][];
        for (int j = 0; j < point.length; j++) {
            cols[j] = new double[] {point[j]};
        }
        Columns x = Columns.of(cols);
        double[] logValue = new double[1];
        double[][] logJac = new double[p][1];
        law.evaluateLog(theta, x, 0, 1, logValue, logJac);
        double[] value = new double[1];
        double[][] jac = new double[p][1];
        law.evaluate(theta, x, 0, 1, value, jac);
        assertThat(value[0]).isCloseTo(Math.exp(logValue[0]), org.assertj.core.data.Percentage.withPercentage(1e-9));
        for (int j = 0; j < p; j++) {
            double h = 1e-6 * Math.max(Math.abs(theta[j]), 1e-3);
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[j] += h;
            down[j] -= h;
            double[] lu = new double[1];
            double[] ld = new double[1];
            law.evaluateLog(up, x, 0, 1, lu, null);
            law.evaluateLog(down, x, 0, 1, ld, null);
            double fd = (lu[0] - ld[0]) / (2 * h);
            double scale = Math.max(Math.abs(fd), Math.abs(logJac[j][0])) * Math.abs(theta[j]);
            assertThat(Math.abs(fd - logJac[j][0]) * Math.abs(theta[j]))
                    .as("d ln f / d %s", law.parameters().get(j).name())
                    .isLessThanOrEqualTo(1e-6 * Math.max(1, scale) + 1e-7);
            assertThat(jac[j][0]).isCloseTo(logJac[j][0] * value[0],
                    org.assertj.core.data.Offset.offset(1e-9 * Math.abs(logJac[j][0] * value[0]) + 1e-300));
        }
    }
}
