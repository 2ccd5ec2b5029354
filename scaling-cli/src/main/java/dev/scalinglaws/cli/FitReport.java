/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalinglaws.core.TiedLaw;
import dev.scalinglaws.fit.ConvergenceReport;
import dev.scalinglaws.fit.Diagnostic;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Goodness;
import dev.scalinglaws.fit.ParameterEstimate;
import dev.scalinglaws.fit.Severity;

/**
 * Renders fits as JSON ({@code scalinglaws.fit/1}, see {@code docs/schema/fit.schema.json}), as a table and as CSV.
 */
final class FitReport {

    static final String SCHEMA = "scalinglaws.fit/1";

    private FitReport() {
    }

    /**
     * The JSON object of one fit. Numbers that are not finite are written as null.
     *
     * @param o the fit
     * @return the object
     */
    static ObjectNode json(FitOutcome o) {
        FitResult r = o.result();
        FitSpec spec = r.spec();
        ObjectNode root = Json.object();
        root.put("schema", SCHEMA);
        TiedLaw tied = r.law() instanceof TiedLaw t ? t : null;
        root.put("law", tied != null ? tied.base().name() : r.law().name());
        root.put("formula", r.law().formula());
        dev.scalinglaws.core.ScalingLaw base = tied != null ? tied.base() : r.law();
        if (base instanceof dev.scalinglaws.core.formula.FormulaLaw) {
            // what 'predict --fit' and 'plot --fit' need to parse the formula again
            root.put("formula", base.formula());
            base.covariates().forEach(root.putArray("covariates")::add);
            root.put("response", base.response());
        }
        if (tied != null) {
            ObjectNode ties = root.putObject("ties");
            tied.ties().forEach(ties::put);
        }
        ObjectNode data = root.putObject("data");
        data.put("source", o.source());
        data.put("rows", o.rows());
        data.put("used", r.goodness().n());
        if (o.group() == null) {
            data.putNull("group");
        } else {
            data.put("group", o.group());
        }
        if (o.groupColumn() != null) {
            data.put("groupColumn", o.groupColumn());
        }
        ArrayNode where = data.putArray("where");
        o.where().forEach(where::add);
        data.put("dropTopLoss", o.dropTopLoss());
        if (!o.keepBest().isEmpty()) {
            ArrayNode keep = data.putArray("keepBest");
            o.keepBest().forEach(keep::add);
        }
        ObjectNode dropped = data.putObject("dropped");
        o.removed().forEach(step -> dropped.put(step.step(), step.rows()));
        if (o.runs() != null) {
            ObjectNode runs = data.putObject("runs");
            runs.put("column", o.runs().column());
            runs.put("count", o.runs().count());
        }
        if (o.warmupTokens() != null) {
            Json.number(data, "warmupTokens", o.warmupTokens());
        }
        if (!o.columns().isEmpty()) {
            ObjectNode columns = data.putObject("columns");
            o.columns().forEach(columns::put);
        }
        ObjectNode ranges = data.putObject("ranges");
        for (Map.Entry<String, double[]> e : o.ranges().entrySet()) {
            ObjectNode range = ranges.putObject(e.getKey());
            Json.number(range, "min", e.getValue()[0]);
            Json.number(range, "max", e.getValue()[1]);
        }
        ObjectNode s = root.putObject("spec");
        s.put("residual", spec.residual().name().toLowerCase(Locale.ROOT));
        s.put("loss", spec.loss().name());
        Json.number(s, "delta", spec.loss().delta());
        s.put("starts", spec.starts().describe());
        s.put("seed", spec.seed());
        if (o.weightColumn() != null) {
            s.put("weight", o.weightColumn());
        }
        if (!spec.pins().isEmpty()) {
            ObjectNode pins = s.putObject("pins");
            spec.pins().forEach((k, v) -> Json.number(pins, k, v));
        }
        if (!spec.bounds().isEmpty()) {
            ObjectNode bounds = s.putObject("bounds");
            spec.bounds().forEach((k, v) -> {
                ArrayNode b = bounds.putArray(k);
                addNumber(b, v[0]);
                addNumber(b, v[1]);
            });
        }
        root.put("status", r.status().name());
        Json.number(root, "objective", r.objective());
        ConvergenceReport c = r.convergence();
        ObjectNode conv = root.putObject("convergence");
        conv.put("starts", c.starts());
        conv.put("converged", c.converged());
        conv.put("atBest", c.atBest());
        conv.put("iterations", c.iterations());
        conv.put("evaluations", c.evaluations());
        FitOutcome.Intervals iv = o.intervals();
        ArrayNode params = root.putArray("parameters");
        for (ParameterEstimate p : r.parameters()) {
            ObjectNode n = params.addObject();
            n.put("name", p.name());
            Json.number(n, "estimate", p.estimate());
            Json.number(n, "stdError", p.stdError());
            putInterval(n, iv, p.name());
            n.put("pinned", p.pinned());
        }
        if (tied != null) {
            // each tied parameter, with its source's estimate: not a parameter of the fit
            tied.ties().forEach((dependent, source) -> {
                ParameterEstimate p = r.parameters().get(r.law().indexOf(source));
                ObjectNode n = params.addObject();
                n.put("name", dependent);
                Json.number(n, "estimate", p.estimate());
                Json.number(n, "stdError", p.stdError());
                putInterval(n, iv, source);
                n.put("pinned", p.pinned());
                n.put("tiedTo", source);
            });
        }
        ArrayNode derived = root.putArray("derived");
        for (FitOutcome.Derived d : o.derived()) {
            ObjectNode n = derived.addObject();
            n.put("name", d.name());
            Json.number(n, "estimate", d.estimate());
            putInterval(n, iv, d.name());
        }
        if (iv != null) {
            ObjectNode in = root.putObject("interval");
            in.put("method", iv.method());
            Json.number(in, "level", iv.level());
            in.put("resamples", iv.resamples());
            if (iv.resamples() > 0) {
                in.put("failed", iv.failed());
            }
            Json.number(in, "seconds", iv.seconds());
        }
        Goodness g = r.goodness();
        ObjectNode good = root.putObject("goodness");
        good.put("n", g.n());
        good.put("freeParameters", g.freeParameters());
        Json.number(good, "rmseLog", g.rmseLog());
        Json.number(good, "aic", g.aic());
        Json.number(good, "bic", g.bic());
        Json.number(good, "rSquaredLog", g.rSquaredLog());
        Json.number(good, "rSquaredLinear", g.rSquaredLinear());
        ArrayNode warnings = root.putArray("warnings");
        r.warnings().forEach(warnings::add);
        diagnostics(root, r.diagnostics());
        Json.number(root, "seconds", r.seconds());
        return root;
    }

