/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalinglaws.core.Parameter;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.core.formula.FormulaException;
import dev.scalinglaws.core.formula.FormulaLaw;
import picocli.CommandLine.Option;

/**
 * {@code --fit FIT.json}: the saved fit a command works from, as a picocli mixin shared by {@code predict},
 * {@code optimal} and {@code plot}; or, instead of a fit, a law with given parameter values ({@code --law NAME
 * --params NAME=VALUE,...}, published constants say), which needs neither data nor a fit file.
 */
final class FitOption {

    /** What messages call a law with --params instead of a fit file. */
    static final Path GIVEN = Path.of("--params");

    @Option(names = "--fit", paramLabel = "FIT.json",
            description = "A fit written by 'scaling fit --format json' (or give --law and --params).")
    Path path;

    @Option(names = "--law", paramLabel = "NAME",
            description = "With --params: the law, instead of a fit file.")
    String law;

    @Option(names = "--formula", paramLabel = "EXPR",
            description = "With --params: a law written out (see 'scaling fit --formula'), instead of --law; its "
                    + "identifiers not named in --params are covariates.")
    String formula;

    @Option(names = "--params", paramLabel = "NAME=VALUE[,...]",
            description = "Every parameter of --law, e.g. E=1.69,A=406.4,B=410.7,alpha=0.34,beta=0.28 (published "
                    + "constants: no data, no fit file, no intervals).")
    String params;

    /** The files this option reads (none for --params). */
    List<Path> inputs() {
        return path == null || path == GIVEN ? List.of() : List.of(path);
    }

    /** Whether the parameters were given (--params), not fitted. */
    boolean given() {
        return path == GIVEN;
    }

    /** The --formula law whose parameters are the --params names; its other identifiers are covariates. */
    private ScalingLaw formulaLaw(java.util.Set<String> parameterNames) {
        try {
            List<String> covariates = new ArrayList<>(FormulaLaw.identifiers(formula).keySet());
            covariates.removeAll(parameterNames);
            return FormulaLaw.parse(formula, covariates);
        } catch (FormulaException e) {
            throw new CliException("--formula: " + e.getMessage(), e);
        }
    }

    /** Reads the fit file (see {@link FitFile#read}), or makes a fit of the given parameters. */
    FitFile read() {
        if (params == null && law == null && formula == null) {
            if (path == null) {
                throw new CliException("give --fit FIT.json, or --law NAME with --params NAME=VALUE,...");
            }
            return FitFile.read(path);
        }
        if (path != null && path != GIVEN) {
            throw new CliException("give --fit FIT.json or --law NAME --params ..., not both");
        }
        if (law != null && formula != null) {
            throw new CliException("give --law NAME or --formula EXPR, not both");
        }
        if (law == null && formula == null || params == null) {
            throw new CliException(params != null ? "--params needs --law NAME (or --formula EXPR)"
                    : (law != null ? "--law" : "--formula") + " needs --params NAME=VALUE,... (every parameter of "
                    + "the law)");
        }
        Map<String, Double> values = Parsing.point("--params", params);
        ScalingLaw l = law != null ? FitCommand.law(law) : formulaLaw(values.keySet());
        List<String> names = l.parameters().stream().map(Parameter::name).toList();
        for (String k : values.keySet()) {
            if (!names.contains(k)) {
                throw new CliException(String.format(Locale.ROOT, "--params: law %s has no parameter '%s'; it has %s",
                        l.name(), k, names));
            }
        }
        List<String> missing = new ArrayList<>(names);
        missing.removeAll(values.keySet());
        if (!missing.isEmpty()) {
            throw new CliException(String.format(Locale.ROOT, "--params: law %s needs every parameter; missing %s",
                    l.name(), String.join(", ", missing)));
        }
        double[] theta = new double[names.size()];
        ObjectNode spec = Json.object();
        ObjectNode pins = spec.putObject("pins");
        for (int j = 0; j < theta.length; j++) {
            Parameter p = l.parameters().get(j);
            theta[j] = values.get(p.name());
            if (!p.admits(theta[j])) {
                throw new CliException(String.format(Locale.ROOT, "--params: %s=%s lies outside its range [%s, %s]%s",
                        p.name(), Parsing.human(theta[j]), p.lower(), p.upper(),
                        p.positive() ? " (it must be positive)" : ""));
            }
            Json.number(pins, p.name(), theta[j]);
        }
        path = GIVEN;
        return new FitFile(GIVEN, l, theta, "GIVEN", null, List.of(), null, null, 0, new LinkedHashMap<>(), spec,
                Map.of(), null, com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }
}
