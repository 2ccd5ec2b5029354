package dev.scalinglaws.cli;

import picocli.CommandLine.Option;

/**
 * {@code --interval}, {@code --resample}, {@code --resamples}, {@code --level}: parsed and validated now; the methods
 * are computed by the uncertainty module once it lands (see {@link FitCommand}'s {@code intervals} method).
 */
final class IntervalOptions {

    /** Interval methods. */
    enum Method { none, asymptotic, bootstrap, profile }

    @Option(names = "--interval", paramLabel = "METHOD", defaultValue = "none",
            description = "none, asymptotic, bootstrap or profile (default: ${DEFAULT-VALUE}).")
    Method method;

    @Option(names = "--resample", paramLabel = "SCHEME", defaultValue = "case",
            description = "Bootstrap scheme: case, cluster, residual or wild (default: ${DEFAULT-VALUE}).")
    String resample;

    @Option(names = "--resamples", paramLabel = "B", defaultValue = "4000",
            description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--level", paramLabel = "P", defaultValue = "0.95",
            description = "Confidence level (default: ${DEFAULT-VALUE}).")
    double level;

    void validate() {
        if (!(level > 0 && level < 1)) {
            throw new CliException("--level must lie strictly between 0 and 1: " + level);
        }
        if (resamples < 2) {
            throw new CliException("--resamples must be at least 2: " + resamples);
        }
        switch (resample) {
            case "case", "cluster", "residual", "wild" -> {
            }
            default -> throw new CliException("--resample must be case, cluster, residual or wild, got '"
                    + resample + "'");
        }
    }

    /** The library's resampling scheme for --resample (wild: Rademacher multipliers). */
    dev.scalinglaws.fit.uncertainty.ResamplingScheme scheme() {
        return switch (resample) {
            case "case" -> dev.scalinglaws.fit.uncertainty.ResamplingScheme.CASE;
            case "cluster" -> dev.scalinglaws.fit.uncertainty.ResamplingScheme.CLUSTER;
            case "residual" -> dev.scalinglaws.fit.uncertainty.ResamplingScheme.RESIDUAL;
            case "wild" -> dev.scalinglaws.fit.uncertainty.ResamplingScheme.WILD_RADEMACHER;
            default -> throw new CliException("--resample must be case, cluster, residual or wild, got '"
                    + resample + "'");
        };
    }
}
