/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collection;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --format table|json|csv} and {@code --output FILE}: how and where a command writes its result, as a picocli
 * mixin. The result goes to stdout, or with {@code --output} atomically to a file that is never one of the command's
 * inputs (see {@link Output}).
 */
final class OutputOptions {

    @Mixin
    FormatOption formatOption = new FormatOption();

    @Option(names = "--output", paramLabel = "FILE", description = "Write the result here (atomically); - is stdout.")
    Path file;

    /** The --format value. */
    Format format() {
        return formatOption.format;
    }

    /**
     * Checks, before any work is done, that the --output file may be written (see {@link Output#guard}).
     *
     * @param inputs files the command reads
     */
    void guard(Collection<Path> inputs) {
        Output.guard(file, inputs);
    }

    /**
     * Prints the result to stdout, or writes it to --output atomically (see {@link Output#emit}).
     *
     * @param text   the result
     * @param out    stdout
     * @param inputs files the command read (never overwritten)
     */
    void emit(String text, PrintWriter out, Collection<Path> inputs) {
        Output.emit(file, text, out, inputs);
    }
}
