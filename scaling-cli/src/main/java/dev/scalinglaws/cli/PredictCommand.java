/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalinglaws.core.CsvReader;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.core.dynamics.Checkpoints;
import dev.scalinglaws.core.dynamics.TrainingDynamics;
import dev.scalinglaws.core.dynamics.Trajectory;
import dev.scalinglaws.fit.Diagnostic;
import dev.scalinglaws.fit.DiagnosticCode;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Severity;
import dev.scalinglaws.fit.uncertainty.AsymptoticCovariance;
import dev.scalinglaws.fit.uncertainty.Bootstrap;
import dev.scalinglaws.fit.uncertainty.BootstrapOptions;
import dev.scalinglaws.fit.uncertainty.BootstrapResult;
import dev.scalinglaws.fit.uncertainty.IntervalMethod;
import dev.scalinglaws.fit.uncertainty.ResamplingScheme;
import dev.scalinglaws.fit.uncertainty.DerivedQuantity;
import dev.scalinglaws.fit.uncertainty.Interval;
import dev.scalinglaws.fit.uncertainty.Prediction;
import dev.scalinglaws.fit.uncertainty.Resampling;
import org.apache.commons.statistics.distribution.TDistribution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scaling predict}: the fitted law at a covariate point. */
@Command(name = "predict", sortOptions = false,
        description = {"Predict the response of a fitted law at a point, and say how far outside the fitted range "
                + "it lies; with --level, confidence and prediction intervals. With --steps-to-loss or --trajectory, "
                + "training dynamics from a kaplan-trajectory or kaplan-ns fit."},
        footer = {"", "Examples:", "  scaling fit --format json --output fit.json",
            "  scaling predict --fit fit.json --at N=70e9,D=1.4e12",
            "  scaling predict --fit fit.json --at N=1e9,C=1e21 --format json",
            "  scaling predict --fit dynamics.json --at N=1e9,B=524288 --steps-to-loss 2.5",
            "  scaling predict --fit dynamics.json --at N=1e9,B=524288 --trajectory 1e3:2.5e5:6",
            "  scaling predict --fit dynamics.json --at N=1e9,B=524288 --trajectory 1e2:2e5:60 --level 0.95 "
                + "--plot trajectory.png"})
final class PredictCommand implements Callable<Integer> {

    static final String SCHEMA = "scalinglaws.prediction/1";

    @Spec
    CommandSpec spec;

    @Mixin
    FitOption fit = new FitOption();

    @Option(names = "--at", paramLabel = "KEY=VALUE[,KEY=VALUE...]", required = true,
            description = "The point, e.g. N=70e9,D=1.4e12 (D is derived from C and N if needed). Repeatable.")
    List<String> at = new ArrayList<>();

    @Option(names = "--level", paramLabel = "P",
            description = "Confidence and prediction intervals at this level (asymptotic, smoothed sandwich, or a "
                    + "bootstrap of the fit if its intervals were bootstrapped; the fit's data is read again). With "
                    + "--steps-to-loss or --trajectory: delta-method intervals (log scale) for every prediction.")
    Double level;

    @Option(names = "--data", paramLabel = "FILE",
            description = "With --level: the fit's data, if its source cannot be found where the fit read it.")
    Path data;

    @Option(names = "--column", paramLabel = "KEY=HEADER",
            description = "With --level and a CSV: the fit's column mappings. Repeatable.")
    List<String> columns = new ArrayList<>();

    @Option(names = "--steps-to-loss", paramLabel = "L",
            description = "Training dynamics (kaplan-trajectory or kaplan-ns fits, --at N=..,B=..): the steps, "
                    + "tokens and compute to reach loss L at batch B (tokens per step), and the critical batch.")
    Double stepsToLoss;

    @Option(names = "--trajectory", paramLabel = "FROM:TO:K",
            description = "Training dynamics: the loss after K log-spaced step counts from FROM to TO, at --at N=..,B=..")
    String trajectory;

