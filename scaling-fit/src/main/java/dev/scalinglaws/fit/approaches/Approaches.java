/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.approaches;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.fit.Diagnostic;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.uncertainty.AsymptoticCovariance;
import dev.scalinglaws.fit.uncertainty.DerivedQuantity;
import dev.scalinglaws.fit.uncertainty.Interval;

/**
 * Hoffmann et al.'s three estimates of the compute-optimal allocation on one dataset, side by side (Hoffmann et al.
 * 2022, arXiv:2203.15556, Section 3 and Table 2): Approach 1 ({@link Envelope}) when the data has training curves
 * (several checkpoints per run), Approach 2 ({@link IsoFlop}) when it has isoFLOP curves (at least 3 budgets with 3
 * or more sizes), Approach 3 (the parametric law L = E + A/N^alpha + B/D^beta fitted by {@link Fitter} with the
 * library's defaults: log residuals, Huber 1e-3; a = beta/(alpha + beta), intervals by the smoothed sandwich) when
 * it has N, D and loss. For each: a, b, and N, D and D/N at a compute budget, with intervals; then a verdict on
 * whether the intervals of a overlap.
 *
 * <p>Stateless and thread-safe.
 */
public final class Approaches {

    private Approaches() {
    }

    /**
     * One approach's answer.
     *
     * @param name    {@code "1 envelope"}, {@code "2 isoflop"} or {@code "3 parametric"}
     * @param a       exponent of N_opt(C)
     * @param b       exponent of D_opt(C)
     * @param n       N_opt at the compute budget
     * @param d       D_opt = C / (6 N_opt)
     * @param ratio   D_opt / N_opt
     * @param note    how it was computed (data used)
     * @param diagnostics the diagnostics of the fit behind the estimate (Approach 3's {@link FitResult#diagnostics()};
     *                empty for Approaches 1 and 2, whose notes are in {@code note}): a warning means the estimate
     *                is not to be trusted as it stands
     * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
     *         undocumented; the serialized form is exactly the components, documented above)
     */
    public record Estimate(String name, Interval a, Interval b, Interval n, Interval d, Interval ratio, String note,
                           List<Diagnostic> diagnostics) implements java.io.Serializable {

        /**
         * Copies the diagnostics.
         *
         * @param name        {@code "1 envelope"}, {@code "2 isoflop"} or {@code "3 parametric"}
         * @param a           exponent of N_opt(C)
         * @param b           exponent of D_opt(C)
         * @param n           N_opt at the compute budget
         * @param d           D_opt = C / (6 N_opt)
         * @param ratio       D_opt / N_opt
         * @param note        how it was computed (data used)
         * @param diagnostics the diagnostics of the fit behind the estimate; copied
         */
        public Estimate {
            diagnostics = List.copyOf(diagnostics);
        }

        /**
         * Whether any diagnostic is a warning or an error.
         *
         * @return true if the estimate carries a warning or an error
         */
        public boolean hasWarnings() {
            return diagnostics.stream().anyMatch(Diagnostic::isWarningOrError);
        }
    }

