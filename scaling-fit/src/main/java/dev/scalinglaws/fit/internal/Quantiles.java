/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.internal;

/** Sample quantiles. Not API. */
public final class Quantiles {

    private Quantiles() {
    }

    /**
     * Hyndman and Fan's (1996) type 7 quantile (linear interpolation between order statistics; R's default and
     * NumPy's {@code percentile}) of sorted finite values.
     *
     * @param sorted ascending values
     * @param prob   probability in [0, 1]
     * @return the quantile, NaN for an empty array
     */
    public static double type7(double[] sorted, double prob) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n - 1) * prob;
        int lo = (int) Math.floor(h);
        int hi = Math.min(n - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
