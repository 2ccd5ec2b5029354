/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.scalinglaws.core.Dataset;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The residual-based diagnostics of {@link FitDiagnostics} (OUTLIER, IRREDUCIBLE_ABOVE_DATA, FRONTIER_BIAS), with the
 * robust noise scale they share. Thresholds are documented on {@link FitDiagnostics}. Not API.
 */
final class ResidualDiagnostics {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
    private static final TDistribution T3 = TDistribution.of(3);
    /** Covariates that measure scale: their product ranks rows by compute (6ND, C, ...). */
    private static final Set<String> SIZE = Set.of("N", "D", "C", "S", "M", "batch", "step");

    private ResidualDiagnostics() {
    }

    static void add(FitResult r, FitDiagnostics.View p, double[] theta, int[] used, int[] rowNumbers, Dataset data,
                    List<Diagnostic> out) {
        int n = used.length;
        int dim = p.objective.dimension();
        if (n - dim < FitDiagnostics.MIN_RESIDUAL_DOF) {
            return;
        }
        boolean log = p.logResiduals;
        double[] res = r.residuals();
        double[] u = new double[n];
        for (int a = 0; a < n; a++) {
            u[a] = res[used[a]];
        }
        double center = median(u);
        double[] dev = new double[n];
        for (int a = 0; a < n; a++) {
            dev[a] = Math.abs(u[a] - center);
        }
        double floor = log ? 1e-6 : 1e-6 * medianAbs(p.response, used);
        double s = Math.max(floor, 1.4826 * median(dev) * Math.sqrt((double) n / (n - dim)));
        double pure = Math.max(floor, Math.min(s, pureError(p, used, u)));
        outliers(u, center, s, used, rowNumbers, out);
        floor(r, p, theta, used, rowNumbers, pure, log, out);
        frontier(p, used, rowNumbers, data, u, pure, log, out);
    }

    /**
     * The pure-error scale: 1.4826 MAD of the differences (r_i - r_j) / sqrt 2 between each row's residual and its
     * nearest neighbour's in (log) covariate space (Rice 1984, Ann. Statist. 12, 1215; Munk et al. 2005, J. Multivar.
     * Anal. 93, 1): smooth lack of fit cancels between neighbours, noise does not. Exact nearest neighbours up to
     * {@value #EXACT_NEIGHBOURS} rows, lexicographic neighbours beyond (linear time after sorting).
     */
    static double pureError(FitDiagnostics.View p, int[] used, double[] u) {
        int n = used.length;
        int k = p.law.covariates().size();
        if (n < 2) {
            return Double.NaN;
        }
        double[][] z = new double[n][k];
        for (int a = 0; a < n; a++) {
            for (int j = 0; j < k; j++) {
                double v = p.x.logValue(j, used[a]);
                z[a][j] = Double.isFinite(v) ? v : p.x.value(j, used[a]);
            }
        }
        double[] e = new double[n];
        if (n <= EXACT_NEIGHBOURS) {
            for (int a = 0; a < n; a++) {
                double best = Double.POSITIVE_INFINITY;
                int nearest = -1;
                for (int b = 0; b < n; b++) {
                    if (b == a) {
                        continue;
                    }
                    double d = 0;
                    for (int j = 0; j < k; j++) {
                        double t = z[a][j] - z[b][j];
                        d += t * t;
                    }
                    if (d < best) {
                        best = d;
                        nearest = b;
                    }
                }
                e[a] = (u[a] - u[nearest]) / Math.sqrt(2);
            }
        } else {
            Integer[] order = new Integer[n];
            for (int a = 0; a < n; a++) {
                order[a] = a;
            }
            Arrays.sort(order, (a, b) -> Arrays.compare(z[a], z[b]));
            e = new double[n - 1];
            for (int q = 1; q < n; q++) {
                e[q - 1] = (u[order[q]] - u[order[q - 1]]) / Math.sqrt(2);
            }
        }
        double c = median(e);
        for (int a = 0; a < e.length; a++) {
            e[a] = Math.abs(e[a] - c);
        }
        return 1.4826 * median(e);
    }

