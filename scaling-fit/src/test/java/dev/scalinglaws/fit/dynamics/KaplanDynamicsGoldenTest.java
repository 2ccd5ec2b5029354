/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.dynamics.Checkpoints;
import dev.scalinglaws.core.dynamics.CriticalBatchLaw;
import dev.scalinglaws.core.dynamics.KaplanStepsLaw;
import dev.scalinglaws.core.dynamics.KaplanTrajectoryLaw;
import dev.scalinglaws.core.dynamics.TrainingDynamics;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Loss;
import dev.scalinglaws.fit.Starts;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden test: Kaplan et al.'s constants (alphaN 0.077, alphaS 0.76, Nc 6.5e13, Sc 2.1e3; Bstar 2e8, alphaB 0.21)
 * are recovered from synthetic checkpoint data generated from them.
 *
 * <p>The data: 6 model sizes (3e6 .. 1e9 non-embedding parameters) x 3 batch sizes (2^16, 2^19, 2^22 tokens), 30
 * checkpoints per run log-spaced from 100 to 2e5 steps, loss from {@link TrainingDynamics#lossAtStep} times
 * exp(0.005 z), z standard normal from {@code java.util.Random(20200123)}; checkpoints before 2e7 tokens carry an
 * unmodelled warm-up bump (+ 0.5 nats x (1 - tokens / 2e7)) that {@link Checkpoints#withoutWarmup} removes.
 *
 * <p>This test lives in scaling-transfer because scaling-core cannot see the fitter.
 */
class KaplanDynamicsGoldenTest {

    private static final TrainingDynamics TRUTH = TrainingDynamics.kaplan2020();
    private static final double WARMUP_TOKENS = 2e7;
    private static Dataset checkpoints;

    @BeforeAll
    static void simulate() {
        double[] sizes = {3e6, 1e7, 3e7, 1e8, 3e8, 1e9};
        double[] batches = {65536, 524288, 4194304};
        int perRun = 30;
        Random random = new Random(20200123);
        List<String> run = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (double n : sizes) {
            for (double b : batches) {
                for (int i = 0; i < perRun; i++) {
                    double step = 100 * Math.pow(2000, i / (perRun - 1.0));
                    double tokens = b * step;
                    double loss = TRUTH.lossAtStep(n, b, step) * Math.exp(0.005 * random.nextGaussian());
                    if (tokens < WARMUP_TOKENS) {
                        loss += 0.5 * (1 - tokens / WARMUP_TOKENS);
                    }
                    run.add(String.format(java.util.Locale.ROOT, "N%.0e-B%d", n, (long) b));
                    rows.add(new double[] {n, b, step, tokens, loss});
                }
            }
        }
        double[][] cols = new double[5][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < 5; j++) {
                cols[j][i] = rows.get(i)[j];
            }
        }
        checkpoints = Checkpoints.byRun(Dataset.builder("synthetic-kaplan")
                .textColumn("run", run.toArray(new String[0]))
                .column("N", cols[0]).column("batch", cols[1]).column("step", cols[2])
                .column("tokens", cols[3]).column("loss", cols[4]).build(), "run");
    }

    private static FitSpec spec() {
        return FitSpec.defaults().withLoss(Loss.squared()).withStarts(Starts.sobol(16, 0)).withThreads(1);
    }

    @Test
    void jointFitOfAllCheckpointsRecoversKaplanConstants() {
        Dataset data = Checkpoints.withoutWarmup(checkpoints, "tokens", WARMUP_TOKENS);
        assertThat(data.size()).isLessThan(checkpoints.size()).isGreaterThan(400);
        assertThat(data.groupLabels()).hasSize(18);
        FitResult fit = Fitter.fit(KaplanTrajectoryLaw.INSTANCE, data, spec());
        assertThat(fit.converged()).as(fit.toString()).isTrue();
        assertThat(fit.estimate("alphaN")).isCloseTo(0.077, within(0.002));
        assertThat(fit.estimate("alphaS")).isCloseTo(0.76, within(0.01));
        assertThat(Math.log10(fit.estimate("Nc"))).isCloseTo(Math.log10(6.5e13), within(0.1));
        assertThat(fit.estimate("Sc")).isCloseTo(2.1e3, within(0.05 * 2.1e3));
        assertThat(fit.estimate("Bstar")).isCloseTo(2e8, within(0.1 * 2e8));
        assertThat(fit.estimate("alphaB")).isCloseTo(0.21, within(0.005));
            }

    @Test
    void smallRunsPredictTheLargestRunsTrajectories() {
        // Su et al.'s use: fit on the small models, predict the whole loss curve of a larger one (here 1e9, 3.3x
        // beyond the largest fitted model) at every batch size
        Dataset warm = Checkpoints.withoutWarmup(checkpoints, "tokens", WARMUP_TOKENS);
        double[] sizes = warm.column("N");
        Dataset small = warm.filter(i -> sizes[i] <= 3e8);
        FitResult fit = Fitter.fit(KaplanTrajectoryLaw.INSTANCE, small, spec());
        TrainingDynamics predicted = TrainingDynamics.ofTheta(fit.theta());
        double worst = 0;
        for (double b : new double[] {65536, 524288, 4194304}) {
            for (double step = 1e3; step <= 2e5; step *= 2) {
                double truth = TRUTH.lossAtStep(1e9, b, step);
                worst = Math.max(worst, Math.abs(predicted.lossAtStep(1e9, b, step) / truth - 1));
            }
        }
        assertThat(worst).isLessThan(0.01);
    }

    @Test
    void warmupBiasesTheFitWhenKept() {
        FitResult kept = Fitter.fit(KaplanTrajectoryLaw.INSTANCE, checkpoints, spec());
        FitResult dropped = Fitter.fit(KaplanTrajectoryLaw.INSTANCE,
                Checkpoints.withoutWarmup(checkpoints, "tokens", WARMUP_TOKENS), spec());
        assertThat(Math.abs(kept.estimate("alphaS") - 0.76))
                .isGreaterThan(Math.abs(dropped.estimate("alphaS") - 0.76));
    }

    @Test
    void twoStageFitOfKaplanStepsLawRecoversItsConstants() {
        // Kaplan's own procedure: convert steps to S_min at the observed loss with Bcrit(L), then fit eq. 1.6
        Dataset data = Checkpoints.withMinimumSteps(Checkpoints.withoutWarmup(checkpoints, "tokens", WARMUP_TOKENS),
                "step", "batch", 2e8, 0.21);
        FitResult fit = Fitter.fit(KaplanStepsLaw.INSTANCE, data, spec());
        assertThat(fit.converged()).as(fit.toString()).isTrue();
        assertThat(fit.estimate("alphaN")).isCloseTo(0.077, within(0.004));
        assertThat(fit.estimate("alphaS")).isCloseTo(0.76, within(0.03));
        assertThat(Math.log10(fit.estimate("Nc"))).isCloseTo(Math.log10(6.5e13), within(0.5));
        assertThat(fit.estimate("Sc")).isCloseTo(2.1e3, within(0.15 * 2.1e3));
    }

    @Test
    void criticalBatchLawRecoversItsConstants() {
        Random random = new Random(84);
        int n = 40;
        double[] loss = new double[n];
        double[] bcrit = new double[n];
        for (int i = 0; i < n; i++) {
            loss[i] = 2.2 + 3.0 * i / (n - 1);
            bcrit[i] = TRUTH.criticalBatch(loss[i]) * Math.exp(0.05 * random.nextGaussian());
        }
        Dataset data = Dataset.builder("synthetic-bcrit").column("loss", loss).column("Bcrit", bcrit).build();
        FitResult fit = Fitter.fit(CriticalBatchLaw.INSTANCE, data, spec());
        assertThat(fit.converged()).as(fit.toString()).isTrue();
        assertThat(fit.estimate("Bstar")).isCloseTo(2e8, within(0.3 * 2e8));
        assertThat(fit.estimate("alphaB")).isCloseTo(0.21, within(0.01));
    }
}
