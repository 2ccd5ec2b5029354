/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import dev.scalinglaws.core.Parameter;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.FitSpec;

/**
 * Fits one scaling law to every group of a Spark {@link Dataset}: one fit per distinct value of the group columns,
 * each inside one Spark task on one thread, so that Spark alone decides the parallelism. The result has one row
 * per group, in the order in which the groups first appear in the input:
 *
 * <pre>
 *   group columns..., status, message, rows, objective,
 *   for each parameter p: p, p_se, p_lower, p_upper,
 *   diagnostics (array of "SEVERITY CODE: message")
 * </pre>
 *
 * <p>Input columns are named as in the {@code scaling} command ({@code N}, {@code D}, {@code loss}, ...) or mapped
 * with {@link #withColumn}; numbers may be stored as numbers or as text (as a CSV read without schema inference
 * gives them), and are parsed exactly as the {@code scaling} command parses its CSV files, so both give the same
 * fit. A group whose data cannot be fitted (too few rows, a non-positive value where the law takes a logarithm, a
 * missing column) gets a row with status {@code ERROR} and the message; it never fails the job.
 *
 * <p>Intervals are the asymptotic (smoothed sandwich, delta method) ones at the configured level, the CLI's
 * default; {@link GroupFit} documents the statistics. Immutable and serialisable, so it ships to executors.
 */
