/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.util.List;
import java.util.Locale;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Starts;
import dev.scalinglaws.fit.uncertainty.Bootstrap;
import dev.scalinglaws.fit.uncertainty.BootstrapOptions;
import dev.scalinglaws.fit.uncertainty.BootstrapResult;
import dev.scalinglaws.fit.uncertainty.DerivedQuantity;
import dev.scalinglaws.fit.uncertainty.IntervalMethod;
import dev.scalinglaws.fit.uncertainty.ResamplingScheme;
import dev.scalinglaws.fit.uncertainty.Uncertainty;

/**
 * A bootstrap of a saved fit for {@code predict} and {@code plot}, made as {@code scaling fit --interval bootstrap}
 * made the fit's own intervals: the scheme, interval method (BCa unless the fit says otherwise), resamples, level and
 * seed the fit file records, each overridable by a flag; the fit refitted to its rows from its recorded starts, so
 * that every refit tries the same starts. The resampling and the intervals are the library's ({@link Bootstrap},
 * {@link BootstrapResult}); replicates are bit-identical for any number of threads.
 *
 * @param scheme    --resample name: case, cluster, wild-cluster, residual or wild
 * @param method    the interval method
 * @param resamples B
 * @param seed      the seed
 * @param level     nominal coverage
 * @param threads   worker threads
 */
record FitBootstrap(String scheme, IntervalMethod method, int resamples, long seed, double level, int threads) {

    /** Resamples when neither the fit nor --resamples says (predict's documented default). */
    static final int DEFAULT_RESAMPLES = 200;

    /**
     * The settings for a fit: the flags where given, else what the fit file records, else the defaults (case, BCa,
     * 200 resamples, the fit's --seed or 0, level 0.95).
     *
     * @param f         the fit
     * @param resample  --resample or null
     * @param resamples --resamples or null
     * @param seed      --seed or null
     * @param level     --level or null
     * @param threads   --threads or null (all processors)
     * @return the settings, validated
     */
    static FitBootstrap settings(FitFile f, String resample, Integer resamples, Long seed, Double level,
                                 Integer threads) {
        boolean recorded = f.bootstrapped();
        String method = f.interval().path("method").asText("");
        IntervalMethod im = IntervalMethod.BCA;
        String recordedScheme = null;
        if (recorded) {
            // fit writes "bootstrap-bca (case)"; the library names its results "bootstrap-case-percentile": read the
            // interval method and the scheme from the words, and refuse a method that names no interval
            IntervalMethod named = null;
            java.util.regex.Matcher inParentheses = java.util.regex.Pattern.compile("\\(([a-z-]+)\\)")
                    .matcher(method.toLowerCase(Locale.ROOT));
            String parenthesized = inParentheses.find() ? inParentheses.group(1) : null;
            for (String word : method.toLowerCase(Locale.ROOT).split("[-\\s()]+")) {
                for (IntervalMethod m : IntervalMethod.values()) {
                    if (m.name().equalsIgnoreCase(word)) {
                        named = m;
                    }
                }
                if (IntervalOptions.isScheme(word)) {
                    recordedScheme = word;
                }
            }
            if (parenthesized != null && IntervalOptions.isScheme(parenthesized)) {
                recordedScheme = parenthesized;
            }
            if (named == null) {
                throw new CliException("the fit file's interval.method '" + method + "' names no bootstrap interval "
                        + "(percentile, basic or bca); refit with --interval bootstrap or pass --interval asymptotic");
            }
            im = named;
        }
        String scheme = resample != null ? resample : recordedScheme != null ? recordedScheme : "case";
        IntervalOptions.scheme(scheme); // refuses a name that is no scheme
        if (!recorded) {
            im = IntervalOptions.bootstrapMethod(scheme);
        }
        int b = resamples != null ? resamples
                : recorded && f.interval().path("resamples").canConvertToInt()
                ? f.interval().get("resamples").asInt() : DEFAULT_RESAMPLES;
        IntervalOptions.checkResamples(b);
        long s = seed != null ? seed : f.spec().path("seed").canConvertToLong() ? f.spec().get("seed").asLong() : 0;
        double lv = level != null ? level : f.interval().path("level").isNumber()
                ? f.interval().get("level").asDouble() : 0.95;
        IntervalOptions.checkLevel(lv);
        if (threads != null && threads < 1) {
            throw new CliException("--threads must be at least 1: " + threads);
        }
        return new FitBootstrap(scheme, im, b, s, lv, threads != null ? threads
                : Runtime.getRuntime().availableProcessors());
    }

    /** The library's scheme. */
    ResamplingScheme resamplingScheme() {
        return IntervalOptions.scheme(scheme);
    }

    /**
     * The rows a bootstrap resamples: the fit's rows, grouped by its run column for cluster resampling.
     *
     * @param f    the fit
     * @param used its rows
     * @return the rows
     * @throws CliException if cluster resampling is asked for and the fit has no run column in its data
     */
    Dataset rows(FitFile f, Dataset used) {
        if (!resamplingScheme().clustered()) {
            return used;
        }
        if (f.runColumn() == null || !used.has(f.runColumn())) {
            throw new CliException(String.format(Locale.ROOT, "%s: --resample %s resamples whole runs, and "
                    + "this fit has no run column (fit with --group COLUMN)", f.path(), scheme));
        }
        return used.withGroups(f.runColumn());
    }

    /**
     * Runs the bootstrap.
     *
     * @param f          the fit
     * @param used       the fit's rows (from {@link FitData})
     * @param quantities what to record besides the parameters
     * @return the result
     */
    BootstrapResult run(FitFile f, Dataset used, List<DerivedQuantity> quantities) {
        Dataset rows = rows(f, used);
        FitResult result = refit(f, rows);
        BootstrapOptions options = BootstrapOptions.defaults().withResamples(resamples)
                .withScheme(resamplingScheme()).withMethod(method).withLevel(level).withSeed(seed)
                .withThreads(threads);
        try (Progress progress = Progress.start("bootstrap", resamples)) {
            return Uncertainty.of(result).bootstrap(options.withProgress(progress), quantities);
        } catch (IllegalArgumentException e) {
            throw new CliException(f.path() + ": cannot bootstrap this fit: " + ScalingCommand.oneLine(LibraryMessages.of(e)),
                    e);
        }
    }

    /**
     * The fit refitted to its rows with its own spec from its recorded starts (hoffmann, sobol:N, lhs:N with its
     * seed: the best of them seed every bootstrap refit, as in {@code scaling fit}), or from its estimates when the
     * starts cannot be made again (explicit or grid starts).
     */
    private FitResult refit(FitFile f, Dataset rows) {
        FitSpec spec = FitData.spec(f).withThreads(threads);
        long fitSeed = f.spec().path("seed").canConvertToLong() ? f.spec().get("seed").asLong() : 0;
        try {
            spec = spec.withSeed(fitSeed).withStarts(Starts.parse(f.spec().path("starts").asText(""), fitSeed));
        } catch (IllegalArgumentException e) {
            // explicit or grid starts: refit from the estimates only
        }
        return Fitter.fit(f.law(), rows, spec);
    }

    /** How the intervals were made, e.g. {@code bootstrap-case-bca}. */
    String label() {
        return "bootstrap-" + resamplingScheme().name().toLowerCase(Locale.ROOT).replace('_', '-') + "-"
                + method.name().toLowerCase(Locale.ROOT);
    }
}
