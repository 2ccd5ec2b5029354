/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import java.util.Arrays;

/**
 * The covariate columns a {@link ScalingLaw} is evaluated on, in the order of {@link ScalingLaw#covariates()},
 * with their natural logarithms computed once so that hot loops take no logarithm of data.
 *
 * <p>A column holding a non-positive value has {@code NaN} in its log column at that row; laws that take logs
 * of covariates reject such data earlier (see {@link Dataset#covariates(ScalingLaw)}).
 *
 * <p>Immutable (arrays are copied in and never exposed for writing) and thread-safe.
 */
public final class Columns {

    private final double[][] raw;
    private final double[][] log;
    private final int size;

    private Columns(double[][] raw) {
        int n = raw.length == 0 ? 0 : raw[0].length;
        this.raw = new double[raw.length][];
        this.log = new double[raw.length][];
        for (int j = 0; j < raw.length; j++) {
            if (raw[j].length != n) {
                throw new IllegalArgumentException("covariate columns differ in length: "
                        + raw[0].length + " and " + raw[j].length);
            }
            this.raw[j] = raw[j].clone();
            double[] l = new double[n];
            for (int i = 0; i < n; i++) {
                double v = raw[j][i];
                l[i] = v > 0 ? Math.log(v) : Double.NaN;
            }
            this.log[j] = l;
        }
        this.size = n;
    }

    /**
     * Columns from arrays, one per covariate (copied).
     *
     * @param columns the covariate columns, all of one length
     * @return the columns with their logarithms
     */
    public static Columns of(double[]... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("at least one covariate column is required");
        }
        return new Columns(columns);
    }

    /** {@return the number of rows} */
    public int size() {
        return size;
    }

    /** {@return the number of covariates} */
    public int count() {
        return raw.length;
    }

    /**
     * Value of covariate {@code j} at row {@code i}.
     *
     * @param j covariate index
     * @param i row
     * @return the value
     */
    public double value(int j, int i) {
        return raw[j][i];
    }

    /**
     * Natural logarithm of covariate {@code j} at row {@code i}.
     *
     * @param j covariate index
     * @param i row
     * @return ln of the value, NaN if it is not positive
     */
    public double logValue(int j, int i) {
        return log[j][i];
    }

    /**
     * Direct read-only view of a raw column for hot loops. Callers must not write to it.
     *
     * @param j covariate index
     * @return the column (do not modify)
     */
    public double[] rawColumn(int j) {
        return raw[j];
    }

    /**
     * Direct read-only view of a log column for hot loops. Callers must not write to it.
     *
     * @param j covariate index
     * @return the column of logarithms (do not modify)
     */
    public double[] logColumn(int j) {
        return log[j];
    }

    /**
     * The rows at the given indices (repeats allowed), as new columns.
     *
     * @param rows row indices
     * @return the selected rows
     */
    public Columns rows(int[] rows) {
        double[][] out = new double[raw.length][rows.length];
        for (int j = 0; j < raw.length; j++) {
            for (int k = 0; k < rows.length; k++) {
                out[j][k] = raw[j][rows[k]];
            }
        }
        return new Columns(out);
    }

    @Override
    public String toString() {
        return "Columns[" + raw.length + " x " + size + "]" + (size > 0 ? " first row " + firstRow() : "");
    }

    private String firstRow() {
        double[] r = new double[raw.length];
        for (int j = 0; j < raw.length; j++) {
            r[j] = raw[j][0];
        }
        return Arrays.toString(r);
    }
}