    /**
     * The comparison.
     *
     * @param compute   the compute budget C of the allocation
     * @param estimates every approach the data supports
     * @param skipped   approaches the data does not support, with the reason
     * @param verdict   whether the intervals of a agree, by how much they miss, and the likely cause
     * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
     *         undocumented; the serialized form is exactly the components, documented above)
     */
    public record Comparison(double compute, List<Estimate> estimates, List<String> skipped, String verdict)
            implements java.io.Serializable {

        /**
         * Copies the lists.
         *
         * @param compute   the compute budget C of the allocation
         * @param estimates every approach the data supports; copied
         * @param skipped   approaches the data does not support, with the reason; copied
         * @param verdict   whether the intervals of a agree, by how much they miss, and the likely cause
         * @throws NullPointerException if estimates or skipped is null or holds null
         */
        public Comparison {

            estimates = List.copyOf(estimates);
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * Runs every approach the data supports.
     *
     * @param data      rows with C, N, loss (isoFLOP) and/or run, N, tokens, loss (checkpoints); D is derived as
     *                  C / 6N or C as 6ND where missing
     * @param runColumn the run column for Approach 1, or null if the data has no training curves
     * @param compute   the budget C for the allocation
     * @param isoflop   options of Approach 2 (its level and seed are used throughout)
     * @return the comparison
     */
    public static Comparison compare(Dataset data, String runColumn, double compute, IsoFlopOptions isoflop) {
        if (!(compute > 0) || compute == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("the compute budget must be finite and positive: " + compute);
        }
        double level = isoflop.level();
        List<Estimate> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        if (runColumn != null && data.has(runColumn) && (data.has("tokens") || data.has("D"))) {
            try {
                EnvelopeResult e = Envelope.fit(data, runColumn, 100, 200, isoflop.seed(), level, compute, null);
                out.add(new Estimate("1 envelope", e.a(), e.b(), e.nAt(), tokens(e.nAt(), compute),
                        ratio(e.nAt(), compute), String.format(Locale.ROOT, "%d runs, %d grid points, bootstrap "
                                + "over runs", e.runs(), e.points().size()), List.of()));
            } catch (IllegalArgumentException ex) {
                skipped.add("1 envelope: " + ex.getMessage());
            }
        } else {
            skipped.add("1 envelope: the data has no training curves (a run column with checkpoints)");
        }
        Dataset withC = data.has("C") || !(data.has("N") && data.has("D")) ? data : data.withComputeFromTokens();
        if (withC.has("C") && withC.has("N") && withC.has("loss")) {
            try {
                IsoFlopResult r = IsoFlop.fit(withC, isoflop);
                Interval a = r.a();
                Interval n = interval("N_opt", r.nFit().value(compute), r.nFit().band(compute), level,
                        "asymptotic-gauss-newton-log");
                out.add(new Estimate("2 isoflop", a, r.b(), n, tokens(n, compute), ratio(n, compute),
                        String.format(Locale.ROOT, "%d of %d isoFLOP curves, %s minimum", r.usedBudgets().size(),
                                r.budgets().size(), isoflop.method().name().toLowerCase(Locale.ROOT)), List.of()));
            } catch (IllegalArgumentException ex) {
                skipped.add("2 isoflop: " + ex.getMessage());
            }
        } else {
            skipped.add("2 isoflop: the data has no C, N and loss columns");
        }
        Dataset nd = data.has("D") || !(data.has("C") && data.has("N")) ? data : data.withTokensFromCompute();
        if (nd.has("N") && nd.has("D") && nd.has("loss") && nd.size() >= 6) {
            FitResult fit = Fitter.fit(ChinchillaLaw.INSTANCE, nd, FitSpec.defaults()
                    .withSeed(isoflop.seed()));
            AsymptoticCovariance cov = AsymptoticCovariance.of(fit, nd, AsymptoticCovariance.Form.SMOOTHED_SANDWICH);
            Interval a = cov.interval(DerivedQuantity.allocationExponentA(), level, false);
            Interval b = cov.interval(DerivedQuantity.allocationExponentB(), level, false);
            Interval n = cov.interval(DerivedQuantity.optimalParameters(ChinchillaLaw.INSTANCE, compute), level, true);
            out.add(new Estimate("3 parametric", a, b, n, tokens(n, compute), ratio(n, compute),
                    String.format(Locale.ROOT, "Chinchilla law on all %d rows (%s), %s", nd.size(),
                            fit.status().name().toLowerCase(Locale.ROOT), "smoothed-sandwich intervals"),
                    fit.diagnostics()));
        } else {
            skipped.add("3 parametric: the data has no N, D (or C) and loss, or fewer than 6 rows");
        }
        return new Comparison(compute, out, skipped, verdict(out));
    }

    private static Interval interval(String name, double est, double[] band, double level, String method) {
        return new Interval(name, est, band[0], band[1], level, method, Interval.Status.OK);
    }

    /** D = C / 6N: decreasing in N, so the bounds swap. */
    private static Interval tokens(Interval n, double compute) {
        return new Interval("D_opt", compute / (6 * n.estimate()), compute / (6 * n.upper()),
                compute / (6 * n.lower()), n.level(), n.label(), n.status());
    }

    /** D/N = C / 6N^2. */
    private static Interval ratio(Interval n, double compute) {
        return new Interval("D/N", compute / (6 * n.estimate() * n.estimate()),
                compute / (6 * n.upper() * n.upper()), compute / (6 * n.lower() * n.lower()), n.level(), n.label(),
                n.status());
    }

    /**
     * Plain words: do the a intervals overlap; if not, the gap and the likely cause; and a caution for every approach
     * whose fit has warnings.
     */
    static String verdict(List<Estimate> all) {
        List<Estimate> estimates = all.stream().filter(e -> e.a().ok()).toList();
        String without = all.stream().filter(e -> !e.a().ok()).map(e -> String.format(Locale.ROOT,
                " %s has no usable interval for a (%s), so it is left out of the comparison.", e.name(),
                e.a().status().name().toLowerCase(Locale.ROOT).replace('_', ' '))).reduce("", String::concat);
        StringBuilder cautions = new StringBuilder();
        for (Estimate e : all) {
            if (e.hasWarnings()) {
                cautions.append(String.format(Locale.ROOT, " Caution: the fit behind %s has warnings (%s), so its"
                        + " answer is not to be trusted as it stands.", e.name(), String.join(", ",
                        e.diagnostics().stream().filter(Diagnostic::isWarningOrError).map(d -> d.code().name())
                                .distinct().toList())));
            }
        }
        return compareIntervals(estimates) + without + cautions;
    }

    private static String compareIntervals(List<Estimate> estimates) {
        if (estimates.size() < 2) {
            return estimates.isEmpty() ? "no approach gave an interval for a on this data"
                    : "only one approach gave an interval for a on this data; nothing to compare.";
        }
        StringBuilder sb = new StringBuilder();
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        for (Estimate e : estimates) {
            lo = Math.max(lo, e.a().lower());
            hi = Math.min(hi, e.a().upper());
        }
        if (lo <= hi) {
            sb.append(String.format(Locale.ROOT, "agree: the intervals of a overlap on [%.4f, %.4f].", lo, hi));
            Estimate wide = estimates.get(0);
            Estimate narrow = estimates.get(0);
            for (Estimate e : estimates) {
                wide = e.a().width() > wide.a().width() ? e : wide;
                narrow = e.a().width() < narrow.a().width() ? e : narrow;
            }
            if (wide.a().width() > 3 * narrow.a().width()) {
                sb.append(String.format(Locale.ROOT, " The interval of %s is %.1f times as wide as that of %s "
                        + "(%.4f vs %.4f): the overlap says little; the point estimates differ by %.4f.", wide.name(),
                        wide.a().width() / narrow.a().width(), narrow.name(), wide.a().width(), narrow.a().width(),
                        Math.abs(wide.a().estimate() - narrow.a().estimate())));
            }
            return sb.toString();
        }
        sb.append("disagree:");
        for (int i = 0; i < estimates.size(); i++) {
            for (int j = i + 1; j < estimates.size(); j++) {
                Interval x = estimates.get(i).a();
                Interval y = estimates.get(j).a();
                double gap = Math.max(x.lower(), y.lower()) - Math.min(x.upper(), y.upper());
                sb.append(String.format(Locale.ROOT, " %s a = %.4f vs %s a = %.4f: %s.", estimates.get(i).name(),
                        x.estimate(), estimates.get(j).name(), y.estimate(), gap > 0
                                ? String.format(Locale.ROOT, "the intervals miss by %.4f", gap)
                                : "the intervals overlap"));
            }
        }
        boolean parametric = estimates.stream().anyMatch(e -> e.name().startsWith("3"));
        if (parametric) {
            sb.append(" Likely cause: Approach 3 fits one law to every run, so runs far from the optimum (very small"
                    + " or very large models for their budget) pull its exponents, while Approaches 1 and 2 use only"
                    + " the runs near each budget's optimum; a law that does not hold across the whole grid (e.g. a"
                    + " learning-rate schedule or warm-up that favours some sizes) shows up as this disagreement.");
        } else {
            sb.append(" Likely cause: the training-curve envelope uses intermediate checkpoints of runs whose"
                    + " schedule was set for their full length, which favours smaller models at low compute.");
        }
        return sb.toString();
    }
}
