/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import picocli.CommandLine.Option;

/**
 * The options that repeat a saved fit's bootstrap ({@link FitBootstrap}) in {@code predict} and {@code plot}: how
 * many resamples, which seed, how many worker threads. A picocli mixin; each is null unless given.
 */
final class ReplayOptions {

    @Option(names = "--resamples", paramLabel = "B",
            description = "With a bootstrap: resamples (default: the fit's, else 200).")
    Integer resamples;

    @Option(names = "--seed", paramLabel = "S",
            description = "With a bootstrap: its seed (default: the fit's --seed, else 0).")
    Long seed;

    @Option(names = "--threads", paramLabel = "T",
            description = "With a bootstrap: worker threads (default: all processors). Results do not depend on it.")
    Integer threads;
}
