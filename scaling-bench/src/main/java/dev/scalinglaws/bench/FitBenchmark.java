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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Chinchilla fit of the 240 Epoch points from a good start (Hoffmann's unrounded estimates), two ways:
 * {@link #fitterSingleStart} is the public path ({@code Fitter.fit} with one explicit start, one thread: L-BFGS-B,
 * polish, identifiability, residuals, goodness of fit) and {@link #lbfgsOnly} is the bare optimiser on the compiled
 * objective (SciPy's tolerances), i.e. what one of the 4,500 starts or one bootstrap refit costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FitBenchmark {

    private Dataset data;
    private FitSpec spec;
    private FitSpec specNoPolish;
    private Objective objective;
    private double[] start;
    private double[] lower;
    private double[] upper;
    private LbfgsB optimizer;

    /** Loads the data and compiles the problem once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        data = EpochData.bundled240();
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

    /**
     * The public fit from one start.
     *
     * @return the result
     */
    @Benchmark
    public FitResult fitterSingleStart() {
        return Fitter.fit(ChinchillaLaw.INSTANCE, data, spec);
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
        return optimizer.minimize(objective, start, lower, upper);
    }
}
