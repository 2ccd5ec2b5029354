/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalinglaws.core.DataException;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.transfer.AcceptThenStop;
import dev.scalinglaws.transfer.FineTuning;
import dev.scalinglaws.transfer.ModelSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scaling select}: "Accept then Stop" model selection with the rectified law (Lin et al. 2024,
 * arXiv:2402.02314), and the paper's baselines. The data is long format, one row per (model, fine-tuning size D)
 * with the loss; D = 0 is the zero-shot loss. Each candidate may use the sizes up to the budget = target / R; the
 * candidate with the lowest predicted loss at the target size is selected. When every candidate has an observed loss
 * at the target, the output also says how good the choice was (Pearson correlation of the scores with the true
 * losses, relative accuracy).
 */
@Command(name = "select", sortOptions = false,
        description = {"Select the model to fine-tune with the rectified scaling law's Accept-then-Stop (AtS) "
                + "procedure (Lin et al. 2024, arXiv:2402.02314), or one of the paper's baselines."},
        footer = {"", "Examples:",
            "  scaling select --dataset lin-finetune --where dataset=flan --budget-ratio 64",
            "  scaling select --data curves.csv --column D=examples --budget-ratio 0.125 --k 3 --delta 5",
            "  scaling select --dataset lin-finetune --where dataset=wmt19 --budget-ratio 128 --method all",
            "",
            "Input: long format, columns model, D (fine-tuning examples; 0 = zero-shot) and loss; size (parameters)",
            "for --method model-size. Budget: target / R for R >= 1 (R = 64 is the paper's 1/64), target x R for R < 1."})
final class SelectCommand implements Callable<Integer> {

    static final String SCHEMA = "scalinglaws.selection/1";

    /** The selection methods by their command-line names. */
    enum Method {
        ats(ModelSelection.Method.ATS), zero_shot(ModelSelection.Method.ZERO_SHOT),
        sub_tuning(ModelSelection.Method.SUB_TUNING), model_size(ModelSelection.Method.MODEL_SIZE),
        vanilla_fit(ModelSelection.Method.VANILLA_FIT), rectified_fit(ModelSelection.Method.RECTIFIED_FIT);

        final ModelSelection.Method library;

        Method(ModelSelection.Method library) {
            this.library = library;
        }

        String label() {
            return name().replace('_', '-');
        }

        static Method parse(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
            for (Method m : values()) {
                if (m.name().equals(t)) {
                    return m;
                }
            }
            throw new CliException("--method must be one of ats, zero-shot, sub-tuning, model-size, vanilla-fit, "
                    + "rectified-fit; got '" + text + "'");
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--budget-ratio", paramLabel = "R", required = true,
            description = "Fine-tuning budget as a share of the target size: target / R for R >= 1 (64 = the "
                    + "paper's 1/64), target x R for R < 1.")
    double budgetRatio;

    @Option(names = "--target", paramLabel = "N",
            description = "The full fine-tuning size whose loss is predicted (default: the largest D in the data).")
    Double target;

    @Option(names = "--method", paramLabel = "NAME", defaultValue = "ats",
            description = "ats, zero-shot, sub-tuning, model-size, vanilla-fit or rectified-fit "
                    + "(default: ${DEFAULT-VALUE}); all: compare them on the same budget.")
    String method;

