/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalinglaws.core.ComputeOptimal;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.Diagnostic;
import dev.scalinglaws.fit.DiagnosticCode;
import dev.scalinglaws.fit.Severity;
import dev.scalinglaws.fit.uncertainty.BootstrapOptions;
import dev.scalinglaws.fit.uncertainty.BootstrapResult;
import dev.scalinglaws.fit.uncertainty.DerivedQuantity;
import dev.scalinglaws.fit.uncertainty.Interval;
import dev.scalinglaws.fit.uncertainty.OptimalAllocation;
import dev.scalinglaws.transfer.TransferGap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scaling optimal}: compute-optimal allocation from a fit. */
@Command(name = "optimal", sortOptions = false,
        description = {"Compute-optimal allocation under C = 6ND from a fitted law in (N, D): the model size N, "
                + "tokens D, tokens per parameter and loss for a compute budget, or the least compute reaching a "
                + "target loss; or, from a transfer-gap fit, the split of a data budget between pre-training and "
                + "fine-tuning data (--budget). With 95%% intervals (delta method, or --interval bootstrap)."},
        footer = {"", "Examples:", "  scaling fit --format json --output fit.json",
            "  scaling optimal --fit fit.json --compute 5.88e23",
            "  scaling optimal --fit fit.json --target-loss 2.0",
            "  scaling optimal --fit fit.json --target-loss 2.2 --at N=7e9      # tokens needed at a fixed size",
            "  scaling fit --law transfer-gap --data runs.csv --format json --output tg.json",
            "  scaling optimal --fit tg.json --budget 1e10 --cost-pretrain 1 --cost-finetune 10"})
final class OptimalCommand implements Callable<Integer> {

    static final String SCHEMA = "scalinglaws.optimal/1";

    @Spec
    CommandSpec spec;

    @Mixin
    FitOption fit = new FitOption();

    @Option(names = "--compute", paramLabel = "C", description = "Training compute budget in FLOPs.")
    Double compute;

    @Option(names = "--target-loss", paramLabel = "L", description = "The loss to reach.")
    Double targetLoss;

    @Option(names = "--at", paramLabel = "KEY=VALUE[,...]",
            description = "With --compute: the law's covariates other than N and D, held (e.g. U=1e11 unique tokens "
                    + "for data-constrained). With --target-loss: hold one of N or D fixed (e.g. N=7e9) and solve "
                    + "for the other.")
    String at;

    @Option(names = "--budget", paramLabel = "X", description = "Transfer-gap budget c_p p + c_f f.")
    Double budget;

    @Option(names = "--cost-pretrain", paramLabel = "P", description = "Cost per pre-training token c_p.")
    Double costPretrain;

    @Option(names = "--cost-finetune", paramLabel = "F", description = "Cost per fine-tuning token c_f.")
    Double costFinetune;

    @Option(names = "--interval", paramLabel = "none|asymptotic|bootstrap", defaultValue = "asymptotic",
            description = "Intervals for N, D, tokens per parameter, loss and compute (default: ${DEFAULT-VALUE}: "
                    + "delta method with the smoothed sandwich; bootstrap refits --resamples times). They need the "
                    + "fit's data, which is read again; none: point estimates only.")
    String interval;

    @Option(names = "--level", paramLabel = "P", defaultValue = "0.95",
            description = "Interval level (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--resamples", paramLabel = "B", defaultValue = "2000",
            description = "--interval bootstrap: case resamples (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "--interval bootstrap: seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--data", paramLabel = "FILE",
            description = "The fit's data, if its source cannot be found where the fit read it.")
    Path data;

    @Option(names = "--column", paramLabel = "KEY=HEADER",
            description = "With --data: the fit's column mappings. Repeatable.")
    List<String> columns = new java.util.ArrayList<>();

    @Mixin
    OutputOptions output = new OutputOptions();

    /** The covariates held with --compute (--at), besides N and D. */
    private Map<String, Double> held = Map.of();
    /** Why there are no intervals although they were asked for, or null. */
    private String noIntervals;

