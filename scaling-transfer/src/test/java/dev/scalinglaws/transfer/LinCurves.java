/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.datasets.Datasets;

/** Test helper: the 90 (dataset, model) curves of Lin et al. 2024 and their published RMSDs. */
final class LinCurves {

    /** One curve. */
    record Curve(String dataset, String model, double size, Dataset rows, double publishedRectified,
                 double publishedVanilla) {
    }

    private LinCurves() {
    }

    static List<Curve> all() {
        Map<String, double[]> published = new LinkedHashMap<>();
        for (String line : Datasets.text("rectified-finetune-lin2024/results/rmsd.csv").lines().skip(1).toList()) {
            String[] c = line.split(",");
            published.put(c[0].toLowerCase(Locale.ROOT) + "|" + c[1],
                    new double[] {Double.parseDouble(c[2]), Double.parseDouble(c[3])});
        }
        Dataset all = Datasets.linFinetune();
        String[] ds = all.textColumn("dataset");
        String[] model = all.textColumn("model");
        double[] size = all.column("size");
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            rows.computeIfAbsent(ds[i] + "|" + model[i], k -> new ArrayList<>()).add(i);
        }
        List<Curve> out = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : rows.entrySet()) {
            int[] idx = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            double[] p = published.get(e.getKey());
            if (p == null) {
                throw new IllegalStateException("no published RMSD for " + e.getKey());
            }
            String[] parts = e.getKey().split("\\|", 2);
            out.add(new Curve(parts[0], parts[1], size[idx[0]], all.rows(idx), p[0], p[1]));
        }
        return out;
    }
}
