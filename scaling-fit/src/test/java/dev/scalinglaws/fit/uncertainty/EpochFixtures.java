/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import java.util.List;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.datasets.Datasets;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Starts;

/** Shared fixtures: the 240-point Chinchilla data and the Epoch bootstrap protocol's single start. */
final class EpochFixtures {

    /** Hoffmann's unrounded values (E, A, B, alpha, beta), the start of every Epoch bootstrap refit. */
    static final double[] HOFFMANN_START = {Math.exp(0.5267228), Math.exp(6.0073404), Math.exp(6.0179186),
            0.33917084, 0.2849083};

    static final boolean FULL = Boolean.getBoolean("scaling.full");

    private static Dataset data;
    private static FitResult fit;

    private EpochFixtures() {
    }

    static synchronized Dataset data() {
        if (data == null) {
            data = Datasets.chinchilla().withoutLargest("loss", 5);
        }
        return data;
    }

    /** Sum of Huber(1e-3) on log residuals from Hoffmann's unrounded values (the Epoch refit protocol). */
    static FitSpec singleStartSpec() {
        return FitSpec.epoch().withStarts(Starts.of(List.of(HOFFMANN_START))).withThreads(1);
    }

    static synchronized FitResult fit() {
        if (fit == null) {
            fit = Fitter.fit(ChinchillaLaw.INSTANCE, data(), singleStartSpec());
        }
        return fit;
    }
}
