/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.KaplanNDLaw;
import dev.scalinglaws.core.OvertrainingLaw;
import org.junit.jupiter.api.Test;

/** Selecting the optimiser through {@link FitSpec#withOptimizer}: defaults, refusals with exact messages, pins. */
class OptimizerSelectionTest {

    private static final double[] OVERTRAINING = {1.7, 200, 350, 0.13};

    @Test
    void defaultIsLbfgsb() {
        assertThat(FitSpec.defaults().optimizer()).isEqualTo(Optimizer.LBFGSB);
        assertThat(FitSpec.epoch().optimizer()).isEqualTo(Optimizer.LBFGSB);
        assertThat(FitSpec.defaults().withOptimizer(Optimizer.LEVENBERG_MARQUARDT).withSeed(3).optimizer())
                .isEqualTo(Optimizer.LEVENBERG_MARQUARDT);
        assertThat(FitSpec.defaults().withOptimizer(Optimizer.VARIABLE_PROJECTION).toString())
                .contains("optimizer=VARIABLE_PROJECTION");
    }

    @Test
    void variableProjectionNeedsLinearStructure() {
        Dataset data = SyntheticRecoveryTest.synthetic(KaplanNDLaw.INSTANCE, SyntheticRecoveryTest.KAPLAN_ND, 1L);
        assertThatThrownBy(() -> Fitter.fit(KaplanNDLaw.INSTANCE, data,
                FitSpec.defaults().withOptimizer(Optimizer.VARIABLE_PROJECTION)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("optimizer VARIABLE_PROJECTION needs a law with linear parameters (LinearStructure); "
                        + "law kaplan-nd has none; use LBFGSB or LEVENBERG_MARQUARDT");
    }

    @Test
    void levenbergMarquardtRefusesAFittedScale() {
        Dataset data = SyntheticRecoveryTest.synthetic(ChinchillaLaw.INSTANCE, SyntheticRecoveryTest.CHINCHILLA, 1L);
        assertThatThrownBy(() -> Fitter.fit(ChinchillaLaw.INSTANCE, data, FitSpec.defaults()
                .withLoss(Loss.huberLikelihood(1e-3)).withOptimizer(Optimizer.LEVENBERG_MARQUARDT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("optimizer LEVENBERG_MARQUARDT cannot fit the scale of loss huber-mle; use LBFGSB");
    }

    @Test
    void variableProjectionHonoursPinnedLinearAndNonlinearParameters() {
        Dataset data = SyntheticRecoveryTest.synthetic(ChinchillaLaw.INSTANCE, SyntheticRecoveryTest.CHINCHILLA, 5L);
        FitSpec spec = FitSpec.defaults().withLoss(Loss.squared()).withOptimizer(Optimizer.VARIABLE_PROJECTION)
                .withPin("E", 1.8).withPin("beta", 0.37);
        FitResult fit = Fitter.fit(ChinchillaLaw.INSTANCE, data, spec);
        FitResult reference = Fitter.fit(ChinchillaLaw.INSTANCE, data, spec.withOptimizer(Optimizer.LBFGSB));
        assertThat(fit.status()).isEqualTo(FitStatus.CONVERGED);
        assertThat(fit.estimate("E")).isEqualTo(1.8);
        assertThat(fit.estimate("beta")).isEqualTo(0.37);
        assertThat(fit.parameters().get(ChinchillaLaw.E).pinned()).isTrue();
        assertThat(fit.objective()).isLessThanOrEqualTo(reference.objective() * (1 + 1e-9));
        assertThat(fit.estimate("alpha")).isCloseTo(0.35, within(0.02));
    }

    @Test
    void everyOptimiserFitsTheOvertrainingLawOnSyntheticData() {
        Dataset data = SyntheticRecoveryTest.synthetic(OvertrainingLaw.INSTANCE, OVERTRAINING, 7L);
        FitSpec spec = FitSpec.defaults().withLoss(Loss.squared());
        FitResult reference = Fitter.fit(OvertrainingLaw.INSTANCE, data, spec);
        for (Optimizer optimizer : Optimizer.values()) {
            FitResult fit = Fitter.fit(OvertrainingLaw.INSTANCE, data, spec.withOptimizer(optimizer));
            assertThat(fit.status()).as("%s", optimizer).isEqualTo(FitStatus.CONVERGED);
            assertThat(fit.objective()).as("%s", optimizer)
                    .isCloseTo(reference.objective(), within(reference.objective() * 1e-6));
            assertThat(fit.convergence().starts()).isPositive();
        }
    }
}
