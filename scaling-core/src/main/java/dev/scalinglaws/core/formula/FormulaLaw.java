/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.formula;

import java.io.ObjectStreamException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.scalinglaws.core.AbstractScalingLaw;
import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.LinearStructure;
import dev.scalinglaws.core.Parameter;

/**
 * A law written as a formula, such as {@code E + A / N^alpha + B / D^beta}: an ordinary
 * {@link dev.scalinglaws.core.ScalingLaw} that every fitter, bootstrap, profile and prediction accepts.
 *
 * <h2>Syntax</h2>
 * Operators {@code + - * / ^} (also {@code **}), unary minus, parentheses, numeric literals ({@code 2}, {@code 0.5},
 * {@code 1e-3}) and the functions {@code exp log sqrt min max} ({@code ln} is {@code log}). {@code ^} binds tightest
 * and to the right ({@code -N^2 = -(N^2)}, {@code a^b^c = a^(b^c)}). Identifiers that name a covariate (a data
 * column) are covariates; every other identifier is a parameter, in order of first appearance. Writing a parameter
 * twice ties the two places: {@code E + A/N^alpha + B/D^alpha} has one exponent.
 *
 * <h2>Defaults ({@link Role})</h2>
 * <ul>
 *   <li>{@link Role#EXPONENT}: a parameter in an exponent ({@code N^alpha}, {@code N^-alpha}) or inside
 *       {@code exp(...)}: real, unbounded, starts searched in [0, 2];</li>
 *   <li>{@link Role#SCALE}: a parameter in the base of a power or inside {@code log} or {@code sqrt}
 *       ({@code Nc} in {@code (Nc/N)^alpha}): positive, searched in log space over [1e-3, 1e15];</li>
 *   <li>{@link Role#COEFFICIENT}: a parameter that multiplies a power or exp term ({@code A} in {@code A/N^alpha}):
 *       positive, searched in log space over [1e-3, 1e9];</li>
 *   <li>{@link Role#CONSTANT}: a parameter added on its own ({@code E}): positive (an irreducible loss), searched in
 *       log space over [0.1, 10];</li>
 *   <li>{@link Role#OTHER}: anything else ({@code b} in {@code a + b*log(N)}, which multiplies no power):
 *       real, unbounded, starts in [-2, 2].</li>
 * </ul>
 * A parameter with two roles takes the first in this list. Bounds, pins and start ranges can be overridden per fit.
 *
 * <h2>Linear parameters</h2>
 * When the formula is a sum of terms, each one parameter (its coefficient, used nowhere else) times a factor free
 * of the other coefficients, the law implements {@link LinearStructure} with those coefficients, so variable
 * projection (Golub and Pereyra 1973) applies: {@code E + A/N^alpha + B/D^beta} has coefficients E, A, B and basis
 * (1, N^-alpha, D^-beta), exactly as the built-in Chinchilla law.
 *
 * <h2>Evaluation</h2>
 * The formula is compiled once into a flat instruction array evaluated a block of rows at a time; the Jacobian comes
 * from reverse-mode automatic differentiation of the same instructions (exact, no finite differences). The value in
 * log space is ln f, NaN where f is not positive. A power with a fitted exponent, {@code x^p}, is evaluated as
 * {@code exp(p ln x)} and so needs a positive base.
 *
 * <p>Immutable, thread-safe and serialisable (as its formula text, covariates and response). Two formula laws are
 * equal when their normalised formulas, covariates and responses are.
 */
public class FormulaLaw extends AbstractScalingLaw {

    private static final long serialVersionUID = 1L;

    /** The registry-style name every formula law reports. */
    public static final String NAME = "formula";

    /** What a parameter does in a formula, which sets its defaults (see the class description). */
    public enum Role {
        /** In an exponent or inside exp: real, starts in [0, 2]. */
        EXPONENT(false, 0, 2, "exponent"),
        /** In the base of a power or inside log or sqrt: positive, starts log-uniform in [1e-3, 1e15]. */
        SCALE(true, 1e-3, 1e15, "scale"),
        /** Multiplies a power or exp term: positive, starts log-uniform in [1e-3, 1e9]. */
        COEFFICIENT(true, 1e-3, 1e9, "coefficient of a power term"),
        /** Added on its own: positive, starts log-uniform in [0.1, 10]. */
        CONSTANT(true, 0.1, 10, "additive constant"),
        /** Anything else: real, starts in [-2, 2]. */
        OTHER(false, -2, 2, "parameter");