    /**
     * Writes {@code "diagnostics": [{"code", "severity", "message", "parameters", "rows"}]} (every severity).
     *
     * @param root        the object to add to
     * @param diagnostics the diagnostics
     */
    static void diagnostics(ObjectNode root, List<Diagnostic> diagnostics) {
        ArrayNode out = root.putArray("diagnostics");
        for (Diagnostic d : diagnostics) {
            ObjectNode n = out.addObject();
            n.put("code", d.code().name());
            n.put("severity", d.severity().label());
            n.put("message", d.message());
            ArrayNode ps = n.putArray("parameters");
            d.parameters().forEach(ps::add);
            ArrayNode rs = n.putArray("rows");
            d.rows().forEach(rs::add);
        }
    }

    /**
     * The table lines of diagnostics: a {@code diagnostics} line (counts, or {@code none}) and one line per warning or
     * error, as {@code severity CODE: message}.
     *
     * @param sb          the text to append to
     * @param diagnostics the diagnostics
     */
    static void diagnosticRows(StringBuilder sb, List<Diagnostic> diagnostics) {
        long errors = diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
        long warnings = diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
        if (errors + warnings == 0) {
            row(sb, "diagnostics", "none");
            return;
        }
        List<String> counts = new java.util.ArrayList<>();
        if (errors > 0) {
            counts.add(errors + (errors == 1 ? " error" : " errors"));
        }
        if (warnings > 0) {
            counts.add(warnings + (warnings == 1 ? " warning" : " warnings"));
        }
        row(sb, "diagnostics", String.join(", ", counts));
        for (Diagnostic d : diagnostics) {
            if (d.isWarningOrError()) {
                row(sb, "  " + d.severity().label(), d.code().name() + ": " + d.message());
            }
        }
    }

