/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.approaches;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One isoFLOP curve and its minimum: the budget C, the sampled sizes and losses (one point per size: the lowest loss
 * where a size was sampled twice), the minimiser N*, D* = C / 6N* and L*, and the bootstrap standard deviation of
 * ln N*.
 *
 * <p>Immutable; arrays are copied in and out and compared by content.
 *
 * @param compute     the budget C (the geometric mean of the grouped rows' C)
 * @param n           sampled sizes N, increasing
 * @param loss        loss at each size
 * @param nStar       the minimiser N* (at an edge: the sampled size of least loss)
 * @param dStar       C / (6 N*)
 * @param lStar       the loss at the minimum
 * @param nStarLogStd bootstrap standard deviation of ln N* (with the grid floor and the failure inflation)
 * @param validResamples resamples whose curve had an interior minimum
 * @param status      {@link Status}
 * @param used        whether the budget enters the power-law fits
 * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
 *         undocumented; the serialized form is exactly the components, documented above)
 */
public record Budget(double compute, double[] n, double[] loss, double nStar, double dStar, double lStar,
                     double nStarLogStd, int validResamples, Status status, boolean used)
        implements java.io.Serializable {

    /** What became of a curve. */
    public enum Status {
        /** An interior minimum. */
        OK,
        /** The minimum lies at the smallest or largest sampled size: it is not a minimum. */
        EDGE,
        /** Fewer than half of the bootstrap resamples had an interior minimum. */
        UNSTABLE,
        /** Fewer than 3 distinct sizes. */
        TOO_FEW_SIZES
    }

    /**
     * Copies the arrays.
     *
     * @param compute        the budget C
     * @param n              sampled sizes N, increasing; copied
     * @param loss           loss at each size; copied
     * @param nStar          the minimiser N*
     * @param dStar          C / (6 N*)
     * @param lStar          the loss at the minimum
     * @param nStarLogStd    bootstrap standard deviation of ln N*
     * @param validResamples resamples whose curve had an interior minimum
     * @param status         what became of the curve
     * @param used           whether the budget enters the power-law fits
     * @throws NullPointerException if n, loss or status is null
     */
    public Budget {
        n = n.clone();
        loss = loss.clone();
        Objects.requireNonNull(status, "status");
    }

    /** {@return the sampled sizes N, increasing (a copy)} */
    @Override
    public double[] n() {
        return n.clone();
    }

    /** {@return the loss at each sampled size (a copy)} */
    @Override
    public double[] loss() {
        return loss.clone();
    }

    /** {@return whether the minimum is at the edge of the sampled sizes} */
    public boolean edge() {
        return status == Status.EDGE;
    }

    /** {@return the number of sampled sizes} */

    public int points() {
        return n.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Budget b && Double.compare(compute, b.compute) == 0 && Arrays.equals(n, b.n)
                && Arrays.equals(loss, b.loss) && Double.compare(nStar, b.nStar) == 0
                && Double.compare(dStar, b.dStar) == 0 && Double.compare(lStar, b.lStar) == 0
                && Double.compare(nStarLogStd, b.nStarLogStd) == 0 && validResamples == b.validResamples
                && status == b.status && used == b.used;
    }

    @Override
    public int hashCode() {
        return Objects.hash(compute, Arrays.hashCode(n), Arrays.hashCode(loss), nStar, dStar, lStar, nStarLogStd,
                validResamples, status, used);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "C=%.4g N*=%.4g D*=%.4g L*=%.5g sd(ln N*)=%.3g %s%s", compute, nStar, dStar,
                lStar, nStarLogStd, status, used ? "" : " (excluded)");
    }
}