        private final boolean positive;
        private final double startLower;
        private final double startUpper;
        private final String description;

        Role(boolean positive, double startLower, double startUpper, String description) {
            this.positive = positive;
            this.startLower = startLower;
            this.startUpper = startUpper;
            this.description = description;
        }

        /**
         * Whether parameters of this role are strictly positive (optimised in log space).
         *
         * @return true for {@link #SCALE}, {@link #COEFFICIENT} and {@link #CONSTANT}
         */
        public boolean positive() {
            return positive;
        }

        /**
         * The default start range {@code {lower, upper}}.
         *
         * @return a new two-element array, lower bound first
         */
        public double[] startRange() {
            return new double[] {startLower, startUpper};
        }
    }

    /** The normalised formula text; the only non-transient field (the law serialises as {@code Form}). */
    private final String expression;
    private final transient Structure structure;
    private final transient Program program;
    private final transient Program[] bases;
    private final transient int[] linearIndices;
    private final transient double[][] startRanges;

    FormulaLaw(Node tree, String expression, Structure structure, List<Parameter> parameters, String response) {
        super(NAME, expression, "user-supplied formula", response, structure.covariates, parameters);
        this.expression = expression;
        this.structure = structure;
        Map<String, Integer> parIndex = new HashMap<>();
        for (int j = 0; j < structure.parameters.size(); j++) {
            parIndex.put(structure.parameters.get(j), j);
        }
        Map<String, Integer> covIndex = new HashMap<>();
        for (int j = 0; j < structure.covariates.size(); j++) {
            covIndex.put(structure.covariates.get(j), j);
        }
        this.program = Program.compile(tree, parIndex, covIndex);
        this.startRanges = new double[parameters.size()][];
        for (int j = 0; j < startRanges.length; j++) {
            startRanges[j] = structure.roles.get(structure.parameters.get(j)).startRange();
        }
        if (structure.linear) {
            this.bases = new Program[structure.terms.size()];
            this.linearIndices = new int[bases.length];
            for (int k = 0; k < bases.length; k++) {
                Structure.Term t = structure.terms.get(k);
                bases[k] = Program.compile(t.basis(), parIndex, covIndex);
                linearIndices[k] = parIndex.get(t.coefficient());
            }
        } else {
            this.bases = null;
            this.linearIndices = null;
        }
    }

    /**
     * Parses a formula into a law whose response is the {@code loss} column.
     *
     * @param formula        the formula, e.g. {@code "E + A / N^alpha + B / D^beta"}
     * @param covariateNames the names that are covariates (typically the data's columns); every other identifier is
     *                       a parameter
     * @return the law ({@link LinearStructure} when its coefficients enter linearly)
     * @throws FormulaException if the formula does not parse (naming the position), has no parameter or uses no
     *                          covariate
     */
    public static FormulaLaw parse(String formula, Collection<String> covariateNames) {
        return parse(formula, covariateNames, "loss");
    }

    /**
     * Parses a formula into a law with the given response column.
     *
     * @param formula        the formula
     * @param covariateNames the names that are covariates
     * @param response       the response column
     * @return the law
     * @throws FormulaException if the formula does not parse, has no parameter or uses no covariate
     */
    public static FormulaLaw parse(String formula, Collection<String> covariateNames, String response) {
        Objects.requireNonNull(covariateNames, "covariateNames");
        Objects.requireNonNull(response, "response");
        Node tree = FormulaParser.parse(formula);
        Structure s = new Structure(tree, new LinkedHashSet<>(covariateNames));
        if (s.parameters.isEmpty()) {
            throw new FormulaException(0, "the formula has no parameter to fit: every identifier ("
                    + String.join(", ", s.covariates) + ") is a covariate");
        }
        if (s.covariates.isEmpty()) {
            throw new FormulaException(0, String.format(Locale.ROOT, "the formula uses no covariate: no identifier "
                    + "(%s) names one of %s", String.join(", ", s.parameters), covariateNames));
        }
        if (s.covariates.contains(response)) {
            throw new FormulaException(0, "the response '" + response + "' cannot also be a covariate");
        }
        List<Parameter> params = new ArrayList<>();
        for (String p : s.parameters) {
            Role role = s.roles.get(p);
            boolean linear = false;
            if (s.linear) {
                for (Structure.Term t : s.terms) {
                    linear |= p.equals(t.coefficient());
                }
            }
            double lower = role.positive() ? 0 : Double.NEGATIVE_INFINITY;
            params.add(new Parameter(p, lower, Double.POSITIVE_INFINITY, role.positive(), linear,
                    role.description));
        }
        String normalised = tree.toString();
        return s.linear ? new Linear(tree, normalised, s, params, response)
                : new FormulaLaw(tree, normalised, s, params, response);
    }

