/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.fit.approaches.Budget;
import dev.scalinglaws.fit.approaches.EnvelopeResult;
import dev.scalinglaws.fit.approaches.IsoFlopResult;
import dev.scalinglaws.fit.uncertainty.Interval;

/** JSON and table rendering of the isoflop, envelope and approaches commands, and their --by splitting. */
final class ApproachesOutput {

    static final String ISOFLOP_SCHEMA = "scalinglaws.isoflop/1";
    static final String ENVELOPE_SCHEMA = "scalinglaws.envelope/1";

    private ApproachesOutput() {
    }

    /** The rows per --by value in order of first appearance, or the whole data under a null key. */
    static Map<String, Dataset> split(Dataset rows, String by) {
        Map<String, Dataset> out = new LinkedHashMap<>();
        if (by == null) {
            out.put(null, rows);
            return out;
        }
        String[] v = rows.textColumn(by);
        for (String value : new java.util.LinkedHashSet<>(List.of(v))) {
            out.put(value, rows.filter(i -> v[i].equals(value)));
        }
        return out;
    }

    static ObjectNode interval(Interval i) {
        ObjectNode n = Json.object();
        Json.number(n, "estimate", i.estimate());
        Json.number(n, "lower", i.ok() ? i.lower() : Double.NaN);
        Json.number(n, "upper", i.ok() ? i.upper() : Double.NaN);
        return n;
    }

    static ObjectNode isoflopJson(IsoFlopResult r) {
        ObjectNode n = Json.object();
        n.put("schema", ISOFLOP_SCHEMA);
        if (r.group() == null) {
            n.putNull("group");
        } else {
            n.put("group", r.group());
        }
        ArrayNode budgets = n.putArray("budgets");
        for (Budget b : r.budgets()) {
            ObjectNode e = budgets.addObject();
            Json.number(e, "C", b.compute());
            Json.number(e, "Nstar", b.nStar());
            Json.number(e, "Dstar", b.dStar());
            Json.number(e, "Lstar", b.lStar());
            Json.number(e, "NstarLogStd", b.nStarLogStd());
            e.put("edge", b.edge());
        }
        n.set("a", interval(r.a()));
        n.set("b", interval(r.b()));
        n.set("k", interval(r.k()));
        ArrayNode d = n.putArray("diagnostics");
        r.diagnostics().forEach(d::add);
        return n;
    }

    static String isoflopTable(IsoFlopResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.group() == null ? "isoFLOP profiles (Approach 2)" : "isoFLOP profiles (Approach 2): "
                + r.group()).append('\n');
        Table t = new Table(List.of("C", "points", "N*", "D*", "L*", "sd(ln N*)", "status")).left(6);
        for (Budget b : r.budgets()) {
            t.add(Parsing.human(b.compute()), Integer.toString(b.points()), Parsing.human(b.nStar()),
                    Parsing.human(b.dStar()), Parsing.human(b.lStar()), Parsing.human(b.nStarLogStd()),
                    b.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + (b.used() ? "" : ", excluded"));
        }
        sb.append(t.render());
        int pct = (int) Math.round(100 * r.options().level());
        sb.append(String.format(Locale.ROOT, "N*(C) = k C^a   a = %s   k = %s%n", show(r.a()), show(r.k())));
        sb.append(String.format(Locale.ROOT, "D*(C) = k' C^b  b = %s   a + b = %.4f%n", show(r.b()),
                r.exponentSum()));
        if (r.lossFit() != null) {
            sb.append(String.format(Locale.ROOT, "L*(C) = E + A C^-alpha   E = %s   A = %s   alpha = %s%s%n",
                    show(r.lossFit().e()), show(r.lossFit().a()), show(r.lossFit().alpha()),
                    r.lossFit().converged() ? "" : "  (not converged)"));
        }
        sb.append(String.format(Locale.ROOT, "[lower, upper]: %d%% intervals (Gauss-Newton, weights 1/sd(ln N*)^2)%n",
                pct));
        r.diagnostics().forEach(s -> sb.append("note: ").append(s).append('\n'));
        return sb.toString();
    }

    static ObjectNode envelopeJson(EnvelopeResult r) {
        ObjectNode n = Json.object();
        n.put("schema", ENVELOPE_SCHEMA);
        if (r.group() == null) {
            n.putNull("group");
        } else {
            n.put("group", r.group());
        }
        ArrayNode pts = n.putArray("envelope");
        for (EnvelopeResult.Point p : r.points()) {
            ObjectNode e = pts.addObject();
            Json.number(e, "C", p.compute());
            Json.number(e, "N", p.n());
            Json.number(e, "D", p.d());
            Json.number(e, "loss", p.loss());
            e.put("run", p.run());
        }
        n.set("a", interval(r.a()));
        n.set("b", interval(r.b()));
        n.set("k", interval(r.k()));
        n.put("runs", r.runs());
        n.put("resamples", r.resamples());
        n.put("failedResamples", r.failed());
        ArrayNode d = n.putArray("diagnostics");
        r.diagnostics().forEach(d::add);
        return n;
    }

    static String envelopeTable(EnvelopeResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.group() == null ? "training-curve envelope (Approach 1)" : "training-curve envelope "
                + "(Approach 1): " + r.group()).append('\n');
        Table t = new Table(List.of("C from", "C to", "best run", "N", "grid points")).left(2);
        int start = 0;
        List<EnvelopeResult.Point> p = r.points();
        for (int i = 1; i <= p.size(); i++) {
            if (i == p.size() || !p.get(i).run().equals(p.get(start).run())) {
                t.add(Parsing.human(p.get(start).compute()), Parsing.human(p.get(i - 1).compute()),
                        p.get(start).run(), Parsing.human(p.get(start).n()), Integer.toString(i - start));
                start = i;
            }
        }
        sb.append(t.render());
        sb.append(String.format(Locale.ROOT, "N_opt(C) = k C^a   a = %s   k = %s%n", show(r.a()), show(r.k())));
        sb.append(String.format(Locale.ROOT, "D_opt(C) = k' C^b  b = %s%n", show(r.b())));
        sb.append(String.format(Locale.ROOT, "[lower, upper]: %d%% percentile intervals, %d resamples of the runs%n",
                (int) Math.round(100 * r.a().level()), r.resamples()));
        r.diagnostics().forEach(s -> sb.append("note: ").append(s).append('\n'));
        return sb.toString();
    }

    static String show(Interval i) {
        if (!i.ok()) {
            return Parsing.human(i.estimate()) + " [no interval: " + i.status().name().toLowerCase(Locale.ROOT) + "]";
        }
        return Parsing.human(i.estimate()) + " [" + Parsing.human(i.lower()) + ", " + Parsing.human(i.upper()) + "]";
    }
}
