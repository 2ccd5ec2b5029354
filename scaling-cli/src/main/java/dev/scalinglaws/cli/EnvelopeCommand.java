/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.fit.approaches.Envelope;
import dev.scalinglaws.fit.approaches.EnvelopeResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scaling envelope}: Hoffmann et al.'s Approach 1 on checkpoint data; a thin shell over {@link Envelope}. */
@Command(name = "envelope", sortOptions = false,
        description = {"The lower envelope of the training curves (Hoffmann et al. 2022, Approach 1): at each "
                + "compute C = 6 N tokens the run of lowest loss, then N_opt(C) = k C^a and D_opt(C) = k' C^b with "
                + "intervals from a bootstrap over runs."},
        footer = {"", "Examples:",
            "  scaling envelope --data docs/examples/checkpoints.csv",
            "  scaling envelope --data ckpts.csv --group model --grid 1500 --format json",
            "", "Input: checkpoint rows run, N, tokens (or D) and loss."})
final class EnvelopeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Option(names = "--group", paramLabel = "COLUMN", defaultValue = "run",
            description = "The column naming each checkpoint's run (default: ${DEFAULT-VALUE}).")
    String run;

    @Option(names = "--by", paramLabel = "COLUMN", description = "Analyse each value of this column separately.")
    String by;

    @Option(names = "--grid", paramLabel = "G", defaultValue = "200",
            description = "Values of C, evenly spaced in ln C over the checkpoints' range; those covered by at least "
                    + "two runs are used (default: ${DEFAULT-VALUE}; Hoffmann et al. used 1500).")
    int grid;

    @Option(names = "--resamples", paramLabel = "B", defaultValue = "1000",
            description = "Bootstrap resamples of the runs (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Mixin
    SeedLevelOptions seedLevel = new SeedLevelOptions();

    @Override
    public Integer call() {
        output.guard(data.inputs());
        Dataset rows = IsoflopCommand.rows(data, spec, by, "envelope");
        List<EnvelopeResult> results = new ArrayList<>();
        for (Map.Entry<String, Dataset> g : ApproachesOutput.split(rows, by).entrySet()) {
            results.add(Envelope.fit(g.getValue(), run, grid, resamples, seedLevel.seed, seedLevel.level, Double.NaN,
                    g.getKey()));
        }
        String text = switch (output.format()) {
            case json -> by == null ? Json.pretty(ApproachesOutput.envelopeJson(results.get(0)))
                    : results.stream().map(r -> Json.line(ApproachesOutput.envelopeJson(r)))
                    .reduce("", String::concat);
            case table, csv -> String.join("\n", results.stream().map(ApproachesOutput::envelopeTable).toList());
        };
        output.emit(text, spec.commandLine().getOut(), data.inputs());
        return 0;
    }
}