    /**
     * The identifiers of a formula with the 1-based position of their first use, in order of first use.
     *
     * @param formula the formula
     * @return identifier to position
     * @throws FormulaException if the formula does not parse
     */
    public static Map<String, Integer> identifiers(String formula) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        FormulaParser.parse(formula).forEach(n -> {
            if (n.isVariable()) {
                out.putIfAbsent(n.name, n.position);
            }
        });
        return out;
    }

    /**
     * The normalised formula (also {@link #formula()}), which parses back to an equal law.
     *
     * @return the normalised formula text
     */
    public String expression() {
        return expression;
    }

    /**
     * The role that sets a parameter's defaults.
     *
     * @param parameterName a parameter of this law
     * @return its role
     */
    public Role role(String parameterName) {
        indexOf(parameterName);
        return structure.roles.get(parameterName);
    }

    /**
     * This law with another response column: the same formula and covariates.
     *
     * @param newResponse the name of the response column
     * @return a new formula law reading {@code newResponse}
     * @throws FormulaException if {@code newResponse} is one of the covariates
     */
    public FormulaLaw withResponse(String newResponse) {
        return parse(expression, covariates(), newResponse);
    }

    /** Number of compiled instructions (for diagnostics and tests). */
    int instructions() {
        return program.length();
    }

    @Override
    public double[] startRange(int j) {
        return startRanges[j].clone();
    }

    @Override
    public boolean requiresPositiveCovariates() {
        if (program.readsLogs()) {
            return true;
        }
        if (bases != null) {
            for (Program b : bases) {
                if (b.readsLogs()) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void evaluate(double[] theta, Columns x, int from, int to, double[] value, double[][] jacobian) {
        program.run(theta, x, from, to, value, jacobian, false);
    }

    @Override
    public void evaluateLog(double[] theta, Columns x, int from, int to, double[] logValue, double[][] jacobian) {
        program.run(theta, x, from, to, logValue, jacobian, true);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof FormulaLaw f && f.expression.equals(expression) && f.covariates().equals(covariates())
                && f.response().equals(response());
    }

    @Override
    public int hashCode() {
        return Objects.hash(expression, covariates(), response());
    }

    /**
     * Serialises as the formula text, covariates and response, and parses again on reading.
     *
     * @return the serial form that stands in for this law
     * @throws ObjectStreamException never; declared as the serialisation protocol allows
     */
    protected final Object writeReplace() throws ObjectStreamException {
        return new Form(expression, List.copyOf(covariates()), response());
    }

    @Override
    protected Object readResolve() {
        return this;
    }

    /** The serial form. */
    private record Form(String formula, List<String> covariates, String response) implements java.io.Serializable {
        private Object readResolve() throws ObjectStreamException {
            return FormulaLaw.parse(formula, covariates, response);
        }
    }

    /** A formula law whose coefficients enter linearly. */
    private static final class Linear extends FormulaLaw implements LinearStructure {

        private static final long serialVersionUID = 1L;

        Linear(Node tree, String expression, Structure structure, List<Parameter> parameters, String response) {
            super(tree, expression, structure, parameters, response);
        }

        @Override
        public int[] linearParameters() {
            return super.linearIndices.clone();
        }

        @Override
        public void basis(double[] theta, Columns x, int from, int to, double[][] basis) {
            Program[] b = super.bases;
            for (int k = 0; k < b.length; k++) {
                b[k].run(theta, x, from, to, basis[k], null, false);
            }
        }
    }
}
