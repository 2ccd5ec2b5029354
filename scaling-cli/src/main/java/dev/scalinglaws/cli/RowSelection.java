/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import dev.scalinglaws.core.DataException;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.dynamics.Checkpoints;

/**
 * How {@code fit} selects the rows of one fit from the prepared data (the law's covariates derived), in one fixed
 * order: the {@code --by} group, then {@code --where}, {@code --keep-best} (within the group), {@code
 * --warmup-tokens}, and {@code --drop-top-loss}. A fit file records these options, so {@code predict}, {@code
 * optimal} and {@code plot} select the same rows again with this class, and every step's count of removed rows is
 * reported beside the fit ("how many rows were used and why the others were dropped").
 *
 * @param where        the --where conditions as written
 * @param keepBest     the --keep-best columns (empty for none)
 * @param warmupTokens the --warmup-tokens threshold, or null
 * @param groupColumn  the --by column, or null
 * @param group        the --by group label, or null
 * @param dropTopLoss  rows with the largest response dropped (non-negative)
 */
record RowSelection(List<String> where, List<String> keepBest, Double warmupTokens, String groupColumn,
                    String group, int dropTopLoss) {

    /**
     * Copies the lists and checks the options, so that a command rejects them before it selects any rows.
     *
     * @throws CliException if dropTopLoss is negative or warmupTokens is negative or not finite
     */
    RowSelection {
        where = List.copyOf(where);
        keepBest = List.copyOf(keepBest);
        if (dropTopLoss < 0) {
            throw new CliException("--drop-top-loss must be non-negative: " + dropTopLoss);
        }
        if (warmupTokens != null && (!(warmupTokens >= 0) || warmupTokens.isInfinite())) {
            throw new CliException("--warmup-tokens must be non-negative and finite: " + warmupTokens);
        }
    }

    /**
     * This selection within one {@code --by} group.
     *
     * @param column the --by column
     * @param label  the group's label
     * @return the selection of that group's rows
     */
    RowSelection inGroup(String column, String label) {
        return new RowSelection(where, keepBest, warmupTokens, column, label, dropTopLoss);
    }

    /**
     * Rows one step removed.
     *
     * @param step   {@code where}, {@code keepBest}, {@code warmup} or {@code topLoss}
     * @param detail what the step was, for the table (e.g. {@code N > 1e8} or {@code N,D})
     * @param rows   rows removed
     */
    record Removed(String step, String detail, int rows) {
    }

    /**
     * The outcome.
     *
     * @param rows       rows of the group (all rows without --by) before any filter
     * @param candidates the rows before --drop-top-loss (those {@code plot} shows as used or excluded)
     * @param used       the rows fitted
     * @param removed    the rows each step removed, in order, for the steps that were asked for
     */
    record Selected(int rows, Dataset candidates, Dataset used, List<Removed> removed) {

        Selected {
            removed = List.copyOf(removed);
        }

        /**
         * The account of the rows for a command's data line: {@code 245 rows, 231 used, where N>=1e8 (9 rows
         * dropped), 5 highest losses dropped}.
         *
         * @return the text
         */
        String account() {
            return String.format(Locale.ROOT, "%d rows, %d used%s", rows, used.size(), describe(removed));
        }
    }

    /**
     * Applies the selection.
     *
     * @param prepared the data with the law's covariates (and the --group runs attached)
     * @param response the response column that --keep-best and --drop-top-loss rank
     * @param notes    receives the --keep-best line for stderr, or null
     * @return the selected rows
     * @throws CliException  if no row is left, naming the step that removed the last ones
     * @throws DataException if a named column is missing
     */
    Selected apply(Dataset prepared, String response, Consumer<String> notes) {
        String in = group == null ? "" : " in group " + groupColumn + "=" + group;
        Dataset d = prepared;
        if (groupColumn != null && group != null) {
            String[] labels = DataOptions.withColumn(prepared, d, "--by", groupColumn).textColumn(groupColumn);
            d = d.filter(i -> labels[i].equals(group));
        }
        int rows = d.size();
        List<Removed> removed = new ArrayList<>();
        if (!where.isEmpty()) {
            int before = d.size();
            d = RowFilter.apply(d, where.stream().map(RowFilter::parse).toList());
            removed.add(new Removed("where", String.join(" and ", where), before - d.size()));
            nonEmpty(d, "--where", in);
        }
        if (!keepBest.isEmpty()) {
            int before = d.size();
            d = KeepBest.apply(prepared, d, keepBest, response, notes == null ? null : n -> notes.accept(n + in));
            removed.add(new Removed("keepBest", String.join(",", keepBest), before - d.size()));
        }
        if (warmupTokens != null) {
            if (!d.has(Checkpoints.TOKENS)) {
                throw new DataException(prepared.source(), -1, Checkpoints.TOKENS, null,
                        "--warmup-tokens needs a tokens column (tokens processed at each checkpoint); map it with "
                                + "--column tokens=HEADER");
            }
            int before = d.size();
            d = Checkpoints.withoutWarmup(d, Checkpoints.TOKENS, warmupTokens);
            removed.add(new Removed("warmup", Parsing.human(warmupTokens), before - d.size()));
            nonEmpty(d, "--warmup-tokens", in);
        }
        if (d.size() == 0) {
            throw new CliException(prepared.source() + ": no rows" + in);
        }
        Dataset used = d;
        if (dropTopLoss > 0) {
            if (dropTopLoss >= d.size()) {
                throw new CliException(String.format(Locale.ROOT, "%s: --drop-top-loss %d leaves no rows (%d rows%s)",
                        d.source(), dropTopLoss, d.size(), in));
            }
            used = d.withoutLargest(response, dropTopLoss);
            removed.add(new Removed("topLoss", Integer.toString(dropTopLoss), d.size() - used.size()));
        }
        return new Selected(rows, d, used, removed);
    }

    private static void nonEmpty(Dataset d, String step, String in) {
        if (d.size() == 0) {
            throw new CliException(d.source() + ": no rows left after " + step + in);
        }
    }

    /**
     * The table's account of the removed rows, appended to the row count: {@code , where N > 1e8 (12 rows dropped),
     * 5 highest losses dropped}.
     *
     * @param removed the steps
     * @return the text, empty when nothing was asked for
     */
    static String describe(List<Removed> removed) {
        StringBuilder sb = new StringBuilder();
        for (Removed r : removed) {
            switch (r.step()) {
                case "where" -> sb.append(String.format(Locale.ROOT, ", where %s (%s dropped)", r.detail(),
                        rows(r.rows())));
                case "keepBest" -> sb.append(String.format(Locale.ROOT, ", best of each %s (%s dropped)", r.detail(),
                        rows(r.rows())));
                case "warmup" -> sb.append(String.format(Locale.ROOT, ", warm-up before %s tokens (%s dropped)",
                        r.detail(), rows(r.rows())));
                case "topLoss" -> sb.append(String.format(Locale.ROOT, ", %d highest losses dropped", r.rows()));
                default -> throw new IllegalStateException(r.step());
            }
        }
        return sb.toString();
    }

    private static String rows(int n) {
        return Parsing.count(n) + (n == 1 ? " row" : " rows");
    }
}
