/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Starts;
import dev.scalinglaws.fit.FitProblem;
import dev.scalinglaws.fit.internal.CompiledProblem;
import dev.scalinglaws.fit.internal.ProblemAccess;
import dev.scalinglaws.fit.internal.LbfgsB;
import dev.scalinglaws.fit.internal.Objective;
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
 * A Chinchilla fit of n synthetic points (n = 10^4, 10^5, 10^6) from one start (Hoffmann's unrounded estimates), the
 * Epoch loss, one thread: {@link #fitterSingleStart} through the public {@code Fitter.fit} (optimiser, polish and
 * every report), {@link #lbfgsOnly} the optimiser alone. The slope from 10^4 to 10^6 shows whether the cost is
 * linear in n; the trial teardown prints the iteration and evaluation counts so that time per evaluation can be
 * compared across n.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class LargeFitBenchmark {

    /** Number of data points. */
    @Param({"10000", "100000", "1000000"})
    public int n;

    private Dataset data;
    private FitSpec spec;
    private FitSpec specNoPolish;
    private Objective objective;
    private double[] start;
    private double[] lower;
    private double[] upper;
    private LbfgsB optimizer;
    private FitResult lastFit;
    private LbfgsB.Result lastRun;

    /** Builds the data once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        data = Synthetic.chinchilla(n);
        spec = FitSpec.epoch().withStarts(Starts.of(List.of(EpochData.HOFFMANN_START.clone()))).withThreads(1);
        specNoPolish = spec.withPolish(false);
        CompiledProblem problem = ProblemAccess.compiled(FitProblem.of(ChinchillaLaw.INSTANCE, data, spec));
        objective = problem.newObjective();
        start = problem.startCoordinates(EpochData.HOFFMANN_START);
        lower = problem.lower();
        upper = problem.upper();
        // the construction rule Fitter uses (evaluations max(1.5 x iterations, 100), memory 10)
        optimizer = LbfgsB.forIterations(spec.maxIterations(), spec.ftol(), spec.gtol());
    }

    /** Prints the work done by the last invocation (iterations, evaluations) for the write-up. */
    @TearDown(Level.Trial)
    public void report() {
        if (lastFit != null) {
            System.out.printf(java.util.Locale.ROOT, "%n[LargeFitBenchmark n=%d] Fitter.fit: status %s, "
                    + "iterations %d, evaluations %d, objective %.6g%n", n, lastFit.status(),
                    lastFit.convergence().iterations(), lastFit.convergence().evaluations(), lastFit.objective());
        }
        if (lastRun != null) {
            System.out.printf(java.util.Locale.ROOT, "%n[LargeFitBenchmark n=%d] LbfgsB: status %s, iterations %d, "
                    + "evaluations %d, objective %.6g%n", n, lastRun.status(), lastRun.iterations(),
                    lastRun.evaluations(), lastRun.value());
        }
    }

    /**
     * The public fit from one start.
     *
     * @return the result
     */
    @Benchmark
    public FitResult fitterSingleStart() {
        lastFit = Fitter.fit(ChinchillaLaw.INSTANCE, data, spec);
        return lastFit;
    }

    /**
     * The public fit from one start without the polishing run ({@code FitSpec.withPolish(false)}): the difference
     * to {@code fitterSingleStart} is the cost of the polish, the difference to {@code lbfgsOnly} the cost of the
     * reports (identifiability, residuals, goodness of fit).
     *
     * @return the result
     */
    @Benchmark
    public FitResult fitterSingleStartNoPolish() {
        return Fitter.fit(ChinchillaLaw.INSTANCE, data, specNoPolish);
    }

    /**
     * L-BFGS-B alone from the same start.
     *
     * @return the optimiser's result
     */
    @Benchmark
    public LbfgsB.Result lbfgsOnly() {
        lastRun = optimizer.minimize(objective, start, lower, upper);
        return lastRun;
    }
}
