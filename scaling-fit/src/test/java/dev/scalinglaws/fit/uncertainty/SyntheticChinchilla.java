/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import java.util.List;
import java.util.SplittableRandom;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Starts;

/**
 * Chinchilla-like synthetic data from known parameters: 9 model sizes N = 10^(7.7 + 0.3 k), k = 0..8 (5e7 .. 1.3e10)
 * times 8 token multipliers M = D/N = 2^m, m = 1..8 (72 runs), loss L(N, D) exp(sigma eps) with eps standard normal
 * from {@code SplittableRandom(seed)} (multiplicative noise). Group = model size.
 */
final class SyntheticChinchilla {

    static final int SIZES = 9;
    static final int MULTIPLIERS = 8;

    private SyntheticChinchilla() {
    }

    static Dataset generate(double[] truth, double sigma, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = SIZES * MULTIPLIERS;
        double[] nn = new double[n];
        double[] dd = new double[n];
        double[] loss = new double[n];
        String[] group = new String[n];
        for (int k = 0, i = 0; k < SIZES; k++) {
            for (int m = 1; m <= MULTIPLIERS; m++, i++) {
                nn[i] = Math.pow(10, 7.7 + 0.3 * k);
                dd[i] = nn[i] * Math.pow(2, m);
                loss[i] = ChinchillaLaw.INSTANCE.value(truth, nn[i], dd[i]) * Math.exp(sigma * rng.nextGaussian());
                group[i] = "N" + k;
            }
        }
        return Dataset.builder("synthetic:chinchilla(seed=" + seed + ")").column("N", nn).column("D", dd)
                .column("loss", loss).textColumn("model", group).groups("model").build();
    }

    /** The largest compute 6ND of the design. */
    static double largestCompute() {
        double n = Math.pow(10, 7.7 + 0.3 * (SIZES - 1));
        return 6 * n * n * Math.pow(2, MULTIPLIERS);
    }

    /** Huber(1e-3) on log residuals from two starts: Hoffmann's unrounded values and a generic point. */
    static FitSpec spec(double[] truth) {
        return FitSpec.epoch().withStarts(Starts.of(List.of(EpochFixtures.HOFFMANN_START,
                new double[] {1.5, 200, 2000, 0.4, 0.4}))).withThreads(1);
    }
}