public final class GroupFits implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Name of the internal column carrying each input row's position. */
    static final String ROW = "__scalinglaws_row";
    /** Name of the internal column carrying each group's first position. */
    static final String FIRST = "__scalinglaws_first";

    /** The fit applied to every group. */
    private final GroupFit fit;

    private GroupFits(GroupFit fit) {
        this.fit = fit;
    }

    /**
     * Group fits of a law with a fit specification. The specification's thread count is ignored: each group is
     * fitted on the one thread of its task.
     *
     * @param law  the law
     * @param spec the fit specification (loss, residual space, starts, seed, pins, bounds)
     * @return group fits with asymptotic 95% intervals and no column mapping
     */
    public static GroupFits of(ScalingLaw law, FitSpec spec) {
        return new GroupFits(new GroupFit(law, spec, Map.of(), null, GroupFit.Intervals.ASYMPTOTIC, 0.95, null));
    }

    /**
     * Maps a law key (covariate, response, {@code tokens}, ...) to a column of the input, as the command's
     * {@code --column KEY=HEADER}.
     *
     * @param key    the name the law uses
     * @param header the input column
     * @return a copy with the mapping
     */
    public GroupFits withColumn(String key, String header) {
        Map<String, String> m = new LinkedHashMap<>(fit.columns());
        m.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(header, "header"));
        return new GroupFits(fit.withColumns(m));
    }

    /**
     * Names the column that says which run (model) each row belongs to, as the command's {@code --group}.
     *
     * @param column the run column, or null for none
     * @return a copy
     */
    public GroupFits withRuns(String column) {
        return new GroupFits(fit.withRuns(column));
    }

    /**
     * Chooses the intervals.
     *
     * @param intervals asymptotic or none
     * @param level     the confidence level, in (0, 1)
     * @return a copy
     */
    public GroupFits withIntervals(GroupFit.Intervals intervals, double level) {
        return new GroupFits(fit.withIntervals(intervals, level));
    }

    /** {@return the per-group fit this applies} */

    public GroupFit groupFit() {
        return fit;
    }

    /**
     * The output schema for an input schema and group columns.
     *
     * @param input        the input schema
     * @param groupColumns the group columns
     * @return the schema of {@link #fit}'s result
     */
    public StructType outputSchema(StructType input, List<String> groupColumns) {
        List<StructField> fields = new ArrayList<>();
        for (String g : groupColumns) {
            StructField f = input.apply(g);
            fields.add(DataTypes.createStructField(f.name(), f.dataType(), true));
        }
        fields.add(DataTypes.createStructField("status", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("message", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("rows", DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField("objective", DataTypes.DoubleType, true));
        for (Parameter p : fit.law().parameters()) {
            for (String suffix : List.of("", "_se", "_lower", "_upper")) {
                fields.add(DataTypes.createStructField(p.name() + suffix, DataTypes.DoubleType, true));
            }
        }
        fields.add(DataTypes.createStructField("diagnostics",
                DataTypes.createArrayType(DataTypes.StringType, false), false));
        return DataTypes.createStructType(fields);
    }

    /**
     * Fits every group.
     *
     * @param data         the input rows
     * @param groupColumns the columns whose distinct values define the groups (at least one)
     * @return one row per group, in order of first appearance, with {@link #outputSchema}
     * @throws IllegalArgumentException if no group column is given or one is missing from the input
     */
    public Dataset<Row> fit(Dataset<Row> data, String... groupColumns) {
        List<String> groups = List.of(groupColumns);
        StructType out = outputSchema(data.schema(), groups);
        GroupFit task = fit;
        return perGroup(data, groups, out, (names, group) -> {
            GroupFit.Outcome o = task.apply(names, group.cells(), group.rowNumbers());
            List<Object> values = new ArrayList<>(group.keys());
            values.add(o.status());
            values.add(o.message());
            values.add(o.rows());
            values.add(o.objective());
            for (double[] p : o.parameters()) {
                for (double v : p) {
                    values.add(v);
                }
            }
            values.add(scala.jdk.javaapi.CollectionConverters.asScala(o.diagnostics()).toList());
            return values;
        });
    }

    /** The rows of one group: key values, cells as text ({@code cells[column][row]}) and 1-based row numbers. */
    record Group(List<Object> keys, String[][] cells, int[] rowNumbers) {
    }

    /** What runs once per group inside a task: the values of the group's output row (without the order column). */
    @FunctionalInterface
    interface GroupFunction extends Serializable {
        List<Object> apply(List<String> names, Group group);
    }

    /**
     * Applies a function to every group on the executors: rows are numbered (exactly, across partitions), shuffled
     * by the group keys, sorted within partitions, and walked one run of equal keys at a time; the output is
     * ordered by each group's first row.
     */
    static Dataset<Row> perGroup(Dataset<Row> data, List<String> groups, StructType out, GroupFunction fn) {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("group fits need at least one group column");
        }
        StructType in = data.schema();
        for (String g : groups) {
            if (!Arrays.asList(in.fieldNames()).contains(g)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "no group column '%s' in the input (columns: %s)", g, String.join(", ", in.fieldNames())));
            }
        }
        Dataset<Row> indexed = withRowIndex(data);
        StructType ordered = out.add(FIRST, DataTypes.LongType, false);
        String[] fieldNames = in.fieldNames();
        int[] groupIdx = groups.stream().mapToInt(in::fieldIndex).toArray();
        int rowIdx = fieldNames.length;
        MapPartitionsFunction<Row, Row> perPartition = rows -> new GroupIterator(rows, groupIdx, rowIdx, fieldNames,
                fn);
        org.apache.spark.sql.Column[] keys = groups.stream().map(functions::col)
                .toArray(org.apache.spark.sql.Column[]::new);
        org.apache.spark.sql.Column[] sortKeys = new org.apache.spark.sql.Column[keys.length + 1];
        System.arraycopy(keys, 0, sortKeys, 0, keys.length);
        sortKeys[keys.length] = functions.col(ROW);
        return indexed.repartition(keys).sortWithinPartitions(sortKeys)
                .mapPartitions(perPartition, Encoders.row(ordered))
                .orderBy(FIRST).drop(FIRST);
    }

    /** The input with a column holding each row's 0-based position (exact across partitions: zipWithIndex). */
    static Dataset<Row> withRowIndex(Dataset<Row> data) {
        StructType schema = data.schema().add(ROW, DataTypes.LongType, false);
        int width = data.schema().size();
        var rdd = data.javaRDD().zipWithIndex().map(t -> {
            Object[] values = new Object[width + 1];
            for (int i = 0; i < width; i++) {
                values[i] = t._1().get(i);
            }
            values[width] = t._2();
            return RowFactory.create(values);
        });
        return data.sparkSession().createDataFrame(rdd, schema);
    }

    /** Walks the sorted rows of one partition, emitting one result row per run of equal group keys. */
    private static final class GroupIterator implements java.util.Iterator<Row> {
        private final java.util.Iterator<Row> rows;
        private final int[] groupIdx;
        private final int rowIdx;
        private final List<String> fieldNames;
        private final GroupFunction fn;
        private Row pending;

        GroupIterator(java.util.Iterator<Row> rows, int[] groupIdx, int rowIdx, String[] fieldNames,
                      GroupFunction fn) {
            this.rows = rows;
            this.groupIdx = groupIdx;
            this.rowIdx = rowIdx;
            this.fieldNames = List.of(fieldNames);
            this.fn = fn;
            this.pending = rows.hasNext() ? rows.next() : null;
        }

        @Override
        public boolean hasNext() {
            return pending != null;
        }

        @Override
        public Row next() {
            if (pending == null) {
                throw new java.util.NoSuchElementException();
            }
            List<Row> group = new ArrayList<>();
            Row first = pending;
            group.add(first);
            pending = null;
            while (rows.hasNext()) {
                Row r = rows.next();
                if (sameKey(first, r)) {
                    group.add(r);
                } else {
                    pending = r;
                    break;
                }
            }
            String[][] cells = new String[fieldNames.size()][group.size()];
            int[] rowNumbers = new int[group.size()];
            for (int i = 0; i < group.size(); i++) {
                Row r = group.get(i);
                for (int j = 0; j < cells.length; j++) {
                    Object v = r.get(j);
                    cells[j][i] = v == null ? "" : v.toString();
                }
                rowNumbers[i] = Math.toIntExact(r.getLong(rowIdx) + 1);
            }
            List<Object> keys = new ArrayList<>();
            for (int g : groupIdx) {
                keys.add(first.get(g));
            }
            List<Object> values = new ArrayList<>(fn.apply(fieldNames, new Group(keys, cells, rowNumbers)));
            values.add(first.getLong(rowIdx));
            return RowFactory.create(values.toArray());
        }

        private boolean sameKey(Row a, Row b) {
            for (int g : groupIdx) {
                if (!Objects.equals(a.get(g), b.get(g))) {
                    return false;
                }
            }
            return true;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupFits g && g.fit.equals(fit);
    }

    @Override
    public int hashCode() {
        return fit.hashCode();
    }

    @Override
    public String toString() {
        return "GroupFits[" + fit + "]";
    }
}
