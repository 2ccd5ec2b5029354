/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.internal;


/**
 * Limited-memory BFGS with box bounds, for smooth (C1) objectives.
 *
 * <p>Unconstrained coordinates take the classical L-BFGS two-loop direction (Nocedal 1980; Nocedal and Wright,
 * <i>Numerical Optimization</i>, 2nd ed., Alg. 7.4) with a line search satisfying the strong Wolfe conditions
 * (Alg. 3.5 and 3.6, cubic interpolation; c1 = 1e-4, c2 = 0.9). Bounds are handled by an active-set projection in the
 * spirit of L-BFGS-B (Byrd, Lu, Nocedal and Zhu 1995): coordinates at a bound whose gradient points outwards are held
 * fixed, the quasi-Newton direction is computed on the others, and the step is capped where the first free
 * coordinate reaches its bound.
 *
 * <p>Stopping rules follow SciPy's L-BFGS-B so that results are comparable: converged when the largest projected
 * gradient component is at most {@code gtol}, or when the relative decrease (f_k - f_{k+1}) / max(|f_k|, |f_{k+1}|, 1)
 * is at most {@code ftol}.
 *
 * <p>Immutable; {@link #minimize} allocates its work arrays once per call and nothing per iteration, and is
 * thread-safe as long as each thread uses its own {@link Objective}.
 */
public final class LbfgsB implements LocalOptimizer {

    private static final int MAX_LINE_SEARCH = 40;

    private final int memory;
    private final int maxIterations;
    private final int maxEvaluations;
    private final double ftol;
    private final double gtol;

    /**
     * The library's rule for a fit's L-BFGS-B: memory 10, at most {@code maxIterations} iterations and
     * max(1.5 maxIterations, 100) evaluations (SciPy's defaults scaled with the iteration limit).
     *
     * @param maxIterations iteration limit (a spec's)
     * @param ftol          relative-decrease tolerance
     * @param gtol          projected-gradient tolerance
     * @return the optimiser
     */
    public static LbfgsB forIterations(int maxIterations, double ftol, double gtol) {
        return new LbfgsB(10, maxIterations, Math.max(maxIterations * 3 / 2, 100), ftol, gtol);
    }

    /**
     * @param memory         number of correction pairs kept (SciPy: 10)
     * @param maxIterations  iteration limit
     * @param maxEvaluations evaluation limit
     * @param ftol           relative-decrease tolerance (SciPy: 2.22e-9)
     * @param gtol           projected-gradient tolerance (SciPy: 1e-5)
     */
    public LbfgsB(int memory, int maxIterations, int maxEvaluations, double ftol, double gtol) {
        if (memory < 1 || maxIterations < 1 || maxEvaluations < 1 || !(ftol >= 0) || !(gtol >= 0)) {
            throw new IllegalArgumentException("invalid L-BFGS-B settings");
        }
        this.memory = memory;
        this.maxIterations = maxIterations;
        this.maxEvaluations = maxEvaluations;
        this.ftol = ftol;
        this.gtol = gtol;
    }

    /** SciPy's defaults: memory 10, 15000 iterations and evaluations, ftol 2.22e-9, gtol 1e-5. */
    public static LbfgsB scipyDefaults() {
        return new LbfgsB(10, 15000, 15000, 2.220446049250313e-09, 1e-5);
    }

    /** This optimiser with other tolerances. */
    public LbfgsB withTolerances(double newFtol, double newGtol) {
        return new LbfgsB(memory, maxIterations, maxEvaluations, newFtol, newGtol);
    }

    /** This optimiser with another iteration limit (evaluations allowed: 1.5 times as many, at least 50 more). */
    public LbfgsB withMaxIterations(int iterations) {
        return new LbfgsB(memory, iterations, Math.max(iterations + 50, iterations * 3 / 2), ftol, gtol);
    }

    /** The iteration limit. */
    public int maxIterations() {
        return maxIterations;
    }

    /** The relative-decrease tolerance. */
    public double ftol() {
        return ftol;
    }

    /** The projected-gradient tolerance. */
    public double gtol() {
        return gtol;
    }

    /**
     * The outcome of one minimisation.
     *
     * @param x           final point (the best finite point seen)
     * @param value       objective at x
     * @param status      why it stopped
     * @param iterations  iterations taken
     * @param evaluations objective evaluations
     * @param gradientNorm largest projected gradient component at x
     */
    public record Result(double[] x, double value, OptimizerStatus status, int iterations, int evaluations,
                         double gradientNorm) {
    }