    @Override
    public Integer call() {
        int modes = (compute != null ? 1 : 0) + (targetLoss != null ? 1 : 0) + (budget != null ? 1 : 0);
        if (modes != 1) {
            throw new CliException("give exactly one of --compute C, --target-loss L and --budget X");
        }
        if (at != null && targetLoss == null && compute == null) {
            throw new CliException("--at goes with --compute or --target-loss");
        }
        if (budget != null) {
            if (costPretrain == null || costFinetune == null) {
                throw new CliException("--budget needs --cost-pretrain P and --cost-finetune F");
            }
            return transferAllocation();
        }
        FitFile f = fit.read();
        ScalingLaw law = f.law();
        held = compute != null && at != null ? Parsing.point("--at", at) : Map.of();
        if (compute != null ? !law.covariates().containsAll(List.of("N", "D"))
                : !law.covariates().equals(List.of("N", "D"))) {
            throw new CliException(String.format(Locale.ROOT, "%s: compute-optimal allocation needs a law in (N, D)"
                    + "%s; %s takes %s", fit.path, compute != null ? " (other covariates held with --at)" : "",
                    law.name(), law.covariates()));
        }
        double[] theta = f.theta();
        // with --target-loss: the covariate --at holds (one of N, D), or none for the compute-optimal frontier
        Map<String, Double> lossHeld = targetLoss != null && at != null ? Parsing.point("--at", at) : Map.of();
        ComputeOptimal.Allocation a;
        if (compute != null) {
            if (!(compute > 0) || compute.isInfinite()) {
                throw new CliException("--compute must be positive and finite: " + compute);
            }
            try {
                a = OptimalAllocation.at(law, theta, compute, held);
            } catch (IllegalArgumentException e) {
                throw new CliException((held.isEmpty() && law.covariates().size() > 2 ? "give --at: " : "--at: ")
                        + e.getMessage(), e);
            }
        } else {
            a = atLoss(law, theta, targetLoss, lossHeld);
        }
        Map<String, DerivedQuantity> quantities = compute != null ? OptimalAllocation.quantities(law, compute, held)
                : OptimalAllocation.quantitiesForLoss(law, targetLoss, lossHeld);
        Map<String, Interval> iv = intervals(f, quantities);
        ObjectNode n = Json.object();
        n.put("schema", SCHEMA);
        n.put("law", law.name());
        if (targetLoss != null) {
            Json.number(n, "targetLoss", targetLoss);
        }
        Json.number(n, "compute", a.compute());
        if (iv.containsKey("compute")) {
            ObjectNode c = n.putObject("computeInterval");
            Json.number(c, "lower", iv.get("compute").lower());
            Json.number(c, "upper", iv.get("compute").upper());
        }
        estimate(n, "N", a.N(), iv.get("N"));
        estimate(n, "D", a.D(), iv.get("D"));
        estimate(n, "tokensPerParameter", a.tokensPerParameter(), iv.get("tokensPerParameter"));
        estimate(n, "loss", a.loss(), iv.get("loss"));
        if (held.containsKey("U")) {
            estimate(n, OptimalAllocation.EPOCHS, a.D() / held.get("U"), iv.get(OptimalAllocation.EPOCHS));
        }
        if (!held.isEmpty()) {
            ObjectNode h = n.putObject("held");
            held.forEach((k, v) -> Json.number(h, k, v));
        }
        n.put("fixed", compute != null ? "C = 6ND, compute-optimal" + (held.isEmpty() ? "" : ", held " + at)
                : at == null ? "C = 6ND, compute-optimal" : "held " + at);
        if (noIntervals != null) {
            n.put("noIntervals", noIntervals);
        }
        if (!iv.isEmpty()) {
            Interval any = iv.values().iterator().next();
            ObjectNode in = n.putObject("interval");
            in.put("method", any.label());
            Json.number(in, "level", level);
            in.put("resamples", intervalMethod().equals("bootstrap") ? resamples : 0);
        }
        List<Diagnostic> diagnostics = new ArrayList<>(f.diagnostics());
        List<String> outside = new ArrayList<>();
        double[] allocation = {a.N(), a.D()};
        String[] names = {"N", "D"};
        for (int i = 0; i < names.length; i++) {
            double[] range = f.ranges().get(names[i]);
            double v = allocation[i];
            if (range != null && Double.isFinite(v) && (v > range[1] || v < range[0])) {
                double decades = v > range[1] ? Math.log10(v / range[1]) : -Math.log10(range[0] / v);
                outside.add(String.format(Locale.ROOT, "%s %+.2f decades", names[i], decades));
            }
        }
        if (!outside.isEmpty()) {
            diagnostics.add(Diagnostic.of(DiagnosticCode.EXTRAPOLATION, Severity.INFO,
                    "the allocation lies outside the fitted range: " + String.join(", ", outside), List.of()));
        }
        FitReport.diagnostics(n, diagnostics);
        String text = switch (output.format()) {
            case json -> Json.pretty(n);
            case csv -> {
                StringBuilder sb = new StringBuilder("quantity,estimate,lower,upper\n");
                double[] values = {a.compute(), a.N(), a.D(), a.tokensPerParameter(), a.loss(),
                    held.containsKey("U") ? a.D() / held.get("U") : Double.NaN};
                String[] keys = {"compute", "N", "D", "tokensPerParameter", "loss", OptimalAllocation.EPOCHS};
                for (int i = 0; i < (held.containsKey("U") ? keys.length : keys.length - 1); i++) {
                    Interval x = iv.get(keys[i]);
                    sb.append(keys[i]).append(',').append(FitReport.csvNumber(values[i])).append(',')
                            .append(x == null ? "" : FitReport.csvNumber(x.lower())).append(',')
                            .append(x == null ? "" : FitReport.csvNumber(x.upper())).append('\n');
                }
                yield sb.toString();
            }
            case table -> {
                StringBuilder sb = new StringBuilder();
                sb.append(String.format(Locale.ROOT, "law %s from %s%n", law.name(), fit.path));
                if (targetLoss != null) {
                    sb.append(String.format(Locale.ROOT, "target loss          %s%n", Parsing.human(targetLoss)));
                }
                sb.append(String.format(Locale.ROOT, "compute C            %-16s%s%n",
                        Parsing.human(a.compute()) + " FLOPs",
                        range(iv.get("compute"))));
                sb.append(String.format(Locale.ROOT, "parameters N         %-16s%s%n", Parsing.human(a.N()),
                        range(iv.get("N"))));
                sb.append(String.format(Locale.ROOT, "tokens D             %-16s%s%n", Parsing.human(a.D()),
                        range(iv.get("D"))));
                sb.append(String.format(Locale.ROOT, "tokens per parameter %-16s%s%n",
                        Parsing.human(a.tokensPerParameter()), range(iv.get("tokensPerParameter"))));
                sb.append(String.format(Locale.ROOT, "loss                 %-16s%s%n", Parsing.human(a.loss()),
                        range(iv.get("loss"))));
                if (held.containsKey("U")) {
                    sb.append(String.format(Locale.ROOT, "epochs D/U           %-16s%s%n",
                            Parsing.human(a.D() / held.get("U")), range(iv.get(OptimalAllocation.EPOCHS))));
                }
                if (compute != null && !held.isEmpty()) {
                    sb.append("(held ").append(at).append(")\n");
                } else if (at != null) {
                    sb.append("(" + at + " held fixed; not the compute-optimal allocation)\n");
                }
                if (noIntervals != null) {
                    sb.append("(no intervals: ").append(noIntervals).append(")\n");
                }
                if (!iv.isEmpty()) {
                    sb.append(String.format(Locale.ROOT, "(%s%% intervals, %s)%n", Parsing.human(100 * level),
                            iv.values().iterator().next().label()
                                    + (intervalMethod().equals("bootstrap") ? ", " + resamples + " resamples" : "")));
                }
                sb.append(PredictCommand.fitDiagnostics(f));
                yield sb.toString().lines().map(String::stripTrailing)
                        .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
            }
        };
        output.emit(text, spec.commandLine().getOut(), List.of(fit.path));
        return 0;
    }

