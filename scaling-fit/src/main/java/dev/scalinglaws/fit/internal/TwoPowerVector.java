/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fitting objective fused with a law of the form
 *
 * <pre>
 *   ln L_i = p ln S_i,   S_i = E + x1_i + x2_i,   x1_i = exp(c1 - s1 u_i),   x2_i = exp(c2 - s2 v_i)
 * </pre>
 *
 * (Chinchilla, Hoffmann et al. 2022: u = ln N, v = ln D, c1 = ln A, s1 = alpha, ...; the other laws of this form are
 * listed in {@link TwoPowerForms}), vectorised: SUM_i w_i rho(ln L_i - y_i) with Huber's rho of threshold delta
 * (least squares: delta = +infinity), and the five sums the gradient of any such law is made of,
 *
 * <pre>
 *   g_i = w_i psi(ln L_i - y_i) / S_i
 *   G0 = SUM g_i (d/dE / p),  G1 = SUM g_i x1_i (d/dc1 / p),  G2 = SUM g_i x2_i (d/dc2 / p),
 *   H1 = SUM g_i x1_i u_i (-d/ds1 / p),  H2 = SUM g_i x2_i v_i (-d/ds2 / p),  K = SUM w_i psi_i ln S_i (d/dp)
 * </pre>
 *
 * (p = 1 for every law but Kaplan's L(N, D))
 *
 * with two exponentials and one logarithm per row ({@link VectorMath}: the same bits compiled or interpreted). A vector
 * of rows in which a term overflows or S underflows, and the rows that do not fill a vector, are done in the scalar
 * log-sum-exp form, finite for any finite coefficients (E may be 0). Rows of weight zero contribute nothing.
 *
 * <p>Each loop is its own small method: C2 must inline every Vector API call of a loop, or it boxes the vectors on
 * the heap; one loop with all three transcendental functions exceeds its inlining budget. Load this class only when
 * {@link Simd#ENABLED} is true.
 */
public final class TwoPowerVector {

    private static final VectorSpecies<Double> S = VectorMath.S;

    /** Rows per chunk; the scratch arrays passed to {@link #logHuber} must hold this many. */
    public static final int CHUNK = 256;

    /** Index of G0 in the sums array (after the objective at index 0). */
    public static final int G0 = 1;
    /** Index of G1. */
    public static final int G1 = 2;
    /** Index of G2. */
    public static final int G2 = 3;
    /** Index of H1. */
    public static final int H1 = 4;
    /** Index of H2. */
    public static final int H2 = 5;
    /** Index of K. */
    public static final int K = 6;

    private TwoPowerVector() {
    }

    /**
     * Lanes per vector on this machine.
     *
     * @return the number of doubles per vector
     */
    public static int lanes() {
        return S.length();
    }

    /**
     * The fused objective and its gradient sums.
     *
     * @param coefficients (E, c1, s1, c2, s2, p)
     * @param u            the first term's log covariate per row
     * @param v            the second term's log covariate per row
     * @param y            ln of the observed loss per row
     * @param w            row weights
     * @param delta        Huber threshold, +infinity for least squares
     * @param sums         output (length 7): the objective at 0, then G0, G1, G2, H1, H2, K at {@link #G0} ..
     *                     {@link #K} (overwritten)
     * @param x1           scratch of length {@link #CHUNK}
     * @param x2           scratch of length {@link #CHUNK}
     * @return the objective, as in sums[0] (NaN if a weighted residual is NaN)
     */
    public static double logHuber(double[] coefficients, double[] u, double[] v, double[] y, double[] w,
                                  double delta, double[] sums, double[] x1, double[] x2) {
        double e = coefficients[0];
        double c1 = coefficients[1];
        double s1 = coefficients[2];
        double c2 = coefficients[3];
        double s2 = coefficients[4];
        double power = coefficients[5];
        int n = y.length;
        int upper = S.loopBound(n);
        java.util.Arrays.fill(sums, 0);
        for (int from = 0; from < upper; from += CHUNK) {
            int to = Math.min(upper, from + CHUNK);
            expAffine(c1, s1, u, from, to, x1);
            expAffine(c2, s2, v, from, to, x2);
            if (accumulate(e, power, u, v, y, w, delta, from, to, x1, x2, sums)) {
                // accumulate() dropped the vectors with an out-of-range row: redo those rows in log-sum-exp form
                for (int i = from; i < to; i += S.length()) {
                    if (outOfRange(x1, x2, e, i - from)) {
                        for (int row = i; row < i + S.length(); row++) {
                            logSumExpRow(row, coefficients, u, v, y, w, delta, sums);
                        }
                    }
                }
            }
        }
        for (int i = upper; i < n; i++) {
            logSumExpRow(i, coefficients, u, v, y, w, delta, sums);
        }
        return sums[0];
    }

    /** out[i - from] = exp(c - slope ln[i]) for whole vectors of rows. */
    private static void expAffine(double c, double slope, double[] ln, int from, int to, double[] out) {
        DoubleVector vc = DoubleVector.broadcast(S, c);
        for (int i = from; i < to; i += S.length()) {
            VectorMath.exp(vc.sub(DoubleVector.fromArray(S, ln, i).mul(slope))).intoArray(out, i - from);
        }
    }

    /** Whether the vector of stored terms at k has a row whose S = x1 + x2 + E overflows or underflows. */
    private static boolean outOfRange(double[] x1, double[] x2, double e, int k) {
        DoubleVector s = DoubleVector.fromArray(S, x1, k).add(DoubleVector.fromArray(S, x2, k)).add(e);
        return s.compare(VectorOperators.GT, Double.MAX_VALUE).or(s.compare(VectorOperators.LT, Double.MIN_NORMAL))
                .anyTrue();
    }

    /**
     * Adds, over rows from .. to - 1 (whole vectors), SUM w rho to sums[0] and G0 .. K to sums[1 .. 6]; vectors with
     * an out-of-range row are left out entirely, and the return value says whether there was one.
     */
    private static boolean accumulate(double e, double power, double[] u, double[] v, double[] y, double[] w,
                                      double delta,
                                      int from, int to, double[] x1, double[] x2, double[] sums) {
        double halfDelta = 0.5 * delta;
        DoubleVector sum = DoubleVector.zero(S);
        DoubleVector g0 = DoubleVector.zero(S);
        DoubleVector g1 = DoubleVector.zero(S);
        DoubleVector g2 = DoubleVector.zero(S);
        DoubleVector h1 = DoubleVector.zero(S);
        DoubleVector h2 = DoubleVector.zero(S);
        DoubleVector kk = DoubleVector.zero(S);
        boolean dropped = false;
        for (int i = from; i < to; i += S.length()) {
            int k = i - from;
            DoubleVector v1 = DoubleVector.fromArray(S, x1, k);
            DoubleVector v2 = DoubleVector.fromArray(S, x2, k);
            DoubleVector s = v1.add(v2).add(e);
            // a term overflows or the sum underflows somewhere in this vector: its rows go to the scalar
            // log-sum-exp form, and this path drops them all (weight 0), so no row counts twice
            boolean outOfRange = s.compare(VectorOperators.GT, Double.MAX_VALUE)
                    .or(s.compare(VectorOperators.LT, Double.MIN_NORMAL)).anyTrue();
            dropped |= outOfRange;
            DoubleVector vw = DoubleVector.fromArray(S, w, i).mul(outOfRange ? 0.0 : 1.0);
            VectorMask<Double> used = vw.compare(VectorOperators.NE, 0);
            DoubleVector logS = VectorMath.log(s);
            DoubleVector r = logS.mul(power).sub(DoubleVector.fromArray(S, y, i));
            // Huber's rho and psi (HuberMath) written out: a call here would cost C2 its inlining budget, and the
            // vectors would be boxed on the heap
            DoubleVector a = r.abs();
            DoubleVector rho = a.sub(halfDelta).mul(delta)
                    .blend(r.mul(r).mul(0.5), a.compare(VectorOperators.LE, delta));
            sum = sum.add(vw.mul(rho), used);
            DoubleVector wPsi = vw.mul(r.min(delta).max(-delta));
            DoubleVector g = wPsi.div(s);
            DoubleVector gx1 = g.mul(v1);
            DoubleVector gx2 = g.mul(v2);
            g0 = g0.add(g, used);
            g1 = g1.add(gx1, used);
            g2 = g2.add(gx2, used);
            h1 = h1.add(gx1.mul(DoubleVector.fromArray(S, u, i)), used);
            h2 = h2.add(gx2.mul(DoubleVector.fromArray(S, v, i)), used);
            kk = kk.add(wPsi.mul(logS), used);
        }
        sums[0] += sum.reduceLanes(VectorOperators.ADD);
        sums[G0] += g0.reduceLanes(VectorOperators.ADD);
        sums[G1] += g1.reduceLanes(VectorOperators.ADD);
        sums[G2] += g2.reduceLanes(VectorOperators.ADD);
        sums[H1] += h1.reduceLanes(VectorOperators.ADD);
        sums[H2] += h2.reduceLanes(VectorOperators.ADD);
        sums[K] += kk.reduceLanes(VectorOperators.ADD);
        return dropped;
    }

    /** One row in the log-sum-exp form (finite for any finite coefficients, E = 0 included), added to sums. */
    private static void logSumExpRow(int i, double[] coefficients, double[] u, double[] v, double[] y, double[] w,
                                     double delta, double[] sums) {
        double wi = w[i];
        if (wi == 0) {
            return;
        }
        double t1 = coefficients[1] - coefficients[2] * u[i];
        double t2 = coefficients[3] - coefficients[4] * v[i];
        double t3 = Math.log(coefficients[0]);
        double m = Math.max(Math.max(t1, t2), t3);
        double x1 = Math.exp(t1 - m);
        double x2 = Math.exp(t2 - m);
        double s = x1 + x2 + Math.exp(t3 - m);
        double logS = m + Math.log(s);
        double r = logS * coefficients[5] - y[i];
        double wPsi = wi * HuberMath.psi(r, delta);
        // g x_k = w psi x_k / S with the shifted terms x_k / s; g itself = w psi / S = w psi e^-m / s
        double q = wPsi / s;
        sums[0] += wi * HuberMath.rho(r, delta);
        sums[G0] += q * Math.exp(-m);
        sums[G1] += q * x1;
        sums[G2] += q * x2;
        sums[H1] += q * x1 * u[i];
        sums[H2] += q * x2 * v[i];
        sums[K] += wPsi * logS;
    }
}