    @Option(names = "--critical-batch", paramLabel = "BSTAR:ALPHAB",
            description = "Critical batch Bcrit = Bstar / L^(1/alphaB) for kaplan-ns fits, which do not fit it "
                    + "(default: Kaplan et al. 2020, 2e8:0.21).")
    String criticalBatch;

    @Option(names = "--interval", paramLabel = "asymptotic|bootstrap",
            description = "Delta method (asymptotic) or a bootstrap of the fit. A point prediction uses the fit's "
                    + "own method: a bootstrap if its intervals were bootstrapped (its scheme, resamples, seed and "
                    + "level), else asymptotic. With --steps-to-loss or --trajectory: asymptotic unless given "
                    + "(percentile intervals of every prediction over the refits).")
    String interval;

    @Option(names = "--resample", paramLabel = "SCHEME",
            description = "With a bootstrap: case, cluster (whole runs; needs a fit with --group), residual or wild "
                    + "(default: the fit's scheme, else case; with --steps-to-loss or --trajectory cluster when the "
                    + "fit has --group runs).")
    String resample;

    @Mixin
    ReplayOptions replay;

    @Option(names = "--plot", paramLabel = "FILE.png|FILE.svg",
            description = "With --trajectory: draw the predicted loss curve with its interval band (--level, "
                    + "default 0.95) and the observed checkpoints of the fit's runs, on log-log axes.")
    Path plot;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Override
    public Integer call() {
        if (level != null) {
            IntervalOptions.checkLevel(level);
        }
        FitFile f = fit.read();
        if (stepsToLoss != null || trajectory != null) {
            return dynamics(f);
        }
        if (plot != null) {
            throw new CliException("--plot goes with --trajectory (use 'scaling plot' for a fit)");
        }
        boot = lawBootstrap(f);
        if (criticalBatch != null) {
            throw new CliException("--critical-batch goes with --steps-to-loss or --trajectory");
        }
        List<ObjectNode> nodes = new ArrayList<>();
        Table table = new Table(level == null && boot == null ? List.of("point", "estimate", "outside fitted range")
                : List.of("point", "estimate", "confidence", "prediction", "outside fitted range"));
        StringBuilder csv = new StringBuilder("point,estimate,confidenceLower,confidenceUpper,predictionLower,"
                + "predictionUpper,outside\n");
        List<Map<String, Double>> points = new ArrayList<>();
        List<double[]> xs = new ArrayList<>();
        for (String a : at) {
            Map<String, Double> point = covariates(f.law(), Parsing.point("--at", a));
            double[] x = new double[f.law().covariates().size()];
            for (int j = 0; j < x.length; j++) {
                x[j] = point.get(f.law().covariates().get(j));
            }
            points.add(point);
            xs.add(x);
        }
        double[][][] all = intervals(f, xs);
        for (int p = 0; p < points.size(); p++) {
            Map<String, Double> point = points.get(p);
            double[] x = xs.get(p);
            double estimate = f.law().value(f.theta(), x);
            ObjectNode n = Json.object();
            n.put("schema", SCHEMA);
            n.put("law", f.law().name());
            ObjectNode atNode = n.putObject("at");
            point.forEach((k, v) -> Json.number(atNode, k, v));
            Json.number(n, "estimate", estimate);
            double[][] intervals = all == null ? null : all[p];
            putInterval(n, "confidence", intervals == null ? null : intervals[0]);
            putInterval(n, "prediction", intervals == null ? null : intervals[1]);
            if (intervals == null) {
                n.putNull("level");
            } else {
                Json.number(n, "level", intervalLevel());
            }
            ObjectNode ext = n.putObject("extrapolation");
            boolean outside = false;
            List<String> outsideText = new ArrayList<>();
            for (Map.Entry<String, double[]> e : f.ranges().entrySet()) {
                Double v = point.get(e.getKey());
                if (v == null) {
                    continue;
                }
                double lo = e.getValue()[0];
                double hi = e.getValue()[1];
                double decades = v > hi ? Math.log10(v / hi) : v < lo ? -Math.log10(lo / v) : 0;
                ObjectNode c = ext.putObject(e.getKey());
                Json.number(c, "value", v);
                Json.number(c, "fittedMin", lo);
                Json.number(c, "fittedMax", hi);
                Json.number(c, "decadesOutside", decades);
                if (decades != 0) {
                    outside = true;
                    outsideText.add(String.format(Locale.ROOT, "%s %+.2f decades", e.getKey(), decades));
                }
            }
            ext.put("outside", outside);
            if (intervals != null && bootDescription != null) {
                n.set("interval", bootDescription.deepCopy());
            }
            // a prediction repeats the diagnostics of the fit it comes from, and says when it extrapolates
            List<Diagnostic> diagnostics = new ArrayList<>(f.diagnostics());
            if (outside) {
                diagnostics.add(Diagnostic.of(DiagnosticCode.EXTRAPOLATION, Severity.INFO,
                        "outside the fitted range: " + String.join(", ", outsideText), List.of()));
            }
            FitReport.diagnostics(n, diagnostics);
            nodes.add(n);
            String label = pointText(point);
            String where = outside ? String.join(", ", outsideText) : "no";
            if (intervals == null) {
                table.add(label, Parsing.human(estimate), where);
                csv.append(Table.csvCell(label)).append(',').append(FitReport.csvNumber(estimate)).append(",,,,,")
                        .append(outside).append('\n');
            } else {
                table.add(label, Parsing.human(estimate), range(intervals[0]), range(intervals[1]), where);
                csv.append(Table.csvCell(label)).append(',').append(FitReport.csvNumber(estimate));
                for (double[] b : intervals) {
                    csv.append(',').append(FitReport.csvNumber(b[0])).append(',').append(FitReport.csvNumber(b[1]));
                }
                csv.append(',').append(outside).append('\n');
            }
        }
        String text = switch (output.format()) {
            case json -> Json.render(nodes);
            case csv -> csv.toString();
            case table -> "law " + f.law().name() + " (" + f.law().formula() + ") from " + fit.path + "\n"
                    + table.render() + (all == null ? "point estimates; --level 0.95 adds confidence and prediction "
                    + "intervals\n" : boot != null ? bootFooter : String.format(Locale.ROOT, "%s%% intervals: "
                    + "asymptotic (smoothed sandwich), confidence for the fitted curve, prediction for a new run%n",
                    Parsing.human(100 * level))) + fitDiagnostics(f);
        };
        output.emit(text, spec.commandLine().getOut(), List.of(fit.path));
        return 0;
    }

