/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.internal;

/**
 * SplitMix64's finaliser (Steele, Lea and Flood 2014, "Fast splittable pseudorandom number generators", OOPSLA; the
 * mixing function of {@link java.util.SplittableRandom}), the one seed mixer behind every per-resample seed: a
 * resample's generator is seeded from (seed, index) alone, so results do not depend on the thread count.
 */
public final class SplitMix {

    /** The golden-ratio increment of SplitMix64, 2^64 / phi. */
    public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private SplitMix() {
    }

    /**
     * The finaliser mix64(z).
     *
     * @param z the value to mix
     * @return the mixed value
     */
    public static long finalise(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
