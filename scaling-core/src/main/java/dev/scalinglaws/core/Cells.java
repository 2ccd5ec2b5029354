/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import java.util.Locale;

/**
 * Reading one CSV cell as a number, and saying why a cell is not one: shared by {@link Dataset} and
 * {@link CsvReader} so that both accept and reject exactly the same text. Not API.
 */
final class Cells {

    private Cells() {
    }

    static String notANumberReason(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return "empty cell where a number is required";
        }
        if (t.matches("[-+]?\\d{1,3}(,\\d{3})+")) {
            return "not a number (thousands separator or decimal comma? write 1000, not 1,000, and 3.5, not 3,5)";
        }
        if (t.matches("[-+]?\\d*,\\d+([eE][-+]?\\d+)?")) {
            return "not a number (decimal comma? write 3.5, not 3,5)";
        }
        if (isDecimal(t)) {
            return "number out of the range of a double (its magnitude must lie between 4.9e-324 and 1.8e308)";
        }
        return "not a number";
    }

    /**
     * Parses one cell: a decimal number ({@code 12}, {@code -3.5}, {@code .5}, {@code 1e-3}, surrounding spaces
     * allowed), or {@code nan}, {@code inf}, {@code infinity} in any case with an optional sign. Anything else (hex,
     * Java's {@code 1d} / {@code 1f} suffixes, decimal commas, a number that overflows to infinity or underflows to
     * zero) is not a number and gives NaN.
     *
     * @param cell the text (may be null)
     * @return the value, NaN if the cell is not a number (see {@link #isNumberCell})
     */
    static double parseCell(String cell) {
        if (cell == null) {
            return Double.NaN;
        }
        String t = cell.trim();
        if (t.isEmpty()) {
            return Double.NaN;
        }
        String body = t.charAt(0) == '-' || t.charAt(0) == '+' ? t.substring(1) : t;
        if (body.equalsIgnoreCase("inf") || body.equalsIgnoreCase("infinity")) {
            return t.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (body.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        if (!isDecimal(t)) {
            return Double.NaN;
        }
        double v = Double.parseDouble(t);
        if (Double.isInfinite(v) || (v == 0 && hasNonZeroDigit(t))) {
            return Double.NaN;
        }
        return v;
    }

    /** Whether a cell holds a number in the sense of {@link #parseCell}, NaN spellings included. */
    static boolean isNumberCell(String cell, double parsed) {
        return !Double.isNaN(parsed) || (cell != null && isNanText(cell));
    }

    /** [+-] digits [. digits] [e [+-] digits], at least one digit in the mantissa; no hex, no type suffix. */
    private static boolean isDecimal(String t) {
        int i = 0;
        int n = t.length();
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(t.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean hasNonZeroDigit(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static boolean isNanText(String text) {
        String t = text.trim();
        if (t.startsWith("+") || t.startsWith("-")) {
            t = t.substring(1);
        }
        return t.equalsIgnoreCase("nan");
    }

    static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return Double.toString(v);
    }
}
