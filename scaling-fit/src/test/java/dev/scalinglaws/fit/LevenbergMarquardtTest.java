/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.KaplanNDLaw;
import org.junit.jupiter.api.Test;

/** Levenberg-Marquardt specifics: recovery from non-finite Jacobians, IRLS stationarity for robust losses. */
class LevenbergMarquardtTest {

    @Test
    void regressionAStepIntoAnOverflowingRegionIsTakenBackAndDampedHarder() {
        // noiseless Kaplan L(N, D); from this Sobol start the first accepted step overflows Dc = exp(u) in the
        // Jacobian; before the fix the damping shrank on every retry and the run spun to MAX_ITERATIONS
        SplittableRandom rng = new SplittableRandom(12L);
        int n = 200;
        double[] nn = new double[n];
        double[] dd = new double[n];
        double[] y = new double[n];
        double[] truth = SyntheticRecoveryTest.KAPLAN_ND;
        for (int i = 0; i < n; i++) {
            nn[i] = Math.exp(Math.log(1e7) + rng.nextDouble() * Math.log(1e3));
            dd[i] = nn[i] * Math.exp(Math.log(5) + rng.nextDouble() * Math.log(40));
            y[i] = KaplanNDLaw.INSTANCE.value(truth, nn[i], dd[i]);
        }
        Dataset data = Dataset.builder("kaplan").column("N", nn).column("D", dd).column("loss", y).build();
        double[] start = {3.1622776601683773E7, 3.1622776601683738E22, 0.7525, 0.31622776601683805};
        FitResult fit = Fitter.fit(KaplanNDLaw.INSTANCE, data, FitSpec.defaults().withLoss(Loss.squared())
                .withOptimizer(Optimizer.LEVENBERG_MARQUARDT).withStarts(Starts.of(List.of(start))).withPolish(false));
        assertThat(fit.status()).isEqualTo(FitStatus.CONVERGED);
        assertThat(fit.convergence().iterations()).isLessThan(1000);
    }

    @Test
    void robustLossesReachAStationaryPointOfTheirObjective() {
        Dataset data = SyntheticRecoveryTest.synthetic(ChinchillaLaw.INSTANCE, SyntheticRecoveryTest.CHINCHILLA, 3L);
        for (Loss loss : new Loss[] {Loss.huber(0.005), Loss.softL1(0.005), Loss.cauchy(0.005)}) {
            FitSpec spec = FitSpec.defaults().withLoss(loss).withStarts(Starts.sobol(16, 0));
            FitResult lm = Fitter.fit(ChinchillaLaw.INSTANCE, data, spec.withOptimizer(Optimizer.LEVENBERG_MARQUARDT));
            FitResult lbfgsb = Fitter.fit(ChinchillaLaw.INSTANCE, data, spec);
            assertThat(lm.status()).as(loss.name()).isEqualTo(FitStatus.CONVERGED);
            assertThat(lm.objective()).as(loss.name())
                    .isCloseTo(lbfgsb.objective(), within(1e-7 * lbfgsb.objective()));
            assertThat(lm.estimate("alpha")).as(loss.name()).isCloseTo(lbfgsb.estimate("alpha"), within(1e-4));
        }
    }
}
