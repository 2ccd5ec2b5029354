/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalinglaws.core.dynamics.TrainingDynamics;
import dev.scalinglaws.core.dynamics.Trajectory;
import dev.scalinglaws.fit.uncertainty.BootstrapOptions;
import dev.scalinglaws.fit.uncertainty.DynamicsIntervals;
import dev.scalinglaws.fit.uncertainty.Interval;
import dev.scalinglaws.fit.uncertainty.IntervalMethod;
import dev.scalinglaws.fit.uncertainty.ResamplingScheme;
import dev.scalinglaws.fit.uncertainty.Uncertainty;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code scaling predict --steps-to-loss | --trajectory}: training dynamics from a kaplan-trajectory or kaplan-ns
 * fit, with the library's {@link DynamicsIntervals} (delta method or a bootstrap of the checkpoints). Reads the
 * options of its {@link PredictCommand}.
 */
final class PredictDynamics {

    private final CommandSpec spec;
    private final FitOption fit;
    private final List<String> at;
    private final Double level;
    private final Path data;
    private final List<String> columns;
    private final Double stepsToLoss;
    private final String trajectory;
    private final String criticalBatch;
    private final String interval;
    private final String resample;
    private final ReplayOptions replay;
    private final Path plot;
    private final OutputOptions output;

    PredictDynamics(PredictCommand c) {
        this.spec = c.spec;
        this.fit = c.fit;
        this.at = c.at;
        this.level = c.level;
        this.data = c.data;
        this.columns = c.columns;
        this.stepsToLoss = c.stepsToLoss;
        this.trajectory = c.trajectory;
        this.criticalBatch = c.criticalBatch;
        this.interval = c.interval;
        this.resample = c.resample;
        this.replay = c.replay;
        this.plot = c.plot;
        this.output = c.output;
    }

    static final String SCHEMA = "scalinglaws.dynamics/1";

