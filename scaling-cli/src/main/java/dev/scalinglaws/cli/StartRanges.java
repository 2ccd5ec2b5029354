/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.scalinglaws.core.Parameter;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.Starts;
import picocli.CommandLine.Option;

/**
 * {@code --start-range NAME=LO:HI} (a picocli mixin of fit and backtest), and which laws Hoffmann's grid of starts
 * fits.
 */
final class StartRanges {

    @Option(names = "--start-range", paramLabel = "NAME=LO:HI",
            description = "Where sobol:N and lhs:N starts (and variable projection's grid) search a parameter, "
                    + "instead of the law's default (log-uniformly for a positive parameter). Repeatable.")
    List<String> ranges = new ArrayList<>();

    /**
     * Applies {@code --start-range NAME=LO:HI} options to a starts strategy.
     *
     * @param starts the strategy
     * @param law    the law, whose parameters the names must be
     * @return the strategy with the overrides, or {@code starts} if there are none
     */
    Starts apply(Starts starts, ScalingLaw law) {
        if (ranges.isEmpty()) {
            return starts;
        }
        Map<String, double[]> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : Parsing.keyValues("--start-range", ranges).entrySet()) {
            var p = law.parameters().get(law.indexOf(e.getKey()));
            String v = e.getValue();
            int colon = v.indexOf(':');
            if (colon < 0) {
                throw new CliException("--start-range expects NAME=LO:HI, got '" + e.getKey() + "=" + v + "'");
            }
            double lo = Parsing.number("--start-range " + e.getKey(), v.substring(0, colon).trim());
            double hi = Parsing.number("--start-range " + e.getKey(), v.substring(colon + 1).trim());
            if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
                throw new CliException(String.format(Locale.ROOT, "--start-range %s=%s: need finite LO < HI",
                        e.getKey(), v));
            }
            if (p.positive() && !(lo > 0)) {
                throw new CliException(String.format(Locale.ROOT, "--start-range %s=%s: %s is positive (searched "
                        + "in log space); LO must be above 0", e.getKey(), v, e.getKey()));
            }
            parsed.put(e.getKey(), new double[] {lo, hi});
        }
        return Starts.withRanges(starts, parsed);
    }

    /** Whether Hoffmann's grid applies: the law has exactly the parameters E, A, B, alpha and beta. */
    static boolean hoffmannGrid(ScalingLaw law) {
        return law.parameters().stream().map(Parameter::name).collect(Collectors.toSet())
                .equals(Set.of("E", "A", "B", "alpha", "beta"));
    }
}
