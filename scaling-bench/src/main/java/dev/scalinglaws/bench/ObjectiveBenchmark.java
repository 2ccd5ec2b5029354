/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.bench;

import java.util.concurrent.TimeUnit;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.core.ScalingLaws;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.FitProblem;
import dev.scalinglaws.fit.internal.CompiledProblem;
import dev.scalinglaws.fit.internal.ProblemAccess;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The hot loop: one evaluation of the fit objective and its gradient, {@code Objective.valueAndGradient(u, grad)},
 * for every built-in law ({@link ScalingLaws#builtIn()}) at n = 240, 10^4 and 10^6 synthetic points, with the
 * Epoch loss (sum of Huber(1e-3) on log residuals). The score is ns per evaluation; divide by n for ns per point
 * ({@code bench/jmh_summary.py} does). Run with {@code -prof gc}: {@code gc.alloc.rate.norm} is the bytes allocated
 * per evaluation and should be 0.
 *
 * <p>Inputs: {@link Synthetic#dataset} with a fixed seed; the evaluation point is the generating parameter vector
 * moved by 5% (so residuals fall in both regimes of the Huber loss).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ObjectiveBenchmark {

    /** The law, by registry name; every law of {@link ScalingLaws#builtIn()}. */
    @Param({"kaplan-n", "kaplan-d", "kaplan-c", "kaplan-nd", "chinchilla", "overtraining"})
    public String law;

    /** Number of data points. */
    @Param({"240", "10000", "1000000"})
    public int n;

    private Objective objective;
    private double[] u;
    private double[] grad;

    /** Builds the data and the objective once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        ScalingLaw l = builtIn(law);
        Dataset data = Synthetic.dataset(l, n, Synthetic.SEED);
        CompiledProblem problem = ProblemAccess.compiled(FitProblem.of(l, data, FitSpec.epoch()));
        objective = problem.newObjective();
        u = problem.startCoordinates(Synthetic.nearTruth(l));
        grad = new double[objective.dimension()];
        double f = objective.valueAndGradient(u, grad);
        if (!Double.isFinite(f)) {
            throw new IllegalStateException("objective not finite for " + law + " at n=" + n + ": " + f);
        }
    }

    static ScalingLaw builtIn(String name) {
        for (ScalingLaw l : ScalingLaws.builtIn()) {
            if (l.name().equals(name)) {
                return l;
            }
        }
        throw new IllegalArgumentException("not a built-in law: " + name);
    }

    /**
     * Objective and gradient at one point.
     *
     * @param bh consumes the gradient
     * @return the objective
     */
    @Benchmark
    public double valueAndGradient(Blackhole bh) {
        double f = objective.valueAndGradient(u, grad);
        bh.consume(grad);
        return f;
    }
}
