/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import picocli.CommandLine.Option;

/**
 * {@code --format table|json|csv}: the output format of a command that writes a result, as a picocli mixin. Commands
 * that can also write to a file take {@link OutputOptions}, which includes this option.
 */
final class FormatOption {

    @Option(names = "--format", paramLabel = "table|json|csv", defaultValue = "table",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format;
}
