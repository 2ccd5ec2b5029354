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
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.Diagnostic;
import dev.scalinglaws.fit.DiagnosticCode;
import dev.scalinglaws.fit.Severity;
import dev.scalinglaws.fit.uncertainty.BootstrapPrediction;
import dev.scalinglaws.fit.uncertainty.BootstrapResult;
import dev.scalinglaws.fit.uncertainty.Prediction;
import dev.scalinglaws.fit.uncertainty.Uncertainty;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scaling predict}: the fitted law at a covariate point (training dynamics with --steps-to-loss or
 * --trajectory: {@link PredictDynamics}).
 */
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
            return new PredictDynamics(this).run(f);
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
        // made first also for a bootstrap, so that a fit without a covariance fails before the refits
        Prediction prediction = Uncertainty.of(d.result()).prediction();
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
     * Bootstrap intervals, the library's {@link BootstrapPrediction}: the confidence interval of f(x) by the
     * bootstrap's method; the prediction interval for a new observation widens each side of it by the residual scale
     * in quadrature, as the asymptotic interval does.
     */
    private double[][][] bootstrapIntervals(FitFile f, FitData d, List<double[]> xs) {
        BootstrapResult r = boot.run(f, d.used(), BootstrapPrediction.quantities(f.law(), xs));
        List<BootstrapPrediction> predictions = Uncertainty.of(d.result()).bootstrapPredictions(r, xs.size());
        double[][][] out = new double[xs.size()][][];
        for (int k = 0; k < out.length; k++) {
            BootstrapPrediction bp = predictions.get(k);
            out[k] = new double[][] {bp.confidenceBounds(), {bp.predictionLower(), bp.predictionUpper()}};
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

    static String range(double[] b) {
        if (!Double.isFinite(b[0]) || !Double.isFinite(b[1])) {
            return "[not available]";
        }
        return "[" + Parsing.human(b[0]) + ", " + Parsing.human(b[1]) + "]";
    }

    static void putInterval(ObjectNode n, String key, double[] b) {
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
