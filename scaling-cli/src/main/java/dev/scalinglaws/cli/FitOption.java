package dev.scalinglaws.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * {@code --fit FIT.json}: the saved fit a command works from, as a picocli mixin shared by {@code predict},
 * {@code optimal} and {@code plot}.
 */
final class FitOption {

    @Option(names = "--fit", paramLabel = "FIT.json", required = true,
            description = "A fit written by 'scaling fit --format json'.")
    Path path;

    /** Reads the fit file (see {@link FitFile#read}). */
    FitFile read() {
        return FitFile.read(path);
    }
}
