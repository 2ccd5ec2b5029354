/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.core.formula.FormulaLaw;
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
 * A formula law against the hand-written law it spells out: objective plus gradient ({@code Objective
 * .valueAndGradient}, sum of Huber(1e-3) on log residuals) of {@code E + A / N^alpha + B / D^beta} compiled by
 * {@link FormulaLaw} versus the built-in {@link ChinchillaLaw}, on the same synthetic Chinchilla data, at n = 240
 * and 10^4. The score is ns per evaluation; divide by n for ns per point. The target is at most 3x the built-in
 * law's scalar path: run the forks with {@code -Dscalinglaws.simd=false} (the default here) so that the built-in law
 * does not take its fused vector kernel, which formulas do not have.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dscalinglaws.simd=false")
public class FormulaBenchmark {

    /** {@code builtin}: the Chinchilla law; {@code formula}: the same law as a formula. */
    @Param({"builtin", "formula"})
    public String path;

    /** Number of data points. */
    @Param({"240", "10000"})
    public int n;

    private Objective objective;
    private double[] u;
    private double[] grad;

    /** Builds the data and the objective once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        Dataset data = Synthetic.dataset(ChinchillaLaw.INSTANCE, n, Synthetic.SEED);
        double[] truth = Synthetic.nearTruth(ChinchillaLaw.INSTANCE);
        ScalingLaw law = ChinchillaLaw.INSTANCE;
        double[] theta = truth;
        if (path.equals("formula")) {
            law = FormulaLaw.parse("E + A / N^alpha + B / D^beta", List.of("N", "D"));
            // formula order E, A, alpha, B, beta; built-in order E, A, B, alpha, beta
            theta = new double[] {truth[0], truth[1], truth[3], truth[2], truth[4]};
        }
        CompiledProblem problem = ProblemAccess.compiled(FitProblem.of(law, data, FitSpec.epoch()));
        objective = problem.newObjective();
        u = problem.startCoordinates(theta);
        grad = new double[objective.dimension()];
        double f = objective.valueAndGradient(u, grad);
        if (!Double.isFinite(f)) {
            throw new IllegalStateException("objective not finite for " + path + " at n=" + n + ": " + f);
        }
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