    /**
     * Minimises f from x0 within [lower, upper] (infinite bounds allowed; x0 is clamped into the box).
     *
     * @param f     the objective (this call uses its buffers)
     * @param x0    start
     * @param lower lower bounds, or null for none
     * @param upper upper bounds, or null for none
     * @return the result
     */
    @Override
    public Result minimize(Objective f, double[] x0, double[] lower, double[] upper) {
        int n = x0.length;
        double[] x = x0.clone();
        boolean bounded = false;
        if (lower != null || upper != null) {
            for (int i = 0; i < n; i++) {
                double lo = lower == null ? Double.NEGATIVE_INFINITY : lower[i];
                double hi = upper == null ? Double.POSITIVE_INFINITY : upper[i];
                if (lo > Double.NEGATIVE_INFINITY || hi < Double.POSITIVE_INFINITY) {
                    bounded = true;
                }
                x[i] = Math.min(hi, Math.max(lo, x[i]));
            }
        }
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            lo[i] = lower == null ? Double.NEGATIVE_INFINITY : lower[i];
            hi[i] = upper == null ? Double.POSITIVE_INFINITY : upper[i];
        }
        double[] g = new double[n];
        double[] d = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        double[] q = new double[n];
        double[][] s = new double[memory][n];
        double[][] y = new double[memory][n];
        double[] rho = new double[memory];
        double[] alphaHist = new double[memory];
        boolean[] fixed = new boolean[n];
        StrongWolfeLineSearch ls = new StrongWolfeLineSearch(n);