    @Option(names = "--k", paramLabel = "K", defaultValue = "3",
            description = "AtS: points in the first line fit (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--delta", paramLabel = "X", defaultValue = "5",
            description = "AtS: stop threshold on |residual| / sd (default: ${DEFAULT-VALUE}).")
    double delta;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Override
    public Integer call() {
        boolean all = method.trim().equalsIgnoreCase("all");
        Method m = all ? Method.ats : Method.parse(method);
        if (!(budgetRatio > 0) || Double.isInfinite(budgetRatio)) {
            throw new CliException("--budget-ratio must be positive and finite: " + budgetRatio);
        }
        if (k < 2) {
            throw new CliException("--k must be at least 2: " + k);
        }
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new CliException("--delta must be positive and finite: " + delta);
        }
        output.guard(data.inputs());
        RowSelection.Selected selected = data.selection(null, null, null, 0)
                .apply(data.prepared(data.read(null), null, null, null, null), "loss",
                        n -> spec.commandLine().getErr().println("note: " + n));
        Dataset rows = selected.used();
        String account = selected.account();
        DataOptions.requireColumns(rows, "select", List.of("model", "D", "loss"));
        boolean withSize = rows.has("size");
        if (m == Method.model_size && !withSize) {
            throw new DataException(rows.source(), -1, "size", null,
                    "--method model-size needs a size column (parameters); map it with --column size=HEADER");
        }
        List<ModelSelection.Candidate> candidates = candidates(rows, withSize);
        double full = target != null ? target : maxSize(candidates);
        if (!(full > 0) || Double.isInfinite(full)) {
            throw new CliException("--target must be positive and finite: " + full);
        }
        double budget = budgetRatio >= 1 ? full / budgetRatio : full * budgetRatio;
        AcceptThenStop ats = AcceptThenStop.defaults().withK(k).withDelta(delta);
        if (all) {
            output.emit(compare(rows.source(), account, candidates, budget, full, ats), spec.commandLine().getOut(),
                    data.inputs());
            return 0;
        }
        ModelSelection.Selection selection = ModelSelection.select(m.library, candidates, budget, full, ats,
                FineTuning.linProtocol());
        double[] scores = selection.scores();
        double[] truth = trueLosses(candidates, full);
        List<AcceptThenStop.Prediction> atsDetails = new ArrayList<>();
        if (m == Method.ats) {
            for (ModelSelection.Candidate c : candidates) {
                double[][] w = c.withinBudget(budget);
                atsDetails.add(ats.predict(c.model(), w[0], w[1], full));
            }
        }
        Integer[] order = new Integer[candidates.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        boolean larger = m == Method.model_size;
        Arrays.sort(order, (a, b) -> larger ? Double.compare(scores[b], scores[a])
                : Double.compare(scores[a], scores[b]));
        double pearson = truth == null ? Double.NaN : ModelSelection.pearson(scores, truth);
        double relAcc = truth == null ? Double.NaN : ModelSelection.relativeAccuracy(truth, selection.selected());
        int best = -1;
        if (truth != null) {
            best = 0;
            for (int i = 1; i < truth.length; i++) {
                if (truth[i] < truth[best]) {
                    best = i;
                }
            }
        }

        String scoreName = m == Method.model_size ? "ln size" : "predicted loss";
        String text = switch (output.format()) {
            case json -> {
                ObjectNode n = Json.object();
                n.put("schema", SCHEMA);
                n.put("method", m.label());
                n.put("source", rows.source());
                n.put("rows", selected.rows());
                n.put("used", rows.size());
                ObjectNode dropped = n.putObject("dropped");
                selected.removed().forEach(step -> dropped.put(step.step(), step.rows()));
                n.put("candidates", candidates.size());
                Json.number(n, "target", full);
                Json.number(n, "budget", budget);
                Json.number(n, "budgetRatio", budgetRatio);
                if (m == Method.ats) {
                    n.put("k", k);
                    Json.number(n, "delta", delta);
                }
                n.put("score", m == Method.model_size ? "ln(size), larger is better" : "predicted loss at target");
                n.put("selected", candidates.get(selection.selected()).model());
                ArrayNode ranking = n.putArray("ranking");
                for (int r = 0; r < order.length; r++) {
                    int i = order[r];
                    ObjectNode e = ranking.addObject();
                    e.put("rank", r + 1);
                    e.put("model", candidates.get(i).model());
                    Json.number(e, "score", scores[i]);
                    if (withSize) {
                        Json.number(e, "size", candidates.get(i).size());
                    }
                    if (m == Method.ats) {
                        AcceptThenStop.Prediction p = atsDetails.get(i);
                        e.put("acceptedPoints", p.acceptedPoints());
                        Json.number(e, "smallestAccepted", p.smallestAccepted());
                        Json.number(e, "slope", p.slope());
                    }
                    if (truth != null) {
                        Json.number(e, "trueLoss", truth[i]);
                    }
                }
                if (truth == null) {
                    n.putNull("evaluation");
                } else {
                    ObjectNode ev = n.putObject("evaluation");
                    Json.number(ev, "pearson", pearson);
                    Json.number(ev, "relativeAccuracy", relAcc);
                    ev.put("best", candidates.get(best).model());
                }
                yield Json.pretty(n);
            }
            case csv -> {
                StringBuilder sb = new StringBuilder("rank,model,score,size,acceptedPoints,smallestAccepted,"
                        + "trueLoss,selected\n");
                for (int r = 0; r < order.length; r++) {
                    int i = order[r];
                    sb.append(r + 1).append(',').append(Table.csvCell(candidates.get(i).model())).append(',')
                            .append(FitReport.csvNumber(scores[i])).append(',')
                            .append(withSize ? FitReport.csvNumber(candidates.get(i).size()) : "").append(',')
                            .append(m == Method.ats ? String.valueOf(atsDetails.get(i).acceptedPoints()) : "")
                            .append(',')
                            .append(m == Method.ats ? FitReport.csvNumber(atsDetails.get(i).smallestAccepted()) : "")
                            .append(',').append(truth == null ? "" : FitReport.csvNumber(truth[i])).append(',')
                            .append(i == selection.selected()).append('\n');
                }
                yield sb.toString();
            }
            case table -> {
                StringBuilder sb = new StringBuilder();
                sb.append(String.format(Locale.ROOT, "method           %s%s%n", m.label(), m == Method.ats
                        ? String.format(Locale.ROOT, " (k = %d, delta = %s)", k, Parsing.human(delta)) : ""));
                sb.append(String.format(Locale.ROOT, "data             %s: %s; %d candidates%n", rows.source(),
                        account, candidates.size()));
                sb.append(String.format(Locale.ROOT, "budget           D <= %s (target %s / %s)%n",
                        Parsing.human(budget), Parsing.human(full), budgetRatio >= 1 ? Parsing.human(budgetRatio)
                                : "(1/" + Parsing.human(1 / budgetRatio) + ")"));
                sb.append(String.format(Locale.ROOT, "selected         %s%n%n",
                        candidates.get(selection.selected()).model()));
                List<String> header = new ArrayList<>(List.of("rank", "model", scoreName));
                if (m == Method.ats) {
                    header.add("accepted");
                    header.add("from D");
                }
                if (truth != null) {
                    header.add("true loss");
                }
                Table t = new Table(header).left(1);
                for (int r = 0; r < order.length; r++) {
                    int i = order[r];
                    List<String> cells = new ArrayList<>(List.of(String.valueOf(r + 1),
                            candidates.get(i).model() + (i == selection.selected() ? " *" : ""),
                            Parsing.human(scores[i])));
                    if (m == Method.ats) {
                        cells.add(String.valueOf(atsDetails.get(i).acceptedPoints()));
                        cells.add(Parsing.human(atsDetails.get(i).smallestAccepted()));
                    }
                    if (truth != null) {
                        cells.add(Parsing.human(truth[i]));
                    }
                    t.add(cells.toArray(new String[0]));
                }
                sb.append(t.render());
                if (truth != null) {
                    sb.append(String.format(Locale.ROOT, "%nagainst the true loss at D = %s: Pearson correlation "
                                    + "%.4f, relative accuracy %.4f (best: %s)%n", Parsing.human(full), pearson,
                            relAcc, candidates.get(best).model()));
                }
                yield sb.toString();
            }
        };
        output.emit(text, spec.commandLine().getOut(), data.inputs());
        return 0;
    }

