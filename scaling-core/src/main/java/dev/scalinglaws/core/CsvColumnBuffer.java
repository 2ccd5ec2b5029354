/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One column while reading: numbers in blocks of 8,192 (the first one grows from 64, so small files stay small),
 * text blocks only once a cell is not a number (every earlier cell then formatted as text, repeated cells interned
 * up to 4,096 distinct values). For {@link CsvReader}; not thread-safe.
 */
final class CsvColumnBuffer {
    private static final int BLOCK = 1 << 13;
    private static final int FIRST_BLOCK = 64;
    private static final int INTERN_LIMIT = 4096;
    private final List<double[]> blocks = new ArrayList<>();
    private List<String[]> textBlocks;
    private Map<String, String> intern;
    private int size;
    int firstBad = -1;

    void add(String cell) {
        double v = Cells.parseCell(cell);
        int b = size / BLOCK;
        int i = size % BLOCK;
        if (i == 0) {
            blocks.add(new double[b == 0 ? FIRST_BLOCK : BLOCK]);
        } else if (b == 0 && i == blocks.get(0).length) {
            blocks.set(0, Arrays.copyOf(blocks.get(0), Math.min(BLOCK, 2 * i)));
        }
        blocks.get(b)[i] = v;
        boolean number = Cells.isNumberCell(cell, v);
        if (!number && textBlocks == null) {
            firstBad = size;
            textBlocks = new ArrayList<>();
            intern = new HashMap<>();
            for (int r = 0; r < size; r++) {
                setText(r, Cells.formatNumber(blocks.get(r / BLOCK)[r % BLOCK]));
            }
        }
        if (textBlocks != null) {
            setText(size, number ? Cells.formatNumber(v) : cell);
        }
        size++;
    }

    private void setText(int r, String t) {
        if (r % BLOCK == 0) {
            textBlocks.add(new String[r == 0 ? FIRST_BLOCK : BLOCK]);
        } else if (r < BLOCK && r == textBlocks.get(0).length) {
            textBlocks.set(0, Arrays.copyOf(textBlocks.get(0), Math.min(BLOCK, 2 * r)));
        }
        String s = t;
        if (intern.size() < INTERN_LIMIT) {
            s = intern.computeIfAbsent(t, x -> x);
        } else {
            String known = intern.get(t);
            s = known == null ? t : known;
        }
        textBlocks.get(r / BLOCK)[r % BLOCK] = s;
    }

    double[] numbers() {
        double[] out = new double[size];
        for (int b = 0; b < blocks.size(); b++) {
            System.arraycopy(blocks.get(b), 0, out, b * BLOCK, Math.min(BLOCK, size - b * BLOCK));
            blocks.set(b, null);
        }
        return out;
    }

    String[] text() {
        if (textBlocks == null) {
            return null;
        }
        String[] out = new String[size];
        for (int b = 0; b < textBlocks.size(); b++) {
            System.arraycopy(textBlocks.get(b), 0, out, b * BLOCK, Math.min(BLOCK, size - b * BLOCK));
            textBlocks.set(b, null);
        }
        return out;
    }
}
