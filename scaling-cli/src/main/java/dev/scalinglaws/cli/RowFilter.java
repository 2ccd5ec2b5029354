package dev.scalinglaws.cli;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.scalinglaws.core.DataException;
import dev.scalinglaws.core.Dataset;

/**
 * A {@code --where} condition {@code COLUMN OP VALUE} with OP one of {@code < <= > >= = != ==}: numeric when the
 * value is a number, text equality otherwise. Several conditions are ANDed.
 *
 * @param column   the column
 * @param operator the comparison
 * @param value    the value as written
 */
record RowFilter(String column, String operator, String value) {

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
        return new RowFilter(m.group(1), op, v);
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
        if (!data.has(column)) {
            throw new DataException(data.source(), -1, column, null,
                    "--where names no such column; columns are: " + String.join(", ", data.columnNames()));
        }
        Double number = parseNumber(value);
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
}
