/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.scalinglaws.core.DerivedParameter;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.FitResult;

/**
 * One fit as the command line reports it: the library's {@link FitResult} plus what the command knows about the data
 * (source, rows read, group, filters, covariate ranges), derived quantities and, once available, intervals.
 *
 * @param result      the fit
 * @param source      data source ({@code dataset:chinchilla} or a file name)
 * @param rows        rows of the source (of the group, with --by) before filtering
 * @param group       the --by group label, or null
 * @param groupColumn the --by column, or null
 * @param where       the --where conditions applied
 * @param dropTopLoss rows with the largest response dropped
 * @param ranges      min and max of each covariate over the rows fitted
 * @param derived     derived quantities (a, b, G for Chinchilla-form laws)
 * @param intervals   intervals, or null when none were asked for
 * @param runs        the --group column and its number of runs among the fitted rows, or null
 * @param warmupTokens the --warmup-tokens threshold, or null
 * @param columns     the --column mappings (KEY to HEADER) of a CSV, recorded so that predict, optimal and plot can
 *                    read the data again
 * @param weightColumn the --weight column of the rows' weights, or null
 * @param keepBest    the --keep-best columns (empty for none)
 * @param removed     the rows each selection step removed, in order (see {@link RowSelection})
 */
record FitOutcome(FitResult result, String source, int rows, String group, String groupColumn, List<String> where,
                  int dropTopLoss, Map<String, double[]> ranges, List<Derived> derived, Intervals intervals,
                  Runs runs, Double warmupTokens, Map<String, String> columns, String weightColumn,
                  List<String> keepBest, List<RowSelection.Removed> removed) {

    /**
     * The selection that chose this fit's rows, to replay it.
     *
     * @return the selection
     */
    RowSelection selection() {
        return new RowSelection(where, keepBest, warmupTokens, groupColumn, group, dropTopLoss);
    }

    /**
     * The run (cluster) column set by --group: the rows of one run are correlated.
     *
     * @param column the column
     * @param count  distinct runs among the fitted rows
     */
    record Runs(String column, int count) {
    }

    FitOutcome {
        where = List.copyOf(where);
        keepBest = List.copyOf(keepBest);
        removed = List.copyOf(removed);
        ranges = new LinkedHashMap<>(ranges);
        derived = List.copyOf(derived);
        columns = new LinkedHashMap<>(columns);
    }

    /**
     * A quantity computed from the parameters.
     *
     * @param name        symbol ({@code a}, {@code b}, {@code G}, {@code Mstar})
     * @param estimate    value
     * @param description one line
     */
    record Derived(String name, double estimate, String description) {
    }

    /**
     * Intervals for parameters and derived quantities (filled in by the uncertainty module once it lands).
     *
     * @param method    e.g. {@code bootstrap-percentile}
     * @param level     confidence level
     * @param resamples bootstrap resamples (0 for non-resampling methods)
     * @param bounds    name to {lower, upper}
     * @param failed    bootstrap refits that failed (counted, never dropped silently)
     * @param seconds   wall time of the interval computation
     */
    record Intervals(String method, double level, int resamples, Map<String, double[]> bounds, int failed,
                     double seconds) {
        Intervals {
            bounds = new LinkedHashMap<>(bounds);
        }
    }

    /**
     * The derived quantities a law declares ({@link ScalingLaw#derivedParameters()}) at theta: a, b, G
     * (compute-optimal allocation) for Chinchilla, the optimal token multiplier M* for the over-training law.
     *
     * @param law      the law
     * @param theta    parameters
     * @param warnings receives a note if they cannot be computed
     * @return the quantities
     */
    static List<Derived> derive(ScalingLaw law, double[] theta, List<String> warnings) {
        List<Derived> out = new ArrayList<>();
        try {
            // each law declares its standard derived quantities (a tied law its base law's); a value a law leaves
            // undefined (NaN) is omitted
            for (DerivedParameter d : law.derivedParameters()) {
                double value = d.value(theta);
                if (Double.isFinite(value)) {
                    out.add(new Derived(d.name(), value, d.description()));
                }
            }
        } catch (IllegalArgumentException e) {
            out.clear();
            warnings.add("derived quantities not computed: " + e.getMessage());
        }
        return out;
    }
}
