/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import picocli.CommandLine.Option;

/** {@code --seed} and {@code --level} of the commands that bootstrap an allocation (isoflop, envelope, approaches). */
final class SeedLevelOptions {

    @Option(names = "--seed", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--level", defaultValue = "0.95", description = "Interval level (default: ${DEFAULT-VALUE}).")
    double level;
}
