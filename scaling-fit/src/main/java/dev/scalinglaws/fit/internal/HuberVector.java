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
 * Vectorised loss accumulation of {@link Objective} for Huber's loss with threshold delta (Huber 1964; least squares
 * is delta = +infinity):
 *
 * <pre>
 *   rho(r) = r^2 / 2 if |r| &lt;= delta, else delta (|r| - delta / 2);   psi(r) = rho'(r) = clip(r, -delta, delta)
 *   objective += SUM_i w_i rho(r_i),   gradient_q += SUM_i w_i psi(r_i) J_qi,   r_i = f_i - y_i
 * </pre>
 *
 * Rows with weight zero contribute nothing (not even a NaN residual), as in the scalar loop. Sums run in vector
 * lanes and are reduced at the end of each chunk, so they differ from the scalar loop in the last bits only; the
 * order is fixed, so results are deterministic. Load this class only when
 * {@link dev.scalinglaws.fit.internal.Simd#ENABLED} is true.
 */
final class HuberVector {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private HuberVector() {
    }

    /**
     * Sum of w_i rho(f_i - y_i) over rows {@code from .. to - 1}; writes w_i psi(r_i) to {@code weightedPsi[i - from]}.
     *
     * @param delta       Huber threshold (+infinity for least squares)
     * @param value       f_i, indexed by i - from
     * @param target      y_i, indexed by i
     * @param weights     w_i, indexed by i
     * @param from        first row
     * @param to          end row (exclusive)
     * @param weightedPsi output w_i psi(r_i), indexed by i - from (zero where w_i = 0)
     * @return the weighted loss of the chunk
     */
    static double accumulate(double delta, double[] value, double[] target, double[] weights, int from, int to,
                             double[] weightedPsi) {
        int step = S.length();
        int len = to - from;
        DoubleVector sum = DoubleVector.zero(S);
        double halfDelta = 0.5 * delta;
        int k = 0;
        for (; k + step <= len; k += step) {
            DoubleVector w = DoubleVector.fromArray(S, weights, from + k);
            DoubleVector r = DoubleVector.fromArray(S, value, k).sub(DoubleVector.fromArray(S, target, from + k));
            // Huber's rho and psi (HuberMath) lane by lane, written out as in TwoPowerVector
            DoubleVector a = r.abs();
            VectorMask<Double> inner = a.compare(VectorOperators.LE, delta);
            DoubleVector rho = a.sub(halfDelta).mul(delta).blend(r.mul(r).mul(0.5), inner);
            DoubleVector psi = r.min(delta).max(-delta);
            VectorMask<Double> used = w.compare(VectorOperators.NE, 0);
            sum = sum.add(w.mul(rho), used);
            DoubleVector.zero(S).blend(w.mul(psi), used).intoArray(weightedPsi, k);
        }
        double total = sum.reduceLanes(VectorOperators.ADD);
        for (; k < len; k++) {
            double w = weights[from + k];
            if (w == 0) {
                weightedPsi[k] = 0;
                continue;
            }
            double r = value[k] - target[from + k];
            total += w * HuberMath.rho(r, delta);
            weightedPsi[k] = w * HuberMath.psi(r, delta);
        }
        return total;
    }

    /**
     * SUM_k x[k] y[k] over k &lt; len with weights[from + k] != 0: rows of weight zero are skipped, as in the scalar
     * loop, so that a non-finite y there (a Jacobian entry of a row whose value overflowed) cannot make 0 * inf = NaN.
     *
     * @param x       first vector (w psi, zero where the weight is zero)
     * @param y       second vector
     * @param weights row weights, indexed by from + k
     * @param from    first row
     * @param len     length
     * @return the dot product
     */
    static double dot(double[] x, double[] y, double[] weights, int from, int len) {
        int step = S.length();
        DoubleVector acc = DoubleVector.zero(S);
        int k = 0;
        for (; k + step <= len; k += step) {
            VectorMask<Double> used = DoubleVector.fromArray(S, weights, from + k).compare(VectorOperators.NE, 0);
            // fma as before: identical bits wherever the skipped rows were finite (0 * y + acc = acc)
            acc = acc.blend(DoubleVector.fromArray(S, x, k).fma(DoubleVector.fromArray(S, y, k), acc), used);
        }
        double total = acc.reduceLanes(VectorOperators.ADD);
        for (; k < len; k++) {
            if (weights[from + k] != 0) {
                total += x[k] * y[k];
            }
        }
        return total;
    }
}
