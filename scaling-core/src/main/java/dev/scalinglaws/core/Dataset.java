/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;

// Longer than 500 lines on purpose: what stays here is the table itself (its columns, rows, weights and groups), the
// public nested Builder (API) and the private Column record (part of the serialized form), about half of it Javadoc.
// What a law needs of the table (covariate derivations, the search for a law's columns, value checks) is in
// DatasetForLaw.

/**
 * An immutable, columnar table of observations: named numeric columns ({@code double[]}), optional text columns
 * (labels such as a model family), an optional weight column and an optional group column (the model or training
 * run a row belongs to, used for cluster resampling and leave-one-group-out).
 *
 * <p>Every row remembers its 1-based row number in the source, so that errors found after filtering still name the
 * row a user sees in the file. Cells that are not numbers are kept as text; using such a column as a number raises a
 * {@link DataException} naming the first bad cell.
 *
 * <p>Build one with {@link #builder(String)}, or read a CSV with {@link CsvReader}. Derived columns are explicit:
 * {@link #withTokensFromCompute()} (D = C / 6N), {@link #withComputeFromTokens()} (C = 6ND),
 * {@link #withTokensPerParameter()} (M = D / N).
 *
 * <p>Immutable and thread-safe: arrays are copied in and out.
 */
public final class Dataset implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Where the data came from. */
    private final String source;
    /** Number of rows. */
    private final int size;
    /** The columns by name, in source order. */
    private final Map<String, Column> columns;
    /** The 1-based source row of every row, for messages. */
    private final int[] rowNumbers;
    /** The weight column's name, or null. */
    private final String weightColumn;
    /** The group column's name, or null. */
    private final String groupColumn;

    /** One column: numbers (NaN where the text did not parse) and, if any cell is not a number, the text. */
    private record Column(double[] numbers, String[] text, int firstBad) implements java.io.Serializable {
        boolean numeric() {
            return firstBad < 0;
        }

        /** Equal when every component is, arrays compared by content. */
        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Column o)) {
                return false;
            }
            return java.util.Arrays.equals(numbers, o.numbers) && java.util.Arrays.equals(text, o.text)
                    && firstBad == o.firstBad;
        }

        /** Consistent with {@link #equals}. */
        @Override
        public int hashCode() {
            int h = 17;
            h = 31 * h + java.util.Arrays.hashCode(numbers);
            h = 31 * h + java.util.Arrays.hashCode(text);
            h = 31 * h + firstBad;
            return h;
        }
    }

    private Dataset(String source, int size, Map<String, Column> columns, int[] rowNumbers, String weightColumn,
                    String groupColumn) {
        this.source = source;
        this.size = size;
        this.columns = Collections.unmodifiableMap(columns);
        this.rowNumbers = rowNumbers;
        this.weightColumn = weightColumn;
        this.groupColumn = groupColumn;
    }

    /**
     * A builder for a dataset from arrays.
     *
     * @param source a description of where the data came from, used in error messages
     * @return a new builder
     */
    public static Builder builder(String source) {
        return new Builder(source);
    }

    /** {@return where the data came from (a file name, {@code "dataset:chinchilla"}, ...)} */
    public String source() {
        return source;
    }

    /** {@return the number of rows} */
    public int size() {
        return size;
    }

    /** {@return the column names in source order} */
    public List<String> columnNames() {
        return new ArrayList<>(columns.keySet());
    }

    /**
     * Whether there is a column with this name.
     *
     * @param name column name
     * @return true if present
     */
    public boolean has(String name) {
        return columns.containsKey(name);
    }

    /**
     * Whether the named column holds only numbers.
     *
     * @param name column name
     * @return true if every cell is a number
     */
    public boolean isNumeric(String name) {
        return require(name).numeric();
    }

    /**
     * A numeric column (copied).
     *
     * @param name column name
     * @return the values
     * @throws DataException if the column is missing or holds a cell that is not a number
     */
    public double[] column(String name) {
        return numbers(name).clone();
    }

    /**
     * A column as text (copied); numeric columns are formatted.
     *
     * @param name column name
     * @return the cells
     */
    public String[] textColumn(String name) {
        Column c = require(name);
        if (c.text != null) {
            return c.text.clone();
        }
        String[] out = new String[size];
        for (int i = 0; i < size; i++) {
            out[i] = Cells.formatNumber(c.numbers[i]);
        }
        return out;
    }

    /**
     * The 1-based source row number of row {@code i}.
     *
     * @param i row index in this dataset
     * @return the row number in the source
     */
    public int rowNumber(int i) {
        return rowNumbers[i];
    }

    /** {@return the weight column's name, or null if rows are unweighted} */
    public String weightColumn() {
        return weightColumn;
    }

    /** {@return the group column's name, or null} */
    public String groupColumn() {
        return groupColumn;
    }

    /**
     * The row weights (copied): the weight column, or all ones.
     *
     * @return weights, validated finite and non-negative
     */
    public double[] weights() {
        double[] w = new double[size];
        if (weightColumn == null) {
            Arrays.fill(w, 1.0);
            return w;
        }
        double[] col = numbers(weightColumn);
        for (int i = 0; i < size; i++) {
            if (!(col[i] >= 0) || Double.isInfinite(col[i])) {
                throw new DataException(source, rowNumbers[i], weightColumn, Cells.formatNumber(col[i]),
                        "weights must be finite and non-negative");
            }
            w[i] = col[i];
        }
        return w;
    }

    /**
     * Group index of every row (0-based, in order of first appearance), or null if there is no group column.
     *
     * @return group indices or null
     */
    public int[] groupIndices() {
        if (groupColumn == null) {
            return null;
        }
        String[] labels = textColumn(groupColumn);
        Map<String, Integer> index = new LinkedHashMap<>();
        int[] g = new int[size];
        for (int i = 0; i < size; i++) {
            g[i] = index.computeIfAbsent(labels[i], k -> index.size());
        }
        return g;
    }

    /**
     * Group labels in order of first appearance, or an empty list without a group column.
     *
     * @return distinct group labels
     */
    public List<String> groupLabels() {
        if (groupColumn == null) {
            return List.of();
        }
        return List.copyOf(new java.util.LinkedHashSet<>(Arrays.asList(textColumn(groupColumn))));
    }

    /**
     * This dataset with the named column used as row weights.
     *
     * @param name a numeric column
     * @return a new dataset
     */
    public Dataset withWeights(String name) {
        numbers(name);
        return new Dataset(source, size, new LinkedHashMap<>(columns), rowNumbers, name, groupColumn);
    }

    /**
     * This dataset with the named column as the group (model / run) of each row.
     *
     * @param name any column
     * @return a new dataset
     */
    public Dataset withGroups(String name) {
        require(name);
        return new Dataset(source, size, new LinkedHashMap<>(columns), rowNumbers, weightColumn, name);
    }

    /**
     * This dataset with a new or replaced numeric column.
     *
     * @param name   column name
     * @param values one value per row (copied)
     * @return a new dataset
     */
    public Dataset withColumn(String name, double[] values) {
        if (values.length != size) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "column '%s' has %d values, the dataset %d rows", name, values.length, size));
        }
        Map<String, Column> copy = new LinkedHashMap<>(columns);
        copy.put(name, new Column(values.clone(), null, -1));
        return new Dataset(source, size, copy, rowNumbers, weightColumn, groupColumn);
    }

    /**
     * This dataset with column {@code from} renamed to {@code to}.
     *
     * @param from existing column
     * @param to   new name (must not exist)
     * @return a new dataset
     */
    public Dataset withRenamedColumn(String from, String to) {
        require(from);
        if (from.equals(to)) {
            return this;
        }
        if (columns.containsKey(to)) {
            throw new DataException(source, -1, to, null, "column already exists; cannot rename '" + from + "' to it");
        }
        Map<String, Column> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Column> e : columns.entrySet()) {
            copy.put(e.getKey().equals(from) ? to : e.getKey(), e.getValue());
        }
        return new Dataset(source, size, copy, rowNumbers, from.equals(weightColumn) ? to : weightColumn,
                from.equals(groupColumn) ? to : groupColumn);
    }

    /**
     * Adds D = C / (6 N) from columns {@code C} and {@code N} (Kaplan et al. 2020: C = 6ND).
     *
     * @return a new dataset
     * @throws DataException naming the first cell of C or N that is not a finite positive number
     */
    public Dataset withTokensFromCompute() {
        return DatasetForLaw.withTokensFromCompute(this);
    }

    /** {@return a copy with the column C = 6 N D added, computed from columns {@code N} and {@code D}} */
    public Dataset withComputeFromTokens() {
        return DatasetForLaw.withComputeFromTokens(this);
    }

    /** {@return a copy with the column M = D / N (tokens per parameter) added, from columns {@code N} and {@code D}} */
    public Dataset withTokensPerParameter() {
        return DatasetForLaw.withTokensPerParameter(this);
    }

    /**
     * Derives the covariates a law needs from the columns present, by the documented rules only
     * (D = C / 6N, C = 6ND, M = D / N, N = C / 6D), and says which derivations were made.
     *
     * @param law      the law to be fitted
     * @param messages receives one line per derivation (may be null)
     * @return a dataset holding every covariate of the law
     * @throws MissingColumnException naming the missing column if a covariate or the response cannot be found or
     *                                derived
     */
    public Dataset withCovariatesFor(ScalingLaw law, List<String> messages) {
        return DatasetForLaw.withCovariatesFor(this, law, messages);
    }

    /**
     * The rows at the given indices, in that order (repeats allowed).
     *
     * @param rows row indices
     * @return a new dataset
     */
    public Dataset rows(int[] rows) {
        Map<String, Column> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Column> e : columns.entrySet()) {
            Column c = e.getValue();
            double[] nums = new double[rows.length];
            String[] text = c.text == null ? null : new String[rows.length];
            int firstBad = -1;
            for (int k = 0; k < rows.length; k++) {
                nums[k] = c.numbers[rows[k]];
                if (text != null) {
                    text[k] = c.text[rows[k]];
                    if (firstBad < 0 && !Cells.isNumberCell(text[k], nums[k])) {
                        firstBad = k;
                    }
                }
            }
            copy.put(e.getKey(), new Column(nums, firstBad < 0 ? null : text, firstBad));
        }
        int[] rn = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            rn[k] = rowNumbers[rows[k]];
        }
        return new Dataset(source, rows.length, copy, rn, weightColumn, groupColumn);
    }

    /**
     * The rows for which the predicate holds.
     *
     * @param keep predicate on row index
     * @return a new dataset
     */
    public Dataset filter(IntPredicate keep) {
        int[] idx = new int[size];
        int k = 0;
        for (int i = 0; i < size; i++) {
            if (keep.test(i)) {
                idx[k++] = i;
            }
        }
        return rows(Arrays.copyOf(idx, k));
    }

    /**
     * This dataset without the {@code k} rows with the largest values of a column; ties are broken by row order
     * (earlier rows count as larger), as a stable sort of the negated column does.
     *
     * @param column numeric column
     * @param k      number of rows to drop
     * @return a new dataset with {@code size() - k} rows in the original order
     */
    public Dataset withoutLargest(String column, int k) {
        if (k < 0 || k > size) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "cannot drop %d of %d rows", k, size));
        }
        double[] v = numbers(column);
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(v[b], v[a]));
        boolean[] drop = new boolean[size];
        for (int i = 0; i < k; i++) {
            drop[order[i]] = true;
        }
        return filter(i -> !drop[i]);
    }

    /**
     * The law's covariates as {@link Columns}, validated: every value finite, and strictly positive where the law
     * takes logarithms.
     *
     * @param law the law
     * @return covariate columns in the law's order
     * @throws DataException naming row, column and value of the first bad cell
     */
    public Columns covariates(ScalingLaw law) {
        return DatasetForLaw.covariates(this, law);
    }

    /**
     * The law's response column, validated finite, and strictly positive if {@code positive}.
     *
     * @param law      the law
     * @param positive whether the response must be strictly positive (log residuals)
     * @return the response values (copied)
     */
    public double[] response(ScalingLaw law, boolean positive) {
        return DatasetForLaw.response(this, law, positive);
    }

    private Column require(String name) {
        Column c = columns.get(name);
        if (c == null) {
            throw new DataException(source, -1, name, null,
                    "no such column; columns are: " + String.join(", ", columns.keySet()));
        }
        return c;
    }

    /** The named numeric column itself, not a copy (for {@link DatasetForLaw}, which must not modify it). */
    double[] numbers(String name) {
        Column c = require(name);
        if (!c.numeric()) {
            throw new DataException(source, rowNumbers[c.firstBad], name, c.text[c.firstBad],
                    Cells.notANumberReason(c.text[c.firstBad]));
        }
        return c.numbers;
    }

    /**
     * Equal datasets hold the same columns (names, in order, and values, compared by content), the same row numbers
     * and the same weight and group columns; the source description is not compared.
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof Dataset o && size == o.size && new java.util.ArrayList<>(columns.keySet())
                .equals(new java.util.ArrayList<>(o.columns.keySet())) && columns.equals(o.columns)
                && java.util.Arrays.equals(rowNumbers, o.rowNumbers)
                && java.util.Objects.equals(weightColumn, o.weightColumn)
                && java.util.Objects.equals(groupColumn, o.groupColumn);
    }

    /** Consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return java.util.Objects.hash(size, columns, java.util.Arrays.hashCode(rowNumbers), weightColumn,
                groupColumn);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Dataset[%s, %d rows, columns %s]", source, size, columns.keySet());
    }

    /**
     * Builds a {@link Dataset} from arrays. Not thread-safe; the built dataset is.
     */
    public static final class Builder {
        private final String source;
        private final Map<String, Column> columns = new LinkedHashMap<>();
        private int size = -1;
        private int[] rowNumbers;
        private String weightColumn;
        private String groupColumn;

        private Builder(String source) {
            this.source = Objects.requireNonNull(source, "source");
        }

        private void checkSize(String name, int n) {
            if (columns.containsKey(name)) {
                throw new DataException(source, -1, name, null, "duplicate column");
            }
            if (size >= 0 && n != size) {
                throw new DataException(source, -1, name, null, String.format(Locale.ROOT,
                        "column has %d values, earlier columns %d", n, size));
            }
            size = n;
        }

        /**
         * Adds a numeric column (copied).
         *
         * @param name   column name
         * @param values values
         * @return this builder
         */
        public Builder column(String name, double[] values) {
            checkSize(name, values.length);
            columns.put(name, new Column(values.clone(), null, -1));
            return this;
        }

        /**
         * Adds a column of text cells; cells that parse as numbers (after trimming) make it numeric where possible.
         *
         * @param name  column name
         * @param cells cells
         * @return this builder
         */
        public Builder textColumn(String name, String[] cells) {
            checkSize(name, cells.length);
            double[] nums = new double[cells.length];
            int firstBad = -1;
            for (int i = 0; i < cells.length; i++) {
                nums[i] = Cells.parseCell(cells[i]);
                if (firstBad < 0 && !Cells.isNumberCell(cells[i], nums[i])) {
                    firstBad = i;
                }
            }
            columns.put(name, new Column(nums, firstBad < 0 ? null : cells.clone(), firstBad));
            return this;
        }

        /**
         * Adds a column parsed elsewhere (by {@link CsvReader}), taking ownership of the arrays: no copy, so that a
         * large file is held once.
         *
         * @param name     column name
         * @param numbers  values, NaN where a cell is not a number
         * @param text     the cells as text if any is not a number (numbers in canonical form), else null
         * @param firstBad index of the first cell that is not a number, or -1
         * @return this builder
         */
        Builder parsedColumn(String name, double[] numbers, String[] text, int firstBad) {
            checkSize(name, numbers.length);
            columns.put(name, new Column(numbers, firstBad < 0 ? null : text, firstBad));
            return this;
        }

        /**
         * Sets the 1-based source row number of each row (default 1..n).
         *
         * @param numbers row numbers
         * @return this builder
         */
        public Builder rowNumbers(int[] numbers) {
            this.rowNumbers = numbers.clone();
            return this;
        }

        /**
         * Names the weight column.
         *
         * @param name column name
         * @return this builder
         */
        public Builder weights(String name) {
            this.weightColumn = name;
            return this;
        }

        /**
         * Names the group column.
         *
         * @param name column name
         * @return this builder
         */
        public Builder groups(String name) {
            this.groupColumn = name;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the dataset
         */
        public Dataset build() {
            int n = Math.max(size, 0);
            if (columns.isEmpty()) {
                throw new DataException(source, -1, null, null, "no columns");
            }
            int[] rn = rowNumbers;
            if (rn == null) {
                rn = new int[n];
                for (int i = 0; i < n; i++) {
                    rn[i] = i + 1;
                }
            } else if (rn.length != n) {
                throw new IllegalArgumentException("row numbers do not match the number of rows");
            }
            Dataset d = new Dataset(source, n, new LinkedHashMap<>(columns), rn, null, null);
            if (weightColumn != null) {
                d = d.withWeights(weightColumn);
            }
            if (groupColumn != null) {
                d = d.withGroups(groupColumn);
            }
            return d;
        }
    }
}
