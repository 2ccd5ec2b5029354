/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalinglaws.core.CsvReader;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.core.ScalingLaws;
import dev.scalinglaws.core.dynamics.Checkpoints;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Starts;
import dev.scalinglaws.fit.uncertainty.BootstrapOptions;
import dev.scalinglaws.fit.uncertainty.BootstrapResult;
import dev.scalinglaws.fit.uncertainty.FitIntervals;
import dev.scalinglaws.fit.uncertainty.Interval;
import dev.scalinglaws.fit.uncertainty.Uncertainty;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scaling fit}: fits a law to data and reports estimates, convergence and goodness of fit. Formulas, start
 * ranges, ties and the data live in mixins; the intervals are the library's {@link Uncertainty#report}.
 */
@Command(name = "fit", sortOptions = false,
        description = {"Fit a scaling law to data.",
                "Without --data or --dataset: the bundled Chinchilla runs with the Epoch AI protocol (drop the 5 "
                        + "highest losses, Huber delta 1e-3 on log residuals, Hoffmann's 4,500 starts)."},
        footer = {"", "Examples:",
                "  scaling fit",
                "  scaling fit --format json --output chinchilla.json --plot chinchilla.png",
                "  scaling fit --data runs.csv --column N=params --column D=tokens --starts sobol:256",
                "  scaling fit --dataset gadre-overtraining --law overtraining --by dataset_name --format json",
                "",
                "Exit status: 0 converged, 1 not converged or not identifiable (result still written), 2 bad input."})
final class FitCommand implements Callable<Integer> {

