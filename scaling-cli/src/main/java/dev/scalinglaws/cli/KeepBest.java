/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import dev.scalinglaws.core.DataException;
import dev.scalinglaws.core.Dataset;

/**
 * {@code --keep-best COLS}: for each group of rows with equal values in the named columns, the row with the lowest
 * response (the first on ties), in the original row order. This is how a sweep's best learning rate per (N, D) is
 * selected. Says how many rows were kept.
 */
final class KeepBest {

    private KeepBest() {
    }

    static Dataset apply(Dataset raw, Dataset rows, List<String> columns, String response, Consumer<String> notes) {
        for (String c : columns) {
            if (!rows.has(c)) {
                throw new DataException(raw.source(), -1, c, null, "--keep-best names no such column; columns are: "
                        + String.join(", ", raw.columnNames()));
            }
        }
        if (!rows.has(response)) {
            throw new DataException(raw.source(), -1, response, null, "--keep-best ranks rows by the response '"
                    + response + "', which the data lacks; map it with --column " + response + "=HEADER");
        }
        double[] y = rows.column(response);
        List<String[]> keys = new ArrayList<>();
        for (String c : columns) {
            keys.add(rows.textColumn(c));
        }
        Map<List<String>, Integer> best = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> key = new ArrayList<>();
            for (String[] k : keys) {
                key.add(k[i]);
            }
            Integer prev = best.get(key);
            if (prev == null || y[i] < y[prev] || Double.isNaN(y[prev])) {
                best.put(key, i);
            }
        }
        int[] kept = best.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        if (notes != null) {
            notes.accept(String.format(Locale.ROOT, "--keep-best %s: kept %d of %d rows (the lowest %s of each of %d "
                    + "groups; %d rows dropped)", String.join(",", columns), kept.length, rows.size(), response,
                    kept.length, rows.size() - kept.length));
        }
        return rows.rows(kept);
    }
}
