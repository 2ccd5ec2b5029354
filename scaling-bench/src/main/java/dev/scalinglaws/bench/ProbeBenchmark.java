/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.bench;

import java.util.concurrent.TimeUnit;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.Dataset;
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
 * The lower bound the Chinchilla objective is measured against: n x (3 {@code Math.exp} + 1 {@code Math.log}) and
 * the few multiply-adds of a log-sum-exp, over the same data layout ({@code double[]} columns of ln N, ln D, ln L
 * taken from the compiled problem) and the same data as {@link ObjectiveBenchmark} (law chinchilla, same seed), with
 * no loss, no gradient and no chunking. {@link #objectiveValue} is the library's objective without gradient on the
 * same inputs, for comparison; {@code ObjectiveBenchmark.valueAndGradient} with law=chinchilla is the one with it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProbeBenchmark {

    /** Number of data points. */
    @Param({"240", "10000", "1000000"})
    public int n;

    private double[] lnN;
    private double[] lnD;
    private double[] lnL;
    private double a;
    private double b;
    private double e;
    private double alpha;
    private double beta;
    private static final double DELTA = 1e-3;

    private double[] weights;
    private double[] grad;
    private Objective objective;
    private double[] u;

    /** Builds the data once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        Dataset data = Synthetic.dataset(ChinchillaLaw.INSTANCE, n, Synthetic.SEED);
        CompiledProblem problem = ProblemAccess.compiled(FitProblem.of(ChinchillaLaw.INSTANCE, data, FitSpec.epoch()));
        Columns x = data.covariates(ChinchillaLaw.INSTANCE);
        lnN = x.logColumn(0).clone();
        lnD = x.logColumn(1).clone();
        double[] loss = data.column("loss");
        lnL = new double[n];
        for (int i = 0; i < n; i++) {
            lnL[i] = Math.log(loss[i]);
        }
        double[] t = Synthetic.nearTruth(ChinchillaLaw.INSTANCE);
        e = Math.log(t[ChinchillaLaw.E]);
        a = Math.log(t[ChinchillaLaw.A]);
        b = Math.log(t[ChinchillaLaw.B]);
        alpha = t[ChinchillaLaw.ALPHA];
        beta = t[ChinchillaLaw.BETA];
        objective = problem.newObjective();
        u = problem.startCoordinates(t);
        weights = data.weights();
        grad = new double[5];
        double[] libraryGrad = new double[5];
        double library = objective.valueAndGradient(u, libraryGrad);
        double fused = fused(grad);
        double tol = 1e-9 * Math.abs(library);
        for (int j = 0; j < 5; j++) {
            if (Math.abs(grad[j] - libraryGrad[j]) > 1e-8 * Math.max(1, Math.abs(libraryGrad[j]))) {
                throw new IllegalStateException("fused gradient " + j + " = " + grad[j] + ", library "
                        + libraryGrad[j]);
            }
        }
        if (Math.abs(fused - library) > tol) {
            throw new IllegalStateException("fused objective " + fused + ", library " + library);
        }
    }

    /**
     * The bound: sum over points of logsumexp(a - alpha ln N, b - beta ln D, e) - ln L (3 exp, 1 log per point).
     *
     * @return the sum (consumed by JMH)
     */
    @Benchmark
    public double expLogBound() {
        double[] x1 = lnN;
        double[] x2 = lnD;
        double[] y = lnL;
        double sum = 0;
        for (int i = 0; i < x1.length; i++) {
            double t1 = a - alpha * x1[i];
            double t2 = b - beta * x2[i];
            double m = Math.max(Math.max(t1, t2), e);
            sum += m + Math.log(Math.exp(t1 - m) + Math.exp(t2 - m) + Math.exp(e - m)) - y[i];
        }
        return sum;
    }

    /**
     * The same log-sum-exp with 2 exp + 1 log per point: the largest term contributes exp(0) = 1 exactly, so only the
     * other two need an exponential (branch-free min / max). Shows what the law's kernel could save.
     *
     * @return the sum (consumed by JMH)
     */
    @Benchmark
    public double twoExpLogBound() {
        double[] x1 = lnN;
        double[] x2 = lnD;
        double[] y = lnL;
        double sum = 0;
        for (int i = 0; i < x1.length; i++) {
            double t1 = a - alpha * x1[i];
            double t2 = b - beta * x2[i];
            double hi = Math.max(t1, t2);
            double lo = Math.min(t1, t2);
            double m = Math.max(hi, e);
            double mid = Math.min(hi, e);
            sum += m + Math.log(1 + Math.exp(lo - m) + Math.exp(mid - m)) - y[i];
        }
        return sum;
    }

    /**
     * A fused single-pass Chinchilla + Huber(1e-3) objective and gradient in the optimiser's coordinates
     * (ln E, ln A, ln B, alpha, beta), with row weights, accumulating in locals: no Jacobian arrays, no second pass,
     * no per-parameter inner loop. What {@code Objective.valueAndGradient} could cost with a fused law-loss kernel;
     * it must equal the library's value (checked in setup).
     *
     * @param bh consumes the gradient
     * @return the objective
     */
    @Benchmark
    public double fusedValueAndGradient(Blackhole bh) {
        double f = fused(grad);
        bh.consume(grad);
        return f;
    }

    private double fused(double[] g) {
        double[] x1 = lnN;
        double[] x2 = lnD;
        double[] y = lnL;
        double[] w = weights;
        double d = DELTA;
        double f = 0;
        double g0 = 0;
        double g1 = 0;
        double g2 = 0;
        double g3 = 0;
        double g4 = 0;
        for (int i = 0; i < x1.length; i++) {
            double wi = w[i];
            double t1 = a - alpha * x1[i];
            double t2 = b - beta * x2[i];
            double m = Math.max(Math.max(t1, t2), e);
            double p1 = Math.exp(t1 - m);
            double p2 = Math.exp(t2 - m);
            double p3 = Math.exp(e - m);
            double s = p1 + p2 + p3;
            double r = m + Math.log(s) - y[i];
            double ar = Math.abs(r);
            f += wi * (ar <= d ? 0.5 * r * r : d * (ar - 0.5 * d));
            double ps = wi * Math.max(-d, Math.min(d, r)) / s;
            double q1 = ps * p1;
            double q2 = ps * p2;
            g0 += ps * p3;
            g1 += q1;
            g2 += q2;
            g3 -= q1 * x1[i];
            g4 -= q2 * x2[i];
        }
        g[0] = g0;
        g[1] = g1;
        g[2] = g2;
        g[3] = g3;
        g[4] = g4;
        return f;
    }

    /**
     * The library's objective value (no gradient) on the same inputs.
     *
     * @return the objective
     */
    @Benchmark
    public double objectiveValue() {
        return objective.value(u);
    }
}