    /** The fit's warning and error diagnostics, repeated under a prediction table (a line saying none otherwise). */
    static String fitDiagnostics(FitFile f) {
        StringBuilder sb = new StringBuilder();
        FitReport.diagnosticRows(sb, f.diagnostics());
        return sb.toString().replaceFirst("^diagnostics     ", "fit diagnostics ");
    }

    private Prediction prediction;

    /** The bootstrap of a point prediction, or null (asymptotic intervals or none). */
    private FitBootstrap boot;

    /** The JSON {@code interval} of a bootstrapped prediction (method, scheme, resamples, seed, failed). */
    private ObjectNode bootDescription;

    /** The table's last line for a bootstrapped prediction. */
    private String bootFooter;

    /**
     * Whether a point prediction is bootstrapped (--interval bootstrap, or a bootstrapped fit with intervals asked
     * for), and with which settings; validates --interval, --resample, --resamples, --seed and --threads.
     */
    private FitBootstrap lawBootstrap(FitFile f) {
        if (interval != null && !interval.equals("asymptotic") && !interval.equals("bootstrap")) {
            throw new CliException("--interval must be asymptotic or bootstrap, got '" + interval + "'");
        }
        boolean wanted = "bootstrap".equals(interval) || interval == null && level != null && f.bootstrapped();
        if (!wanted) {
            if (resample != null || replay.resamples != null || replay.seed != null || replay.threads != null) {
                throw new CliException("--resample, --resamples, --seed and --threads go with a bootstrap "
                        + "(--interval bootstrap, or --level with a bootstrapped fit)");
            }
            if (interval != null && level == null) {
                throw new CliException("--interval asymptotic needs --level P");
            }
            return null;
        }
        return FitBootstrap.settings(f, resample, replay.resamples, replay.seed, level, replay.threads);
    }

