/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.scalinglaws.core.AbstractScalingLaw;
import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.LinearStructure;
import dev.scalinglaws.core.Parameter;

/**
 * A NIST StRD nonlinear-regression problem (test resources {@code nist-strd/*.dat}, see PROVENANCE.md there): the
 * data, the two certified starting points, the certified parameters and residual sum of squares, and the model as a
 * small {@link dev.scalinglaws.core.ScalingLaw} in covariate {@code x} with response {@code y} (any sign).
 */
final class NistProblem {

    final String name;
    final NistLaw law;
    final Dataset data;
    final double[][] starts;
    final double[] certified;
    final double certifiedRss;

    private NistProblem(String name, NistLaw law, Dataset data, double[][] starts, double[] certified, double rss) {
        this.name = name;
        this.law = law;
        this.data = data;
        this.starts = starts;
        this.certified = certified;
        this.certifiedRss = rss;
    }

    @Override
    public String toString() {
        return name;
    }

    static List<NistProblem> all() {
        return List.of(load("Hahn1", new Rational(4, 3)), load("Kirby2", new Rational(3, 2)),
                load("Lanczos1", new Exponentials()), load("MGH17", new Mgh17()));
    }

    static NistProblem load(String name, NistLaw law) {
        String text;
        try (InputStream in = NistProblem.class.getResourceAsStream("/nist-strd/" + name + ".dat")) {
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] lines = text.split("\r?\n");
        int p = law.parameterCount();
        double[][] starts = new double[2][p];
        double[] certified = new double[p];
        for (int j = 0; j < p; j++) {
            String[] f = lines[40 + j].trim().split("\\s+");
            // "b1 = start1 start2 certified sd"
            starts[0][j] = Double.parseDouble(f[2]);
            starts[1][j] = Double.parseDouble(f[3]);
            certified[j] = Double.parseDouble(f[4]);
        }
        double rss = Double.NaN;
        int dataStart = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("Residual Sum of Squares:")) {
                rss = Double.parseDouble(lines[i].substring(lines[i].indexOf(':') + 1).trim());
            }
            if (lines[i].startsWith("Data:") && lines[i].contains("y") && i > 50) {
                dataStart = i + 1;
            }
        }
        List<double[]> rows = new ArrayList<>();
        for (int i = dataStart; i < lines.length; i++) {
            String t = lines[i].trim();
            if (!t.isEmpty()) {
                String[] f = t.split("\\s+");
                rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
            }
        }
        double[] y = new double[rows.size()];
        double[] x = new double[rows.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = rows.get(i)[0];
            x[i] = rows.get(i)[1];
        }
        Dataset data = Dataset.builder("nist:" + name).column("y", y).column("x", x).build();
        return new NistProblem(name, law, data, starts, certified, rss);
    }

    /** A NIST model in x with parameters b1..bp, response y of any sign. */
    abstract static class NistLaw extends AbstractScalingLaw {
        NistLaw(String name, String formula, int p, int... linear) {
            super(name, formula, "NIST StRD nonlinear regression", "y", List.of("x"), parameters(p, linear));
        }

        private static List<Parameter> parameters(int p, int[] linear) {
            List<Parameter> out = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                boolean isLinear = false;
                for (int k : linear) {
                    isLinear |= k == j;
                }
                out.add(new Parameter("b" + (j + 1), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false,
                        isLinear, "NIST parameter b" + (j + 1)));
            }
            return out;
        }

        @Override
        public boolean positiveResponse() {
            return false;
        }

        @Override
        public boolean requiresPositiveCovariates() {
            return false;
        }

        @Override
        public void evaluate(double[] b, Columns x, int from, int to, double[] value, double[][] jacobian) {
            double[] xs = x.rawColumn(0);
            for (int i = from; i < to; i++) {
                value[i - from] = at(b, xs[i], jacobian, i - from);
            }
        }

        /** The parameters in a canonical order (models with interchangeable terms override this). */
        double[] canonical(double[] b) {
            return b.clone();
        }

        /** f(x; b), writing d f / d b_j into jacobian[j][k] when jacobian is not null. */
        abstract double at(double[] b, double x, double[][] jacobian, int k);
    }

    /** (b1 + b2 x + ... + b_{n} x^{n-1}) / (1 + b_{n+1} x + ... + b_{n+d} x^d): Hahn1 (4, 3), Kirby2 (3, 2). */
    static final class Rational extends NistLaw {
        private final int num;
        private final int den;

        Rational(int num, int den) {
            super(String.format(Locale.ROOT, "rational-%d-%d", num, den), "y = P(x) / Q(x)", num + den);
            this.num = num;
            this.den = den;
        }

        @Override
        double at(double[] b, double x, double[][] jacobian, int k) {
            double pv = 0;
            double xp = 1;
            for (int j = 0; j < num; j++) {
                pv += b[j] * xp;
                xp *= x;
            }
            double qv = 1;
            xp = x;
            for (int j = 0; j < den; j++) {
                qv += b[num + j] * xp;
                xp *= x;
            }
            double f = pv / qv;
            if (jacobian != null) {
                xp = 1;
                for (int j = 0; j < num; j++) {
                    jacobian[j][k] = xp / qv;
                    xp *= x;
                }
                xp = x;
                for (int j = 0; j < den; j++) {
                    jacobian[num + j][k] = -f * xp / qv;
                    xp *= x;
                }
            }
            return f;
        }
    }

    /**
     * Lanczos1: b1 exp(-b2 x) + b3 exp(-b4 x) + b5 exp(-b6 x); linear in b1, b3, b5. Decay rates are searched in
     * [0, 8] (x lies in [0, 1.15]).
     */
    static final class Exponentials extends NistLaw implements LinearStructure {
        Exponentials() {
            super("lanczos", "y = b1 exp(-b2 x) + b3 exp(-b4 x) + b5 exp(-b6 x)", 6, 0, 2, 4);
        }

        @Override
        public double[] startRange(int j) {
            return new double[] {0, 8};
        }

        @Override
        public int[] linearParameters() {
            return new int[] {0, 2, 4};
        }

        /** The three terms are interchangeable: order them by decay rate. */
        @Override
        double[] canonical(double[] b) {
            Integer[] order = {0, 1, 2};
            java.util.Arrays.sort(order, (p, q) -> Double.compare(b[2 * p + 1], b[2 * q + 1]));
            double[] out = new double[6];
            for (int t = 0; t < 3; t++) {
                out[2 * t] = b[2 * order[t]];
                out[2 * t + 1] = b[2 * order[t] + 1];
            }
            return out;
        }

        @Override
        public void basis(double[] b, Columns x, int from, int to, double[][] basis) {
            double[] xs = x.rawColumn(0);
            for (int i = from; i < to; i++) {
                for (int t = 0; t < 3; t++) {
                    basis[t][i - from] = Math.exp(-b[2 * t + 1] * xs[i]);
                }
            }
        }

        @Override
        double at(double[] b, double x, double[][] jacobian, int k) {
            double f = 0;
            for (int t = 0; t < 3; t++) {
                double e = Math.exp(-b[2 * t + 1] * x);
                f += b[2 * t] * e;
                if (jacobian != null) {
                    jacobian[2 * t][k] = e;
                    jacobian[2 * t + 1][k] = -x * b[2 * t] * e;
                }
            }
            return f;
        }
    }

    /**
     * MGH17: b1 + b2 exp(-x b4) + b3 exp(-x b5); linear in b1, b2, b3 (b3 is negative: unconstrained). Decay rates
     * are searched in [0, 0.1]: x runs to 320, so faster decays are invisible in the data.
     */
    static final class Mgh17 extends NistLaw implements LinearStructure {
        Mgh17() {
            super("mgh17", "y = b1 + b2 exp(-x b4) + b3 exp(-x b5)", 5, 0, 1, 2);
        }

        @Override
        public double[] startRange(int j) {
            return new double[] {0, 0.1};
        }

        @Override
        public int[] linearParameters() {
            return new int[] {0, 1, 2};
        }

        /** The two exponential terms are interchangeable: the slower decay (smaller rate) first. */
        @Override
        double[] canonical(double[] b) {
            return b[3] <= b[4] ? b.clone() : new double[] {b[0], b[2], b[1], b[4], b[3]};
        }

        @Override
        public void basis(double[] b, Columns x, int from, int to, double[][] basis) {
            double[] xs = x.rawColumn(0);
            for (int i = from; i < to; i++) {
                basis[0][i - from] = 1;
                basis[1][i - from] = Math.exp(-xs[i] * b[3]);
                basis[2][i - from] = Math.exp(-xs[i] * b[4]);
            }
        }

        @Override
        double at(double[] b, double x, double[][] jacobian, int k) {
            double e4 = Math.exp(-x * b[3]);
            double e5 = Math.exp(-x * b[4]);
            if (jacobian != null) {
                jacobian[0][k] = 1;
                jacobian[1][k] = e4;
                jacobian[2][k] = e5;
                jacobian[3][k] = -x * b[1] * e4;
                jacobian[4][k] = -x * b[2] * e5;
            }
            return b[0] + b[1] * e4 + b[2] * e5;
        }
    }
}
