/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaws;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class TrainingDynamicsTest {

    private static final TrainingDynamics KAPLAN = TrainingDynamics.kaplan2020();

    @Test
    void lawsAreRegistered() {
        assertThat(ScalingLaws.byName("kaplan-ns")).isSameAs(KaplanStepsLaw.INSTANCE);
        assertThat(ScalingLaws.byName("critical-batch")).isSameAs(CriticalBatchLaw.INSTANCE);
        assertThat(CriticalBatchLaw.INSTANCE.response()).isEqualTo("Bcrit");
        assertThat(CriticalBatchLaw.INSTANCE.covariates()).containsExactly("loss");
        assertThat(KaplanStepsLaw.INSTANCE.covariates()).containsExactly("N", "S");
    }

    /**
     * Kaplan et al. (section 5.1): "the critical batch size ... doubles for every 13% decrease in loss". With
     * alphaB = 0.21, Bcrit(0.87 L) / Bcrit(L) = (1/0.87)^(1/0.21) = 1.9408.
     */
    @Test
    void criticalBatchRoughlyDoublesPerThirteenPercentLoss() {
        double arithmetic = Math.pow(1 / 0.87, 1 / 0.21);
        assertThat(arithmetic).isCloseTo(1.94, within(0.005));
        for (double loss : new double[] {2.0, 3.0, 4.5}) {
            assertThat(KAPLAN.criticalBatch(0.87 * loss) / KAPLAN.criticalBatch(loss))
                    .isCloseTo(arithmetic, within(1e-9));
        }
        // and Bcrit(L = 3 nats) = 2e8 / 3^(1/0.21) = 1.069e6 tokens
        assertThat(KAPLAN.criticalBatch(3.0)).isCloseTo(1.0691e6, within(1e2));
    }

    @Test
    void lawValuesMatchTheFormulas() {
        double[] theta = {6.5e13, 2.1e3, 0.077, 0.76};
        double n = 1e8;
        double s = 1e4;
        double expected = Math.pow(6.5e13 / n, 0.077) + Math.pow(2.1e3 / s, 0.76);
        assertThat(KaplanStepsLaw.INSTANCE.value(theta, n, s)).isCloseTo(expected, within(1e-12));
        assertThat(KAPLAN.loss(n, s)).isCloseTo(expected, within(1e-12));
        assertThat(CriticalBatchLaw.INSTANCE.value(new double[] {2e8, 0.21}, 2.5))
                .isCloseTo(2e8 / Math.pow(2.5, 1 / 0.21), within(1e-3));
        // log form does not overflow at N = 1e300
        assertThat(KaplanStepsLaw.INSTANCE.logValue(theta, 1e300, 1e300)).isFinite();
    }

    @Test
    void tradeoffHoldsOnTheCurve() {
        double smin = 1.2e4;
        double bcrit = 8e5;
        for (double b : new double[] {1e4, 2.5e5, 8e5, 4e7}) {
            double s = StepTradeoff.steps(smin, b, bcrit);
            double e = b * s;
            double emin = smin * bcrit;
            assertThat(StepTradeoff.tradeoff(s, smin, e, emin)).isCloseTo(1.0, within(1e-12));
            assertThat(StepTradeoff.minimumSteps(s, b, bcrit)).isCloseTo(smin, within(1e-8));
            assertThat(StepTradeoff.minimumExamples(e, b, bcrit)).isCloseTo(emin, within(1e-3));
            assertThat(StepTradeoff.examples(emin, b, bcrit)).isCloseTo(e, within(1e-3));
            double c = StepTradeoff.compute(1e8, b, s);
            assertThat(StepTradeoff.minimumCompute(c, b, bcrit)).isCloseTo(6 * 1e8 * emin, within(c * 1e-12));
        }
        assertThat(StepTradeoff.toPfDays(8.64e19)).isEqualTo(1.0);
        assertThatThrownBy(() -> StepTradeoff.minimumSteps(10, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("B = 0");
    }

    @Test
    void lossAtStepInvertsStepsToLoss() {
        double n = 3e8;
        double batch = 5e5;
        for (double target : new double[] {2.6, 3.0, 4.0}) {
            double steps = KAPLAN.stepsToLoss(n, batch, target);
            assertThat(KAPLAN.lossAtStep(n, batch, steps)).isCloseTo(target, within(1e-10));
            assertThat(KAPLAN.tokensToLoss(n, batch, target)).isCloseTo(batch * steps, within(1e-3));
            double smin = KAPLAN.minimumStepsToLoss(n, target);
            assertThat(steps / smin - 1).isCloseTo(KAPLAN.criticalBatch(target) / batch, within(1e-9));
        }
        assertThat(KAPLAN.stepsToLoss(n, batch, KAPLAN.convergedLoss(n))).isInfinite();
    }

    @Test
    void trajectoryDecreasesAndApproachesConvergedLoss() {
        double[] steps = new double[60];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = Math.pow(10, 1 + 6.0 * i / (steps.length - 1));
        }
        Trajectory t = KAPLAN.trajectory(1e9, 1e6, steps);
        double[] loss = t.loss();
        double[] smin = t.minimumSteps();
        for (int i = 1; i < loss.length; i++) {
            assertThat(loss[i]).isLessThan(loss[i - 1]);
            assertThat(smin[i]).isGreaterThan(smin[i - 1]).isLessThan(steps[i]);
        }
        assertThat(loss[loss.length - 1]).isGreaterThan(KAPLAN.convergedLoss(1e9))
                .isCloseTo(KAPLAN.convergedLoss(1e9), within(0.01));
        // larger batch: fewer steps to the same loss, but more tokens
        double smallBatch = KAPLAN.stepsToLoss(1e9, 1e5, 2.8);
        double largeBatch = KAPLAN.stepsToLoss(1e9, 1e7, 2.8);
        assertThat(largeBatch).isLessThan(smallBatch);
        assertThat(1e7 * largeBatch).isGreaterThan(1e5 * smallBatch);
    }

    @Test
    void predictionsAreFunctionsOfTheta() {
        ToDoubleFunction<double[]> steps = TrainingDynamics.ofTheta(d -> d.stepsToLoss(1e9, 5e5, 2.8));
        assertThat(steps.applyAsDouble(KAPLAN.theta())).isEqualTo(KAPLAN.stepsToLoss(1e9, 5e5, 2.8));
        assertThat(TrainingDynamics.of(KAPLAN.lossTheta(), KAPLAN.batchTheta()).theta()).containsExactly(KAPLAN.theta());
        assertThatThrownBy(() -> TrainingDynamics.ofTheta(new double[] {1, 1, 0.1, 0.1, -1, 0.2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Bstar = -1.0");
    }

    @Test
    void frontierFollowsTableSix() {
        ComputeEfficientFrontier f = ComputeEfficientFrontier.kaplan2020();
        ComputeEfficientFrontier.Allocation one = f.at(1.0);
        assertThat(one.parameters()).isEqualTo(1.3e9);
        // 6 N B S at C_min = 1 PF-day is within 3% of 8.64e19 FLOP: Table 6 is self-consistent
        assertThat(StepTradeoff.compute(one.parameters(), one.batch(), one.minimumSteps()) / 8.64e19)
                .isCloseTo(1.0, within(0.03));
        ComputeEfficientFrontier.Allocation big = f.at(1e3);
        assertThat(big.parameters()).isCloseTo(1.3e9 * Math.pow(1e3, 0.73), within(1.0));
        ComputeEfficientFrontier.Gap onFrontier = f.gap(big.parameters(), big.batch(), big.minimumSteps());
        assertThat(onFrontier.parametersRatio()).isCloseTo(1.0, within(0.05));
        ComputeEfficientFrontier.Gap small = f.gap(1e8, 1e6, 1e6, KAPLAN);
        assertThat(small.parametersRatio()).isLessThan(0.2);
        assertThat(small.plannedLoss()).isGreaterThan(small.frontierLoss());
    }

    @Test
    void computeEfficientAllocationMinimisesLossAtFixedCompute() {
        double cmin = StepTradeoff.toFlop(10);
        ComputeEfficientFrontier.Allocation best = KAPLAN.computeEfficient(cmin);
        double bestLoss = KAPLAN.loss(best.parameters(), best.minimumSteps());
        assertThat(6 * best.parameters() * best.tokens()).isCloseTo(2 * cmin, within(cmin * 1e-9));
        assertThat(best.tokens()).isCloseTo(2 * best.minimumSteps() * KAPLAN.criticalBatch(bestLoss),
                within(best.tokens() * 1e-9));
        for (double factor : new double[] {0.8, 1.25}) {
            double n = best.parameters() * factor;
            // S_min at the same C_min for this N: E_min = C_min / 6N = S_min Bcrit(L(N, S_min))
            double lo = 1;
            double hi = 1e12;
            for (int k = 0; k < 200; k++) {
                double mid = Math.sqrt(lo * hi);
                if (mid * KAPLAN.criticalBatch(KAPLAN.loss(n, mid)) < cmin / (6 * n)) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            assertThat(KAPLAN.loss(n, lo)).isGreaterThan(bestLoss);
        }
        // N_opt grows about as C_min^0.68 between 1 and 1000 PF-days (Kaplan's analytic estimate: 0.71)
        double slope = Math.log10(KAPLAN.computeEfficient(StepTradeoff.toFlop(1e3)).parameters()
                / KAPLAN.computeEfficient(StepTradeoff.toFlop(1)).parameters()) / 3;
        assertThat(slope).isBetween(0.64, 0.74);
        ComputeEfficientFrontier.Gap gap = KAPLAN.frontierGap(1e9, 524288, 2.5e5);
        assertThat(gap.optimal().minimumComputePfDays()).isCloseTo(gap.planned().minimumComputePfDays(),
                within(1e-12));
        assertThat(gap.frontierLoss()).isLessThan(gap.plannedLoss());
    }

    @Test
    void checkpointsDropWarmupAndDeriveMinimumSteps() {
        Dataset data = Dataset.builder("test")
                .textColumn("run", new String[] {"a", "a", "a", "b", "b"})
                .column("step", new double[] {10, 100, 1000, 10, 100})
                .column("batch", new double[] {1e5, 1e5, 1e5, 1e6, 1e6})
                .column("tokens", new double[] {1e6, 1e7, 1e8, 1e7, 1e8})
                .column("loss", new double[] {6, 4, 3, 5, 3.5})
                .build();
        Dataset runs = Checkpoints.byRun(data, "run");
        Dataset trimmed = Checkpoints.withoutWarmup(runs, "tokens", 5e6);
        assertThat(trimmed.size()).isEqualTo(4);
        assertThat(trimmed.groupIndices()).containsExactly(0, 0, 1, 1);
        Dataset withS = Checkpoints.withMinimumSteps(trimmed, "step", "batch", 2e8, 0.21);
        double[] s = withS.column("S");
        assertThat(s[1]).isCloseTo(1000 / (1 + KAPLAN.criticalBatch(3) / 1e5), within(1e-9));
        assertThat(withS.groupColumn()).isEqualTo("run");
    }
}
