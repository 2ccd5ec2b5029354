/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.dynamics.Checkpoints;
import dev.scalinglaws.core.dynamics.KaplanStepsLaw;
import dev.scalinglaws.core.dynamics.TrainingDynamics;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Loss;
import dev.scalinglaws.fit.Starts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Kaplan et al.'s two-stage fit of L(N, S_min) ({@code kaplan-ns}, eq. 1.6) over n checkpoint rows (n = 10^4, 10^5,
 * 10^6): n / 100 runs with N log-uniform in [3e6, 1e9] and batch 2^16, 2^19 or 2^22 tokens, 100 checkpoints per run
 * at S_min log-spaced (jittered) from 100 to 1e5, the loss from Kaplan's constants (Nc 6.5e13, Sc 2.1e3, alphaN
 * 0.077, alphaS 0.76) with 0.5% log-normal noise, step = S_min (1 + Bcrit(L) / B) (Bstar 2e8, alphaB 0.21), and
 * S = S_min re-derived from the observed loss with {@link Checkpoints#withMinimumSteps} as a user would. Every row
 * is closed-form (no root finding), seeded with {@link Synthetic#SEED}. One start (every parameter 5% off the
 * truth), squared loss on log residuals, one thread, through the public {@code Fitter.fit}. The slope from 10^4 to
 * 10^6 shows whether the cost is linear in the rows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class CheckpointFitBenchmark {

    /** Checkpoints per run. */
    static final int CHECKPOINTS = 100;

    /** Number of checkpoint rows. */
    @Param({"10000", "100000", "1000000"})
    public int n;

    private Dataset data;
    private FitSpec spec;
    private FitSpec specNoPolish;
    private FitResult lastFit;

    /** Builds the checkpoints once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        data = checkpoints(n, Synthetic.SEED);
        double[] start = {6.5e13 * 1.05, 2.1e3 * 0.95, 0.077 * 1.05, 0.76 * 0.95};
        spec = FitSpec.defaults().withLoss(Loss.squared()).withStarts(Starts.of(List.of(start))).withThreads(1);
        specNoPolish = spec.withPolish(false);
    }

    /** Prints the work done by the last fit (status, iterations, evaluations, estimates) for the write-up. */
    @TearDown(Level.Trial)
    public void report() {
        if (lastFit != null) {
            double[] t = lastFit.theta();
            System.out.printf(java.util.Locale.ROOT, "%n[CheckpointFitBenchmark n=%d] status %s, iterations %d, "
                    + "evaluations %d, Nc %.4g Sc %.5g alphaN %.5f alphaS %.5f%n", n, lastFit.status(),
                    lastFit.convergence().iterations(), lastFit.convergence().evaluations(), t[0], t[1], t[2], t[3]);
        }
    }

    /**
     * The kaplan-ns fit from one start.
     *
     * @return the result
     */
    @Benchmark
    public FitResult kaplanNsSingleStart() {
        lastFit = Fitter.fit(KaplanStepsLaw.INSTANCE, data, spec);
        return lastFit;
    }

    /**
     * The same fit without the polishing run ({@code FitSpec.withPolish(false)}): the difference is the polish.
     *
     * @return the result
     */
    @Benchmark
    public FitResult kaplanNsSingleStartNoPolish() {
        return Fitter.fit(KaplanStepsLaw.INSTANCE, data, specNoPolish);
    }

    /**
     * Synthetic checkpoints (columns run, N, batch, step, tokens, loss, S).
     *
     * @param rows rows (a multiple of 100)
     * @param seed seed
     * @return the checkpoints
     */
    static Dataset checkpoints(int rows, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        TrainingDynamics truth = TrainingDynamics.kaplan2020();
        double[] batches = {65536, 524288, 4194304};
        double[] nn = new double[rows];
        double[] bb = new double[rows];
        double[] step = new double[rows];
        double[] tokens = new double[rows];
        double[] loss = new double[rows];
        String[] run = new String[rows];
        double lo = Math.log(100);
        double span = Math.log(1e5) - lo;
        for (int r = 0; r * CHECKPOINTS < rows; r++) {
            double size = Math.exp(Math.log(3e6) + rng.nextDouble() * (Math.log(1e9) - Math.log(3e6)));
            double batch = batches[rng.nextInt(batches.length)];
            String label = "run" + r;
            for (int k = 0; k < CHECKPOINTS && r * CHECKPOINTS + k < rows; k++) {
                int i = r * CHECKPOINTS + k;
                double sMin = Math.exp(lo + (k + rng.nextDouble()) / CHECKPOINTS * span);
                double l = truth.loss(size, sMin);
                nn[i] = size;
                bb[i] = batch;
                step[i] = sMin * (1 + truth.criticalBatch(l) / batch);
                tokens[i] = step[i] * batch;
                loss[i] = l * Math.exp(0.005 * gaussian(rng));
                run[i] = label;
            }
        }
        Dataset d = Dataset.builder("synthetic:checkpoints:" + rows).textColumn("run", run).column("N", nn)
                .column("batch", bb).column("step", step).column("tokens", tokens).column("loss", loss).build();
        return Checkpoints.withMinimumSteps(d, Checkpoints.STEP, Checkpoints.BATCH, 2e8, 0.21);
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = 1 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
