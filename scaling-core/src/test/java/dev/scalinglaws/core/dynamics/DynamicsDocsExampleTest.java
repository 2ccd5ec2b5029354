/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Keeps the worked example of {@code docs/dynamics.md} true. */
class DynamicsDocsExampleTest {

    private static final TrainingDynamics KAPLAN = TrainingDynamics.kaplan2020();

    @Test
    void trajectoryTable() {
        Trajectory t = KAPLAN.trajectory(1e9, 524288, new double[] {1e3, 3e3, 1e4, 3e4, 1e5, 2.5e5});
        assertThat(t.minimumSteps()).containsExactly(new double[] {770.1, 1596, 3422, 7230, 18200, 39670},
                within(5.0));
        assertThat(t.loss()).containsExactly(new double[] {4.4910, 3.5793, 3.0374, 2.7382, 2.5412, 2.4546},
                within(5e-5));
        assertThat(t.criticalBatch()[2]).isCloseTo(1.008e6, within(1e3));
        assertThat(t.tokens()[5]).isCloseTo(1.311e11, within(1e8));
        assertThat(KAPLAN.convergedLoss(1e9)).isCloseTo(2.3474, within(5e-5));
    }

    @Test
    void targetLossTable() {
        assertThat(KAPLAN.minimumStepsToLoss(1e9, 2.5)).isCloseTo(24925, within(1.0));
        assertThat(KAPLAN.minimumTokensToLoss(1e9, 2.5)).isCloseTo(6.349e10, within(1e7));
        assertThat(KAPLAN.stepsToLoss(1e9, 65536, 2.5)).isCloseTo(9.937e5, within(100.0));
        assertThat(KAPLAN.stepsToLoss(1e9, 524288, 2.5)).isCloseTo(1.460e5, within(100.0));
        assertThat(KAPLAN.stepsToLoss(1e9, 4194304, 2.5)).isCloseTo(40063, within(1.0));
        assertThat(StepTradeoff.toPfDays(KAPLAN.computeToLoss(1e9, 4194304, 2.5))).isCloseTo(11.67, within(0.005));
    }

    @Test
    void frontierParagraph() {
        ComputeEfficientFrontier.Gap gap = KAPLAN.frontierGap(1e9, 524288, 2.5e5);
        assertThat(gap.planned().minimumComputePfDays()).isCloseTo(7.66, within(0.005));
        assertThat(gap.optimal().parameters()).isCloseTo(2.42e9, within(0.01e9));
        assertThat(gap.optimal().minimumSteps()).isCloseTo(15197, within(1.0));
        assertThat(gap.frontierLoss()).isCloseTo(2.4154, within(5e-5));
        assertThat(gap.parametersRatio()).isCloseTo(0.41, within(0.005));
        assertThat(gap.decadesOffFrontier()).isCloseTo(0.38, within(0.005));
        ComputeEfficientFrontier.Gap table6 = ComputeEfficientFrontier.kaplan2020().gap(1e9, 524288, 2.5e5, KAPLAN);
        assertThat(table6.optimal().parameters()).isCloseTo(5.75e9, within(0.01e9));
        assertThat(table6.frontierLoss()).isCloseTo(2.5175, within(5e-5));
    }
}
