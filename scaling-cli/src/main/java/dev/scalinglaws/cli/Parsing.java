/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parsing of the small value syntaxes of the command line: {@code KEY=VALUE}, lists of them, numbers. */
final class Parsing {

    private Parsing() {
    }

    /**
     * Splits {@code KEY=VALUE} at the first '='.
     *
     * @param option the option name for messages
     * @param text   the value
     * @return {key, value}
     */
    static String[] keyValue(String option, String text) {
        String syntax = switch (option) {
            case "--pin" -> "NAME=VALUE";
            case "--bound" -> "NAME=LO:HI";
            case "--column" -> "KEY=HEADER";
            default -> "KEY=VALUE";
        };
        int eq = text.indexOf('=');
        String key = eq <= 0 ? "" : text.substring(0, eq).trim();
        if (key.isEmpty()) {
            throw new CliException(String.format(Locale.ROOT, "%s expects %s, got '%s'", option, syntax, text));
        }
        String value = text.substring(eq + 1).trim();
        return new String[] {key, unquote(value)};
    }

    /**
     * A number, accepting {@code inf}, {@code -inf} and {@code 1e9}.
     *
     * @param option the option name for messages
     * @param text   the text
     * @return the value
     */
    /**
     * The residual space named by {@code --residual}.
     *
     * @param text log or linear
     * @return the space
     */
    static dev.scalinglaws.fit.ResidualSpace residual(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "log" -> dev.scalinglaws.fit.ResidualSpace.LOG;
            case "linear" -> dev.scalinglaws.fit.ResidualSpace.LINEAR;
            default -> throw new CliException("--residual must be log or linear, got '" + text + "'");
        };
    }

    static double number(String option, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                try {
                    double v = Double.parseDouble(t);
                    if (Double.isNaN(v)) {
                        throw new NumberFormatException();
                    }
                    return v;
                } catch (NumberFormatException e) {
                    throw new CliException(String.format(Locale.ROOT, "%s: '%s' is not a number", option, text));
                }
            }
        }
    }

    /**
     * A point {@code KEY=VALUE[,KEY=VALUE...]} with numeric values, keys in the given order.
     *
     * @param option the option name for messages
     * @param text   the text
     * @return the point
     */
    static Map<String, Double> point(String option, String text) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = keyValue(option, part);
            if (out.put(kv[0], number(option + " " + kv[0], kv[1])) != null) {
                throw new CliException(String.format(Locale.ROOT, "%s gives %s twice", option, kv[0]));
            }
        }
        if (out.isEmpty()) {
            throw new CliException(option + " expects KEY=VALUE[,KEY=VALUE...], got '" + text + "'");
        }
        return out;
    }

    /** Key-value options (repeatable) into an ordered map; later duplicates are an error. */
    static Map<String, String> keyValues(String option, List<String> texts) {
        Map<String, String> out = new LinkedHashMap<>();
        if (texts == null) {
            return out;
        }
        for (String t : texts) {
            String[] kv = keyValue(option, t);
            if (out.put(kv[0], kv[1]) != null) {
                throw new CliException(String.format(Locale.ROOT, "%s gives %s twice", option, kv[0]));
            }
        }
        return out;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    /** A number for people: 4 significant digits, plain for moderate magnitudes, scientific otherwise. */
    static String human(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e6 || a < 1e-3)) {
            return String.format(Locale.ROOT, "%.4g", v).replace("e+", "e");
        }
        if (a >= 1e5) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        String s = String.format(Locale.ROOT, "%.5g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    /** A count with thousands separators. */
    static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
