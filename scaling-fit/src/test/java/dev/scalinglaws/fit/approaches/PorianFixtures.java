/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.approaches;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.scalinglaws.core.CsvReader;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.datasets.Datasets;

/** The bundled Porian et al. 2024 data: the paper's optima and published exponents, read for the golden tests. */
final class PorianFixtures {

    /** The 11 configurations in the order of published.json. */
    static final List<String> CONFIGS = List.of("rw/kaplan-repro", "rw/last-layer-flops", "rw/warmup-fixed",
            "rw/cosine-decay", "rw/tuned-const", "owt2/kaplan-repro", "owt2/last-layer-flops", "owt2/warmup-fixed",
            "owt2/cosine-decay", "owt2/tuned-const", "rw/kaplan-adjusted");

    /** One configuration's published numbers. */
    record Published(double aWeighted, double aBasic, double ciLower, double ciUpper) {
    }

    private PorianFixtures() {
    }

    /** optimal_pairs.csv as a dataset. */
    static Dataset optimalPairs() {
        return CsvReader.defaults().read(new java.io.BufferedReader(new java.io.StringReader(
                Datasets.text("isoflop-porian2024/optimal_pairs.csv"))), "optimal_pairs.csv");
    }

    /** The rows of one configuration. */
    static Dataset config(Dataset d, String config) {
        String[] c = d.textColumn("config");
        return d.filter(i -> c[i].equals(config));
    }

    /** published.json: a_weighted, a_basic and a_CI per configuration. */
    static Map<String, Published> published() {
        String json = Datasets.text("isoflop-porian2024/published.json");
        Map<String, Published> out = new LinkedHashMap<>();
        for (String config : CONFIGS) {
            int at = json.indexOf("\"" + config + "\"");
            String block = json.substring(at, json.indexOf('}', json.indexOf("\"loss_fit_basic\"", at)));
            Matcher ci = Pattern.compile("\"a_CI\":\\s*\\[\\s*([-0-9.eE+]+),\\s*([-0-9.eE+]+)").matcher(block);
            if (!ci.find()) {
                throw new IllegalStateException("no a_CI for " + config);
            }
            out.put(config, new Published(number(block, "a_weighted"), number(block, "a_basic"),
                    Double.parseDouble(ci.group(1)), Double.parseDouble(ci.group(2))));
        }
        return out;
    }

    private static double number(String block, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\\s*([-0-9.eE+]+)").matcher(block);
        if (!m.find()) {
            throw new IllegalStateException("no " + key);
        }
        return Double.parseDouble(m.group(1));
    }
}