    /**
     * Training dynamics from a kaplan-trajectory fit (or a kaplan-ns fit with a given critical batch): steps, tokens
     * and compute to a target loss at a batch size, and the loss trajectory over steps (Kaplan et al. 2020, eqs.
     * 1.4, 1.6, 5.1-5.5).
     */
    int run(FitFile f) {
        if (plot != null) {
            if (trajectory == null) {
                throw new CliException("--plot needs --trajectory FROM:TO:K");
            }
            if (at.size() != 1) {
                throw new CliException("--plot draws one trajectory: give one --at");
            }
            Charts.checkExtension(plot);
            Output.guard(plot, List.of(fit.path));
        }
        String name = f.law().name();
        TrainingDynamics d;
        String batchSource;
        double[] batchTheta = null;
        if (name.equals("kaplan-trajectory")) {
            if (criticalBatch != null) {
                throw new CliException("--critical-batch is for kaplan-ns fits; a kaplan-trajectory fit has its own "
                        + "Bstar and alphaB");
            }
            d = TrainingDynamics.ofTheta(byName(f, TrainingDynamics.PARAMETER_NAMES));
            batchSource = "fitted";
        } else if (name.equals("kaplan-ns")) {
            double[] batch = {FitCommand.KAPLAN_BSTAR, FitCommand.KAPLAN_ALPHA_B};
            batchSource = "Kaplan et al. 2020 (Bstar 2e8, alphaB 0.21)";
            if (criticalBatch != null) {
                String[] parts = criticalBatch.split(":");
                if (parts.length != 2) {
                    throw new CliException("--critical-batch expects BSTAR:ALPHAB, got '" + criticalBatch + "'");
                }
                batch = new double[] {Parsing.number("--critical-batch", parts[0]),
                    Parsing.number("--critical-batch", parts[1])};
                batchSource = "given (Bstar " + Parsing.human(batch[0]) + ", alphaB " + Parsing.human(batch[1]) + ")";
            }
            batchTheta = batch;
            d = TrainingDynamics.of(byName(f, TrainingDynamics.PARAMETER_NAMES.subList(0, 4)), batch);
        } else {
            throw new CliException(String.format(Locale.ROOT, "%s: --steps-to-loss and --trajectory need a "
                    + "kaplan-trajectory or kaplan-ns fit; this fit is law %s", fit.path, name));
        }
        double[][] steps = trajectory == null ? null : new double[][] {logSpaced(trajectory)};
        if (stepsToLoss != null && (!(stepsToLoss > 0) || stepsToLoss.isInfinite())) {
            throw new CliException("--steps-to-loss must be positive and finite: " + stepsToLoss);
        }
        // intervals: the delta method on the smoothed-sandwich covariance of the fit, refitted to its own rows
        DynamicsFit refit = level != null || plot != null ? DynamicsFit.of(f, data, columns) : null;
        double bandLevel = level != null ? level : 0.95;
        boolean bootstrap = checkIntervalOptions();
        DynamicsIntervals iv = null;
        String ivMethod = null;
        if (refit != null && bootstrap) {
            iv = bootstrapIntervals(refit, bandLevel, batchTheta);
            ivMethod = bootstrapMethod(refit, iv);
        } else if (refit != null) {
            Uncertainty uncertainty = Uncertainty.of(refit.result());
            if (!uncertainty.covariance().finite()) {
                spec.commandLine().getErr().println("warning: the fit's covariance is not finite (singular "
                        + "information matrix?): intervals are not available");
            }
            iv = uncertainty.dynamics(bandLevel, batchTheta);
            ivMethod = "asymptotic-smoothed-sandwich-log (delta method)";
        }
        boolean show = level != null;
        List<ObjectNode> nodes = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        StringBuilder csv = new StringBuilder("N,batch,kind,step,minimumSteps,loss,criticalBatch,tokens,compute"
                + (show ? ",lossLower,lossUpper,stepsLower,stepsUpper" : "") + "\n");
        for (String a : at) {
            Map<String, Double> p = Parsing.point("--at", a);
            Double n = p.get("N");
            Double b = p.containsKey("B") ? p.get("B") : p.get("batch");
            if (n == null || b == null || p.size() != 2) {
                throw new CliException("--at with --steps-to-loss or --trajectory takes N and B (batch in tokens per "
                        + "step), e.g. --at N=1e9,B=524288; got '" + a + "'");
            }
            if (!(n > 0) || n.isInfinite() || !(b > 0) || b.isInfinite()) {
                throw new CliException("--at: N and B must be positive and finite: " + a);
            }
            ObjectNode node = Json.object();
            node.put("schema", SCHEMA);
            node.put("law", name);
            Json.number(node, "N", n);
            Json.number(node, "batch", b);
            node.put("criticalBatchFrom", batchSource);
            Json.number(node, "convergedLoss", d.convergedLoss(n));
            if (show) {
                Json.number(node, "level", level);
                node.put("intervalMethod", ivMethod);
            } else {
                node.putNull("level");
                node.putNull("intervalMethod");
            }
            table.append(String.format(Locale.ROOT, "law %s from %s; critical batch %s%n", name, fit.path,
                    batchSource));
            table.append(String.format(Locale.ROOT, "model N %s, batch B %s tokens per step; converged loss %s%s%n",
                    Parsing.human(n), Parsing.human(b), Parsing.human(d.convergedLoss(n)),
                    show ? " " + PredictCommand.range(bounds(iv, "convergedLoss", x -> x.convergedLoss(n))) : ""));
            double[] stepsBounds = null;
            if (stepsToLoss != null) {
                double l = stepsToLoss;
                ObjectNode s = node.putObject("stepsToLoss");
                Json.number(s, "loss", l);
                double bcrit = d.criticalBatch(l);
                double sMin = d.minimumStepsToLoss(n, l);
                double eMin = d.minimumTokensToLoss(n, l);
                double steps1 = d.stepsToLoss(n, b, l);
                double tokens = d.tokensToLoss(n, b, l);
                double compute = d.computeToLoss(n, b, l);
                Json.number(s, "criticalBatch", bcrit);
                Json.number(s, "minimumSteps", sMin);
                Json.number(s, "minimumTokens", eMin);
                Json.number(s, "steps", steps1);
                Json.number(s, "tokens", tokens);
                Json.number(s, "compute", compute);
                s.put("reachable", Double.isFinite(steps1));
                Map<String, double[]> bounds = new LinkedHashMap<>();
                if (show) {
                    bounds.put("criticalBatch", bounds(iv, "criticalBatch", x -> x.criticalBatch(l)));
                    bounds.put("minimumSteps", bounds(iv, "minimumSteps", x -> x.minimumStepsToLoss(n, l)));
                    bounds.put("minimumTokens", bounds(iv, "minimumTokens", x -> x.minimumTokensToLoss(n, l)));
                    bounds.put("steps", bounds(iv, "steps", x -> x.stepsToLoss(n, b, l)));
                    bounds.put("tokens", bounds(iv, "tokens", x -> x.tokensToLoss(n, b, l)));
                    bounds.put("compute", bounds(iv, "compute", x -> x.computeToLoss(n, b, l)));
                    ObjectNode in = s.putObject("intervals");
                    bounds.forEach((k, v) -> PredictCommand.putInterval(in, k, v));
                    stepsBounds = bounds.get("steps");
                } else {
                    s.putNull("intervals");
                }
                if (!Double.isFinite(steps1)) {
                    table.append(String.format(Locale.ROOT, "loss %s is not reachable: N = %s converges to %s%n",
                            Parsing.human(l), Parsing.human(n), Parsing.human(d.convergedLoss(n))));
                } else {
                    table.append(String.format(Locale.ROOT, "to reach loss %s:%s%n", Parsing.human(l),
                            show ? String.format(Locale.ROOT, " (%s%% intervals in brackets)",
                                    Parsing.human(100 * level)) : ""));
                    table.append(String.format(Locale.ROOT, "  critical batch   %s tokens%s%n", Parsing.human(bcrit),
                            suffix(bounds.get("criticalBatch"))));
                    table.append(String.format(Locale.ROOT, "  steps            %s (S_min %s)%s%n",
                            Parsing.human(steps1), Parsing.human(sMin), suffix(bounds.get("steps"))));
                    table.append(String.format(Locale.ROOT, "  tokens           %s (E_min %s)%s%n",
                            Parsing.human(tokens), Parsing.human(eMin), suffix(bounds.get("tokens"))));
                    table.append(String.format(Locale.ROOT, "  compute          %s FLOP (6 N B S; %s PF-days)%s%n",
                            Parsing.human(compute), Parsing.human(compute / 8.64e19), suffix(bounds.get("compute"))));
                }
                csv.append(String.join(",", FitReport.csvNumber(n), FitReport.csvNumber(b), "stepsToLoss",
                        FitReport.csvNumber(steps1), FitReport.csvNumber(sMin), FitReport.csvNumber(l),
                        FitReport.csvNumber(bcrit), FitReport.csvNumber(tokens), FitReport.csvNumber(compute)));
                if (show) {
                    csv.append(",,,").append(csvBound(stepsBounds, 0)).append(',').append(csvBound(stepsBounds, 1));
                }
                csv.append('\n');
            } else {
                node.putNull("stepsToLoss");
            }
            if (steps != null) {
                Trajectory t = d.trajectory(n, b, steps[0]);
                ArrayNode arr = node.putArray("trajectory");
                List<String> header = new ArrayList<>(List.of("step", "S_min", "loss"));
                if (show) {
                    header.add(Parsing.human(100 * level) + "% interval");
                }
                header.addAll(List.of("Bcrit (tokens)", "tokens B S"));
                Table tt = new Table(header);
                double[] st = t.steps();
                double[] sm = t.minimumSteps();
                double[] ls = t.loss();
                double[] bc = t.criticalBatch();
                double[] tk = t.tokens();
                double[] lo = new double[st.length];
                double[] hi = new double[st.length];
                for (int i = 0; i < st.length; i++) {
                    double si = st[i];
                    double[] band = bounds(iv, "loss", x -> x.lossAtStep(n, b, si));
                    lo[i] = band[0];
                    hi[i] = band[1];
                    ObjectNode e = arr.addObject();
                    Json.number(e, "step", st[i]);
                    Json.number(e, "minimumSteps", sm[i]);
                    Json.number(e, "loss", ls[i]);
                    if (show) {
                        Json.number(e, "lossLower", lo[i]);
                        Json.number(e, "lossUpper", hi[i]);
                    }
                    Json.number(e, "criticalBatch", bc[i]);
                    Json.number(e, "tokens", tk[i]);
                    List<String> row = new ArrayList<>(List.of(Parsing.human(st[i]), Parsing.human(sm[i]),
                            Parsing.human(ls[i])));
                    if (show) {
                        row.add(PredictCommand.range(band));
                    }
                    row.addAll(List.of(Parsing.human(bc[i]), Parsing.human(tk[i])));
                    tt.add(row.toArray(new String[0]));
                    csv.append(String.join(",", FitReport.csvNumber(n), FitReport.csvNumber(b), "trajectory",
                            FitReport.csvNumber(st[i]), FitReport.csvNumber(sm[i]), FitReport.csvNumber(ls[i]),
                            FitReport.csvNumber(bc[i]), FitReport.csvNumber(tk[i]),
                            FitReport.csvNumber(6 * n * tk[i])));
                    if (show) {
                        csv.append(',').append(csvBound(band, 0)).append(',').append(csvBound(band, 1)).append(",,");
                    }
                    csv.append('\n');
                }
                table.append(tt.render());
                if (plot != null) {
                    TrajectoryPlot.render(plot, List.of(fit.path), TrajectoryPlot.Curve.of(n, b, st, ls, lo, hi,
                            bandLevel), TrajectoryPlot.observed(refit.used(), refit.runColumn(), d),
                            refit.heldOut(n, b),
                            String.format(Locale.ROOT, "%s fit (%s, %d checkpoints): predicted loss curve at "
                                    + "N = %s, B = %s", name, refit.used().source(), refit.used().size(),
                                    Parsing.human(n), Parsing.human(b)));
                    spec.commandLine().getErr().println("wrote " + plot);
                }
            } else {
                node.putNull("trajectory");
            }
            // a prediction repeats the diagnostics of the fit it comes from (issue 21)
            FitReport.diagnostics(node, f.diagnostics());
            nodes.add(node);
        }
        if (show && output.format() == Format.table) {
            table.append(bootstrap ? String.format(Locale.ROOT, "%s%% intervals: %s%n", Parsing.human(100 * level),
                    ivMethod) : String.format(Locale.ROOT, "%s%% intervals: delta method on the smoothed-sandwich "
                    + "covariance of the fit (log scale), %d checkpoints refitted; they treat checkpoints as "
                    + "independent, so they are optimistic when runs are few%n", Parsing.human(100 * level),
                    refit.used().size()));
        }
        if (output.format() == Format.table) {
            table.append(PredictCommand.fitDiagnostics(f));
        }
        String text = switch (output.format()) {
            case json -> Json.render(nodes);
            case csv -> csv.toString();
            case table -> table.toString();
        };
        output.emit(text, spec.commandLine().getOut(), List.of(fit.path));
        return 0;
    }

