/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.util.ArrayList;
import java.util.List;

/** A small left-aligned text table (first column) with right-aligned numbers, and CSV quoting. */
final class Table {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final java.util.Set<Integer> leftAligned = new java.util.HashSet<>();

    Table(List<String> header) {
        this.header = List.copyOf(header);
    }

    /** Left-aligns these columns too (the first always is). */
    Table left(int... columns) {
        for (int c : columns) {
            leftAligned.add(c);
        }
        return this;
    }

    Table add(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, header " + header.size());
        }
        rows.add(List.of(cells));
        return this;
    }

    String render() {
        int n = header.size();
        int[] width = new int[n];
        for (int j = 0; j < n; j++) {
            width[j] = header.get(j).length();
            for (List<String> r : rows) {
                width[j] = Math.max(width[j], r.get(j).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, width);
        for (List<String> r : rows) {
            line(sb, r, width);
        }
        return sb.toString();
    }

    private void line(StringBuilder sb, List<String> cells, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int j = 0; j < cells.size(); j++) {
            String c = cells.get(j);
            if (j > 0) {
                l.append("  ");
            }
            boolean left = j == 0 || leftAligned.contains(j) || j == cells.size() - 1 && !looksNumeric(c);
            String pad = " ".repeat(width[j] - c.length());
            l.append(left ? c + pad : pad + c);
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    private static boolean looksNumeric(String c) {
        return c.matches("[-+0-9.,eE%x]+|-|inf|-inf");
    }

    /** Quotes a CSV cell if needed (RFC 4180). */
    static String csvCell(String s) {
        if (s == null) {
            return "";
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
