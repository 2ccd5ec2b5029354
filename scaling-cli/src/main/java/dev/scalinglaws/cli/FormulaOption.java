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
        return law;
    }
}
