/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import dev.scalinglaws.core.CsvReader;
import dev.scalinglaws.core.DataException;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.core.dynamics.Checkpoints;
import dev.scalinglaws.datasets.Datasets;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where the data comes from: {@code --data FILE} or {@code --dataset NAME}, with {@code --column KEY=HEADER}
 * mappings and {@code --where} conditions. Shared by the commands that read data, as a picocli mixin; {@link #load}
 * and {@link #prepare} turn them into the rows a command works on.
 */
final class DataOptions {

    /** How a command attaches its --group column. */
    enum Grouping {
        /** Runs of checkpoints ({@link Checkpoints#byRun}: every row must name its run), before --where. */
        RUNS,
        /** Groups ({@link Dataset#withGroups}), on the rows --where keeps. */
        GROUPS
    }

    /**
     * The rows a command works on.
     *
     * @param raw      the data as read, with the column mappings (its source and columns name it in messages)
     * @param prepared {@code raw} with the law's covariates derived (and the --group column, if attached before
     *                 --where)
     * @param selected {@code prepared} after --where
     * @param filters  the parsed --where conditions
     */
    record Rows(Dataset raw, Dataset prepared, Dataset selected, List<RowFilter> filters) {

        Rows {
            filters = List.copyOf(filters);
        }

        /**
         * The selected rows, which must not be empty.
         *
         * @return {@link #selected()}
         * @throws CliException if --where left no rows
         */
        Dataset nonEmpty() {
            if (selected.size() == 0) {
                throw new CliException(selected.source() + ": no rows left after --where");
            }
            return selected;
        }

        /**
         * Checks that an option names a column of the selected rows.
         *
         * @param option the option, e.g. {@code --by}
         * @param column its value
         * @throws DataException naming the columns of the data as read if there is no such column
         */
        void requireColumn(String option, String column) {
            withColumn(raw, selected, option, column);
        }
    }

    @Option(names = "--data", paramLabel = "FILE",
            description = "CSV in long format (one row per observation); - reads stdin.")
    Path file;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "A bundled dataset (see 'scaling datasets list').")
    String dataset;

    @Option(names = "--column", paramLabel = "KEY=HEADER",
            description = "Map a covariate or the response to a CSV header, e.g. --column N=\"Model Size\". "
                    + "Repeatable.")
    List<String> columns = new ArrayList<>();

    @Option(names = "--where", paramLabel = "EXPR",
            description = "Keep rows meeting COLUMN OP VALUE (OP: < <= > >= = !=), e.g. 'N>=1e8', "
                    + "'dataset_name=c4_original'; either side may be arithmetic over columns, e.g. 'D/N>=2'. "
                    + "Repeatable (ANDed).")
    List<String> where = new ArrayList<>();

    @Option(names = "--keep-best", paramLabel = "COLS", split = ",",
            description = "For each group of rows with equal values in these columns keep only the row with the "
                    + "lowest response (e.g. the best learning rate per N,D: --keep-best N,D). Applied after --where.")
    List<String> keepBest = new ArrayList<>();

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** Says once on stderr that a --column mapping wins over a column of the same name in the data. */
    private void shadowNotes(Map<String, String> mapping, List<String> headers) {
        for (Map.Entry<String, String> e : mapping.entrySet()) {
            String key = e.getKey();
            if (!key.equals(e.getValue()) && headers.contains(key) && !mapping.containsValue(key) && mixee != null) {
                mixee.commandLine().getErr().println(String.format(Locale.ROOT, "note: --column %s=%s: the data "
                        + "also has a column named %s; the mapping wins (%s is read from %s)", key, e.getValue(),
                        key, key, e.getValue()));
            }
        }
    }

    /** Whether neither --data nor --dataset was given. */
    boolean isDefault() {
        return file == null && dataset == null;
    }

    /** The input files (for the overwrite guard). */
    List<Path> inputs() {
        return file == null || Output.isStandardStream(file) ? List.of() : List.of(file);
    }

    /** The --column mappings of --data FILE (empty for a dataset, whose columns are mapped by {@link #read}). */
    Map<String, String> fileColumns() {
        return file == null ? Map.of() : Parsing.keyValues("--column", columns);
    }

    /** The parsed --where conditions. */
    List<RowFilter> filters() {
        List<RowFilter> out = new ArrayList<>();
        for (String w : where) {
            out.add(RowFilter.parse(w));
        }
        return out;
    }

    /**
     * Reads the data, without applying --where.
     *
     * @param defaultDataset dataset to use when neither --data nor --dataset is given (null: required)
     * @return the dataset with the column mappings applied
     */
    Dataset read(String defaultDataset) {
        if (file != null && dataset != null) {
            throw new CliException("give --data FILE or --dataset NAME, not both");
        }
        Map<String, String> mapping = Parsing.keyValues("--column", columns);
        if (file != null && Output.isStandardStream(file)) {
            // the stream is left open: it is the process's stdin
            return CsvReader.defaults().withColumns(mapping).read(new java.io.InputStreamReader(System.in,
                    java.nio.charset.StandardCharsets.UTF_8), "stdin");
        }
        if (file != null) {
            Dataset d = CsvReader.defaults().withColumns(mapping).read(file);
            shadowNotes(mapping, ColumnShadows.headers(file));
            return d;
        }
        String name = dataset != null ? dataset : defaultDataset;
        if (name == null) {
            throw new CliException("no data: give --data FILE or --dataset NAME");
        }
        Dataset d = Datasets.byName(name);
        for (Map.Entry<String, String> e : mapping.entrySet()) {
            String key = e.getKey();
            String header = e.getValue();
            if (!d.has(header)) {
                throw new DataException(d.source(), -1, header, null, String.format(
                        Locale.ROOT, "column mapping %s=\"%s\": no such column (columns: %s)", key, header,
                        String.join(", ", d.columnNames())));
            }
            if (d.has(key) && !key.equals(header) && !mapping.containsValue(key)) {
                shadowNotes(Map.of(key, header), List.of(key));
            }
            d = d.withColumn(key, d.column(header));
        }
        return d;
    }

    /**
     * Reads the data (see {@link #read}) and applies --where, for commands that fit no law.
     *
     * @param defaultDataset dataset to use when neither --data nor --dataset is given (null: required)
     * @return the rows
     */
    Rows load(String defaultDataset) {
        return prepare(read(defaultDataset), null, null, null, null);
    }

    /**
     * Prepares data read with {@link #read} for a law: derives the covariates the law needs
     * ({@link Dataset#withCovariatesFor}) and applies --where, checking and attaching the --group column before
     * ({@link Grouping#RUNS}) or after ({@link Grouping#GROUPS}) --where.
     *
     * @param raw      the data as read
     * @param law      the law whose covariates are derived, or null for none
     * @param warnings receives a note for each derived column as soon as it is derived, or null to drop them
     * @param group    the --group column, or null for none
     * @param grouping how the group column is attached; unused without a group
     * @return the rows
     */
    Rows prepare(Dataset raw, ScalingLaw law, Consumer<String> warnings, String group, Grouping grouping) {
        Dataset prepared = prepared(raw, law, warnings, group, grouping);
        List<RowFilter> conditions = filters();
        Dataset selected = RowFilter.apply(prepared, conditions);
        if (!keepBest.isEmpty()) {
            selected = KeepBest.apply(raw, selected, keepBest, law == null ? "loss" : law.response(), warnings);
        }
        if (group != null && grouping == Grouping.GROUPS) {
            selected = withColumn(raw, selected, "--group", group).withGroups(group);
        }
        return new Rows(raw, prepared, selected, conditions);
    }

    /**
     * The first half of {@link #prepare}: the law's covariates derived and, with {@link Grouping#RUNS}, the runs
     * attached; no row is removed ({@code fit} then selects rows per group with {@link RowSelection}).
     *
     * @param raw      the data as read
     * @param law      the law whose covariates are derived, or null for none
     * @param warnings receives a note for each derived column, or null to drop them
     * @param group    the --group column, or null for none
     * @param grouping how the group column is attached; only {@link Grouping#RUNS} attaches it here
     * @return the prepared data
     */
    Dataset prepared(Dataset raw, ScalingLaw law, Consumer<String> warnings, String group, Grouping grouping) {
        Dataset prepared = raw;
        if (law != null) {
            List<String> notes = warnings == null ? null : new ArrayList<>();
            prepared = raw.withCovariatesFor(law, notes);
            if (notes != null) {
                notes.forEach(warnings);
            }
        }
        if (group != null && grouping == Grouping.RUNS) {
            prepared = Checkpoints.byRun(withColumn(raw, prepared, "--group", group), group);
        }
        return prepared;
    }

    /**
     * The row selection these options ask for ({@code --where}, as parsed and written back, which a fit file records
     * and {@link RowSelection} parses again, and {@code --keep-best}) with a command's own steps.
     *
     * @param warmupTokens the --warmup-tokens threshold, or null
     * @param groupColumn  the --by column, or null
     * @param group        the --by group label, or null
     * @param dropTopLoss  rows with the largest response to drop
     * @return the selection
     * @throws CliException if the options are out of range
     */
    RowSelection selection(Double warmupTokens, String groupColumn, String group, int dropTopLoss) {
        return new RowSelection(filters().stream().map(RowFilter::toString).toList(), keepBest, warmupTokens,
                groupColumn, group, dropTopLoss);
    }

    /**
     * Checks that data has the columns a command needs.
     *
     * @param data    the data
     * @param command the command, for the message (e.g. {@code select})
     * @param needed  the columns
     * @throws DataException naming the first missing column, the --column mapping that would supply it and the
     *                       columns there are
     */
    static void requireColumns(Dataset data, String command, List<String> needed) {
        String list = String.join(", ", needed.subList(0, needed.size() - 1)) + " and "
                + needed.get(needed.size() - 1);
        for (String c : needed) {
            if (!data.has(c)) {
                throw new DataException(data.source(), -1, c, null, String.format(Locale.ROOT,
                        "%s needs columns %s; map yours with --column %s=HEADER (columns: %s)", command, list, c,
                        String.join(", ", data.columnNames())));
            }
        }
    }

    /** {@code rows}, checked to have the column an option names (the message lists the columns of {@code raw}). */
    static Dataset withColumn(Dataset raw, Dataset rows, String option, String column) {
        if (!rows.has(column)) {
            throw new DataException(raw.source(), -1, column, null,
                    option + " names no such column; columns are: " + String.join(", ", raw.columnNames()));
        }
        return rows;
    }
}
