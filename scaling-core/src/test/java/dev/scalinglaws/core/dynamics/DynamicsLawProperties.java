/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The dynamics laws against {@link TrainingDynamics}: the trajectory law is the dynamics' loss at a step, and the root
 * find inverts the closed form. Their Jacobians, finite evaluation and recovery are checked, like every law's, by
 * scaling-testkit's {@code ScalingLawContract}.
 */
class DynamicsLawProperties {

    @Property(tries = 200)
    void trajectoryLawFollowsTheDynamics(
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
}
