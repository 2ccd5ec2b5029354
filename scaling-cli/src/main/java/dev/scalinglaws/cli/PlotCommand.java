/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.scalinglaws.fit.FitResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scaling plot}: renders a saved fit with its data. */
@Command(name = "plot", sortOptions = false,
        description = {"Plot a fit: loss against compute on log axes with the data, fitted curves for several "
                + "model sizes and the compute-optimal frontier with its 95%% band; residuals against fitted values.",
            "Residuals the robust loss down-weights are flagged. For laws in N and D: the allocation N_opt(C), "
                + "D_opt(C) with 95%% bands, and iso-loss contours in the (N, D) plane. With a bootstrapped fit (or "
                + "--interval bootstrap) the bands come from a bootstrap of the fit, as its intervals did, and the "
                + "bootstrap histograms are drawn.",
            "The data are the fit's own source (a bundled dataset or the CSV it read) unless --data is given; the "
                + "fit's --where, --by group and --drop-top-loss are applied again."},
        footer = {"", "Examples:", "  scaling fit --format json --output fit.json",
            "  scaling plot --fit fit.json --output fit.png",
            "  scaling plot --fit fit.json --extrapolate-to 1e25 --output fit.png",
            "  scaling plot --fit fit.json --data runs.csv --column N=params --output fit.svg",
            "  scaling plot --fit fit.json --interval bootstrap --resamples 200 --output fit.png"})
final class PlotCommand implements Callable<Integer> {

    @Mixin
    FitOption fit = new FitOption();

    @Option(names = "--data", paramLabel = "FILE", description = "The data (default: the fit's source).")
    Path file;

    @Option(names = "--column", paramLabel = "KEY=HEADER", description = "Column mapping for --data. Repeatable.")
    List<String> columns = new ArrayList<>();

    @Option(names = "--output", paramLabel = "FILE.png|FILE.svg", required = true, description = "The image.")
    Path output;

    @Option(names = "--extrapolate-to", paramLabel = "C",
            description = "Extend the compute-optimal loss curve, its 95%% band and the allocation to this training "
                    + "compute in FLOPs (default: 10 times the largest compute in the data).")
    Double extrapolateTo;

    @Option(names = "--interval", paramLabel = "asymptotic|bootstrap",
            description = "Where the bands come from (default: the fit's method: a bootstrap if its intervals were "
                    + "bootstrapped, with its scheme, resamples, seed and level, else asymptotic). A bootstrap also "
                    + "draws the bootstrap histograms.")
    String interval;

    @Option(names = "--resample", paramLabel = "SCHEME",
            description = "With a bootstrap: case, cluster (needs a fit with --group), residual or wild (default: "
                    + "the fit's scheme, else case).")
    String resample;

    @Option(names = "--level", paramLabel = "P",
            description = "With a bootstrap: the level of the bands (default: the fit's, else 0.95).")
    Double level;

    @Mixin
    ReplayOptions replay;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (extrapolateTo != null && !(extrapolateTo > 0 && !extrapolateTo.isInfinite())) {
            throw new CliException("--extrapolate-to must be a positive, finite compute in FLOPs: " + extrapolateTo);
        }
        Charts.checkExtension(output);
        List<java.nio.file.Path> read = new java.util.ArrayList<>(fit.inputs());
        if (file != null) {
            read.add(file);
        }
        Output.guard(output, read);
        FitFile f = fit.read();
        FitBootstrap boot = bootstrap(f);
        FitData.Source source = FitData.source(f, file, columns,
                fit.path + ": its data source '" + f.source() + "' cannot be found; give --data FILE");
        PlotData data = FitData.select(f, source.raw());
        FitResult result = null;
        try {
            result = FitData.refit(f, data.used());
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("warning: no bands and no down-weighting flags: the fit could not "
                    + "be re-attached to its data: " + ScalingCommand.oneLine(LibraryMessages.of(e)));
        }
        PlotData plotted = data.with(result, null, extrapolateTo == null ? Double.NaN : extrapolateTo);
        if (boot != null && result != null) {
            plotted = plotted.with(result, boot.run(f, data.used(), PlotBands.bandQuantities(plotted)),
                    plotted.extrapolateTo());
        } else if ("bootstrap".equals(interval)) {
            // asked for, but impossible without the refit: an error, not a quiet fallback
            throw new CliException("--interval bootstrap: the fit could not be re-attached to its data");
        } else if (boot != null) {
            spec.commandLine().getErr().println("note: no bootstrap panels: the fit's bootstrap could not be "
                    + "repeated without re-attaching the fit to its data");
        } else {
            spec.commandLine().getErr().println("note: no bootstrap panels: asymptotic bands; 'scaling plot "
                    + "--interval bootstrap' (or a fit made with --interval bootstrap) draws bootstrap bands and "
                    + "histograms");
        }
        Plots.render(plotted, output, source.inputs());
        return 0;
    }

    /** The bootstrap the bands come from (--interval bootstrap, or a bootstrapped fit), or null (asymptotic). */
    private FitBootstrap bootstrap(FitFile f) {
        if (interval != null && !interval.equals("asymptotic") && !interval.equals("bootstrap")) {
            throw new CliException("--interval must be asymptotic or bootstrap, got '" + interval + "'");
        }
        if ("bootstrap".equals(interval) || interval == null && f.bootstrapped()) {
            return FitBootstrap.settings(f, resample, replay.resamples, replay.seed, level, replay.threads);
        }
        if (resample != null || replay.resamples != null || level != null || replay.seed != null
                || replay.threads != null) {
            throw new CliException("--resample, --resamples, --level, --seed and --threads go with a bootstrap "
                    + "(--interval bootstrap, or a bootstrapped fit)");
        }
        return null;
    }
}
