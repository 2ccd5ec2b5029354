/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalinglaws.core.CsvReader;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.core.dynamics.Checkpoints;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.Fitter;

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
