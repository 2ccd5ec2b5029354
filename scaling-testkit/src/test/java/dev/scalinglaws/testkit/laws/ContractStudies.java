/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit.laws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.scalinglaws.testkit.CoverageStudy;
import dev.scalinglaws.testkit.Design;
import dev.scalinglaws.testkit.NoiseModel;

/** The coverage studies of the dogfood contracts: 60 replicates in CI, 1000 with {@code -Dscaling.full=true}. */
final class ContractStudies {

    static final boolean FULL = Boolean.getBoolean("scaling.full");

    private ContractStudies() {
    }

    static int replicates() {
        return FULL ? 1000 : 60;
    }

    /** Six model sizes 1e7..3e9 times five token ratios 5..80, Epoch's parameters, 2% log-normal noise. */
    static CoverageStudy chinchillaStudy() {
        List<double[]> rows = new ArrayList<>();
        for (int m = 0; m < 6; m++) {
            double n = 1e7 * Math.pow(3, m);
            for (int r = 0; r < 5; r++) {
                rows.add(new double[] {n, n * 5 * Math.pow(2, r)});
            }
        }
        double[] n = new double[rows.size()];
        double[] d = new double[rows.size()];
        for (int i = 0; i < n.length; i++) {
            n[i] = rows.get(i)[0];
            d[i] = rows.get(i)[1];
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("N", n);
        cols.put("D", d);
        Design design = new Design("grid 6x5", cols, null);
        return CoverageStudy.of(new double[] {1.82, 482.01, 2085.43, 0.3478, 0.3658}, design,
                NoiseModel.iidNormal(0.02), 0.9, replicates(), 0.05);
    }
}
