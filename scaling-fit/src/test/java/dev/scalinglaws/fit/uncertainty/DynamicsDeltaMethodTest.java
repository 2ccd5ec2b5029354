/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.dynamics.KaplanStepsLaw;
import dev.scalinglaws.core.dynamics.TrainingDynamics;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Loss;
import dev.scalinglaws.fit.Starts;
import org.junit.jupiter.api.Test;

/**
 * Delta-method intervals of training-dynamics predictions (steps to a loss, the loss at a step of a larger model)
 * through the public API, {@code AsymptoticCovariance.interval(DerivedQuantity.of(name,
 * TrainingDynamics.ofTheta(...)), level, true)}, and their coverage: with independent checkpoint noise (the case the
 * sandwich assumes) 95% intervals from 40 simulated kaplan-ns data sets cover the truth about 95% of the time (39
 * of 40 for both quantities with these seeds).
 */
class DynamicsDeltaMethodTest {

    static final double[] BATCH = {2e8, 0.21};
    private static final TrainingDynamics TRUTH = TrainingDynamics.kaplan2020();

    /** 4 sizes 1e7..1e9 (held-out predictions go to 3e9), 25 S_min values 300..1e5 each, log-normal noise 1%. */
    static Dataset simulate(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] sizes = {1e7, 4.6e7, 2.2e8, 1e9};
        int k = 25;
        double[] n = new double[sizes.length * k];
        double[] s = new double[n.length];
        double[] loss = new double[n.length];
        for (int a = 0; a < sizes.length; a++) {
            for (int i = 0; i < k; i++) {
                int r = a * k + i;
                n[r] = sizes[a];
                s[r] = 300 * Math.pow(1e5 / 300, i / (k - 1.0));
                double u1 = 1 - rng.nextDouble();
                double u2 = rng.nextDouble();
                double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
                loss[r] = TRUTH.loss(sizes[a], s[r]) * Math.exp(0.01 * z);
            }
        }
        return Dataset.builder("simulated-checkpoints-" + seed).column("N", n).column("S", s).column("loss", loss)
                .build();
    }

    static double[] lossTheta() {
        return new double[] {6.5e13, 2.1e3, 0.077, 0.76};
    }

    @Test
    void stepsToLossAndHeldOutLossIntervalsCoverTheTruth() {
        FitSpec spec = FitSpec.defaults().withLoss(Loss.squared()).withThreads(1)
                .withStarts(Starts.of(List.of(lossTheta())));
        DerivedQuantity steps = DerivedQuantity.of("steps(N=3e9,B=2^19,L=2.4)",
                theta -> TrainingDynamics.of(theta, BATCH).stepsToLoss(3e9, 524288, 2.4));
        DerivedQuantity loss = DerivedQuantity.of("L(N=3e9,B=2^19,step=1e5)",
                theta -> TrainingDynamics.of(theta, BATCH).lossAtStep(3e9, 524288, 1e5));
        double stepsTruth = TRUTH.stepsToLoss(3e9, 524288, 2.4);
        double lossTruth = TRUTH.lossAtStep(3e9, 524288, 1e5);
        int trials = 40;
        int coveredSteps = 0;
        int coveredLoss = 0;
        for (int t = 0; t < trials; t++) {
            Dataset data = simulate(1000 + t);
            FitResult fit = Fitter.fit(KaplanStepsLaw.INSTANCE, data, spec);
            AsymptoticCovariance cov = AsymptoticCovariance.of(fit, data, AsymptoticCovariance.Form.SMOOTHED_SANDWICH);
            Interval is = cov.interval(steps, 0.95, true);
            Interval il = cov.interval(loss, 0.95, true);
            assertThat(is.ok()).isTrue();
            assertThat(il.ok()).isTrue();
            assertThat(is.label()).isEqualTo("asymptotic-smoothed-sandwich-log");
            assertThat(is.method()).isEqualTo(Interval.Method.ASYMPTOTIC_SMOOTHED_SANDWICH);
            assertThat(is.lower()).isLessThan(is.estimate());
            assertThat(is.upper()).isGreaterThan(is.estimate());
            // log scale: the estimate is the geometric midpoint
            assertThat(Math.log(is.upper() / is.estimate())).isCloseTo(Math.log(is.estimate() / is.lower()),
                    org.assertj.core.api.Assertions.within(1e-9));
            coveredSteps += is.contains(stepsTruth) ? 1 : 0;
            coveredLoss += il.contains(lossTruth) ? 1 : 0;
        }
        // binomial(40, 0.95): P(<= 33) ~ 1%; a badly calibrated interval (e.g. half width) covers ~70%
        assertThat(coveredSteps).isGreaterThanOrEqualTo(34);
        assertThat(coveredLoss).isGreaterThanOrEqualTo(34);
    }

    @Test
    void unreachableLossIsNotAnInterval() {
        Dataset data = simulate(7);
        FitResult fit = Fitter.fit(KaplanStepsLaw.INSTANCE, data, FitSpec.defaults().withLoss(Loss.squared())
                .withThreads(1).withStarts(Starts.of(List.of(lossTheta()))));
        AsymptoticCovariance cov = AsymptoticCovariance.of(fit, data, AsymptoticCovariance.Form.SMOOTHED_SANDWICH);
        Interval i = cov.interval(DerivedQuantity.of("steps to 2.0 at 1e9",
                theta -> TrainingDynamics.of(theta, BATCH).stepsToLoss(1e9, 524288, 2.0)), 0.95, true);
        assertThat(i.ok()).isFalse();
    }
}
