/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.KaplanNDLaw;
import dev.scalinglaws.core.ScalingLaw;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Synthetic data from known parameters with 1% multiplicative log-normal noise (SplittableRandom, named seeds):
 * least squares on log residuals recovers every parameter within 3 Gauss-Newton standard errors; and on Chinchilla
 * data, the Chinchilla law beats Kaplan's L(N, D) by AIC and BIC ({@link ModelComparison}).
 */
class SyntheticRecoveryTest {

    static final double[] CHINCHILLA = {1.8, 480, 2100, 0.35, 0.37};
    static final double[] KAPLAN_ND = {6.4e13, 1.8e13, 0.076, 0.103};

    /** 200 runs, N log-uniform in [1e7, 1e10], D / N log-uniform in [5, 200], y = f exp(0.01 z). */
    static Dataset synthetic(ScalingLaw law, double[] theta, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 200;
        double[] nn = new double[n];
        double[] dd = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            nn[i] = Math.exp(Math.log(1e7) + rng.nextDouble() * Math.log(1e3));
            dd[i] = nn[i] * Math.exp(Math.log(5) + rng.nextDouble() * Math.log(40));
            y[i] = law.value(theta, nn[i], dd[i]) * Math.exp(0.01 * gaussian(rng));
        }
        return Dataset.builder("synthetic:" + law.name() + ":" + seed).column("N", nn).column("D", dd)
                .column("loss", y).build();
    }

    /** Standard normal by Box-Muller (SplittableRandom has no nextGaussian before Java 17's RandomGenerator). */
    static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static FitSpec leastSquaresOnLogs() {
        return FitSpec.defaults().withResidual(ResidualSpace.LOG).withLoss(Loss.squared());
    }

    private static void assertWithinThreeStandardErrors(FitResult fit, Dataset data, double[] truth) {
        assertThat(fit.status()).as("%s", fit).isEqualTo(FitStatus.CONVERGED);
        double[] se = GaussNewtonErrors.standardErrors(fit, data);
        double[] theta = fit.theta();
        for (int j = 0; j < truth.length; j++) {
            assertThat(Math.abs(theta[j] - truth[j])).as("%s: %s = %s, truth %s, se %s", fit.law().name(),
                    fit.law().parameters().get(j).name(), theta[j], truth[j], se[j])
                    .isLessThanOrEqualTo(3 * se[j]);
            assertThat(se[j]).isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(Optimizer.class)
    void chinchillaIsRecovered(Optimizer optimizer) {
        Dataset data = synthetic(ChinchillaLaw.INSTANCE, CHINCHILLA, 11L);
        FitResult fit = Fitter.fit(ChinchillaLaw.INSTANCE, data, leastSquaresOnLogs().withOptimizer(optimizer));
        assertWithinThreeStandardErrors(fit, data, CHINCHILLA);
    }

    @ParameterizedTest
    @EnumSource(value = Optimizer.class, names = {"LBFGSB", "LEVENBERG_MARQUARDT"})
    void kaplanNdIsRecovered(Optimizer optimizer) {
        Dataset data = synthetic(KaplanNDLaw.INSTANCE, KAPLAN_ND, 12L);
        // Sobol starts span Nc, Dc in [1, 1e30]: far starts crawl along the flat ridge, so cap their iterations
        FitResult fit = Fitter.fit(KaplanNDLaw.INSTANCE, data, leastSquaresOnLogs().withOptimizer(optimizer)
                .withStarts(Starts.sobol(32, 0)).withMaxIterations(1000));
        assertWithinThreeStandardErrors(fit, data, KAPLAN_ND);
    }

    @Test
    void chinchillaWinsOnChinchillaDataByAicAndBic() {
        Dataset data = synthetic(ChinchillaLaw.INSTANCE, CHINCHILLA, 13L);
        FitResult chinchilla = Fitter.fit(ChinchillaLaw.INSTANCE, data, leastSquaresOnLogs());
        FitResult kaplan = Fitter.fit(KaplanNDLaw.INSTANCE, data, leastSquaresOnLogs());
        for (ModelComparison.Criterion c : ModelComparison.Criterion.values()) {
            ModelComparison comparison = ModelComparison.of(c, List.of(kaplan, chinchilla));
            assertThat(comparison.best().law()).as("%s", comparison).isEqualTo("chinchilla");
            assertThat(comparison.ranking().get(1).delta()).isGreaterThan(10);
            assertThat(comparison.best().weight()).isGreaterThan(0.99);
        }
        assertThat(chinchilla.goodness().freeParameters()).isEqualTo(5);
        // squared loss: Gaussian log-likelihood with the variance profiled, k = 5 + 1
        assertThat(chinchilla.goodness().aic()).isEqualTo(-2 * chinchilla.goodness().logLikelihood() + 2 * 6);
    }

    @Test
    void comparisonRefusesIncomparableFits() {
        Dataset data = synthetic(ChinchillaLaw.INSTANCE, CHINCHILLA, 13L);
        FitResult squared = Fitter.fit(ChinchillaLaw.INSTANCE, data,
                leastSquaresOnLogs().withStarts(Starts.sobol(8, 0)));
        FitResult huber = Fitter.fit(ChinchillaLaw.INSTANCE, data, FitSpec.defaults().withStarts(Starts.sobol(8, 0)));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> ModelComparison.of(ModelComparison.Criterion.AIC, List.of(squared, huber)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fits are not comparable: chinchilla used LOG residuals and loss squared, chinchilla used "
                        + "LOG residuals and loss huber");
        FitResult other = Fitter.fit(ChinchillaLaw.INSTANCE, synthetic(ChinchillaLaw.INSTANCE, CHINCHILLA, 14L),
                leastSquaresOnLogs().withStarts(Starts.sobol(8, 0)));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> ModelComparison.of(ModelComparison.Criterion.BIC, List.of(squared, other)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("fits are not to the same data");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> ModelComparison.of(ModelComparison.Criterion.BIC, List.of(huber)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fit of chinchilla has no finite BIC (loss huber defines no likelihood, or too few rows)");
    }
}