        double fx = f.valueAndGradient(x, g);
        int evals = 1;
        if (!Double.isFinite(fx) || !allFinite(g)) {
            return new Result(x, fx, OptimizerStatus.NON_FINITE, 0, evals, Double.NaN);
        }
        int stored = 0;
        int head = 0;
        int iter = 0;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                return new Result(x, fx, OptimizerStatus.MAX_ITERATIONS, iter, evals, Double.NaN);
            }
            double pgNorm = projectedGradientNorm(x, g, lo, hi);
            if (pgNorm <= gtol) {
                return new Result(x, fx, OptimizerStatus.CONVERGED, iter, evals, pgNorm);
            }
            if (iter >= maxIterations || evals >= maxEvaluations) {
                return new Result(x, fx, OptimizerStatus.MAX_ITERATIONS, iter, evals, pgNorm);
            }
            iter++;
            // active set: coordinates at a bound with the gradient pushing outwards
            int freeCount = 0;
            for (int i = 0; i < n; i++) {
                fixed[i] = (x[i] <= lo[i] && g[i] > 0) || (x[i] >= hi[i] && g[i] < 0);
                if (!fixed[i]) {
                    freeCount++;
                }
            }
            if (freeCount == 0) {
                return new Result(x, fx, OptimizerStatus.CONVERGED, iter, evals, 0);
            }
            twoLoop(g, fixed, s, y, rho, alphaHist, stored, head, q, d);
            double dg = dot(d, g);
            if (!(dg < 0)) {
                stored = 0;
                for (int i = 0; i < n; i++) {
                    d[i] = fixed[i] ? 0 : -g[i];
                }
                dg = dot(d, g);
            }
            double maxStep = Double.POSITIVE_INFINITY;
            if (bounded) {
                for (int i = 0; i < n; i++) {
                    if (d[i] > 0 && hi[i] < Double.POSITIVE_INFINITY) {
                        maxStep = Math.min(maxStep, (hi[i] - x[i]) / d[i]);
                    } else if (d[i] < 0 && lo[i] > Double.NEGATIVE_INFINITY) {
                        maxStep = Math.min(maxStep, (lo[i] - x[i]) / d[i]);
                    }
                }
            }
            double step0 = 1.0;
            if (stored == 0) {
                double dn = Math.sqrt(dot(d, d));
                step0 = Math.min(1.0, 1.0 / dn);
            }
            step0 = Math.min(step0, maxStep);
            if (!(step0 > 0)) {
                // a free coordinate sits on its bound with the direction pointing out: fix it and retry
                stored = 0;
                for (int i = 0; i < n; i++) {
                    if ((x[i] <= lo[i] && d[i] < 0) || (x[i] >= hi[i] && d[i] > 0)) {
                        g[i] = 0;
                    }
                }
                continue;
            }
            int budget = Math.min(MAX_LINE_SEARCH, maxEvaluations - evals);
            double step = ls.search(f, x, fx, g, d, dg, step0, maxStep, budget, xNew, gNew);
            evals += ls.evaluations;
            if (!(step > 0)) {
                if (stored > 0) {
                    stored = 0;
                    continue;
                }
                double pg = projectedGradientNorm(x, g, lo, hi);
                OptimizerStatus st = OptimizerStatus.CONVERGED;
                if (pg > 1e3 * gtol) {
                    evals++;
                    st = stationaryToWorkingPrecision(f, x, fx, d, dg, lo, hi, xNew) ? OptimizerStatus.CONVERGED
                            : OptimizerStatus.LINE_SEARCH_FAILED;
                }
                return new Result(x, fx, st, iter, evals, pg);
            }
            double fNew = ls.value;
            if (bounded) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = Math.min(hi[i], Math.max(lo[i], xNew[i]));
                }
            }
            double[] sk = s[head];
            double[] yk = y[head];
            double sy = 0;
            double yy = 0;
            for (int i = 0; i < n; i++) {
                sk[i] = xNew[i] - x[i];
                yk[i] = gNew[i] - g[i];
                sy += sk[i] * yk[i];
                yy += yk[i] * yk[i];
            }
            if (sy > 2.2e-16 * yy) {
                rho[head] = 1 / sy;
                head = (head + 1) % memory;
                stored = Math.min(stored + 1, memory);
            }
            double decrease = fx - fNew;
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            double fOld = fx;
            fx = fNew;
            if (decrease <= ftol * Math.max(Math.max(Math.abs(fOld), Math.abs(fNew)), 1)) {
                return new Result(x, fx, OptimizerStatus.CONVERGED, iter, evals, projectedGradientNorm(x, g, lo, hi));
            }
        }
    }

    private void twoLoop(double[] g, boolean[] fixed, double[][] s, double[][] y, double[] rho, double[] alpha,
                         int stored, int head, double[] q, double[] d) {
        int n = g.length;
        for (int i = 0; i < n; i++) {
            q[i] = fixed[i] ? 0 : g[i];
        }
        // newest pair first; idx = (head - 1 - k) mod memory without an integer division
        int idx = head;
        for (int k = 0; k < stored; k++) {
            idx = idx == 0 ? memory - 1 : idx - 1;
            double a = 0;
            for (int i = 0; i < n; i++) {
                if (!fixed[i]) {
                    a += s[idx][i] * q[i];
                }
            }
            a *= rho[idx];
            alpha[idx] = a;
            for (int i = 0; i < n; i++) {
                if (!fixed[i]) {
                    q[i] -= a * y[idx][i];
                }
            }
        }
        double gamma = 1;
        if (stored > 0) {
            int last = Math.floorMod(head - 1, memory);
            double yy = 0;
            for (int i = 0; i < n; i++) {
                yy += y[last][i] * y[last][i];
            }
            gamma = yy > 0 ? 1 / (rho[last] * yy) : 1;
        }
        for (int i = 0; i < n; i++) {
            q[i] *= gamma;
        }
        // oldest pair first: idx continues from the oldest pair the first loop reached
        for (int k = stored - 1; k >= 0; k--) {
            double b = 0;
            for (int i = 0; i < n; i++) {
                if (!fixed[i]) {
                    b += y[idx][i] * q[i];
                }
            }
            b *= rho[idx];
            for (int i = 0; i < n; i++) {
                if (!fixed[i]) {
                    q[i] += s[idx][i] * (alpha[idx] - b);
                }
            }
            idx = idx == memory - 1 ? 0 : idx + 1;
        }
        for (int i = 0; i < n; i++) {
            d[i] = fixed[i] ? 0 : -q[i];
        }
    }

    /**
     * After a failed steepest-descent line search: whether f is stationary at x to working precision. The probe
     * step t is the one along which the linear model predicts a decrease of 1e3 ulps of f; if f does not decrease
     * there by more than 1e2 ulps, no step can make progress in floating point and x is an optimum as far as the
     * arithmetic can tell (the absolute gradient tolerance is then simply below what rounding allows). Otherwise the
     * line search failed on a function that could still decrease.
     */
    private static boolean stationaryToWorkingPrecision(Objective f, double[] x, double fx, double[] d, double dg,
                                                        double[] lo, double[] hi, double[] work) {
        double ulp = 2.220446049250313e-16 * Math.max(Math.abs(fx), Double.MIN_NORMAL);
        if (!(dg < 0)) {
            return true;
        }
        double t = 1e3 * ulp / -dg;
        for (int i = 0; i < x.length; i++) {
            work[i] = Math.min(hi[i], Math.max(lo[i], x[i] + t * d[i]));
        }
        double ft = f.value(work);
        return !(ft < fx - 1e2 * ulp);
    }

    static double projectedGradientNorm(double[] x, double[] g, double[] lo, double[] hi) {
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            double pg = g[i];
            if (pg < 0) {
                pg = Math.max(x[i] - hi[i], pg);
            } else {
                pg = Math.min(x[i] - lo[i], pg);
            }
            m = Math.max(m, Math.abs(pg));
        }
        return m;
    }

    private static boolean allFinite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