    private static String suffix(double[] b) {
        return b == null ? "" : "  " + PredictCommand.range(b);
    }

    private static String csvBound(double[] b, int i) {
        return b == null || !Double.isFinite(b[i]) ? "" : FitReport.csvNumber(b[i]);
    }

    /** Whether --interval asks for the bootstrap (validating --interval, --resample, --resamples). */
    private boolean checkIntervalOptions() {
        if (interval != null && !interval.equals("asymptotic") && !interval.equals("bootstrap")) {
            throw new CliException("--interval must be asymptotic or bootstrap, got '" + interval + "'");
        }
        boolean bootstrap = "bootstrap".equals(interval);
        if ((interval != null || resample != null) && level == null) {
            throw new CliException("--interval and --resample need --level P");
        }
        if (resample != null && !bootstrap) {
            throw new CliException("--resample goes with --interval bootstrap");
        }
        if (resample != null && !resample.equals("cluster") && !resample.equals("case")) {
            throw new CliException("--resample must be cluster or case, got '" + resample + "'");
        }
        if (bootstrap && (dynamicsResamples() < 20 || dynamicsResamples() > 100_000)) {
            throw new CliException("--resamples must lie between 20 and 100000: " + replay.resamples);
        }
        if (!bootstrap && (replay.seed != null || replay.threads != null)) {
            throw new CliException("--seed and --threads go with --interval bootstrap");
        }
        if (replay.threads != null && replay.threads < 1) {
            throw new CliException("--threads must be at least 1: " + replay.threads);
        }
        return bootstrap;
    }

