/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaw;

/**
 * An experimental design: named covariate columns (for example N, D and C = 6ND) and, optionally, a group index per
 * row (the model a checkpoint belongs to, the budget of an isoFLOP curve) that clustered noise and the cluster
 * bootstrap use. Designs come from {@link Sweeps}; {@link #dataset} turns one into data for a law.
 *
 * <p>Immutable value type: arrays are copied in and out; equality is by content.
 */
public final class Design implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** A short description, e.g. {@code "isoflop 4x7"}. */
    private final String kind;
    /** The covariate columns by name, in order: an unmodifiable map of private copies, all of length {@code rows}. */
    private final Map<String, double[]> columns;
    /** A group index per row (a private copy), or null for an ungrouped design. */
    private final int[] groups;
    /** Number of rows. */
    private final int rows;

    /**
     * @param kind    a short description, e.g. {@code "isoflop 4x7"}
     * @param columns covariate columns, all of the same length (copied; order kept)
     * @param groups  a group index per row, or {@code null} for ungrouped rows
     * @throws IllegalArgumentException if columns are empty, of different lengths, or groups do not match
     */
    public Design(String kind, Map<String, double[]> columns, int[] groups) {
        this.kind = Objects.requireNonNull(kind, "kind");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a design needs at least one column");
        }
        Map<String, double[]> copy = new LinkedHashMap<>();
        int n = -1;
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            if (n >= 0 && e.getValue().length != n) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "column %s has %d rows, earlier columns %d", e.getKey(), e.getValue().length, n));
            }
            n = e.getValue().length;
            copy.put(e.getKey(), e.getValue().clone());
        }
        if (groups != null && groups.length != n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%d group labels for %d rows",
                    groups.length, n));
        }
        this.columns = Collections.unmodifiableMap(copy);
        this.groups = groups == null ? null : groups.clone();
        this.rows = n;
    }

    /**
     * A design whose rows are the given covariate points, in the law's covariate order, without groups.
     *
     * @param kind       description
     * @param covariates covariate names
     * @param points     one array per row, each with one value per covariate
     * @return the design
     */
    public static Design ofPoints(String kind, List<String> covariates, List<double[]> points) {
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (int j = 0; j < covariates.size(); j++) {
            double[] c = new double[points.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = points.get(i)[j];
            }
            cols.put(covariates.get(j), c);
        }
        return new Design(kind, cols, null);
    }

    /** {@return a short description, e.g. {@code "chinchilla-grid 5x4"}} */
    public String kind() {
        return kind;
    }

    /** {@return the number of rows} */
    public int size() {
        return rows;
    }

    /** {@return the column names, in order (a new mutable list)} */
    public List<String> columnNames() {
        return new ArrayList<>(columns.keySet());
    }

    /**
     * One column (copy).
     *
     * @param name column name
     * @return the values
     * @throws IllegalArgumentException if there is no such column
     */
    public double[] column(String name) {
        double[] c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "design %s has no column %s (it has %s)",
                    kind, name, columns.keySet()));
        }
        return c.clone();
    }

    /** {@return whether rows carry group indices} */
    public boolean grouped() {
        return groups != null;
    }

    /** {@return the group index of each row (a copy), or all zeros when the design is ungrouped} */
    public int[] groups() {
        return groups == null ? new int[rows] : groups.clone();
    }

    /** {@return the number of distinct groups (1 for an ungrouped design)} */

    public int groupCount() {
        return groups == null ? 1 : (int) Arrays.stream(groups).distinct().count();
    }

    /**
     * The covariates of a law on this design, in the law's order.
     *
     * @param law the law
     * @return the columns
     * @throws IllegalArgumentException if the design lacks one of the law's covariates
     */
    public Columns covariates(ScalingLaw law) {
        double[][] cols = new double[law.covariates().size()][];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = column(law.covariates().get(j));
        }
        return Columns.of(cols);
    }

    /**
     * The law's values on this design (linear space).
     *
     * @param law   the law
     * @param theta parameters
     * @return f(x_i; theta) for every row
     */
    public double[] values(ScalingLaw law, double[] theta) {
        double[] v = new double[rows];
        law.evaluate(theta, covariates(law), 0, rows, v, null);
        return v;
    }

    /**
     * The law's natural-log values on this design.
     *
     * @param law   the law
     * @param theta parameters
     * @return ln f(x_i; theta) for every row
     */
    public double[] logValues(ScalingLaw law, double[] theta) {
        double[] v = new double[rows];
        law.evaluateLog(theta, covariates(law), 0, rows, v, null);
        return v;
    }

    /**
     * Data drawn from a law on this design: the response is f(x; theta) exp(e_i) for laws with a positive response
     * (noise in log space) and f(x; theta) + e_i otherwise. The dataset holds every design column, the response
     * named after {@link ScalingLaw#response()}, and, for a grouped design, a group column {@code "group"}.
     *
     * @param law   the law
     * @param theta the true parameters
     * @param noise e_i per row (log-space for positive responses), or {@code null} for noiseless data
     * @return the dataset
     */
    public Dataset dataset(ScalingLaw law, double[] theta, double[] noise) {
        if (noise != null && noise.length != rows) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%d noise values for %d rows",
                    noise.length, rows));
        }
        double[] y;
        if (law.positiveResponse()) {
            y = logValues(law, theta);
            for (int i = 0; i < rows; i++) {
                y[i] = Math.exp(y[i] + (noise == null ? 0 : noise[i]));
            }
        } else {
            y = values(law, theta);
            for (int i = 0; i < rows; i++) {
                y[i] += noise == null ? 0 : noise[i];
            }
        }
        Dataset.Builder b = Dataset.builder("synthetic " + kind + " from " + law.name());
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            if (!e.getKey().equals(law.response())) {
                b.column(e.getKey(), e.getValue());
            }
        }
        b.column(law.response(), y);
        if (groups != null) {
            double[] g = new double[rows];
            for (int i = 0; i < rows; i++) {
                g[i] = groups[i];
            }
            b.column("group", g).groups("group");
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Design d) || !kind.equals(d.kind) || !Arrays.equals(groups, d.groups)
                || !columns.keySet().equals(d.columns.keySet())) {
            return false;
        }
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            if (!Arrays.equals(e.getValue(), d.columns.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = kind.hashCode() * 31 + Arrays.hashCode(groups);
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            h = h * 31 + e.getKey().hashCode() * 17 + Arrays.hashCode(e.getValue());
        }
        return h;
    }

    /** A compact description: kind, rows, groups and the range of each column (jqwik prints it in reports). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(kind).append(" [").append(rows).append(" rows");
        if (groups != null) {
            sb.append(", ").append(groupCount()).append(" groups");
        }
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : e.getValue()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            sb.append(String.format(Locale.ROOT, ", %s %.3g..%.3g", e.getKey(), lo, hi));
        }
        return sb.append(']').toString();
    }
}
