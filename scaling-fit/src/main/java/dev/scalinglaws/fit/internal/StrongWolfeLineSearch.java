/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.internal;

/**
 * The line search of {@link LbfgsB}: a step satisfying the strong Wolfe conditions
 * f(x + a d) &lt;= f(x) + c1 a f'(x; d) and |f'(x + a d; d)| &lt;= c2 |f'(x; d)|, with c1 = 1e-4 and c2 = 0.9, by
 * bracketing and zooming with cubic interpolation (Nocedal and Wright, <i>Numerical Optimization</i>, 2nd ed.,
 * Alg. 3.5 and 3.6), capped at the step where the first free coordinate reaches its bound. It keeps the best point
 * with sufficient decrease seen, and backs off from points where the objective is not finite.
 *
 * <p>One instance per minimisation: it owns its work arrays and is not thread-safe.
 */
final class StrongWolfeLineSearch {

    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;

    int evaluations;
    double value;
    private final double[] xt;
    private final double[] gt;

    StrongWolfeLineSearch(int n) {
        xt = new double[n];
        gt = new double[n];
    }

    /** Returns the accepted step (0 on failure); the accepted point and gradient are in xOut, gOut. */
    double search(Objective f, double[] x, double f0, double[] g0, double[] d, double dg0, double step0,
                  double maxStep, int budget, double[] xOut, double[] gOut) {
        evaluations = 0;
        double aPrev = 0;
        double fPrev = f0;
        double dgPrev = dg0;
        double a = step0;
        double bestStep = 0;
        double bestF = f0;
        while (evaluations < budget) {
            double fa = eval(f, x, d, a);
            double dga = LbfgsB.dot(gt, d);
            if (!Double.isFinite(fa) || !finite(gt)) {
                // undefined region: shrink towards the last good step
                a = aPrev + 0.1 * (a - aPrev);
                if (a - aPrev < 1e-20) {
                    break;
                }
                continue;
            }
            if (fa < bestF && fa <= f0 + C1 * a * dg0) {
                bestF = fa;
                bestStep = a;
                copyOut(xOut, gOut);
                value = fa;
            }
            if (fa > f0 + C1 * a * dg0 || (evaluations > 1 && fa >= fPrev)) {
                return zoom(f, x, f0, dg0, d, aPrev, fPrev, dgPrev, a, fa, dga, budget, xOut, gOut, bestStep);
            }
            if (Math.abs(dga) <= -C2 * dg0) {
                copyOut(xOut, gOut);
                value = fa;
                return a;
            }
            if (dga >= 0) {
                return zoom(f, x, f0, dg0, d, a, fa, dga, aPrev, fPrev, dgPrev, budget, xOut, gOut, bestStep);
            }
            if (a >= maxStep) {
                // the step hits a bound: accept it (sufficient decrease holds)
                copyOut(xOut, gOut);
                value = fa;
                return a;
            }
            aPrev = a;
            fPrev = fa;
            dgPrev = dga;
            a = Math.min(maxStep, a * 4);
        }
        return bestStep;
    }

    private double zoom(Objective f, double[] x, double f0, double dg0, double[] d, double aLo, double fLo,
                        double dgLo, double aHi, double fHi, double dgHi, int budget, double[] xOut,
                        double[] gOut, double bestStep) {
        double best = bestStep;
        while (evaluations < budget) {
            double a = cubicMinimizer(aLo, fLo, dgLo, aHi, fHi, dgHi);
            double lo = Math.min(aLo, aHi);
            double hi = Math.max(aLo, aHi);
            double width = hi - lo;
            if (!(a > lo + 0.1 * width && a < hi - 0.1 * width)) {
                a = 0.5 * (lo + hi);
            }
            if (width <= 1e-16 * Math.max(1, hi)) {
                break;
            }
            double fa = eval(f, x, d, a);
            double dga = LbfgsB.dot(gt, d);
            if (!Double.isFinite(fa) || !finite(gt)) {
                aHi = a;
                fHi = Double.POSITIVE_INFINITY;
                dgHi = Double.NaN;
                continue;
            }
            if (fa <= f0 + C1 * a * dg0 && fa < value(best, f0)) {
                best = a;
                copyOut(xOut, gOut);
                value = fa;
            }
            if (fa > f0 + C1 * a * dg0 || fa >= fLo) {
                aHi = a;
                fHi = fa;
                dgHi = dga;
            } else {
                if (Math.abs(dga) <= -C2 * dg0) {
                    copyOut(xOut, gOut);
                    value = fa;
                    return a;
                }
                if (dga * (aHi - aLo) >= 0) {
                    aHi = aLo;
                    fHi = fLo;
                    dgHi = dgLo;
                }
                aLo = a;
                fLo = fa;
                dgLo = dga;
            }
        }
        return best;
    }

    private double value(double step, double f0) {
        return step > 0 ? value : f0;
    }

    private double eval(Objective f, double[] x, double[] d, double a) {
        for (int i = 0; i < x.length; i++) {
            xt[i] = x[i] + a * d[i];
        }
        evaluations++;
        return f.valueAndGradient(xt, gt);
    }

    private void copyOut(double[] xOut, double[] gOut) {
        System.arraycopy(xt, 0, xOut, 0, xt.length);
        System.arraycopy(gt, 0, gOut, 0, gt.length);
    }

    private static boolean finite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    /** Minimiser of the cubic interpolating f and f' at a and b (NaN if none). */
    private static double cubicMinimizer(double a, double fa, double ga, double b, double fb, double gb) {
        if (!Double.isFinite(fb) || !Double.isFinite(gb) || !Double.isFinite(fa) || !Double.isFinite(ga)) {
            return Double.NaN;
        }
        double d1 = ga + gb - 3 * (fa - fb) / (a - b);
        double disc = d1 * d1 - ga * gb;
        if (disc < 0) {
            return Double.NaN;
        }
        double d2 = Math.copySign(Math.sqrt(disc), b - a);
        return b - (b - a) * (gb + d2 - d1) / (gb - ga + 2 * d2);
    }
}
