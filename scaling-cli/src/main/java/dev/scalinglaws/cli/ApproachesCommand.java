/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.fit.approaches.Approaches;
import dev.scalinglaws.fit.approaches.IsoFlopOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scaling approaches}: every approach of Hoffmann et al. 2022 that the data supports, side by side, with a
 * verdict; a thin shell over {@link Approaches}.
 */
@Command(name = "approaches", sortOptions = false,
        description = {"Run every compute-optimal approach the data supports (1: training-curve envelope, "
                + "2: isoFLOP profiles, 3: parametric L(N, D)) and compare a, b and the allocation at --compute."},
        footer = {"", "Examples:",
            "  scaling approaches --dataset isoflop-porian2024 --where config=rw/tuned-const --compute 1e21",
            "  scaling approaches --data ckpts.csv --group run --compute 5.88e23"})
final class ApproachesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    FormatOption format = new FormatOption();

    @Option(names = "--compute", paramLabel = "C", required = true,
            description = "The FLOP budget of the allocation.")
    String compute;

    @Option(names = "--group", paramLabel = "COLUMN", defaultValue = "run",
            description = "The run column of checkpoint data for Approach 1 (default: ${DEFAULT-VALUE}).")
    String run;

    @Option(names = "--by", paramLabel = "COLUMN", description = "Compare within each value of this column.")
    String by;

    @Option(names = "--resamples", paramLabel = "B", defaultValue = "1000",
            description = "Bootstrap resamples per isoFLOP curve (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Mixin
    SeedLevelOptions seedLevel = new SeedLevelOptions();

    @Override
    public Integer call() {
        double c = Parsing.number("--compute", compute);
        Dataset rows = IsoflopCommand.rows(data, spec, by, "approaches");
        IsoFlopOptions options = IsoFlopOptions.defaults().withResamples(resamples).withSeed(seedLevel.seed)
                .withLevel(seedLevel.level);
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Dataset> g : ApproachesOutput.split(rows, by).entrySet()) {
            Approaches.Comparison cmp = Approaches.compare(g.getValue(), g.getValue().has(run) ? run : null, c,
                    options);
            out.add(format.format == Format.json ? Json.line(json(g.getKey(), cmp)) : table(g.getKey(), cmp));
        }
        String text = String.join(format.format == Format.json ? "" : "\n", out);
        if (format.format == Format.json && by == null) {
            text = text.strip() + "\n";
        }
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static ObjectNode json(String group, Approaches.Comparison cmp) {
        ObjectNode n = Json.object();
        n.put("schema", "scalinglaws.approaches/1");
        if (group == null) {
            n.putNull("group");
        } else {
            n.put("group", group);
        }
        Json.number(n, "compute", cmp.compute());
        ArrayNode a = n.putArray("approaches");
        for (Approaches.Estimate e : cmp.estimates()) {
            ObjectNode o = a.addObject();
            o.put("approach", e.name());
            o.set("a", ApproachesOutput.interval(e.a()));
            o.set("b", ApproachesOutput.interval(e.b()));
            o.set("N", ApproachesOutput.interval(e.n()));
            o.set("D", ApproachesOutput.interval(e.d()));
            o.set("tokensPerParameter", ApproachesOutput.interval(e.ratio()));
            o.put("note", e.note());
            FitReport.diagnostics(o, e.diagnostics());
        }
        ArrayNode s = n.putArray("skipped");
        cmp.skipped().forEach(s::add);
        n.put("verdict", cmp.verdict());
        return n;
    }

    private static String table(String group, Approaches.Comparison cmp) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "compute-optimal allocation at C = %s%s%n", Parsing.human(cmp.compute()),
                group == null ? "" : " (" + group + ")"));
        Table t = new Table(List.of("approach", "a", "b", "N_opt", "D_opt", "D/N")).left(0);
        for (Approaches.Estimate e : cmp.estimates()) {
            t.add(e.name(), ApproachesOutput.show(e.a()), ApproachesOutput.show(e.b()),
                    ApproachesOutput.show(e.n()), ApproachesOutput.show(e.d()), ApproachesOutput.show(e.ratio()));
        }
        sb.append(t.render());
        for (Approaches.Estimate e : cmp.estimates()) {
            sb.append("note: ").append(e.name()).append(": ").append(e.note()).append('\n');
            for (dev.scalinglaws.fit.Diagnostic d : e.diagnostics()) {
                if (d.isWarningOrError()) {
                    sb.append(d.severity().label()).append(": ").append(e.name()).append(": ").append(d.code().name())
                            .append(": ").append(d.message()).append('\n');
                }
            }
        }
        for (String s : cmp.skipped()) {
            sb.append("not run: ").append(s).append('\n');
        }
        sb.append("verdict: ").append(cmp.verdict()).append('\n');
        return sb.toString();
    }
}