    /** Default rows dropped for the bundled Chinchilla data (the Epoch protocol). */
    static final int EPOCH_DROP = 5;
    /** Kaplan et al. 2020's critical batch, eq. 1.4: Bstar in tokens and alphaB. */
    static final double KAPLAN_BSTAR = 2e8;
    static final double KAPLAN_ALPHA_B = 0.21;

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--law", paramLabel = "NAME", defaultValue = "chinchilla", completionCandidates = LawNames.class,
            description = "Law to fit (default: ${DEFAULT-VALUE}): ${COMPLETION-CANDIDATES}.")
    String lawName;

    @Mixin
    FormulaOption formula = new FormulaOption();

    /**
     * The registered law of this name; an unknown name keeps the library's message and suggests the nearest name.
     *
     * @param name the --law value
     * @return the law
     */
    static ScalingLaw law(String name) {
        try {
            return ScalingLaws.byName(name);
        } catch (IllegalArgumentException e) {
            String best = null;
            int bestDistance = 3;
            for (String known : ScalingLaws.names()) {
                int d = editDistance(name.trim().toLowerCase(Locale.ROOT), known);
                if (d < bestDistance) {
                    best = known;
                    bestDistance = d;
                }
            }
            throw new CliException(e.getMessage() + (best == null ? "" : "; did you mean '" + best + "'?"), e);
        }
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    /** The registered law names, for help and completion. */
    static final class LawNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ScalingLaws.names().iterator();
        }
    }

    @Option(names = "--by", paramLabel = "COLUMN",
            description = "Fit each group of rows separately (one result per group; JSON lines with --format json).")
    String by;

    @Option(names = "--group", paramLabel = "COLUMN",
            description = "The column naming the run (model) of each row: checkpoints of one run are correlated, "
                    + "so --interval bootstrap resamples runs (default --resample cluster), and --warmup-tokens "
                    + "applies per run.")
    String group;

    @Option(names = "--warmup-tokens", paramLabel = "X",
            description = "Drop the warm-up checkpoints: rows with fewer than X tokens processed (needs a tokens "
                    + "column; map it with --column tokens=HEADER).")
    Double warmupTokens;

    @Option(names = "--drop-top-loss", paramLabel = "K",
            description = "Drop the K rows with the highest response before fitting (default: 5 for the bundled "
                    + "default data, 0 otherwise).")
    Integer dropTopLoss;

    @Mixin
    LossOptions objective = new LossOptions();

    @Option(names = "--starts", paramLabel = "SPEC",
            description = "hoffmann, sobol:N, lhs:N or grid:FILE (CSV with one column per parameter). Default: "
                    + "hoffmann for chinchilla, sobol:128 otherwise.")
    String starts;

    @Option(names = "--pin", paramLabel = "NAME=VALUE", description = "Hold a parameter fixed. Repeatable.")
    List<String> pins = new ArrayList<>();

    @Option(names = "--bound", paramLabel = "NAME=LO:HI",
            description = "Box bound for a parameter (use inf or leave empty for none). Repeatable.")
    List<String> bounds = new ArrayList<>();

    @Option(names = "--refine", description = "After the search, solve grad S = 0 by Newton's method from the best "
            + "optimum (Fitter.refine): estimates to the precision doubles allow, where a flat valley leaves a "
            + "minimiser's in doubt in the fifth digit. A note says how far they moved.")
    boolean refine;

    @Mixin
    StartRanges startRanges = new StartRanges();

    @Mixin
    LawOptions lawOptions = new LawOptions();

    @Mixin
    IntervalOptions interval = new IntervalOptions();

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed for every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads (default: all processors). Results do not depend on it.")
    Integer threads;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Option(names = "--plot", paramLabel = "FILE.png|FILE.svg",
            description = "Also render the fit (see 'scaling plot'): loss vs compute with fitted curves and the "
                    + "compute-optimal frontier with its 95%% band, residuals vs fitted, the allocation N_opt(C), "
                    + "D_opt(C) with iso-loss contours, and with --interval bootstrap the bootstrap distributions.")
    Path plot;

    /** The diagnostics of the last bootstrap run by {@code intervals} (empty if none ran). */
    private List<dev.scalinglaws.fit.Diagnostic> bootstrapDiagnostics = List.of();

    /** The rows and bootstrap of the (single, ungrouped) fit, kept for --plot. */
    private Dataset plotUsed;
    private BootstrapResult plotBootstrap;
    private Dataset plotPrepared;

    @Override
    public Integer call() {
        interval.validate();
        if (plot != null) {
            Charts.checkExtension(plot);
        }
        output.guard(data.inputs());
        Output.guard(plot, data.inputs());
        if (output.file != null && plot != null && output.file.toAbsolutePath().normalize()
                .equals(plot.toAbsolutePath().normalize())) {
            throw new CliException("--output and --plot name the same file: " + output.file);
        }
        formula.checkExclusive(spec);
        lawOptions.guard(data.inputs(), output.file, plot);
        List<FitOutcome> outcomes = outcomes(data.read("chinchilla"));

        String text = switch (output.format()) {
            case json -> {
                List<ObjectNode> nodes = new ArrayList<>();
                for (FitOutcome o : outcomes) {
                    nodes.add(FitReport.json(o));
                }
                yield by == null ? Json.pretty(nodes.get(0)) : linesOf(nodes);
            }
            case csv -> {
                StringBuilder sb = new StringBuilder(FitReport.csvHeader());
                outcomes.forEach(o -> sb.append(FitReport.csvRows(o)));
                yield sb.toString();
            }
            case table -> {
                StringBuilder sb = new StringBuilder();
                for (FitOutcome o : outcomes) {
                    if (sb.length() > 0) {
                        sb.append('\n');
                    }
                    sb.append(FitReport.table(o));
                }
                yield sb.toString();
            }
        };
        output.emit(text, spec.commandLine().getOut(), data.inputs());
        lawOptions.writeResiduals(data.inputs());
        if (plot != null) {
            if (outcomes.size() != 1) {
                throw new CliException("--plot draws one fit; with --by, fit one group (--where) and plot it");
            }
            FitOutcome o = outcomes.get(0);
            Plots.render(PlotData.of(o, plotPrepared, plotUsed, plotBootstrap), plot, data.inputs());
        }
        boolean allConverged = outcomes.stream().allMatch(o -> o.result().converged());
        return allConverged ? 0 : 1;
    }

    /**
     * The fits of data as read: derived covariates, --where, --warmup-tokens, --drop-top-loss, then one fit per
     * --by group (or one fit), with intervals. Also the per-group entry point of {@link FitJob}.
     *
     * @param raw the data as read, column mappings applied
     * @return one outcome per group, in order of first appearance
     */
    List<FitOutcome> outcomes(Dataset raw) {
        ScalingLaw law = formula.given() ? null : lawOptions.tie(law(lawName));
        law = law != null ? law : lawOptions.tie(formula.law(raw));
        FitSpec fitSpec = spec(law);
        if (law.name().equals("kaplan-ns") && !raw.has("S") && raw.has(Checkpoints.STEP)
                && raw.has(Checkpoints.BATCH)) {
            raw = Checkpoints.withMinimumSteps(raw, Checkpoints.STEP, Checkpoints.BATCH,
                    KAPLAN_BSTAR, KAPLAN_ALPHA_B);
            spec.commandLine().getErr().println("warning: derived S = S_min = step / (1 + Bcrit(loss) / batch) "
                    + "with Kaplan et al. 2020's critical batch (Bstar 2e8 tokens, alphaB 0.21)");
        }
        Consumer<String> stderr = n -> spec.commandLine().getErr().println("warning: " + n);
        Dataset prepared = data.prepared(raw, law, stderr, group, DataOptions.Grouping.RUNS);
        plotPrepared = prepared;
        int drop = dropTopLoss != null ? dropTopLoss : data.isDefault() ? EPOCH_DROP : 0;
        RowSelection all = data.selection(warmupTokens, null, null, drop);
        Consumer<String> notes = n -> spec.commandLine().getErr().println("note: " + n);
        List<FitOutcome> outcomes = new ArrayList<>();
        if (by == null) {
            outcomes.add(fitOne(law, all, all.apply(prepared, law.response(), notes), fitSpec));
        } else {
            // the groups in order of first appearance among the rows --where keeps
            String[] labels = RowFilter.apply(DataOptions.withColumn(raw, prepared, "--by", by), data.filters())
                    .textColumn(by);
            List<String> groups = new ArrayList<>(new java.util.LinkedHashSet<>(List.of(labels)));
            if (groups.isEmpty()) {
                throw new CliException(raw.source() + ": no rows left after --where");
            }
            for (String g : groups) {
                RowSelection selection = all.inGroup(by, g);
                outcomes.add(fitOne(law, selection, selection.apply(prepared, law.response(), notes), fitSpec));
            }
        }
        return outcomes;
    }

    private static String linesOf(List<ObjectNode> nodes) {
        StringBuilder sb = new StringBuilder();
        nodes.forEach(n -> sb.append(Json.line(n)));
        return sb.toString();
    }

    private FitOutcome fitOne(ScalingLaw law, RowSelection selection, RowSelection.Selected selected,
                              FitSpec fitSpec) {
        String group = selection.group();
        Dataset used = lawOptions.weigh(selected.used());
        if (group == null) {
            plotUsed = used;
        }
        int max = fitSpec.starts().points(law).size();
        FitResult result;
        try (Progress progress = Progress.start(group == null ? "fit" : "fit " + group, max)) {
            result = Fitter.fit(law, used, fitSpec, progress);
        }
        if (refine) {
            result = Fitter.refine(result);
        }
        lawOptions.record(group, result, used);
        List<String> notes = new ArrayList<>();
        List<FitOutcome.Derived> derived = FitOutcome.derive(law, result.theta(), notes);
        for (String n : notes) {
            spec.commandLine().getErr().println("warning: " + n);
        }
        Map<String, double[]> ranges = new LinkedHashMap<>();
        for (String cov : law.covariates()) {
            double[] v = used.column(cov);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double x : v) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            ranges.put(cov, new double[] {lo, hi});
        }
        bootstrapDiagnostics = result.diagnostics();
        FitOutcome.Intervals intervals = intervals(result, used, fitSpec, group);
        // a bootstrap repeats the fit's diagnostics and adds its own (failed refits, few clusters, wide intervals)
        result = result.withDiagnostics(result.status(), bootstrapDiagnostics);
        FitOutcome.Runs runs = null;
        if (this.group != null) {
            runs = new FitOutcome.Runs(this.group, new java.util.HashSet<>(List.of(used.textColumn(this.group)))
                    .size());
        }
        return new FitOutcome(result, used.source(), selected.rows(), group, selection.groupColumn(),
                selection.where(), selection.dropTopLoss(), ranges, derived, intervals, runs, warmupTokens,
                data.fileColumns(), used.weightColumn(), selection.keepBest(), selected.removed());
    }

    /**
     * Intervals for the parameters and derived quantities, by the library's {@link Uncertainty#report}: asymptotic
     * (smoothed sandwich, delta method, Student t), bootstrap (refits from the optimum and the best starts; BCa) or
     * profile likelihood.
     */
    private FitOutcome.Intervals intervals(FitResult result, Dataset used, FitSpec fitSpec, String group) {
        if (interval.method == IntervalOptions.Method.none) {
            return null;
        }
        String resample = interval.resampleFor(used);
        double level = interval.level;
        long start = System.nanoTime();
        String method;
        FitIntervals intervals;
        Uncertainty uncertainty = Uncertainty.of(result);
        switch (interval.method) {
            case asymptotic -> {
                intervals = uncertainty.report(Interval.Method.ASYMPTOTIC_SMOOTHED_SANDWICH, level);
                method = intervals.method().prefix();
            }
            case profile -> {
                // the fit's loss decides: profile-likelihood (huber-mle) or profile-scaled (every other loss)
                intervals = uncertainty.report(Interval.Method.PROFILE_LIKELIHOOD, level);
                method = intervals.method().prefix();
            }
            case bootstrap -> {
                BootstrapOptions options = BootstrapOptions.defaults().withResamples(interval.resamples)
                        .withScheme(IntervalOptions.scheme(resample)).withLevel(level).withSeed(fitSpec.seed())
                        .withMethod(IntervalOptions.bootstrapMethod(resample));
                if (threads != null) {
                    options = options.withThreads(threads);
                }
                try (Progress progress = Progress.start(group == null ? "bootstrap" : "bootstrap " + group,
                        interval.resamples)) {
                    intervals = uncertainty.withBootstrap(options.withProgress(progress))
                            .report(options.method().intervalMethod(), level);
                }
                method = "bootstrap-" + options.method().name().toLowerCase(Locale.ROOT) + " (" + resample + ")";
            }
            default -> throw new IllegalStateException(interval.method.name());
        }
        BootstrapResult boot = intervals.bootstrap();
        int resamples = boot == null ? 0 : boot.resamples();
        int failed = boot == null ? 0 : boot.failed();
        if (boot != null) {
            if (group == null) {
                plotBootstrap = boot;
            }
            bootstrapDiagnostics = boot.diagnostics();
            if (failed > 0) {
                spec.commandLine().getErr().println(String.format(Locale.ROOT,
                        "warning: %d of %d bootstrap refits failed (counted, not dropped: %s)", failed,
                        resamples, boot.failuresByStatus()));
            }
        }
        Map<String, double[]> bounds = new LinkedHashMap<>();
        intervals.intervals().forEach((name, i) -> bounds.put(name, new double[] {i.lower(), i.upper()}));
        return new FitOutcome.Intervals(method, level, resamples, bounds, failed, (System.nanoTime() - start) / 1e9);
    }

    private FitSpec spec(ScalingLaw law) {
        FitSpec s = objective.applyTo(FitSpec.defaults());
        s = s.withSeed(seed);
        if (threads != null) {
            if (threads < 1) {
                throw new CliException("--threads must be at least 1: " + threads);
            }
            s = s.withThreads(threads);
        }
        String st = starts != null ? starts : law.name().equals("chinchilla") ? "hoffmann" : "sobol:128";
        s = s.withStarts(parseStarts(st, law));
        for (Map.Entry<String, String> e : Parsing.keyValues("--pin", pins).entrySet()) {
            law.indexOf(e.getKey());
            s = s.withPin(e.getKey(), Parsing.number("--pin " + e.getKey(), e.getValue()));
        }
        for (Map.Entry<String, String> e : Parsing.keyValues("--bound", bounds).entrySet()) {
            law.indexOf(e.getKey());
            String v = e.getValue();
            int colon = v.indexOf(':');
            if (colon < 0) {
                throw new CliException("--bound expects NAME=LO:HI, got '" + e.getKey() + "=" + v + "'");
            }
            String lo = v.substring(0, colon).trim();
            String hi = v.substring(colon + 1).trim();
            s = s.withBound(e.getKey(), lo.isEmpty() ? Double.NEGATIVE_INFINITY : Parsing.number("--bound", lo),
                    hi.isEmpty() ? Double.POSITIVE_INFINITY : Parsing.number("--bound", hi));
        }
        return s.withStarts(startRanges.apply(s.starts(), law));
    }

    private Starts parseStarts(String text, ScalingLaw law) {
        String t = text.trim();
        if (t.toLowerCase(Locale.ROOT).startsWith("grid:")) {
            Path file = Path.of(t.substring(5));
            Dataset grid = CsvReader.defaults().read(file);
            List<double[]> points = new ArrayList<>();
            double[][] cols = new double[law.parameterCount()][];
            for (int j = 0; j < cols.length; j++) {
                cols[j] = grid.column(law.parameters().get(j).name());
            }
            for (int i = 0; i < grid.size(); i++) {
                double[] p = new double[cols.length];
                for (int j = 0; j < cols.length; j++) {
                    p[j] = cols[j][i];
                }
                points.add(p);
            }
            return Starts.of(points);
        }
        if (t.equalsIgnoreCase("hoffmann") && !StartRanges.hoffmannGrid(law)) {
            throw new CliException("--starts hoffmann is the grid for chinchilla (E, A, B, alpha, beta); law "
                    + law.name() + " needs sobol:N, lhs:N or grid:FILE");
        }
        return Starts.parse(t, seed);
    }
}
