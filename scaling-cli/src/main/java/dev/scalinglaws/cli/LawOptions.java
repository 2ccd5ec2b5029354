/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.DataException;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.core.ScalingLaws;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.Loss;
import dev.scalinglaws.fit.ResidualSpace;
import picocli.CommandLine.Option;

/**
 * {@code fit}'s options for the law's shape and the rows' weights: {@code --tie NAME=OTHER} (a tied parameter equals
 * another and is not fitted), {@code --weight COLUMN} (row weights in the objective) and {@code --residuals FILE.csv}
 * (every fitted row with its fitted value, residual and robust weight), as a picocli mixin.
 */
final class LawOptions {

    @Option(names = "--tie", paramLabel = "NAME=OTHER",
            description = "Tie a parameter to another: --tie beta=alpha fits one exponent for both (beta is not a "
                    + "free parameter; degrees of freedom and intervals count the tie). Repeatable.")
    List<String> ties = new ArrayList<>();

    @Option(names = "--weight", paramLabel = "COLUMN",
            description = "Row weights in the objective, from a numeric column (finite, non-negative; 0 drops a row). "
                    + "Recorded in the JSON spec.")
    String weight;

    @Option(names = "--residuals", paramLabel = "FILE.csv",
            description = "Also write every fitted row: its covariates, observed and fitted value, residual (in the "
                    + "fit's residual space), row weight and robust weight (written atomically).")
    Path residuals;

    private final List<Rows> fitted = new ArrayList<>();

    /** One fit's rows, for --residuals. */
    private record Rows(String group, FitResult result, Dataset used) {
    }

    /**
     * The law with the --tie ties applied.
     *
     * @param law the named law
     * @return the tied law, or {@code law} without --tie
     */
    ScalingLaw tie(ScalingLaw law) {
        if (ties.isEmpty()) {
            return law;
        }
        try {
            return ScalingLaws.tie(law, Parsing.keyValues("--tie", ties));
        } catch (IllegalArgumentException e) {
            throw new CliException("--tie: " + e.getMessage(), e);
        }
    }

    /**
     * The rows with the --weight column as their weights.
     *
     * @param rows the rows to fit
     * @return weighted rows, or {@code rows} without --weight
     */
    Dataset weigh(Dataset rows) {
        if (weight == null) {
            return rows;
        }
        if (!rows.has(weight)) {
            throw new DataException(rows.source(), -1, weight, null, "--weight names no such column; columns are: "
                    + String.join(", ", rows.columnNames()));
        }
        Dataset d = rows.withWeights(weight);
        d.weights(); // validates every weight (finite, non-negative), naming the row
        return d;
    }

    /**
     * Remembers one fit for --residuals.
     *
     * @param group  the --by group or null
     * @param result the fit
     * @param used   its rows
     */
    void record(String group, FitResult result, Dataset used) {
        if (residuals != null) {
            fitted.add(new Rows(group, result, used));
        }
    }

    /**
     * Checks the --residuals file before fitting (not an input, not the same as another output).
     *
     * @param inputs files the command reads
     * @param others other output files (may hold nulls)
     */
    void guard(Collection<Path> inputs, Path... others) {
        if (residuals == null) {
            return;
        }
        Output.guard(residuals, inputs);
        for (Path o : others) {
            if (o != null && o.toAbsolutePath().normalize().equals(residuals.toAbsolutePath().normalize())) {
                throw new CliException("--residuals and another output name the same file: " + residuals);
            }
        }
    }

    /**
     * Writes the --residuals file, if asked for.
     *
     * @param inputs files the command read (never overwritten)
     */
    void writeResiduals(Collection<Path> inputs) {
        if (residuals == null) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        boolean groups = fitted.stream().anyMatch(r -> r.group() != null);
        for (Rows r : fitted) {
            ScalingLaw law = r.result().law();
            if (sb.length() == 0) {
                sb.append(groups ? "group," : "").append("row,");
                law.covariates().forEach(c -> sb.append(Table.csvCell(c)).append(','));
                sb.append("observed,fitted,residual,weight,robustWeight\n");
            }
            append(sb, r, groups);
        }
        Output.emit(residuals, sb.toString(), null, inputs);
    }

    private static void append(StringBuilder sb, Rows r, boolean groups) {
        FitResult result = r.result();
        ScalingLaw law = result.law();
        Dataset used = r.used().withCovariatesFor(law, null);
        Columns x = used.covariates(law);
        int n = used.size();
        double[] fitted = new double[n];
        law.evaluate(result.theta(), x, 0, n, fitted, null);
        double[] observed = used.column(law.response());
        double[] w = used.weights();
        double[] residual = result.residuals();
        Loss loss = result.spec().loss();
        double scale = loss.fitsScale() ? result.scale() : 1;
        for (int i = 0; i < n; i++) {
            double res = residual.length == n ? residual[i] : result.spec().residual() == ResidualSpace.LOG
                    ? Math.log(fitted[i]) - Math.log(observed[i]) : fitted[i] - observed[i];
            double z = res / scale;
            double robust = z == 0 ? 1 : loss.psi(z) / z;
            if (groups) {
                sb.append(r.group() == null ? "" : Table.csvCell(r.group())).append(',');
            }
            sb.append(used.rowNumber(i)).append(',');
            for (int j = 0; j < x.count(); j++) {
                sb.append(FitReport.csvNumber(x.value(j, i))).append(',');
            }
            sb.append(String.join(",", FitReport.csvNumber(observed[i]), FitReport.csvNumber(fitted[i]),
                    FitReport.csvNumber(res), FitReport.csvNumber(w[i]), FitReport.csvNumber(robust))).append('\n');
        }
    }

    /** The ties as the JSON and the table show them, e.g. {@code beta = alpha}. */
    static String describe(Map<String, String> ties) {
        List<String> parts = new ArrayList<>();
        ties.forEach((d, s) -> parts.add(String.format(Locale.ROOT, "%s = %s", d, s)));
        return String.join(", ", parts);
    }
}
