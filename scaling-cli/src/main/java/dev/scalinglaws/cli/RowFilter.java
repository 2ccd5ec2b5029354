/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.scalinglaws.core.DataException;
import dev.scalinglaws.core.Dataset;

/**
 * A {@code --where} condition {@code COLUMN OP VALUE} with OP one of {@code < <= > >= = != ==}: numeric when the
 * value is a number, text equality otherwise. Either side may be arithmetic over numeric columns
 * ({@link ColumnExpression}), e.g. {@code D/N>=2} or {@code 6*N*D<1e21}. Several conditions are ANDed.
 *
 * @param column   the column
 * @param operator the comparison
 * @param value    the value as written
 * @param text     the condition as written (for messages)
 */
record RowFilter(String column, String operator, String value, String text) {

    /** A condition without its original text (it is rebuilt from the parts). */
    RowFilter(String column, String operator, String value) {
        this(column, operator, value, column + operator + value);
    }

    private static final Pattern SYNTAX = Pattern.compile("^\\s*([^<>=!]+?)\\s*(<=|>=|!=|==|=|<|>)\\s*(.*?)\\s*$");

    /**
     * Parses one condition.
     *
     * @param text e.g. {@code loss<5}, {@code N>=1e8}, {@code dataset_name=c4_original}
     * @return the condition
     */
    static RowFilter parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches() || m.group(3).isEmpty()) {
            throw new CliException("--where expects COLUMN OP VALUE with OP one of < <= > >= = !=, got '" + text
                    + "'");
        }
        String op = m.group(2).equals("==") ? "=" : m.group(2);
        String v = m.group(3);
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1);
        }
        return new RowFilter(m.group(1), op, v, text);
    }

    /**
     * Applies conditions in order.
     *
     * @param data       the data
     * @param conditions the conditions (may be empty)
     * @return the rows that meet all of them
     */
    static Dataset apply(Dataset data, List<RowFilter> conditions) {
        Dataset d = data;
        for (RowFilter f : conditions) {
            d = f.apply(d);
        }
        return d;
    }

    private Dataset apply(Dataset data) {
        boolean isColumn = data.has(column);
        if (!isColumn && !ColumnExpression.looksArithmetic(column)) {
            throw new DataException(data.source(), -1, column, null,
                    "--where names no such column; columns are: " + String.join(", ", data.columnNames()));
        }
        Double number = parseNumber(value);
        boolean textEquality = isColumn && number == null && !data.isNumeric(column)
                && (operator.equals("=") || operator.equals("!="));
        if (!textEquality && (!isColumn || number == null && ColumnExpression.looksArithmetic(value))) {
            // arithmetic over columns, e.g. D/N>=2: positions in messages count in the --where text
            String option = "--where '" + text + "'";
            int leftAt = Math.max(0, text.indexOf(column));
            double[] left = isColumn ? data.column(column)
                    : ColumnExpression.evaluate(option, column, leftAt, data);
            double[] right = number != null ? null
                    : ColumnExpression.evaluate(option, value, Math.max(0, text.lastIndexOf(value)), data);
            double constant = number == null ? Double.NaN : number;
            return data.filter(i -> compare(left[i], right == null ? constant : right[i]));
        }
        if (number != null) {
            double[] v = data.column(column);
            double x = number;
            return data.filter(i -> compare(v[i], x));
        }
        if (!operator.equals("=") && !operator.equals("!=")) {
            throw new CliException(String.format(Locale.ROOT,
                    "--where %s%s%s: '%s' is not a number, and text can only be compared with = or !=", column,
                    operator, value, value));
        }
        String[] text = data.textColumn(column);
        boolean equal = operator.equals("=");
        return data.filter(i -> text[i].trim().equals(value) == equal);
    }

    private boolean compare(double a, double b) {
        return switch (operator) {
            case "<" -> a < b;
            case "<=" -> a <= b;
            case ">" -> a > b;
            case ">=" -> a >= b;
            case "=" -> a == b;
            case "!=" -> a != b;
            default -> throw new IllegalStateException(operator);
        };
    }

    private static Double parseNumber(String s) {
        try {
            double v = Double.parseDouble(s.trim());
            return Double.isNaN(v) ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return column + operator + value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowFilter f && f.column.equals(column) && f.operator.equals(operator)
                && f.value.equals(value);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(column, operator, value);
    }
}
