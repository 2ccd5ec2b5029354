/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Starts;
import dev.scalinglaws.fit.uncertainty.AsymptoticCovariance;
import dev.scalinglaws.fit.uncertainty.Backtest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scaling backtest}: fit on the smaller runs and predict the larger ones (or leave one group out at a time),
 * reporting the absolute relative error, the coverage of the prediction intervals and the interval score
 * (fit.uncertainty's {@link Backtest}).
 */
@Command(name = "backtest", sortOptions = false,
        description = {"Backtest a law: fit on the smaller runs and predict the larger ones, or leave one group "
                + "out at a time (absolute relative error, prediction-interval coverage, interval score)."},
        footer = {"", "Examples:", "  scaling backtest --dataset chinchilla --law chinchilla --holdout-largest 20",
            "  scaling backtest --dataset gadre-overtraining --where dataset_name=rpj --law overtraining "
                    + "--holdout-largest 5 --order parameters",
            "  scaling backtest --data runs.csv --law kaplan-trajectory --by-group --group run",
            "  scaling backtest --dataset chinchilla --formula 'E + A/N^alpha + B/D^alpha' --holdout-largest 20"})
final class BacktestCommand implements Callable<Integer> {

    static final String SCHEMA = "scalinglaws.backtest/1";

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--law", paramLabel = "NAME", completionCandidates = FitCommand.LawNames.class,
            description = "Law to backtest (or --formula): ${COMPLETION-CANDIDATES}.")
    String lawName;

    @Mixin
    FormulaOption formula = new FormulaOption();

    @Mixin
    StartRanges startRanges = new StartRanges();

    @Option(names = "--holdout-largest", paramLabel = "K",
            description = "Hold out the K largest runs (by --order) and predict them from a fit to the rest.")
    Integer holdoutLargest;

    @Option(names = "--by-group", description = "Leave one group (model / run) out at a time.")
    boolean byGroup;

    @Option(names = "--group", paramLabel = "COLUMN",
            description = "The group column for --by-group (default: the dataset's own, e.g. model for "
                    + "lin-finetune).")
    String group;

    @Option(names = "--order", paramLabel = "compute|parameters", defaultValue = "compute",
            description = "--holdout-largest: largest by compute C = 6ND or by parameters N "
                    + "(default: ${DEFAULT-VALUE}).")
    String order;

    @Option(names = "--drop-top-loss", paramLabel = "K", defaultValue = "0",
            description = "Drop the K rows with the highest response first (default: ${DEFAULT-VALUE}).")
    int dropTopLoss;

    @Mixin
    LossOptions objective = new LossOptions();

    @Option(names = "--starts", paramLabel = "SPEC", defaultValue = "sobol:64",
            description = "Starts of every fit: sobol:N, lhs:N or hoffmann (default: ${DEFAULT-VALUE}).")
    String starts;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of the starts (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--level", paramLabel = "P", defaultValue = "0.95",
            description = "Prediction-interval level (default: ${DEFAULT-VALUE}).")
    double level;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Override
    public Integer call() {
        formula.checkExclusive(spec);
        if (lawName == null && !formula.given()) {
            throw new CliException("give --law NAME or --formula EXPR");
        }
        ScalingLaw law = formula.given() ? null : FitCommand.law(lawName);
        if ((holdoutLargest == null) == !byGroup) {
            throw new CliException("give exactly one of --holdout-largest K and --by-group");
        }
        if (holdoutLargest != null && holdoutLargest < 1) {
            throw new CliException("--holdout-largest must be at least 1: " + holdoutLargest);
        }
        IntervalOptions.checkLevel(level);
        if (dropTopLoss < 0) {
            throw new CliException("--drop-top-loss must be non-negative: " + dropTopLoss);
        }
        Backtest.Ordering ordering = switch (order.trim().toLowerCase(Locale.ROOT)) {
            case "compute", "c" -> Backtest.Ordering.COMPUTE;
            case "parameters", "n" -> Backtest.Ordering.PARAMETERS;
            default -> throw new CliException("--order must be compute or parameters, got '" + order + "'");
        };
        output.guard(data.inputs());
        Dataset raw = data.read(null);
        if (formula.given()) {
            law = formula.law(raw);
        }
        FitSpec fitSpec = objective.applyTo(FitSpec.defaults().withSeed(seed))
                .withStarts(startRanges.apply(starts.trim().equalsIgnoreCase("hoffmann")
                        && !StartRanges.hoffmannGrid(law) ? failHoffmann(law) : Starts.parse(starts, seed),
                        law));
        RowSelection.Selected selected = data.selection(null, null, null, dropTopLoss)
                .apply(data.prepared(raw, law, null, null, null), law.response(),
                        n -> spec.commandLine().getErr().println("note: " + n));
        Dataset rows = selected.used();
        if (group != null) {
            rows = DataOptions.withColumn(raw, rows, "--group", group).withGroups(group);
        }
        Backtest.Result result;
        String protocol;
        if (byGroup) {
            if (rows.groupColumn() == null) {
                throw new CliException(raw.source() + ": --by-group needs a group column; give --group COLUMN");
            }
            protocol = "leave one " + rows.groupColumn() + " out (" + rows.groupLabels().size() + " groups)";
            result = Backtest.leaveOneGroupOut(law, rows, fitSpec, level,
                    AsymptoticCovariance.Form.SMOOTHED_SANDWICH);
        } else {
            protocol = String.format(Locale.ROOT, "hold out the %d largest by %s", holdoutLargest,
                    ordering == Backtest.Ordering.COMPUTE ? "compute" : "parameters");
            result = Backtest.holdoutLargest(law, rows, fitSpec, ordering, holdoutLargest, level,
                    AsymptoticCovariance.Form.SMOOTHED_SANDWICH);
        }
        String text = switch (output.format()) {
            case json -> json(law, raw.source(), protocol, result, selected);
            case csv -> csv(law, result);
            case table -> table(law, raw.source() + ": " + selected.account(), protocol, result);
        };
        output.emit(text, spec.commandLine().getOut(), data.inputs());
        return 0;
    }

    private static Starts failHoffmann(ScalingLaw law) {
        throw new CliException("--starts hoffmann is the grid for chinchilla; law " + law.name()
                + " needs sobol:N or lhs:N");
    }

    private String json(ScalingLaw law, String source, String protocol, Backtest.Result r,
                        RowSelection.Selected selected) {
        ObjectNode n = Json.object();
        n.put("schema", SCHEMA);
        n.put("law", law.name());
        if (formula.given()) {
            n.put("formula", law.formula());
        }
        n.put("source", source);
        n.put("protocol", protocol);
        n.put("rows", selected.rows());
        n.put("used", selected.used().size());
        ObjectNode dropped = n.putObject("dropped");
        selected.removed().forEach(step -> dropped.put(step.step(), step.rows()));
        Json.number(n, "level", level);
        n.put("heldOut", r.points().size());
        Json.number(n, "meanAbsoluteRelativeError", r.meanAbsoluteRelativeError());
        Json.number(n, "coverage", r.coverage());
        Json.number(n, "meanIntervalScore", r.meanIntervalScore());
        ArrayNode points = n.putArray("points");
        for (Backtest.Point p : r.points()) {
            ObjectNode e = points.addObject();
            e.put("row", p.row());
            ObjectNode at = e.putObject("at");
            double[] x = p.point();
            for (int j = 0; j < x.length; j++) {
                Json.number(at, law.covariates().get(j), x[j]);
            }
            Json.number(e, "observed", p.observed());
            Json.number(e, "predicted", p.prediction().estimate());
            Json.number(e, "absoluteRelativeError", p.absoluteRelativeError());
            Json.number(e, "lower", p.prediction().prediction().lower());
            Json.number(e, "upper", p.prediction().prediction().upper());
            e.put("covered", p.covered());
            Json.number(e, "intervalScore", p.intervalScore());
            Json.number(e, "decadesOutside", p.prediction().extrapolation().decades());
            e.put("fitStatus", p.fitStatus().name());
        }
        FitReport.diagnostics(n, r.diagnostics());
        return Json.pretty(n);
    }

    private static String csv(ScalingLaw law, Backtest.Result r) {
        StringBuilder sb = new StringBuilder("row");
        law.covariates().forEach(c -> sb.append(',').append(Table.csvCell(c)));
        sb.append(",observed,predicted,absoluteRelativeError,lower,upper,covered,intervalScore,decadesOutside,"
                + "fitStatus\n");
        for (Backtest.Point p : r.points()) {
            sb.append(p.row());
            for (double v : p.point()) {
                sb.append(',').append(FitReport.csvNumber(v));
            }
            sb.append(',').append(FitReport.csvNumber(p.observed())).append(',')
                    .append(FitReport.csvNumber(p.prediction().estimate())).append(',')
                    .append(FitReport.csvNumber(p.absoluteRelativeError())).append(',')
                    .append(FitReport.csvNumber(p.prediction().prediction().lower())).append(',')
                    .append(FitReport.csvNumber(p.prediction().prediction().upper())).append(',')
                    .append(p.covered()).append(',').append(FitReport.csvNumber(p.intervalScore())).append(',')
                    .append(FitReport.csvNumber(p.prediction().extrapolation().decades())).append(',')
                    .append(p.fitStatus()).append('\n');
        }
        return sb.toString();
    }

    private String table(ScalingLaw law, String source, String protocol, Backtest.Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "law        %s    %s%n", law.name(), law.formula()));
        sb.append(String.format(Locale.ROOT, "data       %s; %s%n", source, protocol));
        sb.append(String.format(Locale.ROOT, "summary    mean |relative error| %.4f%%, %s%% prediction intervals "
                        + "cover %d of %d (%.1f%%), mean interval score %s%n%n", 100 * r.meanAbsoluteRelativeError(),
                Parsing.human(100 * level), Math.round(r.coverage() * r.points().size()), r.points().size(),
                100 * r.coverage(), Parsing.human(r.meanIntervalScore())));
        StringBuilder diagnostics = new StringBuilder();
        FitReport.diagnosticRows(diagnostics, r.diagnostics());
        sb.insert(sb.length() - 1, diagnostics);
        List<String> header = new ArrayList<>(List.of("row"));
        header.addAll(law.covariates());
        header.addAll(List.of("observed", "predicted", "error", "prediction interval", "decades out", "fit"));
        Table t = new Table(header);
        for (Backtest.Point p : r.points()) {
            List<String> cells = new ArrayList<>(List.of(String.valueOf(p.row())));
            for (double v : p.point()) {
                cells.add(Parsing.human(v));
            }
            cells.add(Parsing.human(p.observed()));
            cells.add(Parsing.human(p.prediction().estimate()));
            cells.add(String.format(Locale.ROOT, "%+.2f%%", 100 * (p.prediction().estimate() - p.observed())
                    / p.observed()));
            cells.add("[" + Parsing.human(p.prediction().prediction().lower()) + ", "
                    + Parsing.human(p.prediction().prediction().upper()) + "]" + (p.covered() ? "" : " missed"));
            cells.add(String.format(Locale.ROOT, "%.2f", p.prediction().extrapolation().decades()));
            cells.add(p.fitStatus().name());
            t.add(cells.toArray(new String[0]));
        }
        return sb.append(t.render()).toString();
    }
}
