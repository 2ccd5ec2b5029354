/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a law needs of a {@link Dataset}, behind its public methods: the documented covariate derivations
 * (D = C / 6N, C = 6ND, M = D / N and, for a law that needs N, N = C / 6D; Kaplan et al. 2020, arXiv:2001.08361,
 * C = 6ND), the search for the covariates and the response of a law, and the validation of their values. Stateless.
 */
final class DatasetForLaw {

    private DatasetForLaw() {
    }

    /** D = C / (6 N); see {@link Dataset#withTokensFromCompute()}. */
    static Dataset withTokensFromCompute(Dataset data) {
        int size = data.size();
        double[] c = derivationInput(data, "C", "D = C / (6 N)");
        double[] n = derivationInput(data, "N", "D = C / (6 N)");
        double[] d = new double[size];
        for (int i = 0; i < size; i++) {
            d[i] = c[i] / (6 * n[i]);
        }
        return data.withColumn("D", d);
    }

    /** C = 6 N D; see {@link Dataset#withComputeFromTokens()}. */
    static Dataset withComputeFromTokens(Dataset data) {
        int size = data.size();
        double[] n = derivationInput(data, "N", "C = 6 N D");
        double[] d = derivationInput(data, "D", "C = 6 N D");
        double[] c = new double[size];
        for (int i = 0; i < size; i++) {
            c[i] = 6 * n[i] * d[i];
        }
        return data.withColumn("C", c);
    }

    /** M = D / N; see {@link Dataset#withTokensPerParameter()}. */
    static Dataset withTokensPerParameter(Dataset data) {
        int size = data.size();
        double[] n = derivationInput(data, "N", "M = D / N");
        double[] d = derivationInput(data, "D", "M = D / N");
        double[] m = new double[size];
        for (int i = 0; i < size; i++) {
            m[i] = d[i] / n[i];
        }
        return data.withColumn("M", m);
    }

    /** See {@link Dataset#withCovariatesFor(ScalingLaw, List)}. */
    static Dataset withCovariatesFor(Dataset data, ScalingLaw law, List<String> messages) {
        int size = data.size();
        Dataset d = data;
        for (String cov : law.covariates()) {
            if (d.has(cov)) {
                continue;
            }
            if (cov.equals("D") && d.has("C") && d.has("N")) {
                d = d.withTokensFromCompute();
                note(messages, "derived D = C / (6 N) from columns C and N");
            } else if (cov.equals("C") && d.has("N") && d.has("D")) {
                d = d.withComputeFromTokens();
                note(messages, "derived C = 6 N D from columns N and D");
            } else if (cov.equals("M") && d.has("N") && d.has("D")) {
                d = d.withTokensPerParameter();
                note(messages, "derived M = D / N from columns N and D");
            } else if (cov.equals("N") && d.has("C") && d.has("D")) {
                double[] c = derivationInput(d, "C", "N = C / (6 D)");
                double[] dd = derivationInput(d, "D", "N = C / (6 D)");
                double[] n = new double[size];
                for (int i = 0; i < size; i++) {
                    n[i] = c[i] / (6 * dd[i]);
                }
                d = d.withColumn("N", n);
                note(messages, "derived N = C / (6 D) from columns C and D");
            } else {
                throw new MissingColumnException(data.source(), law.name(), MissingColumnException.Role.COVARIATE,
                        cov, data.columnNames(), valueHeaders(data));
            }
        }
        if (!d.has(law.response())) {
            throw new MissingColumnException(data.source(), law.name(), MissingColumnException.Role.RESPONSE,
                    law.response(), data.columnNames(), List.of());
        }
        return d;
    }

    /** A column a derivation divides by or multiplies: it must hold finite, positive numbers. */
    private static double[] derivationInput(Dataset data, String name, String formula) {
        double[] v = data.numbers(name);
        for (int i = 0; i < data.size(); i++) {
            if (!(v[i] > 0) || v[i] == Double.POSITIVE_INFINITY) {
                throw new DataException(data.source(), data.rowNumber(i), name, Cells.formatNumber(v[i]),
                        String.format(Locale.ROOT, "deriving %s needs finite, positive %s", formula, name));
            }
        }
        return v;
    }

    /**
     * The first three headers that parse as numbers if there are at least three (a wide-format file: one column per
     * value of a covariate, e.g. headers 0, 200, 400, ... holding losses at each fine-tuning size; the library reads
     * long format, one row per observation), else none.
     */
    private static List<String> valueHeaders(Dataset data) {
        List<String> numericHeaders = new ArrayList<>();
        for (String name : data.columnNames()) {
            try {
                Double.parseDouble(name.trim());
                numericHeaders.add(name);
            } catch (NumberFormatException e) {
                // not a numeric header
            }
        }
        return numericHeaders.size() < 3 ? List.of() : List.copyOf(numericHeaders.subList(0, 3));
    }

    private static void note(List<String> messages, String message) {
        if (messages != null) {
            messages.add(message);
        }
    }

    /** See {@link Dataset#covariates(ScalingLaw)}. */
    static Columns covariates(Dataset data, ScalingLaw law) {
        double[][] cols = new double[law.covariates().size()][];
        for (int j = 0; j < cols.length; j++) {
            String name = law.covariates().get(j);
            double[] v = data.numbers(name);
            for (int i = 0; i < data.size(); i++) {
                if (!Double.isFinite(v[i])) {
                    throw new DataException(data.source(), data.rowNumber(i), name, Cells.formatNumber(v[i]),
                            "value is not finite");
                }
                if (law.requiresPositiveCovariates() && v[i] <= 0) {
                    throw new DataException(data.source(), data.rowNumber(i), name, Cells.formatNumber(v[i]),
                            String.format(Locale.ROOT,
                            "law %s takes the logarithm of %s, so it must be positive", law.name(), name));
                }
            }
            cols[j] = v;
        }
        return Columns.of(cols);
    }

    /** See {@link Dataset#response(ScalingLaw, boolean)}. */
    static double[] response(Dataset data, ScalingLaw law, boolean positive) {
        String name = law.response();
        double[] v = data.numbers(name);
        for (int i = 0; i < data.size(); i++) {
            if (!Double.isFinite(v[i])) {
                throw new DataException(data.source(), data.rowNumber(i), name, Cells.formatNumber(v[i]),
                        "value is not finite");
            }
            if (positive && v[i] <= 0) {
                throw new DataException(data.source(), data.rowNumber(i), name, Cells.formatNumber(v[i]),
                        "log residuals need a positive response");
            }
        }
        return v.clone();
    }
}