    /** The level of the intervals: --level, or a bootstrap's. */
    private double intervalLevel() {
        return boot != null ? boot.level() : level;
    }

    /**
     * Confidence and prediction intervals at the points (asymptotic, smoothed sandwich, in log space for
     * log-residual fits; or a bootstrap of the fit), {point}{confidence, prediction}{lower, upper}; null (point
     * estimates only) unless --level or --interval asks for them.
     */
    private double[][][] intervals(FitFile f, List<double[]> xs) {
        if (level == null && boot == null) {
            return null;
        }
        FitData d = FitData.of(f, data, columns);
        prediction = Prediction.of(d.result(), d.used(), AsymptoticCovariance.Form.SMOOTHED_SANDWICH);
        if (boot != null) {
            return bootstrapIntervals(f, d, xs);
        }
        double[][][] out = new double[xs.size()][][];
        for (int k = 0; k < out.length; k++) {
            Prediction.Result r = prediction.at(level, xs.get(k));
            out[k] = new double[][] {{r.confidence().lower(), r.confidence().upper()},
                {r.prediction().lower(), r.prediction().upper()}};
        }
        return out;
    }

    /**
     * Bootstrap intervals: the confidence interval of f(x) by the bootstrap's method; the prediction interval for a
     * new observation widens each side of it by the residual scale s as the asymptotic interval does, in quadrature
     * in the fit's residual space: half-width sqrt(h^2 + (t s)^2), t Student's quantile with n - p degrees of
     * freedom (log space for log-residual fits, so the bounds stay positive).
     */
    private double[][][] bootstrapIntervals(FitFile f, FitData d, List<double[]> xs) {
        ScalingLaw law = f.law();
        List<DerivedQuantity> quantities = new ArrayList<>();
        for (int k = 0; k < xs.size(); k++) {
            double[] x = xs.get(k).clone();
            quantities.add(DerivedQuantity.of("prediction " + k, t -> law.value(t, x)));
        }
        BootstrapResult r = boot.run(f, d.used(), quantities);
        boolean log = d.result().spec().residual() == dev.scalinglaws.fit.ResidualSpace.LOG;
        AsymptoticCovariance cov = AsymptoticCovariance.of(d.result(), d.used(),
                AsymptoticCovariance.Form.SMOOTHED_SANDWICH);
        int dof = cov.degreesOfFreedom();
        double t = dof > 0 ? TDistribution.of(dof).inverseCumulativeProbability(0.5 + boot.level() / 2)
                : Double.NaN;
        double ts = t * prediction.residualScale();
        double[][][] out = new double[xs.size()][][];
        for (int k = 0; k < out.length; k++) {
            Interval c = r.interval("prediction " + k);
            double[] conf = c.ok() ? new double[] {c.lower(), c.upper()} : new double[] {Double.NaN, Double.NaN};
            double m = log ? Math.log(c.estimate()) : c.estimate();
            double lo = log ? Math.log(conf[0]) : conf[0];
            double hi = log ? Math.log(conf[1]) : conf[1];
            double pl = m - Math.hypot(Math.max(0, m - lo), ts);
            double pu = m + Math.hypot(Math.max(0, hi - m), ts);
            out[k] = new double[][] {conf, log ? new double[] {Math.exp(pl), Math.exp(pu)} : new double[] {pl, pu}};
        }
        String label = boot.label();
        bootDescription = Json.object();
        bootDescription.put("method", label);
        bootDescription.put("resample", boot.scheme());
        bootDescription.put("resamples", r.resamples());
        bootDescription.put("failed", r.failed());
        bootDescription.put("seed", boot.seed());
        bootFooter = String.format(Locale.ROOT, "%s%% intervals: %s (%d resamples, %d failed, seed %d) of the fit "
                + "refitted to its %d rows; confidence for the fitted curve, prediction for a new run (adds the "
                + "residual scale, as the asymptotic interval does)%n", Parsing.human(100 * boot.level()), label,
                r.resamples(), r.failed(), boot.seed(), d.used().size());
        if (r.failed() > 0) {
            spec.commandLine().getErr().println(String.format(Locale.ROOT, "warning: %d of %d bootstrap refits "
                    + "failed (counted, not dropped: %s)", r.failed(), r.resamples(), r.failuresByStatus()));
        }
        return out;
    }

