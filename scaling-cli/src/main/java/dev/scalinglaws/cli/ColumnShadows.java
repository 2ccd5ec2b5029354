/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The header row of a CSV file, so that a command can say which --column mappings shadow a column of the file. */
final class ColumnShadows {

    private ColumnShadows() {
    }

    /**
     * The headers of a CSV file (comma, semicolon or tab separated, as the reader detects), trimmed; empty if the
     * file cannot be read (the reader itself reports that).
     *
     * @param file the file
     * @return the headers
     */
    static List<String> headers(Path file) {
        String line;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            line = in.readLine();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        if (line == null) {
            return List.of();
        }
        if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
            line = line.substring(1);
        }
        char delimiter = count(line, '\t') > count(line, ',') && count(line, '\t') >= count(line, ';') ? '\t'
                : count(line, ';') > count(line, ',') ? ';' : ',';
        List<String> out = new ArrayList<>();
        try {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setDelimiter(delimiter).build()
                    .parse(new StringReader(line))) {
                r.forEach(h -> out.add(h.trim()));
                break;
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return out;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += s.charAt(i) == c ? 1 : 0;
        }
        return n;
    }
}