    private String intervalMethod() {
        return interval.trim().toLowerCase(Locale.ROOT);
    }

    private static String range(Interval i) {
        return i == null ? "" : "[" + Parsing.human(i.lower()) + ", " + Parsing.human(i.upper()) + "]";
    }

    /** Intervals for the quantities, or none with --interval none (or, with a warning, without the fit's data). */
    private Map<String, Interval> intervals(FitFile f, Map<String, DerivedQuantity> quantities) {
        Map<String, Interval> out = new java.util.LinkedHashMap<>();
        String method = intervalMethod();
        if (method.equals("none")) {
            return out;
        }
        if (!method.equals("asymptotic") && !method.equals("bootstrap")) {
            throw new CliException("--interval must be none, asymptotic or bootstrap, got '" + interval + "'");
        }
        IntervalOptions.checkLevel(level);
        IntervalOptions.checkResamples(resamples);
        if (fit.given()) {
            noIntervals = "the parameters are given (--params), not fitted";
            return out;
        }
        if (f.spec().path("pins").size() >= f.law().parameterCount()) {
            noIntervals = "every parameter of the fit is pinned";
            return out;
        }
        FitData d;
        try {
            d = FitData.of(f, data, columns);
        } catch (CliException | IllegalArgumentException e) {
            if (data != null) {
                throw e;
            }
            spec.commandLine().getErr().println("warning: no intervals: " + ScalingCommand.oneLine(e.getMessage()));
            return out;
        }
        if (method.equals("asymptotic")) {
            out.putAll(OptimalAllocation.asymptoticIntervals(d.result(), quantities, level));
        } else {
            BootstrapResult boot;
            try (Progress progress = Progress.start("bootstrap", resamples)) {
                boot = OptimalAllocation.bootstrap(d.result(), quantities, BootstrapOptions.defaults()
                        .withResamples(resamples).withSeed(seed).withLevel(level).withProgress(progress));
            }
            quantities.forEach((k, q) -> out.put(k, boot.interval(q.name())));
            if (boot.failed() > 0) {
                spec.commandLine().getErr().println(String.format(Locale.ROOT,
                        "warning: %d of %d bootstrap refits failed (counted, not dropped)", boot.failed(),
                        boot.resamples()));
            }
        }
        return out;
    }