    private static String percent(double level) {
        return Parsing.human(100 * level) + "%";
    }

    private static void addNumber(ArrayNode a, double v) {
        if (Double.isFinite(v)) {
            a.add(v);
        } else {
            a.addNull();
        }
    }

    private static void putInterval(ObjectNode n, FitOutcome.Intervals iv, String name) {
        if (iv == null) {
            return;
        }
        double[] b = iv.bounds().get(name);
        Json.number(n, "lower", b == null ? Double.NaN : b[0]);
        Json.number(n, "upper", b == null ? Double.NaN : b[1]);
    }

    /**
     * The table of one fit, for a terminal.
     *
     * @param o the fit
     * @return the text, ending with a newline
     */
    static String table(FitOutcome o) {
        FitResult r = o.result();
        FitSpec spec = r.spec();
        StringBuilder sb = new StringBuilder();
        row(sb, "law", r.law().name() + "    " + r.law().formula());
        String data = String.format(Locale.ROOT, "%s: %d rows, %d used", o.source(), o.rows(), r.goodness().n());
        if (o.group() != null) {
            data += String.format(Locale.ROOT, " (group %s = %s)", o.groupColumn(), o.group());
        }
        data += RowSelection.describe(o.removed());
        if (o.runs() != null) {
            data += String.format(Locale.ROOT, ", %d runs (%s)", o.runs().count(), o.runs().column());
        }
        row(sb, "data", data);
        String loss = spec.loss().name() + " loss" + (Double.isNaN(spec.loss().delta()) ? ""
                : " (delta " + Parsing.human(spec.loss().delta()) + ")");
        row(sb, "spec", String.format(Locale.ROOT, "%s residuals, %s, starts %s, seed %d%s",
                spec.residual().name().toLowerCase(Locale.ROOT), loss, spec.starts().describe(), spec.seed(),
                o.weightColumn() == null ? "" : ", weights " + o.weightColumn()));
        row(sb, "status", r.status().name());
        diagnosticRows(sb, r.diagnostics());
        row(sb, "objective", String.format(Locale.ROOT, "%.6g", r.objective()));
        ConvergenceReport c = r.convergence();
        row(sb, "convergence", String.format(Locale.ROOT,
                "%s starts, %s converged, %s at best (%s iterations, %s evaluations)", Parsing.count(c.starts()),
                Parsing.count(c.converged()), Parsing.count(c.atBest()), Parsing.count(c.iterations()),
                Parsing.count(c.evaluations())));
        sb.append('\n');
        FitOutcome.Intervals iv = o.intervals();
        Table t = new Table(iv == null ? List.of("parameter", "estimate", "std. error", "")
                : List.of("parameter", "estimate", "std. error", "lower", "upper", ""));
        for (ParameterEstimate p : r.parameters()) {
            String note = p.pinned() ? "pinned" : p.onBound() ? "on bound" : "";
            if (iv == null) {
                t.add(p.name(), Parsing.human(p.estimate()), Parsing.human(p.stdError()), note);
            } else {
                double[] b = iv.bounds().getOrDefault(p.name(), new double[] {Double.NaN, Double.NaN});
                t.add(p.name(), Parsing.human(p.estimate()), Parsing.human(p.stdError()), Parsing.human(b[0]),
                        Parsing.human(b[1]), note);
            }
        }
        if (r.law() instanceof TiedLaw tiedLaw) {
            tiedLaw.ties().forEach((dependent, source) -> {
                String est = Parsing.human(r.estimate(source));
                String note = "tied: " + dependent + " = " + source;
                if (iv == null) {
                    t.add(dependent, est, "", note);
                } else {
                    t.add(dependent, est, "", "", "", note);
                }
            });
        }
        sb.append(t.render());
        if (iv != null) {
            sb.append(String.format(Locale.ROOT, "(%s %s intervals%s)%n", percent(iv.level()), iv.method(),
                    iv.resamples() > 0 ? String.format(Locale.ROOT, ", %s resamples, %s failed",
                            Parsing.count(iv.resamples()), Parsing.count(iv.failed())) : ""));
        }
        sb.append('\n');
        if (!o.derived().isEmpty()) {
            StringBuilder d = new StringBuilder();
            for (FitOutcome.Derived x : o.derived()) {
                if (d.length() > 0) {
                    d.append("   ");
                }
                d.append(x.name()).append(" = ").append(Parsing.human(x.estimate()));
                double[] b = iv == null ? null : iv.bounds().get(x.name());
                if (b != null) {
                    d.append(" [").append(Parsing.human(b[0])).append(", ").append(Parsing.human(b[1])).append(']');
                }
            }
            row(sb, "compute-optimal", d.toString());
        }
        Goodness g = r.goodness();
        row(sb, "goodness", String.format(Locale.ROOT, "rmseLog %s, n %d, free parameters %d, AIC %s, BIC %s, "
                + "R^2 %s (log), %s (linear)", Parsing.human(g.rmseLog()), g.n(), g.freeParameters(),
                Parsing.human(g.aic()), Parsing.human(g.bic()), Parsing.human(g.rSquaredLog()),
                Parsing.human(g.rSquaredLinear())));
        row(sb, "time", String.format(Locale.ROOT, "%.2f s", r.seconds()) + (iv == null ? ""
                : String.format(Locale.ROOT, " (fit), %.2f s (intervals)", iv.seconds())));
        for (String w : r.warnings()) {
            row(sb, "warning", w);
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String key, String value) {
        sb.append(String.format(Locale.ROOT, "%-16s %s%n", key, value));
    }

    /** The CSV header. */
    static String csvHeader() {
        return "group,law,kind,name,estimate,stdError,lower,upper,pinned,status,objective\n";
    }

    /**
     * CSV rows: one per parameter, then one per derived quantity.
     *
     * @param o the fit
     * @return rows ending with newlines
     */
    static String csvRows(FitOutcome o) {
        FitResult r = o.result();
        StringBuilder sb = new StringBuilder();
        String group = o.group() == null ? "" : Table.csvCell(o.group());
        FitOutcome.Intervals iv = o.intervals();
        for (ParameterEstimate p : r.parameters()) {
            double[] b = iv == null ? null : iv.bounds().get(p.name());
            sb.append(String.join(",", group, r.law().name(), "parameter", Table.csvCell(p.name()),
                    csvNumber(p.estimate()), csvNumber(p.stdError()), csvNumber(b == null ? Double.NaN : b[0]),
                    csvNumber(b == null ? Double.NaN : b[1]), Boolean.toString(p.pinned()), r.status().name(),
                    csvNumber(r.objective()))).append('\n');
        }
        for (FitOutcome.Derived d : o.derived()) {
            double[] b = iv == null ? null : iv.bounds().get(d.name());
            sb.append(String.join(",", group, r.law().name(), "derived", Table.csvCell(d.name()),
                    csvNumber(d.estimate()), "", csvNumber(b == null ? Double.NaN : b[0]),
                    csvNumber(b == null ? Double.NaN : b[1]), "false", r.status().name(),
                    csvNumber(r.objective()))).append('\n');
        }
        return sb.toString();
    }

    static String csvNumber(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