    /** Every method on the same budget: the selected model, Pearson correlation and relative accuracy of each. */
    private String compare(String source, String account, List<ModelSelection.Candidate> candidates, double budget,
                           double full, AcceptThenStop ats) {
        double[] truth = trueLosses(candidates, full);
        if (truth == null) {
            throw new CliException(String.format(Locale.ROOT, "%s: --method all compares the methods against the "
                    + "observed loss at the target D = %s, which not every model has", source, Parsing.human(full)));
        }
        Table t = new Table(List.of("method", "selected", "true loss", "Pearson", "relative accuracy")).left(1);
        StringBuilder csv = new StringBuilder("method,selected,trueLoss,pearson,relativeAccuracy\n");
        ObjectNode n = Json.object();
        n.put("schema", "scalinglaws.selection-comparison/1");
        n.put("source", source);
        n.put("candidates", candidates.size());
        Json.number(n, "target", full);
        Json.number(n, "budget", budget);
        ArrayNode methods = n.putArray("methods");
        for (Method m : Method.values()) {
            ModelSelection.Selection sel = ModelSelection.select(m.library, candidates, budget, full, ats,
                    FineTuning.linProtocol());
            double pearson = ModelSelection.pearson(sel.scores(), truth);
            double relAcc = ModelSelection.relativeAccuracy(truth, sel.selected());
            String chosen = candidates.get(sel.selected()).model();
            t.add(m.label(), chosen, Parsing.human(truth[sel.selected()]), String.format(Locale.ROOT, "%.4f", pearson),
                    String.format(Locale.ROOT, "%.4f", relAcc));
            csv.append(m.label()).append(',').append(Table.csvCell(chosen)).append(',')
                    .append(FitReport.csvNumber(truth[sel.selected()])).append(',')
                    .append(FitReport.csvNumber(pearson)).append(',').append(FitReport.csvNumber(relAcc)).append('\n');
            ObjectNode e = methods.addObject();
            e.put("method", m.label());
            e.put("selected", chosen);
            Json.number(e, "trueLoss", truth[sel.selected()]);
            Json.number(e, "pearson", pearson);
            Json.number(e, "relativeAccuracy", relAcc);
        }
        return switch (output.format()) {
            case json -> Json.pretty(n);
            case csv -> csv.toString();
            case table -> String.format(Locale.ROOT, "data     %s: %s; %d candidates%nbudget   D <= %s of target %s "
                    + "(AtS k = %d, delta = %s)%n%n", source, account, candidates.size(), Parsing.human(budget),
                    Parsing.human(full), k, Parsing.human(delta)) + t.render()
                    + "Pearson: correlation of the scores with the true losses at the target (model-size scores ln "
                    + "size, larger is better, hence its sign); relative accuracy: (worst - chosen) / (worst - best)\n";
        };
    }

