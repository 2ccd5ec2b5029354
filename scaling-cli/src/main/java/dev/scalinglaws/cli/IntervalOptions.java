/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.util.Map;

import dev.scalinglaws.fit.uncertainty.IntervalMethod;
import dev.scalinglaws.fit.uncertainty.ResamplingScheme;
import picocli.CommandLine.Option;

/**
 * {@code --interval}, {@code --resample}, {@code --resamples}, {@code --level} of {@code fit}, as a picocli mixin:
 * validated by {@link #validate}, computed with the uncertainty module in {@link FitCommand}'s {@code intervals}
 * method. Commands with their own --level or --resamples check them with {@link #checkLevel} and
 * {@link #checkResamples}.
 */
final class IntervalOptions {

    /** Interval methods. */
    enum Method { none, asymptotic, bootstrap, profile }

    @Option(names = "--interval", paramLabel = "METHOD", defaultValue = "none",
            description = "none, asymptotic, bootstrap or profile (default: ${DEFAULT-VALUE}).")
    Method method;

    @Option(names = "--resample", paramLabel = "SCHEME",
            description = "Bootstrap scheme: case, cluster, wild-cluster, residual or wild (default: case; with "
                    + "--group, cluster with percentile intervals, which stay honest with few runs).")
    String resample;

    /**
     * The scheme for data with a run (cluster) column when --resample is not given, chosen by the few-cluster study
     * (docs/uncertainty.md): whole-cluster resampling with percentile intervals covered 94-99% at 5, 7 and 12
     * clusters, where its BCa intervals covered beta 78-86% and the wild cluster bootstrap 86-97%.
     */
    static final String GROUPED_SCHEME = "cluster";

    @Option(names = "--resamples", paramLabel = "B", defaultValue = "4000",
            description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--level", paramLabel = "P", defaultValue = "0.95",
            description = "Confidence level (default: ${DEFAULT-VALUE}).")
    double level;

    /** The --resample names and the library's schemes they stand for (wild: Rademacher multipliers). */
    private static final Map<String, ResamplingScheme> SCHEMES = Map.of("case", ResamplingScheme.CASE,
            "cluster", ResamplingScheme.CLUSTER, "residual", ResamplingScheme.RESIDUAL,
            "wild", ResamplingScheme.WILD_RADEMACHER, "wild-cluster", ResamplingScheme.WILD_CLUSTER);

    /** Checks the values (see {@link #checkLevel}, {@link #checkResamples}, and --resample's schemes). */
    void validate() {
        checkLevel(level);
        checkResamples(resamples);
        if (resample != null) {
            scheme(resample);
        }
    }

    /**
     * The --resample name in effect: the flag, else {@link #GROUPED_SCHEME} for data with a run column, else case.
     *
     * @param grouped whether the data has a run (cluster) column
     * @return the name
     */
    String resample(boolean grouped) {
        return resample != null ? resample : grouped ? GROUPED_SCHEME : "case";
    }

    /**
     * The --resample name in effect for a fit's rows, checked: a clustered scheme needs a run column.
     *
     * @param used the rows fitted
     * @return the name
     * @throws CliException for a clustered bootstrap of rows without a run column
     */
    String resampleFor(dev.scalinglaws.core.Dataset used) {
        boolean grouped = used.groupColumn() != null;
        String name = resample(grouped);
        if (method == Method.bootstrap && scheme(name).clustered() && !grouped) {
            throw new CliException(used.source() + ": --resample " + name + " resamples whole runs: give --group "
                    + "COLUMN (the column naming the run of each row)");
        }
        return name;
    }

    /**
     * The bootstrap interval method that goes with a --resample name: percentile for cluster (BCa's jackknife over
     * few clusters undercovered), Hesterberg's expanded percentile for wild-cluster (the best of its three), BCa
     * otherwise (the row-level coverage study's choice).
     *
     * @param resample the --resample name in effect
     * @return the method
     */
    static IntervalMethod bootstrapMethod(String resample) {
        return switch (resample) {
            case "cluster" -> IntervalMethod.PERCENTILE;
            case "wild-cluster" -> IntervalMethod.EXPANDED_PERCENTILE;
            default -> IntervalMethod.BCA;
        };
    }

    /**
     * Whether a word is a --resample name.
     *
     * @param name a word
     * @return true for case, cluster, wild-cluster, residual and wild
     */
    static boolean isScheme(String name) {
        return SCHEMES.containsKey(name);
    }

    /**
     * The library's resampling scheme for a --resample name.
     *
     * @param name case, cluster, wild-cluster, residual or wild
     * @return the scheme
     * @throws CliException for any other name
     */
    static ResamplingScheme scheme(String name) {
        ResamplingScheme scheme = SCHEMES.get(name);
        if (scheme == null) {
            throw new CliException("--resample must be case, cluster, wild-cluster, residual or wild, got '" + name
                    + "'");
        }
        return scheme;
    }

    /**
     * Checks a --level, of this mixin or of a command's own --level option.
     *
     * @param level the value
     * @throws CliException unless it lies strictly between 0 and 1
     */
    static void checkLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new CliException("--level must lie strictly between 0 and 1: " + level);
        }
    }

    /**
     * Checks a --resamples, of this mixin or of a command's own --resamples option.
     *
     * @param resamples the value
     * @throws CliException if it is below 2
     */
    static void checkResamples(int resamples) {
        if (resamples < 2) {
            throw new CliException("--resamples must be at least 2: " + resamples);
        }
    }

    /** The library's resampling scheme for --resample (wild: Rademacher multipliers; case when not given). */
    ResamplingScheme scheme() {
        return scheme(resample(false));
    }
}