    /** --resamples of a dynamics bootstrap (default 200). */
    private int dynamicsResamples() {
        return replay.resamples == null ? FitBootstrap.DEFAULT_RESAMPLES : replay.resamples;
    }

    /**
     * Refits the law to resamples of the checkpoints (runs with --resample cluster) and keeps every theta: the
     * library's {@link DynamicsIntervals#bootstrap} (percentile intervals).
     */
    private DynamicsIntervals bootstrapIntervals(DynamicsFit refit, double level, double[] batchTheta) {
        boolean cluster = resample == null ? refit.runColumn() != null : resample.equals("cluster");
        if (cluster && refit.runColumn() == null) {
            throw new CliException(fit.path + ": --resample cluster resamples runs, and this fit has no run column "
                    + "(fit with --group COLUMN)");
        }
        int resamples = dynamicsResamples();
        long seed = replay.seed == null ? 0 : replay.seed;
        BootstrapOptions options = BootstrapOptions.defaults().withResamples(resamples)
                .withScheme(cluster ? ResamplingScheme.CLUSTER : ResamplingScheme.CASE)
                .withMethod(IntervalMethod.PERCENTILE).withLevel(level).withSeed(seed)
                .withThreads(replay.threads == null ? Runtime.getRuntime().availableProcessors() : replay.threads)
                .withBestStarts(0);
        return Uncertainty.of(refit.result()).dynamics(options, batchTheta);
    }

