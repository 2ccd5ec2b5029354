/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.core.formula.FormulaException;
import dev.scalinglaws.core.formula.FormulaLaw;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --formula EXPR}: a law written out, in place of {@code --law NAME} (a picocli mixin). Identifiers that name
 * a column of the data (after {@code --column} mappings) are covariates; the others are parameters. The response is
 * the {@code loss} column.
 */
final class FormulaOption {

    /** Conventional covariate names: one of these that is not a column is a missing column, not a parameter. */
    private static final Set<String> COVARIATE_NAMES = Set.of("N", "D", "C", "U", "M", "S", "x");

    @Option(names = "--formula", paramLabel = "EXPR",
            description = "A law written out, instead of --law: e.g. 'E + A/N^alpha + B/D^beta'. Operators + - * / ^, "
                    + "functions exp log sqrt min max; identifiers naming a data column are covariates, the others "
                    + "parameters (a name used twice is one parameter). The response is the loss column "
                    + "(--column loss=HEADER maps it). See docs/laws.md.")
    String text;

    /** Whether --formula was given. */
    boolean given() {
        return text != null;
    }

    /**
     * Fails if both --formula and --law were given on the command line.
     *
     * @param spec the command
     */
    void checkExclusive(CommandSpec spec) {
        if (given() && spec.commandLine().getParseResult().hasMatchedOption("--law")) {
            throw new CliException("give --law NAME or --formula EXPR, not both");
        }
    }

    /**
     * The formula as a law over the columns of the data.
     *
     * @param raw the data as read, with the --column mappings
     * @return the law
     * @throws CliException naming the position for a formula that does not parse, or the identifier that looks
     *                      like a missing column
     */
    ScalingLaw law(Dataset raw) {
        List<String> columns = new ArrayList<>(raw.columnNames());
        columns.remove("loss");
        FormulaLaw law;
        try {
            law = FormulaLaw.parse(text, columns);
        } catch (FormulaException e) {
            throw new CliException("--formula: " + e.getMessage()
                    + (e.position() == 0 ? " (columns: " + String.join(", ", columns) + ")" : ""), e);
        }
        Map<String, Integer> positions = FormulaLaw.identifiers(text);
        for (var p : law.parameters()) {
            String name = p.name();
            String column = null;
            for (String c : columns) {
                if (c.equalsIgnoreCase(name)) {
                    column = c;
                }
            }
            if (column != null) {
                throw new CliException(String.format(Locale.ROOT, "--formula: position %d: '%s' is not a column; "
                        + "did you mean the column '%s'?", positions.get(name), name, column));
            }
            if (COVARIATE_NAMES.contains(name)) {
                throw new CliException(String.format(Locale.ROOT, "--formula: position %d: '%s' is not a column of "
                        + "%s (columns: %s); map one with --column %s=HEADER", positions.get(name), name,
                        raw.source(), String.join(", ", columns), name));
            }
        }
        if (!raw.has("loss")) {
            throw new CliException(String.format(Locale.ROOT, "--formula: the response column 'loss' is missing "
                    + "from %s (columns: %s); map it with --column loss=HEADER", raw.source(),
                    String.join(", ", columns)));
        }
        checkDetermined(law, raw);
        return law;
    }

    /**
     * Fails if some parameters cannot be determined from the data whatever their values: the Jacobian of the
     * (log) law with respect to the parameters (log parameters for positive ones) has a zero column or a null
     * direction at three spread-out points of the start ranges. Names the parameters of the null direction.
     *
     * @param law  the law
     * @param data rows with the law's covariates (rows where one is missing, or not positive when the law takes
     *             its logarithm, are skipped)
     */
    static void checkDetermined(ScalingLaw law, Dataset data) {
        int p = law.parameterCount();
        List<double[]> cols = new ArrayList<>();
        for (String c : law.covariates()) {
            cols.add(data.column(c));
        }
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            boolean ok = true;
            for (double[] c : cols) {
                ok &= Double.isFinite(c[i]) && (!law.requiresPositiveCovariates() || c[i] > 0);
            }
            if (ok) {
                keep.add(i);
            }
        }
        int n = keep.size();
        if (n == 0) {
            return;
        }
        double[][] x = new double[cols.size()][n];
        for (int j = 0; j < cols.size(); j++) {
            for (int k = 0; k < n; k++) {
                x[j][k] = cols.get(j)[keep.get(k)];
            }
        }
        Columns columns = Columns.of(x);
        String worst = null;
        for (double q : new double[] {0.5, 0.3, 0.7}) {
            double[] theta = new double[p];
            for (int j = 0; j < p; j++) {
                double[] r = law.startRange(j);
                theta[j] = law.parameters().get(j).positive()
                        ? Math.exp(Math.log(r[0]) + q * (Math.log(r[1]) - Math.log(r[0]))) : r[0] + q * (r[1] - r[0]);
            }
            double[] value = new double[n];
            double[][] jac = new double[p][n];
            law.evaluate(theta, columns, 0, n, value, jac);
            String problem = nullDirection(law, theta, jac);
            if (problem == null) {
                return;
            }
            worst = problem;
        }
        if (worst != null) {
            throw new CliException("--formula: " + worst);
        }
    }

    /** The parameters of a null direction of the Jacobian, as a message, or null if it has full rank. */
    private static String nullDirection(ScalingLaw law, double[] theta, double[][] jac) {
        int p = jac.length;
        double[] norm = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0;
            double scale = law.parameters().get(j).positive() ? theta[j] : 1;
            for (int k = 0; k < jac[j].length; k++) {
                jac[j][k] *= scale;
                s += jac[j][k] * jac[j][k];
            }
            norm[j] = Math.sqrt(s);
            if (!Double.isFinite(norm[j])) {
                return null;
            }
        }
        for (int j = 0; j < p; j++) {
            if (norm[j] == 0) {
                return String.format(Locale.ROOT, "parameter '%s' cannot be determined: the formula does not "
                        + "change with it on these data", law.parameters().get(j).name());
            }
        }
        double[][] g = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b <= a; b++) {
                double s = 0;
                for (int k = 0; k < jac[a].length; k++) {
                    s += jac[a][k] * jac[b][k];
                }
                g[a][b] = s / (norm[a] * norm[b]);
                g[b][a] = g[a][b];
            }
        }
        org.apache.commons.math3.linear.EigenDecomposition eig = new org.apache.commons.math3.linear
                .EigenDecomposition(new org.apache.commons.math3.linear.Array2DRowRealMatrix(g, false));
        double[] ev = eig.getRealEigenvalues();
        int min = 0;
        for (int j = 1; j < p; j++) {
            if (ev[j] < ev[min]) {
                min = j;
            }
        }
        if (ev[min] > 1e-12 * p) {
            return null;
        }
        double[] v = eig.getEigenvector(min).toArray();
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            if (Math.abs(v[j]) > 0.1) {
                names.add(law.parameters().get(j).name());
            }
        }
        return String.format(Locale.ROOT, "parameters %s cannot all be determined: on these data the formula "
                + "depends only on a combination of them; pin one with --pin or rewrite the formula",
                String.join(", ", names));
    }
}
