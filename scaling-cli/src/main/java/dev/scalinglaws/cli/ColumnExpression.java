/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.util.Locale;

import dev.scalinglaws.core.Dataset;

/**
 * Arithmetic over numeric columns for {@code --where}, e.g. {@code D/N} or {@code 6*N*D}: numbers ({@code 1e-3}),
 * column names, {@code + - * / ^}, unary minus, parentheses and the functions {@code log exp sqrt}. Evaluated row by
 * row into a new column; every syntax error names its position (1-based) in the text.
 *
 * <p>A small recursive-descent evaluator (a few dozen rows per fit, evaluated once): no compilation is needed here.
 */
final class ColumnExpression {

    private final String text;
    private final Dataset data;
    private final String option;
    private final int offset;
    private int pos;

    private ColumnExpression(String option, String text, int offset, Dataset data) {
        this.option = option;
        this.text = text;
        this.offset = offset;
        this.data = data;
    }

    /**
     * Evaluates an expression on every row.
     *
     * @param option the option, for messages (e.g. {@code --where 'D/N>=2'})
     * @param text   the expression
     * @param offset where the expression starts in the option's value (positions in messages count from there)
     * @param data   the rows, whose numeric columns the expression may name
     * @return one value per row
     * @throws CliException naming the position of a syntax error, an unknown column or a text column
     */
    static double[] evaluate(String option, String text, int offset, Dataset data) {
        ColumnExpression e = new ColumnExpression(option, text, offset, data);
        double[] v = e.sum();
        e.skipSpaces();
        if (e.pos < text.length()) {
            throw e.error("unexpected '" + text.charAt(e.pos) + "'");
        }
        return v;
    }

    /** Whether the text has an arithmetic operator or parenthesis, so that it is meant as an expression. */
    static boolean looksArithmetic(String text) {
        return text.matches(".*[-+*/^()].*") && !isNumber(text);
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private CliException error(String what) {
        return new CliException(String.format(Locale.ROOT, "%s: position %d: %s", option, offset + pos + 1, what));
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean eat(char c) {
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private double[] sum() {
        double[] v = product();
        while (true) {
            if (eat('+')) {
                v = combine(v, product(), '+');
            } else if (eat('-')) {
                v = combine(v, product(), '-');
            } else {
                return v;
            }
        }
    }

    private double[] product() {
        double[] v = unary();
        while (true) {
            if (eat('*')) {
                v = combine(v, unary(), '*');
            } else if (eat('/')) {
                v = combine(v, unary(), '/');
            } else {
                return v;
            }
        }
    }

    private double[] unary() {
        if (eat('-')) {
            double[] v = unary();
            for (int i = 0; i < v.length; i++) {
                v[i] = -v[i];
            }
            return v;
        }
        double[] base = primary();
        if (eat('^')) {
            return combine(base, unary(), '^');
        }
        return base;
    }

    private double[] primary() {
        skipSpaces();
        if (pos >= text.length()) {
            throw error("expected a number, a column or '(' but the expression ends");
        }
        int start = pos;
        char c = text.charAt(pos);
        if (eat('(')) {
            double[] v = sum();
            if (!eat(')')) {
                throw error("expected ')'");
            }
            return v;
        }
        if (Character.isDigit(c) || c == '.') {
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.'
                    || (text.charAt(pos) == 'e' || text.charAt(pos) == 'E') && pos + 1 < text.length()
                    || (text.charAt(pos) == '-' || text.charAt(pos) == '+')
                    && (text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E'))) {
                pos++;
            }
            String number = text.substring(start, pos);
            double x;
            try {
                x = Double.parseDouble(number);
            } catch (NumberFormatException e) {
                pos = start;
                throw error("'" + number + "' is not a number");
            }
            double[] v = new double[data.size()];
            java.util.Arrays.fill(v, x);
            return v;
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                    || text.charAt(pos) == '.')) {
                pos++;
            }
            String name = text.substring(start, pos);
            if (eat('(')) {
                double[] arg = sum();
                if (!eat(')')) {
                    throw error("expected ')' after the argument of " + name);
                }
                for (int i = 0; i < arg.length; i++) {
                    arg[i] = switch (name) {
                        case "log" -> Math.log(arg[i]);
                        case "exp" -> Math.exp(arg[i]);
                        case "sqrt" -> Math.sqrt(arg[i]);
                        default -> {
                            pos = start;
                            throw error("unknown function '" + name + "' (functions: log, exp, sqrt)");
                        }
                    };
                }
                return arg;
            }
            if (!data.has(name)) {
                pos = start;
                throw error("no column '" + name + "'; columns are: " + String.join(", ", data.columnNames()));
            }
            if (!data.isNumeric(name)) {
                pos = start;
                throw error("column '" + name + "' is not numeric");
            }
            return data.column(name).clone();
        }
        throw error("unexpected '" + c + "'");
    }

    private static double[] combine(double[] a, double[] b, char op) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = switch (op) {
                case '+' -> a[i] + b[i];
                case '-' -> a[i] - b[i];
                case '*' -> a[i] * b[i];
                case '/' -> a[i] / b[i];
                default -> Math.pow(a[i], b[i]);
            };
        }
        return out;
    }
}
