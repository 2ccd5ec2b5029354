package dev.scalinglaws.core.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Epoch protocol's objective fused with the Chinchilla law (Hoffmann et al. 2022, arXiv:2203.15556), vectorised:
 * SUM_i w_i rho(ln L_i - y_i) with Huber's rho of threshold delta (least squares: delta = +infinity) and its gradient
 * with respect to (E, A, B, alpha, beta),
 *
 * <pre>
 *   L_i = x1_i + x2_i + E,  x1_i = A N_i^-alpha = exp(ln A - alpha ln N_i),  x2_i = B D_i^-beta,
 *   g_i = w_i psi(ln L_i - y_i) / L_i,
 *   d/dE = SUM g_i,  d/dA = SUM g_i x1_i / A,  d/dB = SUM g_i x2_i / B,
 *   d/dalpha = -SUM g_i x1_i ln N_i,  d/dbeta = -SUM g_i x2_i ln D_i
 * </pre>
 *
 * with two exponentials and one logarithm per row ({@link VectorMath}: the same bits compiled or interpreted).
 * A vector of rows in which a term overflows or L underflows, and the rows that do not fill a vector, are done in
 * the scalar log-sum-exp form, finite for any finite parameters. Rows of weight zero contribute nothing.
 *
 * <p>Each loop is its own small method: C2 must inline every Vector API call of a loop, or it boxes the vectors on
 * the heap; one loop with all three transcendental functions exceeds its inlining budget. Load this class only when
 * {@link Simd#ENABLED} is true.
 */
public final class ChinchillaVector {

    private static final VectorSpecies<Double> S = VectorMath.S;

    /** Rows per chunk; scratch arrays passed to {@link #logHuber} must hold this many. */
    public static final int CHUNK = 256;

    private ChinchillaVector() {
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
     * The fused objective, its gradient added to {@code gradient}.
     *
     * @param theta    (E, A, B, alpha, beta)
     * @param lnN      ln N per row
     * @param lnD      ln D per row
     * @param y        ln of the observed loss per row
     * @param w        row weights
     * @param delta    Huber threshold, +infinity for least squares
     * @param gradient output, added to (length 5)
     * @param x1       scratch of length {@link #CHUNK}
     * @param x2       scratch of length {@link #CHUNK}
     * @param sums     scratch of length 6
     * @return the objective (NaN if a weighted residual is NaN)
     */
    public static double logHuber(double[] theta, double[] lnN, double[] lnD, double[] y, double[] w, double delta,
                                  double[] gradient, double[] x1, double[] x2, double[] sums) {
        double lnE = Math.log(theta[0]);
        double lnA = Math.log(theta[1]);
        double lnB = Math.log(theta[2]);
        int n = y.length;
        int upper = S.loopBound(n);
        java.util.Arrays.fill(sums, 0);
        double total = 0;
        for (int from = 0; from < upper; from += CHUNK) {
            int to = Math.min(upper, from + CHUNK);
            expAffine(lnA, theta[3], lnN, from, to, x1);
            expAffine(lnB, theta[4], lnD, from, to, x2);
            if (accumulate(theta[0], lnN, lnD, y, w, delta, from, to, x1, x2, sums)) {
                // accumulate() dropped the vectors with an out-of-range row: redo those rows in log-sum-exp form
                for (int i = from; i < to; i += S.length()) {
                    if (outOfRange(x1, x2, theta[0], i - from)) {
                        for (int row = i; row < i + S.length(); row++) {
                            total += logSumExpRow(row, lnE, lnA, lnB, theta, lnN, lnD, y, w, delta, gradient);
                        }
                    }
                }
            }
        }
        total += sums[0];
        for (int i = upper; i < n; i++) {
            total += logSumExpRow(i, lnE, lnA, lnB, theta, lnN, lnD, y, w, delta, gradient);
        }
        gradient[0] += sums[1];
        gradient[1] += sums[2] / theta[1];
        gradient[2] += sums[3] / theta[2];
        gradient[3] -= sums[4];
        gradient[4] -= sums[5];
        return total;
    }

    /** out[i - from] = exp(c - slope ln[i]) for whole vectors of rows. */
    private static void expAffine(double c, double slope, double[] ln, int from, int to, double[] out) {
        DoubleVector vc = DoubleVector.broadcast(S, c);
        for (int i = from; i < to; i += S.length()) {
            VectorMath.exp(vc.sub(DoubleVector.fromArray(S, ln, i).mul(slope))).intoArray(out, i - from);
        }
    }

    /** Whether the vector of stored terms at k has a row whose L = x1 + x2 + E overflows or underflows. */
    private static boolean outOfRange(double[] x1, double[] x2, double e, int k) {
        DoubleVector s = DoubleVector.fromArray(S, x1, k).add(DoubleVector.fromArray(S, x2, k)).add(e);
        return s.compare(VectorOperators.GT, Double.MAX_VALUE).or(s.compare(VectorOperators.LT, Double.MIN_NORMAL))
                .anyTrue();
    }

    /**
     * Adds, over rows from .. to - 1 (whole vectors), SUM w rho to sums[0] and the five gradient sums (before the
     * division by A and B and the sign of the exponents' terms) to sums[1 .. 5]; vectors with an out-of-range row
     * are left out entirely, and the return value says whether there was one.
     */
    private static boolean accumulate(double e, double[] lnN, double[] lnD, double[] y, double[] w, double delta,
                                   int from, int to, double[] x1, double[] x2, double[] sums) {
        double halfDelta = 0.5 * delta;
        DoubleVector sum = DoubleVector.zero(S);
        DoubleVector gE = DoubleVector.zero(S);
        DoubleVector gA = DoubleVector.zero(S);
        DoubleVector gB = DoubleVector.zero(S);
        DoubleVector gAlpha = DoubleVector.zero(S);
        DoubleVector gBeta = DoubleVector.zero(S);
        boolean dropped = false;
        for (int i = from; i < to; i += S.length()) {
            int k = i - from;
            DoubleVector v1 = DoubleVector.fromArray(S, x1, k);
            DoubleVector v2 = DoubleVector.fromArray(S, x2, k);
            DoubleVector s = v1.add(v2).add(e);
            boolean outOfRange = s.compare(VectorOperators.GT, Double.MAX_VALUE)
                    .or(s.compare(VectorOperators.LT, Double.MIN_NORMAL)).anyTrue();
            dropped |= outOfRange;
            DoubleVector vw = DoubleVector.fromArray(S, w, i).mul(outOfRange ? 0.0 : 1.0);
            VectorMask<Double> used = vw.compare(VectorOperators.NE, 0);
            DoubleVector r = VectorMath.log(s).sub(DoubleVector.fromArray(S, y, i));
            DoubleVector a = r.abs();
            DoubleVector rho = a.sub(halfDelta).mul(delta).blend(r.mul(r).mul(0.5), a.compare(VectorOperators.LE, delta));
            sum = sum.add(vw.mul(rho), used);
            DoubleVector g = vw.mul(r.min(delta).max(-delta)).div(s);
            DoubleVector g1 = g.mul(v1);
            DoubleVector g2 = g.mul(v2);
            gE = gE.add(g, used);
            gA = gA.add(g1, used);
            gB = gB.add(g2, used);
            gAlpha = gAlpha.add(g1.mul(DoubleVector.fromArray(S, lnN, i)), used);
            gBeta = gBeta.add(g2.mul(DoubleVector.fromArray(S, lnD, i)), used);
        }
        sums[0] += sum.reduceLanes(VectorOperators.ADD);
        sums[1] += gE.reduceLanes(VectorOperators.ADD);
        sums[2] += gA.reduceLanes(VectorOperators.ADD);
        sums[3] += gB.reduceLanes(VectorOperators.ADD);
        sums[4] += gAlpha.reduceLanes(VectorOperators.ADD);
        sums[5] += gBeta.reduceLanes(VectorOperators.ADD);
        return dropped;
    }

    /** One row in the log-sum-exp form (finite for any finite terms); its gradient added, its loss returned. */
    private static double logSumExpRow(int i, double lnE, double lnA, double lnB, double[] theta, double[] lnN,
                                       double[] lnD, double[] y, double[] w, double delta, double[] gradient) {
        double wi = w[i];
        if (wi == 0) {
            return 0;
        }
        double t1 = lnA - theta[3] * lnN[i];
        double t2 = lnB - theta[4] * lnD[i];
        double m = Math.max(Math.max(t1, t2), lnE);
        double x1 = Math.exp(t1 - m);
        double x2 = Math.exp(t2 - m);
        double x3 = Math.exp(lnE - m);
        double s = x1 + x2 + x3;
        double r = m + Math.log(s) - y[i];
        double a = Math.abs(r);
        double g = wi * (r > delta ? delta : (r < -delta ? -delta : r)) / s;
        gradient[0] += g * x3 / theta[0];
        gradient[1] += g * x1 / theta[1];
        gradient[2] += g * x2 / theta[2];
        gradient[3] -= g * x1 * lnN[i];
        gradient[4] -= g * x2 * lnD[i];
        return wi * (a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta));
    }
}