    /** Rows up to which {@link #pureError} finds exact nearest neighbours (quadratic time). */
    static final int EXACT_NEIGHBOURS = 4000;

    /**
     * The robust z beyond which a row is an outlier: the Student-t(3) quantile at 1 - rate / (2n) (Bonferroni over n
     * rows) divided by t(3)'s 1.4826 MAD, so that a clean data set with t(3) errors shows such a row with probability
     * below the rate, and never less than {@link FitDiagnostics#OUTLIER_MIN_Z}.
     *
     * @param n rows
     * @return the threshold
     */
    static double outlierThreshold(int n) {
        double q = T3.inverseSurvivalProbability(FitDiagnostics.OUTLIER_FAMILY_RATE / (2.0 * n));
        return Math.max(FitDiagnostics.OUTLIER_MIN_Z, q / (1.4826 * T3.inverseSurvivalProbability(0.25)));
    }

    private static void outliers(double[] u, double center, double s, int[] used, int[] rowNumbers,
                                 List<Diagnostic> out) {
        int n = u.length;
        double crit = outlierThreshold(n);
        List<Integer> rows = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int a = 0; a < n; a++) {
            double z = (u[a] - center) / s;
            if (!(Math.abs(z) <= crit)) {
                int row = rowNumbers[used[a]];
                rows.add(row);
                if (rows.size() <= 8) {
                    text.append(rows.size() > 1 ? ", " : "").append(String.format(Locale.ROOT, "%d (z = %.3g)",
                            row, z));
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        if (rows.size() > 8) {
            text.append(String.format(Locale.ROOT, " and %d more", rows.size() - 8));
        }
        out.add(new Diagnostic(DiagnosticCode.OUTLIER, Severity.WARNING, String.format(Locale.ROOT,
                "row%s %s: residual beyond %.3g robust standard deviations (MAD scale %.3g)",
                rows.size() > 1 ? "s" : "", text, crit, s), List.of(), rows));
    }

    private static void floor(FitResult r, FitDiagnostics.View p, double[] theta, int[] used, int[] rowNumbers, double s,
                              boolean log, List<Diagnostic> out) {
        int e = p.law.parameters().stream().map(x -> x.name()).toList().indexOf("E");
        if (e < 0 || !contains(p.free, e) || !(theta[e] > 0)) {
            return;
        }
        double floor = theta[e];
        double[] f = FitDiagnostics.fitted(r, p);
        int lowest = -1;
        int below = 0;
        double expected = 0;
        for (int i : used) {
            if (lowest < 0 || p.response[i] < p.response[lowest]) {
                lowest = i;
            }
            if (p.response[i] < floor) {
                below++;
            }
            double gap = log ? Math.log(f[i] / floor) : f[i] - floor;
            expected += STANDARD_NORMAL.cumulativeProbability(-Math.max(gap, 0) / s);
        }
        if (below == 0) {
            return;
        }
        // P(at least `below` rows under E) for independent rows with P(y_i < E) = p_i: Poisson with mean sum p_i
        // (Le Cam's bound on the error is sum p_i^2)
        double pValue = PoissonDistribution.of(Math.max(expected, 1e-300)).survivalProbability(below - 1);
        if (pValue < FitDiagnostics.FLOOR_FAMILY_RATE) {
            double y = p.response[lowest];
            out.add(new Diagnostic(DiagnosticCode.IRREDUCIBLE_ABOVE_DATA, Severity.WARNING, String.format(Locale.ROOT,
                    "E = %.6g lies above %d observed loss%s (lowest %.6g, row %d, %.3g%% below E); noise of scale "
                            + "%.3g explains %.2g such rows (p = %.2g): the law's floor contradicts the data",
                    floor, below, below > 1 ? "es" : "", y, rowNumbers[lowest], 100 * (1 - y / floor), s, expected,
                    pValue), List.of("E"), List.of(rowNumbers[lowest])));
        }
    }

    private static void frontier(FitDiagnostics.View p, int[] used, int[] rowNumbers, Dataset data, double[] u, double s,
                                 boolean log, List<Diagnostic> out) {
        int n = used.length;
        List<String> cov = p.law.covariates();
        double[] scale = new double[n];
        boolean any = false;
        for (int j = 0; j < cov.size(); j++) {
            if (!SIZE.contains(cov.get(j))) {
                continue;
            }
            any = true;
            for (int a = 0; a < n; a++) {
                scale[a] += p.x.logValue(j, used[a]);
            }
        }
        if (!any) {
            return;
        }
        Integer[] order = new Integer[n];
        for (int a = 0; a < n; a++) {
            order[a] = a;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scale[b], scale[a]));
        int m = Math.min(n, Math.max(FitDiagnostics.MIN_FRONTIER_ROWS, (int) Math.ceil(n / 10.0)));
        while (m < n && scale[order[m]] == scale[order[m - 1]]) {
            m++;
        }
        List<Integer> decile = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            decile.add(order[k]);
        }
        List<Integer> budget = new ArrayList<>();
        if (data.has("C") && data.isNumeric("C") && data.size() == p.response.length) {
            double[] c = data.column("C");
            double max = Double.NEGATIVE_INFINITY;
            for (int i : used) {
                max = Math.max(max, c[i]);
            }
            for (int a = 0; a < n; a++) {
                if (c[used[a]] == max) {
                    budget.add(a);
                }
            }
            if (budget.size() < 3 || budget.equals(decile) || new java.util.HashSet<>(budget)
                    .equals(new java.util.HashSet<>(decile))) {
                budget.clear();
            } else {
                Diagnostic d = check(budget, String.format(Locale.ROOT, "the %d rows at the largest budget C = %.4g",
                        budget.size(), max), used, rowNumbers, u, s, log);
                if (d != null) {
                    out.add(d);
                    return;
                }
            }
        }
        Diagnostic d = check(decile, String.format(Locale.ROOT, "the %d largest-compute rows (top decile)", m), used,
                rowNumbers, u, s, log);
        if (d != null) {
            out.add(d);
        }
    }

