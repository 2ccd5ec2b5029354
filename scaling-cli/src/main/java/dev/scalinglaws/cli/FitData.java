/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalinglaws.core.CsvReader;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.datasets.Datasets;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Loss;
import dev.scalinglaws.fit.ResidualSpace;
import dev.scalinglaws.fit.Starts;

/**
 * A fit file brought back to life for intervals: the rows it was fitted to (its data source read again, with its
 * --where, group and --drop-top-loss applied as {@code plot} does) and a {@link FitResult} refitted from the stored
 * estimates with the stored residual space, loss, pins and bounds. Uncertainty needs both; the JSON holds neither.
 *
 * @param result the refitted result (at the stored optimum)
 * @param used   the rows of the fit
 * @param inputs the files read (never overwritten by --output)
 */
record FitData(FitResult result, Dataset used, List<Path> inputs) {

    FitData {
        inputs = List.copyOf(inputs);
    }

    /**
     * The data a fit was made from, read again.
     *
     * @param raw    the rows as read, with the column mappings (before the law's covariates, --where and groups)
     * @param inputs the fit file and the files read (never overwritten by --output)
     */
    record Source(Dataset raw, List<Path> inputs) {

        Source {
            inputs = List.copyOf(inputs);
        }
    }

    /**
     * Reads the data of a fit and refits from its estimates.
     *
     * @param f       the fit file
     * @param file    --data override, or null to use the fit's own source
     * @param columns --column mappings for the data
     * @return the fit and its rows
     */
    static FitData of(FitFile f, Path file, List<String> columns) {
        Source source = source(f, file, columns, String.format(Locale.ROOT, "%s: intervals need the rows the law was "
                + "fitted to, and its data source '%s' cannot be found; give --data FILE (and --column as for the fit)",
                f.path(), f.source()));
        Dataset used = select(f, source.raw()).used();
        return new FitData(refit(f, used), used, source.inputs());
    }

    /**
     * Reads the data of a fit: {@code file} if given, else the fit's own source (a bundled dataset or the CSV it
     * read), with the --column mappings given or, without any, the fit's own.
     *
     * @param f       the fit file
     * @param file    --data override, or null to use the fit's own source
     * @param columns --column mappings for the data
     * @param missing the message when there is no {@code file} and the fit's source cannot be found
     * @return the rows and the files read
     */
    static Source source(FitFile f, Path file, List<String> columns, String missing) {
        Dataset raw;
        List<Path> inputs = new ArrayList<>(List.of(f.path()));
        Map<String, String> mapping = columns.isEmpty() ? f.columns() : Parsing.keyValues("--column", columns);
        if (file != null) {
            raw = CsvReader.defaults().withColumns(mapping).read(file);
            inputs.add(file);
        } else if (f.source() != null && f.source().startsWith("dataset:")) {
            raw = Datasets.byName(f.source().substring("dataset:".length()));
        } else if (f.source() != null && Files.isRegularFile(Path.of(f.source()))) {
            raw = CsvReader.defaults().withColumns(mapping).read(Path.of(f.source()));
            inputs.add(Path.of(f.source()));
        } else {
            throw new CliException(missing);
        }
        return new Source(raw, inputs);
    }

    /**
     * The rows of a fit, selected from its data as the fit selected them (the law's covariates, its --where, group
     * and --drop-top-loss), as {@code plot} shows them.
     *
     * @param f   the fit file
     * @param raw its data as read
     * @return the used and excluded rows
     */
    static PlotData select(FitFile f, Dataset raw) {
        String weight = f.spec().path("weight").isTextual() ? f.spec().get("weight").asText() : null;
        Dataset rows = weight == null ? raw : weighted(f, raw, weight);
        return PlotData.select(f.law(), f.theta(), f.status(), raw.source(), rows.withCovariatesFor(f.law(), null),
                f.selection());
    }

    /** The rows with the fit's --weight column as weights; a missing column names the fit file. */
    private static Dataset weighted(FitFile f, Dataset raw, String weight) {
        if (!raw.has(weight)) {
            throw new CliException(String.format(Locale.ROOT, "%s: the fit was weighted by column '%s', which its "
                    + "data %s does not have", f.path(), weight, raw.source()));
        }
        return raw.withWeights(weight);
    }

    /**
     * Refits a fit to its rows from its estimates, with its own spec (see {@link #spec}).
     *
     * @param f    the fit file
     * @param used the rows of the fit
     * @return the result at the stored optimum
     */
    static FitResult refit(FitFile f, Dataset used) {
        return Fitter.fit(f.law(), used, spec(f));
    }

    /** The fit's own spec (residual, loss, pins, bounds), one thread, started at its estimates. */
    static FitSpec spec(FitFile f) {
        JsonNode s = f.spec();
        FitSpec spec = FitSpec.defaults().withThreads(1);
        String residual = s.path("residual").asText("log");
        spec = spec.withResidual(residual.equals("linear") ? ResidualSpace.LINEAR : ResidualSpace.LOG);
        JsonNode delta = s.path("delta");
        spec = spec.withLoss(Loss.byName(s.path("loss").asText("huber"), delta.isNumber() ? delta.asDouble() : 1e-3));
        for (var e : s.path("pins").properties()) {
            spec = spec.withPin(e.getKey(), e.getValue().asDouble());
        }
        for (var e : s.path("bounds").properties()) {
            JsonNode b = e.getValue();
            spec = spec.withBound(e.getKey(), b.path(0).isNumber() ? b.get(0).asDouble() : Double.NEGATIVE_INFINITY,
                    b.path(1).isNumber() ? b.get(1).asDouble() : Double.POSITIVE_INFINITY);
        }
        return spec.withStarts(Starts.of(List.of(f.theta())));
    }
}