    /** How a dynamics bootstrap's intervals were made, as the table and JSON say it. */
    private String bootstrapMethod(DynamicsFit refit, DynamicsIntervals iv) {
        boolean cluster = resample == null ? refit.runColumn() != null : resample.equals("cluster");
        long seed = replay.seed == null ? 0 : replay.seed;
        int resamples = iv.resamples();
        return String.format(Locale.ROOT, "bootstrap-%s-percentile (%d resamples of %s, %d failed, seed %d)",
                cluster ? "cluster" : "case", resamples, cluster ? refit.runs() + " runs" : refit.used().size()
                        + " checkpoints", iv.failed(), seed);
    }

    /** [lower, upper] of a prediction's interval, NaN where not computable (e.g. an unreachable loss) or none. */
    private static double[] bounds(DynamicsIntervals iv, String name, ToDoubleFunction<TrainingDynamics> prediction) {
        if (iv == null) {
            return new double[] {Double.NaN, Double.NaN};
        }
        Interval i = iv.interval(name, prediction);
        return iv.bootstrapped() || i.ok() ? new double[] {i.lower(), i.upper()}
                : new double[] {Double.NaN, Double.NaN};
    }

    /** The fitted values of the named parameters, in that order. */
    private static double[] byName(FitFile f, List<String> names) {
        double[] theta = f.theta();
        double[] out = new double[names.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = theta[f.law().indexOf(names.get(j))];
        }
        return out;
    }

    /** FROM:TO:K into K log-spaced values. */
    static double[] logSpaced(String text) {
        String[] parts = text.split(":");
        if (parts.length != 3) {
            throw new CliException("--trajectory expects FROM:TO:K, e.g. 1e3:2.5e5:6; got '" + text + "'");
        }
        double from = Parsing.number("--trajectory FROM", parts[0]);
        double to = Parsing.number("--trajectory TO", parts[1]);
        int k;
        try {
            k = Integer.parseInt(parts[2].trim());
        } catch (NumberFormatException e) {
            throw new CliException("--trajectory: K must be a whole number, got '" + parts[2] + "'");
        }
        if (!(from > 0) || !(to > from) || Double.isInfinite(to) || k < 2 || k > 10_000) {
            throw new CliException("--trajectory needs 0 < FROM < TO (finite) and 2 <= K <= 10000; got '" + text
                    + "'");
        }
        double[] out = new double[k];
        double lf = Math.log(from);
        double step = (Math.log(to) - lf) / (k - 1);
        for (int i = 0; i < k; i++) {
            out[i] = i == k - 1 ? to : i == 0 ? from : Math.exp(lf + i * step);
        }
        return out;
    }
}
