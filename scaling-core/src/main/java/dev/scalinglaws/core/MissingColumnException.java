/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A law needs a column (a covariate or its response) that the data does not have and that cannot be derived from the
 * columns present (see {@link Dataset#withCovariatesFor}). The message names the law, the missing column and the
 * columns the data has; if the headers look like values of a covariate (a wide file, one column per value) it adds
 * advice to reshape the data to long format. It says nothing of how a user supplies a column: that depends on the
 * front end (the command-line interface, for example, adds its option for mapping a header to a column).
 *
 * <p>Unchecked, a {@link DataException}; immutable.
 */
public final class MissingColumnException extends DataException {

    private static final long serialVersionUID = 1L;

    /** What the missing column is for the law. */
    public enum Role {
        /** One of the law's covariates ({@link ScalingLaw#covariates()}). */
        COVARIATE,
        /** The law's response ({@link ScalingLaw#response()}). */
        RESPONSE
    }

    /** The law's name. */
    private final String law;
    /** What the column is for the law. */
    private final Role role;
    /** The columns the data has, in order. */
    private final List<String> columns;
    /** The first headers that parse as numbers when the file looks wide, else empty. */
    private final List<String> valueHeaders;

    /**
     * @param source       where the data came from, or null
     * @param law          the law's name
     * @param role         what the column is for the law
     * @param column       the missing column's name
     * @param columns      the columns the data has, in order
     * @param valueHeaders the first three headers that parse as numbers when the file looks wide (at least three such
     *                     headers), else empty
     */
    public MissingColumnException(String source, String law, Role role, String column, List<String> columns,
                                  List<String> valueHeaders) {
        super(source, -1, Objects.requireNonNull(column, "column"), null,
                requirement(law, role, column, columns) + reshapeAdvice(role, column, valueHeaders));
        this.law = law;
        this.role = role;
        this.columns = List.copyOf(columns);
        this.valueHeaders = List.copyOf(valueHeaders);
    }

    private static String requirement(String law, Role role, String column, List<String> columns) {
        return Objects.requireNonNull(role, "role") == Role.COVARIATE
                ? String.format(Locale.ROOT, "law %s needs covariate %s, but the data has no such column (columns: %s)",
                        law, column, String.join(", ", columns))
                : String.format(Locale.ROOT, "law %s needs the response column '%s' (columns: %s)", law, column,
                        String.join(", ", columns));
    }

    private static String reshapeAdvice(Role role, String column, List<String> valueHeaders) {
        if (role != Role.COVARIATE || valueHeaders.size() < 3) {
            return "";
        }
        return String.format(Locale.ROOT, ". The file looks wide: its headers %s, %s, %s... are values, one column "
                + "per value. Reshape it to long format, one row per observation, with a column for %s and one for "
                + "the response (for example model,%s,loss)", valueHeaders.get(0), valueHeaders.get(1),
                valueHeaders.get(2), column, column);
    }

    /** {@return the name of the law that needs the column} */
    public String law() {
        return law;
    }

    /** {@return what the missing column is for the law} */
    public Role role() {
        return role;
    }

    /** {@return the columns the data has, in order} */
    public List<String> columns() {
        return columns;
    }

    /**
     * {@return the statement of what is missing, without the data source, the column prefix or any advice, e.g.
     * "law chinchilla needs covariate D, but the data has no such column (columns: N, loss)"}
     */
    public String requirement() {
        return requirement(law, role, column(), columns);
    }

    /**
     * {@return the advice to reshape a wide file to long format, starting with ". " (empty unless the column is a
     * covariate and at least three headers parse as numbers)}
     */
    public String reshapeAdvice() {
        return reshapeAdvice(role, column(), valueHeaders);
    }
}