    private static Diagnostic check(List<Integer> set, String what, int[] used, int[] rowNumbers, double[] u,
                                    double s, boolean log) {
        int m = set.size();
        if (m < 3 || 2 * m > u.length) {
            return null;
        }
        int positive = 0;
        int negative = 0;
        double mean = 0;
        for (int a : set) {
            positive += u[a] > 0 ? 1 : 0;
            negative += u[a] < 0 ? 1 : 0;
            mean += u[a];
        }
        mean /= m;
        if ((positive != m && negative != m) || !(Math.abs(mean) > FitDiagnostics.FRONTIER_Z * s / Math.sqrt(m))) {
            return null;
        }
        List<Integer> rows = new ArrayList<>();
        for (int a : set) {
            rows.add(rowNumbers[used[a]]);
        }
        rows.sort(null);
        // residuals are fitted minus observed: positive means the law over-predicts
        String direction = mean > 0 ? "over-predicts" : "under-predicts";
        String size = log ? String.format(Locale.ROOT, "%.3g%% (mean log residual %.4g; noise %.3g)",
                100 * Math.abs(Math.expm1(mean)), mean, s)
                : String.format(Locale.ROOT, "%.4g (mean residual; noise %.3g)", Math.abs(mean), s);
        return new Diagnostic(DiagnosticCode.FRONTIER_BIAS, Severity.WARNING, String.format(Locale.ROOT,
                "the law %s all of %s, by %s: it misfits where it will be extrapolated", direction, what, size),
                List.of(), rows);
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    private static double medianAbs(double[] y, int[] used) {
        double[] v = new double[used.length];
        for (int a = 0; a < v.length; a++) {
            v[a] = Math.abs(y[used[a]]);
        }
        return median(v);
    }
}
