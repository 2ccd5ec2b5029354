/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared inputs: a quick Chinchilla fit file and small CSVs. */
final class Fixtures {

    private static Path fit;

    private Fixtures() {
    }

    /** A Chinchilla fit (Epoch protocol with 64 Sobol starts, so that tests stay quick), written once. */
    static synchronized Path chinchillaFit() {
        if (fit == null) {
            try {
                Path dir = Files.createTempDirectory("scaling-cli-test");
                Path file = dir.resolve("fit.json");
                Cli.Result r = Cli.run("fit", "--starts", "sobol:64", "--format", "json", "--output", file.toString());
                if (r.exit() != 0) {
                    throw new IllegalStateException("fixture fit failed: " + r.err());
                }
                fit = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fit;
    }

    static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Nine runs with columns params, C and loss: D must be derived from C and N. */
    static String computeCsv() {
        return "params,C,loss\n1e8,1.2e18,3.5\n2e8,2.4e18,3.2\n4e8,5e18,3.0\n8e8,1e19,2.9\n1.6e9,2e19,2.8\n"
                + "3.2e9,5e19,2.7\n6.4e9,1e20,2.6\n1e8,1e19,3.1\n2e8,1e19,3.0\n";
    }
}
