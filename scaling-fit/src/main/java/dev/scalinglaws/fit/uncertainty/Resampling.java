/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import dev.scalinglaws.fit.internal.Quantiles;
import dev.scalinglaws.fit.internal.SplitMix;

/**
 * The two primitives every resampling procedure of the library shares, written once so that all of them draw and
 * summarise the same way:
 * <ul>
 *   <li>{@link #seed}: resample i of a run with seed s draws from {@code new SplittableRandom(seed(s, i))}, the
 *       SplitMix64 finaliser (Steele, Lea and Flood 2014, OOPSLA; Stafford's variant 13) of
 *       s + (i + 1) * 0x9E3779B97F4A7C15, so each resample is a function of (s, i) alone and neighbouring streams do
 *       not overlap;</li>
 *   <li>{@link #quantile}: Hyndman and Fan's (1996) type 7 quantile (linear interpolation between order statistics;
 *       R's default and NumPy's {@code percentile}).</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class Resampling {

    private Resampling() {
    }

    /**
     * The seed of resample {@code index} of a run seeded with {@code seed}.
     *
     * @param seed  the run's seed
     * @param index the resample's index, &gt;= 0
     * @return the seed of its {@link java.util.SplittableRandom}
     */
    public static long seed(long seed, long index) {
        return SplitMix.finalise(seed + (index + 1) * SplitMix.GOLDEN_GAMMA);
    }

    /**
     * The type 7 quantile of sorted finite values.
     *
     * @param sorted ascending values
     * @param prob   probability in [0, 1]
     * @return the quantile, NaN for an empty array
     */
    public static double quantile(double[] sorted, double prob) {
        return Quantiles.type7(sorted, prob);
    }
}