    private static String range(double[] b) {
        if (!Double.isFinite(b[0]) || !Double.isFinite(b[1])) {
            return "[not available]";
        }
        return "[" + Parsing.human(b[0]) + ", " + Parsing.human(b[1]) + "]";
    }

    private static void putInterval(ObjectNode n, String key, double[] b) {
        if (b == null) {
            n.putNull(key);
            return;
        }
        ObjectNode i = n.putObject(key);
        Json.number(i, "lower", b[0]);
        Json.number(i, "upper", b[1]);
    }

    private static String pointText(Map<String, Double> p) {
        List<String> parts = new ArrayList<>();
        p.forEach((k, v) -> parts.add(k + "=" + Parsing.human(v)));
        return String.join(",", parts);
    }

    static final String DYNAMICS_SCHEMA = "scalinglaws.dynamics/1";

    /**
     * Training dynamics from a kaplan-trajectory fit (or a kaplan-ns fit with a given critical batch): steps, tokens
     * and compute to a target loss at a batch size, and the loss trajectory over steps (Kaplan et al. 2020, eqs.
     * 1.4, 1.6, 5.1-5.5).
     */
    private int dynamics(FitFile f) {
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
        Intervals iv = null;
        if (refit != null && bootstrap) {
            iv = bootstrapIntervals(refit, bandLevel, batchTheta);
        } else if (refit != null) {
            AsymptoticCovariance cov = AsymptoticCovariance.of(refit.result(), refit.used(),
                    AsymptoticCovariance.Form.SMOOTHED_SANDWICH);
            if (!cov.finite()) {
                spec.commandLine().getErr().println("warning: the fit's covariance is not finite (singular "
                        + "information matrix?): intervals are not available");
            }
            iv = new DeltaIntervals(cov, bandLevel, batchTheta);
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
            node.put("schema", DYNAMICS_SCHEMA);
            node.put("law", name);
            Json.number(node, "N", n);
            Json.number(node, "batch", b);
            node.put("criticalBatchFrom", batchSource);
            Json.number(node, "convergedLoss", d.convergedLoss(n));
            if (show) {
                Json.number(node, "level", level);
                node.put("intervalMethod", iv.method());
            } else {
                node.putNull("level");
                node.putNull("intervalMethod");
            }
            table.append(String.format(Locale.ROOT, "law %s from %s; critical batch %s%n", name, fit.path,
                    batchSource));
            table.append(String.format(Locale.ROOT, "model N %s, batch B %s tokens per step; converged loss %s%s%n",
                    Parsing.human(n), Parsing.human(b), Parsing.human(d.convergedLoss(n)),
                    show ? " " + range(iv.bounds("convergedLoss", x -> x.convergedLoss(n))) : ""));
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
                    bounds.put("criticalBatch", iv.bounds("criticalBatch", x -> x.criticalBatch(l)));
                    bounds.put("minimumSteps", iv.bounds("minimumSteps", x -> x.minimumStepsToLoss(n, l)));
                    bounds.put("minimumTokens", iv.bounds("minimumTokens", x -> x.minimumTokensToLoss(n, l)));
                    bounds.put("steps", iv.bounds("steps", x -> x.stepsToLoss(n, b, l)));
                    bounds.put("tokens", iv.bounds("tokens", x -> x.tokensToLoss(n, b, l)));
                    bounds.put("compute", iv.bounds("compute", x -> x.computeToLoss(n, b, l)));
                    ObjectNode in = s.putObject("intervals");
                    bounds.forEach((k, v) -> putInterval(in, k, v));
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
                    double[] band = iv == null ? new double[] {Double.NaN, Double.NaN}
                            : iv.bounds("loss", x -> x.lossAtStep(n, b, si));
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
                        row.add(range(band));
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
            nodes.add(node);
        }
        if (show && output.format() == Format.table) {
            table.append(bootstrap ? String.format(Locale.ROOT, "%s%% intervals: %s%n", Parsing.human(100 * level),
                    iv.method()) : String.format(Locale.ROOT, "%s%% intervals: delta method on the smoothed-sandwich "
                    + "covariance of the fit (log scale), %d checkpoints refitted; they treat checkpoints as "
                    + "independent, so they are optimistic when runs are few%n", Parsing.human(100 * level),
                    refit.used().size()));
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
        return b == null ? "" : "  " + range(b);
    }

    private static String csvBound(double[] b, int i) {
        return b == null || !Double.isFinite(b[i]) ? "" : FitReport.csvNumber(b[i]);
    }

    /** Intervals of dynamics predictions, as functions of the fit's parameter vector. */
    private interface Intervals {
        /** [lower, upper], NaN where not computable (e.g. an unreachable loss). */
        double[] bounds(String name, ToDoubleFunction<TrainingDynamics> prediction);

        /** How the intervals are computed. */
        String method();
    }

    /** g(theta) for a prediction: the whole theta of kaplan-trajectory, or a kaplan-ns theta with a fixed batch. */
    private static ToDoubleFunction<double[]> asFunction(ToDoubleFunction<TrainingDynamics> prediction,
                                                         double[] batchTheta) {
        return batchTheta == null ? TrainingDynamics.ofTheta(prediction)
                : theta -> prediction.applyAsDouble(TrainingDynamics.of(theta, batchTheta));
    }

    /** Delta-method intervals on the log scale. */
    private static final class DeltaIntervals implements Intervals {
        private final AsymptoticCovariance cov;
        private final double level;
        private final double[] batchTheta;

        DeltaIntervals(AsymptoticCovariance cov, double level, double[] batchTheta) {
            this.cov = cov;
            this.level = level;
            this.batchTheta = batchTheta;
        }

        @Override
        public double[] bounds(String name, ToDoubleFunction<TrainingDynamics> prediction) {
            Interval i = cov.interval(DerivedQuantity.of(name, asFunction(prediction, batchTheta)), level, true);
            return i.ok() ? new double[] {i.lower(), i.upper()} : new double[] {Double.NaN, Double.NaN};
        }

        @Override
        public String method() {
            return "asymptotic-smoothed-sandwich-log (delta method)";
        }
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

    /** Refits the law to resamples of the checkpoints (runs with --resample cluster) and keeps every theta. */
    private Intervals bootstrapIntervals(DynamicsFit refit, double level, double[] batchTheta) {
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
        BootstrapResult r = Bootstrap.run(refit.result(), refit.used(), options, List.of());
        List<String> names = refit.result().law().parameters().stream()
                .map(dev.scalinglaws.core.Parameter::name).toList();
        double[][] columns = new double[names.size()][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = r.replicates(names.get(j));
        }
        List<double[]> thetas = new ArrayList<>();
        for (int i = 0; i < resamples; i++) {
            double[] t = new double[columns.length];
            boolean ok = true;
            for (int j = 0; j < t.length; j++) {
                t[j] = columns[j][i];
                ok &= Double.isFinite(t[j]);
            }
            if (ok) {
                thetas.add(t);
            }
        }
        String method = String.format(Locale.ROOT, "bootstrap-%s-percentile (%d resamples of %s, %d failed, seed %d)",
                cluster ? "cluster" : "case", resamples, cluster ? refit.runs() + " runs" : refit.used().size()
                        + " checkpoints", resamples - thetas.size(), seed);
        return new Intervals() {
            @Override
            public double[] bounds(String name, ToDoubleFunction<TrainingDynamics> prediction) {
                ToDoubleFunction<double[]> g = asFunction(prediction, batchTheta);
                double[] v = thetas.stream().mapToDouble(g).filter(Double::isFinite).sorted().toArray();
                if (v.length < 2 || (double) (resamples - v.length) / resamples > options.maxFailureFraction()) {
                    return new double[] {Double.NaN, Double.NaN};
                }
                return new double[] {Resampling.quantile(v, (1 - level) / 2), Resampling.quantile(v, (1 + level) / 2)};
            }

            @Override
            public String method() {
                return method;
            }
        };
    }

    /**
     * The rows a dynamics fit used (its CSV read again with the fit's --column, kaplan-ns's derived S, --group runs,
     * --where, --warmup-tokens and --drop-top-loss) and the fit refitted there from its estimates.
     *
     * @param result    the refitted result
     * @param used      the rows
     * @param all       every checkpoint of the source after the warm-up cut (held-out runs included)
     * @param runColumn the run column (--group) or null
     */
    record DynamicsFit(FitResult result, Dataset used, Dataset all, String runColumn) {

        /** Distinct runs among the used rows (0 without a run column). */
        int runs() {
            return runColumn == null ? 0 : new HashSet<>(List.of(used.textColumn(runColumn))).size();
        }

        /**
         * The checkpoints of the source at exactly this N and batch that the fit did not use (a held-out run), or
         * null if there are none.
         */
        TrajectoryPlot.Run heldOut(double n, double b) {
            if (!all.has(Checkpoints.STEP) || !all.has(Checkpoints.BATCH) || !all.has("N")) {
                return null;
            }
            Set<Integer> fitted = new HashSet<>();
            for (int i = 0; i < used.size(); i++) {
                fitted.add(used.rowNumber(i));
            }
            double[] nn = all.column("N");
            double[] bb = all.column(Checkpoints.BATCH);
            Dataset h = all.filter(i -> nn[i] == n && bb[i] == b && !fitted.contains(all.rowNumber(i)));
            if (h.size() == 0) {
                return null;
            }
            return new TrajectoryPlot.Run(String.format(Locale.ROOT, "held-out checkpoints at N=%s, B=%s (not "
                    + "in the fit)", Parsing.human(n), Parsing.human(b)), h.column(Checkpoints.STEP),
                    h.column("loss"), new double[0], new double[0]);
        }

        static DynamicsFit of(FitFile f, Path file, List<String> columns) {
            JsonNode root;
            try {
                root = Json.MAPPER.readTree(f.path().toFile());
            } catch (java.io.IOException e) {
                throw new CliException(f.path() + ": cannot read: " + e.getMessage(), e);
            }
            JsonNode dataNode = root.path("data");
            Map<String, String> mapping = columns.isEmpty() ? f.columns() : Parsing.keyValues("--column", columns);
            Dataset raw;
            if (file != null) {
                raw = CsvReader.defaults().withColumns(mapping).read(file);
            } else if (f.source() != null && Files.isRegularFile(Path.of(f.source()))) {
                raw = CsvReader.defaults().withColumns(mapping).read(Path.of(f.source()));
            } else {
                throw new CliException(String.format(Locale.ROOT, "%s: intervals and --plot need the checkpoints "
                        + "the law was fitted to, and its data source '%s' cannot be found; give --data FILE (and "
                        + "--column as for the fit)", f.path(), f.source()));
            }
            ScalingLaw law = f.law();
            if (law.name().equals("kaplan-ns") && !raw.has("S") && raw.has(Checkpoints.STEP)
                    && raw.has(Checkpoints.BATCH)) {
                raw = Checkpoints.withMinimumSteps(raw, Checkpoints.STEP, Checkpoints.BATCH,
                        FitCommand.KAPLAN_BSTAR, FitCommand.KAPLAN_ALPHA_B);
            }
            Dataset d = raw.withCovariatesFor(law, null);
            String runColumn = dataNode.path("runs").path("column").isTextual()
                    ? dataNode.path("runs").path("column").asText() : null;
            if (runColumn != null) {
                if (!d.has(runColumn)) {
                    throw new CliException(String.format(Locale.ROOT, "%s: the fit's run column '%s' is not in %s",
                            f.path(), runColumn, raw.source()));
                }
                d = Checkpoints.byRun(d, runColumn);
            }
            // the checkpoints past the warm-up (all runs, for the plot), and the fit's own rows
            Dataset all = f.warmupTokens() == null ? d
                    : Checkpoints.withoutWarmup(d, Checkpoints.TOKENS, f.warmupTokens());
            Dataset used = f.selection().apply(d, law.response(), null).used();
            if (used.size() <= law.parameterCount()) {
                throw new CliException(String.format(Locale.ROOT, "%s: %d rows of %s match the fit, too few for "
                        + "intervals", f.path(), used.size(), raw.source()));
            }
            return new DynamicsFit(Fitter.fit(law, used, FitData.spec(f)), used, all, runColumn);
        }
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

    /**
     * The law's covariates from a point, deriving D = C/(6N), N = C/(6D), C = 6ND or M = D/N where needed.
     *
     * @param law   the law
     * @param given the point as given
     * @return the covariates in the law's order (extra given keys are kept after them)
     */
    static Map<String, Double> covariates(ScalingLaw law, Map<String, Double> given) {
        Map<String, Double> p = new LinkedHashMap<>(given);
        for (String cov : law.covariates()) {
            if (p.containsKey(cov)) {
                continue;
            }
            if (cov.equals("D") && p.containsKey("C") && p.containsKey("N")) {
                p.put("D", p.get("C") / (6 * p.get("N")));
            } else if (cov.equals("N") && p.containsKey("C") && p.containsKey("D")) {
                p.put("N", p.get("C") / (6 * p.get("D")));
            } else if (cov.equals("C") && p.containsKey("N") && p.containsKey("D")) {
                p.put("C", 6 * p.get("N") * p.get("D"));
            } else if (cov.equals("M") && p.containsKey("N") && p.containsKey("D")) {
                p.put("M", p.get("D") / p.get("N"));
            } else {
                throw new CliException(String.format(Locale.ROOT, "--at: law %s needs %s; give %s", law.name(),
                        law.covariates(), String.join(",", law.covariates().stream().map(c -> c + "=...").toList())));
            }
        }
        for (String k : given.keySet()) {
            if (!law.covariates().contains(k) && !List.of("N", "D", "C", "M").contains(k)) {
                throw new CliException(String.format(Locale.ROOT, "--at: law %s has no covariate '%s'; it takes %s",
                        law.name(), k, law.covariates()));
            }
        }
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (String cov : law.covariates()) {
            double v = p.get(cov);
            if (!Double.isFinite(v) || law.requiresPositiveCovariates() && v <= 0) {
                throw new CliException(String.format(Locale.ROOT, "--at: %s=%s must be positive and finite", cov,
                        v));
            }
            ordered.put(cov, v);
        }
        return ordered;
    }
}