    private static void estimate(ObjectNode n, String key, double v) {
        Json.number(n.putObject(key), "estimate", v);
    }

    private static void estimate(ObjectNode n, String key, double v, Interval i) {
        ObjectNode e = n.putObject(key);
        Json.number(e, "estimate", v);
        if (i != null) {
            Json.number(e, "lower", i.lower());
            Json.number(e, "upper", i.upper());
        }
    }

    /**
     * The allocation that reaches the target loss, by the library's {@link OptimalAllocation#atLoss}: with nothing
     * held, the compute-optimal frontier; with N (or D) held, the D (or N) on the iso-loss contour. The messages
     * name --at.
     */
    static ComputeOptimal.Allocation atLoss(ScalingLaw law, double[] theta, double target,
                                            Map<String, Double> fixed) {
        if (!fixed.isEmpty()) {
            if (fixed.size() != 1 || !(fixed.containsKey("N") || fixed.containsKey("D"))) {
                throw new CliException("--at with --target-loss holds exactly one of N or D fixed, e.g. --at N=7e9");
            }
            double v = fixed.values().iterator().next();
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new CliException("--at value must be positive and finite: " + v);
            }
        }
        try {
            return OptimalAllocation.atLoss(law, theta, target, fixed);
        } catch (OptimalAllocation.LossNotReachedException e) {
            throw new CliException(String.format(Locale.ROOT, "target loss %s is not reached with %s fixed at %s "
                    + "(the law's floor there is about %s)", Parsing.human(e.target()), e.held(),
                    Parsing.human(e.value()), Parsing.human(e.floor())));
        }
    }

    static final String ALLOCATION_SCHEMA = "scalinglaws.allocation/1";

    /**
     * The split of a data budget c_p p + c_f f between pre-training data p and fine-tuning data f that minimises a
     * fitted transfer-gap law L = (A p^-alpha + G) f^-beta + E (Barnett 2024), with the data-scarcity floor
     * G f^-beta + E at that f and the marginal value of each kind of data there.
     */
    private int transferAllocation() {
        FitFile f = fit.read();
        if (!f.law().name().equals("transfer-gap")) {
            throw new CliException(String.format(Locale.ROOT, "%s: --budget splits a budget between pre-training "
                    + "and fine-tuning data and needs a transfer-gap fit (scaling fit --law transfer-gap); this fit "
                    + "is law %s", fit.path, f.law().name()));
        }
        for (Map.Entry<String, Double> e : Map.of("--budget", budget, "--cost-pretrain", costPretrain,
                "--cost-finetune", costFinetune).entrySet()) {
            if (!(e.getValue() > 0) || e.getValue().isInfinite()) {
                throw new CliException(e.getKey() + " must be positive and finite: " + e.getValue());
            }
        }
        double[] theta = f.theta();
        TransferGap.Allocation a = TransferGap.optimalAllocation(theta, budget, costPretrain, costFinetune);
        double floor = TransferGap.dataScarcityFloor(theta, a.finetune());
        TransferGap.MarginalValue mv = TransferGap.marginalValue(theta, a.pretrain(), a.finetune(), costPretrain,
                costFinetune);
        double pretrainShare = costPretrain * a.pretrain() / budget;
        ObjectNode n = Json.object();
        n.put("schema", ALLOCATION_SCHEMA);
        n.put("law", f.law().name());
        Json.number(n, "budget", budget);
        Json.number(n, "costPretrain", costPretrain);
        Json.number(n, "costFinetune", costFinetune);
        estimate(n, "pretrain", a.pretrain());
        estimate(n, "finetune", a.finetune());
        Json.number(n, "finetunePerPretrain", a.finetunePerPretrain());
        Json.number(n, "pretrainBudgetShare", pretrainShare);
        estimate(n, "loss", a.loss());
        estimate(n, "dataScarcityFloor", floor);
        Json.number(n, "gap", TransferGap.gap(theta));
        ObjectNode m = n.putObject("marginal");
        Json.number(m, "lossPerPretrain", mv.lossPerPretrain());
        Json.number(m, "lossPerFinetune", mv.lossPerFinetune());
        Json.number(m, "gainPerPretrainCost", mv.gainPerPretrainCost());
        Json.number(m, "gainPerFinetuneCost", mv.gainPerFinetuneCost());
        Json.number(m, "finetuneOverPretrain", mv.finetuneOverPretrain());
        Json.number(n, "kktResidual", a.kktResidual());
        // an allocation from a fit with warnings repeats them (issue 21)
        FitReport.diagnostics(n, f.diagnostics());
        String text = switch (output.format()) {
            case json -> Json.pretty(n);
            case csv -> "budget,costPretrain,costFinetune,pretrain,finetune,loss,dataScarcityFloor,"
                    + "gainPerPretrainCost,gainPerFinetuneCost,kktResidual\n" + String.join(",",
                    FitReport.csvNumber(budget), FitReport.csvNumber(costPretrain),
                    FitReport.csvNumber(costFinetune), FitReport.csvNumber(a.pretrain()),
                    FitReport.csvNumber(a.finetune()), FitReport.csvNumber(a.loss()), FitReport.csvNumber(floor),
                    FitReport.csvNumber(mv.gainPerPretrainCost()), FitReport.csvNumber(mv.gainPerFinetuneCost()),
                    FitReport.csvNumber(a.kktResidual())) + "\n";
            case table -> {
                StringBuilder sb = new StringBuilder();
                sb.append(String.format(Locale.ROOT, "law %s (%s) from %s%n", f.law().name(), f.law().formula(),
                        fit.path));
                sb.append(String.format(Locale.ROOT, "budget               %s = c_p p + c_f f (c_p %s, c_f %s)%n",
                        Parsing.human(budget), Parsing.human(costPretrain), Parsing.human(costFinetune)));
                sb.append(String.format(Locale.ROOT, "pre-training data p  %s (%.1f%% of the budget)%n",
                        Parsing.human(a.pretrain()), 100 * pretrainShare));
                sb.append(String.format(Locale.ROOT, "fine-tuning data f   %s (%.1f%% of the budget; f/p = %s)%n",
                        Parsing.human(a.finetune()), 100 * (1 - pretrainShare),
                        Parsing.human(a.finetunePerPretrain())));
                sb.append(String.format(Locale.ROOT, "loss at the optimum  %s%n", Parsing.human(a.loss())));
                sb.append(String.format(Locale.ROOT, "data-scarcity floor  %s (G f^-beta + E: the loss with "
                        + "unlimited pre-training at this f; G = %s)%n", Parsing.human(floor),
                        Parsing.human(TransferGap.gap(theta))));
                sb.append(String.format(Locale.ROOT, "marginal value       -dL/dp / c_p = %s, -dL/df / c_f = %s "
                                + "(ratio %s; equal at the optimum)%n", Parsing.human(mv.gainPerPretrainCost()),
                        Parsing.human(mv.gainPerFinetuneCost()), Parsing.human(mv.finetuneOverPretrain())));
                sb.append(String.format(Locale.ROOT, "KKT residual         %s%n", Parsing.human(a.kktResidual())));
                sb.append(PredictCommand.fitDiagnostics(f));
                yield sb.toString();
            }
        };
        output.emit(text, spec.commandLine().getOut(), List.of(fit.path));
        return 0;
    }
}