    /** One candidate per model, in order of first appearance. */
    private static List<ModelSelection.Candidate> candidates(Dataset rows, boolean withSize) {
        String[] model = rows.textColumn("model");
        double[] d = rows.column("D");
        double[] loss = rows.column("loss");
        double[] size = withSize ? rows.column("size") : null;
        Map<String, List<Integer>> byModel = new LinkedHashMap<>();
        for (int i = 0; i < model.length; i++) {
            byModel.computeIfAbsent(model[i].trim(), x -> new ArrayList<>()).add(i);
        }
        if (byModel.size() < 2) {
            throw new CliException(String.format(Locale.ROOT, "%s: select needs at least 2 models, got %d",
                    rows.source(), byModel.size()));
        }
        List<ModelSelection.Candidate> out = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byModel.entrySet()) {
            List<Integer> idx = e.getValue();
            double[] ds = new double[idx.size()];
            double[] ls = new double[idx.size()];
            for (int j = 0; j < ds.length; j++) {
                int i = idx.get(j);
                ds[j] = d[i];
                ls[j] = loss[i];
                if (!Double.isFinite(ls[j])) {
                    throw new DataException(rows.source(), rows.rowNumber(i), "loss", String.valueOf(ls[j]),
                            "loss must be finite");
                }
            }
            double s = withSize ? size[idx.get(0)] : 1;
            if (withSize && !(s > 0)) {
                throw new DataException(rows.source(), rows.rowNumber(idx.get(0)), "size", String.valueOf(s),
                        "size must be positive");
            }
            out.add(new ModelSelection.Candidate(e.getKey(), s, ds, ls));
        }
        return out;
    }

    private static double maxSize(List<ModelSelection.Candidate> candidates) {
        double max = 0;
        for (ModelSelection.Candidate c : candidates) {
            for (double d : c.sizes()) {
                max = Math.max(max, d);
            }
        }
        return max;
    }

    /** The true losses at the target if every candidate has one, else null. */
    private static double[] trueLosses(List<ModelSelection.Candidate> candidates, double target) {
        for (ModelSelection.Candidate c : candidates) {
            if (Arrays.stream(c.sizes()).noneMatch(d -> d == target)) {
                return null;
            }
        }
        return ModelSelection.trueLosses(candidates, target);
    }
}
