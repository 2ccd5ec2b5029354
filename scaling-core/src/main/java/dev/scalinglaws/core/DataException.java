/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import java.util.Locale;

/**
 * Bad input data: a missing or duplicate column, a cell that is not a number, a non-finite value, or a value a law
 * cannot take (zero or negative where it takes a logarithm). The message names the source, the row (1-based data
 * row, header excluded), the column and the value, so that a user can find it in the file.
 *
 * <p>Unchecked, a subclass of {@link IllegalArgumentException}; immutable.
 */
public class DataException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Where the data came from. */
    private final String source;
    /** The 1-based data row, or -1. */
    private final int row;
    /** The column name, or null. */
    private final String column;
    /** The offending value as text, or null. */
    private final String value;

    /**
     * @param source where the data came from (file name or description)
     * @param row    1-based data row, or -1 if the problem is not tied to a row
     * @param column column name, or null
     * @param value  offending value as text, or null
     * @param reason what is wrong
     */
    public DataException(String source, int row, String column, String value, String reason) {
        super(format(source, row, column, value, reason));
        this.source = source;
        this.row = row;
        this.column = column;
        this.value = value;
    }

    private static String format(String source, int row, String column, String value, String reason) {
        StringBuilder sb = new StringBuilder();
        sb.append(source == null ? "data" : source);
        if (row > 0) {
            sb.append(String.format(Locale.ROOT, ": row %d", row));
        }
        if (column != null) {
            sb.append(row > 0 ? ", column '" : ": column '").append(column).append('\'');
        }
        if (value != null) {
            sb.append(": value '").append(value).append('\'');
        }
        sb.append(": ").append(reason);
        return sb.toString();
    }

    /** {@return the data source} */
    public String source() {
        return source;
    }

    /** {@return the 1-based data row, or -1} */
    public int row() {
        return row;
    }

    /** {@return the column name, or null} */
    public String column() {
        return column;
    }

    /** {@return the offending value as text, or null} */
    public String value() {
        return value;
    }
}
