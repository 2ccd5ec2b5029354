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
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.fit.approaches.CurveMinimum;
import dev.scalinglaws.fit.approaches.IsoFlop;
import dev.scalinglaws.fit.approaches.IsoFlopOptions;
import dev.scalinglaws.fit.approaches.IsoFlopResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scaling isoflop}: Hoffmann et al.'s Approach 2 (arXiv:2203.15556) on isoFLOP data; a thin shell over
 * {@link IsoFlop}.
 */
@Command(name = "isoflop", sortOptions = false,
        description = {"IsoFLOP profiles (Hoffmann et al. 2022, Approach 2): the minimum of each budget's curve of "
                + "loss against ln N, with a bootstrap of ln N*, then N*(C) = k C^a, D*(C) = k' C^b and "
                + "L*(C) = E + A C^-alpha through the minima."},
        footer = {"", "Examples:",
            "  scaling isoflop --dataset isoflop-porian2024 --where config=rw/tuned-const",
            "  scaling isoflop --dataset isoflop-porian2024 --by config --format json",
            "  scaling isoflop --data runs.csv --method akima --noise 0.002 --plot isoflop.png",
            "", "Input: columns C, N and loss (C may be derived from N and D as 6ND; D* = C / 6N*)."})
final class IsoflopCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Option(names = "--by", paramLabel = "COLUMN", description = "Analyse each value of this column separately "
            + "(JSON lines with --format json).")
    String by;

    @Option(names = "--method", paramLabel = "parabola|akima", defaultValue = "parabola",
            description = "How each curve's minimum is found: a least-squares parabola in ln N over the lowest point "
                    + "and --window sizes on each side (Hoffmann et al.), or Porian et al.'s Akima spline of ln loss "
                    + "(default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--window", paramLabel = "K", defaultValue = "1",
            description = "Parabola: sampled sizes on each side of the lowest point (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--budget-tolerance", paramLabel = "REL", defaultValue = "0.05",
            description = "Budgets whose C agree within this relative tolerance form one curve "
                    + "(default: ${DEFAULT-VALUE}).")
    double budgetTolerance;

    @Option(names = "--resamples", paramLabel = "B", defaultValue = "1000",
            description = "Bootstrap resamples per curve (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--noise", paramLabel = "SIGMA",
            description = "Loss noise of the bootstrap (Porian et al.: 0.002 RefinedWeb, 0.01 OWT2); default: "
                    + "estimated from the curves.")
    Double noise;

    @Option(names = "--cases", description = "Bootstrap by resampling each curve's points instead of adding noise.")
    boolean cases;

    @Option(names = "--keep-edges", description = "Keep curves whose minimum lies at the edge of the sampled sizes.")
    boolean keepEdges;

    @Mixin
    SeedLevelOptions seedLevel = new SeedLevelOptions();

    @Option(names = "--plot", paramLabel = "FILE", description = "Draw the curves with their fits and minima, and "
            + "N*(C) with its band (.png or .svg).")
    Path plot;

    @Override
    public Integer call() {
        if (plot != null) {
            Charts.checkExtension(plot);
        }
        output.guard(data.inputs());
        IsoFlopOptions options;
        try {
            options = new IsoFlopOptions(CurveMinimum.byName(method), window, budgetTolerance, resamples,
                    noise == null ? Double.NaN : noise, cases, seedLevel.seed, seedLevel.level, keepEdges);
        } catch (IllegalArgumentException e) {
            throw new CliException("isoflop: " + e.getMessage());
        }
        Dataset rows = rows(data, spec, by, "isoflop");
        List<IsoFlopResult> results = new ArrayList<>();
        for (Map.Entry<String, Dataset> g : ApproachesOutput.split(rows, by).entrySet()) {
            results.add(IsoFlop.fit(g.getValue(), options, g.getKey()));
        }
        String text = switch (output.format()) {
            case json -> {
                List<ObjectNode> nodes = results.stream().map(ApproachesOutput::isoflopJson).toList();
                yield by == null ? Json.pretty(nodes.get(0)) : nodes.stream().map(Json::line)
                        .reduce("", String::concat);
            }
            case table -> String.join("\n", results.stream().map(ApproachesOutput::isoflopTable).toList());
            case csv -> csv(results);
        };
        output.emit(text, spec.commandLine().getOut(), data.inputs());
        if (plot != null) {
            IsoflopPlot.write(plot, data.inputs(), results);
            spec.commandLine().getErr().println("wrote " + plot);
        }
        return 0;
    }

    /** The data after --where and --keep-best, saying on stderr how many rows were used. */
    static Dataset rows(DataOptions data, CommandSpec spec, String by, String command) {
        Dataset raw = data.read(null);
        DataOptions.Rows rows = data.prepare(raw, null, n -> spec.commandLine().getErr().println("note: " + n),
                null, null);
        Dataset selected = rows.nonEmpty();
        if (!rows.filters().isEmpty()) {
            spec.commandLine().getErr().println(String.format(Locale.ROOT, "note: --where kept %d of %d rows",
                    rows.selected().size(), rows.prepared().size()));
        }
        if (by != null) {
            rows.requireColumn("--by", by);
        }
        return selected;
    }

    private static String csv(List<IsoFlopResult> results) {
        StringBuilder sb = new StringBuilder("group,C,points,Nstar,Dstar,Lstar,NstarLogStd,status,used\n");
        for (IsoFlopResult r : results) {
            for (var b : r.budgets()) {
                sb.append(String.format(Locale.ROOT, "%s,%s,%d,%s,%s,%s,%s,%s,%s%n",
                        r.group() == null ? "" : Table.csvCell(r.group()), b.compute(), b.points(), b.nStar(),
                        b.dStar(), b.lStar(), b.nStarLogStd(), b.status().name().toLowerCase(Locale.ROOT), b.used()));
            }
        }
        return sb.toString();
    }
}
