/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A law with tied parameters: each tied (dependent) parameter of the base law equals another (its source) and is no
 * parameter of its own. For example Chinchilla with {@code beta = alpha}, as Muennighoff et al. 2023
 * (arXiv:2305.16264) and Li et al. 2025 fit it:
 *
 * <pre>
 *   f_tied(x; phi) = f(x; T phi),    theta_j = phi_{source(j)} for a tied j, phi_j otherwise
 *   d f_tied / d phi_k = SUM_{j : T maps k to j} d f / d theta_j             (chain rule)
 * </pre>
 *
 * so a fit of the tied law has one parameter fewer per tie: degrees of freedom, covariances and intervals all count
 * the tie, which a pin would not. The reduced parameter keeps the source's name and takes the intersection of both
 * parameters' bounds (positive if either is).
 *
 * <p>When no tie touches a linear parameter of a base law with {@link LinearStructure}, the tied law keeps that
 * structure (same coefficients, same basis), so variable projection still applies; obtain instances from
 * {@link ScalingLaws#tie}. Immutable and thread-safe; equal when base law and ties are equal.
 */
public class TiedLaw implements ScalingLaw, java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** The law whose parameters are tied. */
    private final ScalingLaw base;
    /** The ties, dependent parameter name to source parameter name, in the order given (unmodifiable). */
    private final Map<String, String> ties;
    /** The reduced parameters: the base law's less the tied ones, each source merged with those tied to it. */
    private final List<Parameter> parameters;
    /** For each base parameter j, the index of the reduced parameter that gives its value. */
    private final int[] source;
    /** Number of base parameters. */
    private final int baseCount;

    TiedLaw(ScalingLaw base, Map<String, String> ties) {
        this.base = Objects.requireNonNull(base, "base");
        Objects.requireNonNull(ties, "ties");
        if (ties.isEmpty()) {
            throw new IllegalArgumentException("no ties given for law " + base.name());
        }
        Map<String, String> t = new LinkedHashMap<>();
        List<Parameter> bp = base.parameters();
        for (Map.Entry<String, String> e : ties.entrySet()) {
            String dependent = e.getKey() == null ? "" : e.getKey().trim();
            String src = e.getValue() == null ? "" : e.getValue().trim();
            base.indexOf(dependent);
            base.indexOf(src);
            if (dependent.equals(src)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "tie %s = %s ties a parameter to itself", dependent, src));
            }
            if (ties.containsKey(src)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "tie %s = %s: %s is itself tied to %s; tie both to %s", dependent, src, src, ties.get(src),
                        ties.get(src)));
            }
            t.put(dependent, src);
        }
        this.ties = Collections.unmodifiableMap(t);
        this.baseCount = bp.size();
        List<Parameter> reduced = new ArrayList<>();
        int[] reducedIndex = new int[bp.size()];
        Arrays.fill(reducedIndex, -1);
        for (int j = 0; j < bp.size(); j++) {
            Parameter p = bp.get(j);
            if (t.containsKey(p.name())) {
                continue;
            }
            Parameter merged = p;
            for (Map.Entry<String, String> e : t.entrySet()) {
                if (e.getValue().equals(p.name())) {
                    merged = merge(merged, bp.get(base.indexOf(e.getKey())));
                }
            }
            reducedIndex[j] = reduced.size();
            reduced.add(merged);
        }
        this.source = new int[bp.size()];
        for (int j = 0; j < bp.size(); j++) {
            String name = bp.get(j).name();
            this.source[j] = t.containsKey(name) ? reducedIndex[base.indexOf(t.get(name))] : reducedIndex[j];
        }
        this.parameters = List.copyOf(reduced);
    }

    private static Parameter merge(Parameter a, Parameter b) {
        double lo = Math.max(a.lower(), b.lower());
        double hi = Math.min(a.upper(), b.upper());
        boolean positive = a.positive() || b.positive();
        if (lo > hi || positive && hi <= 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "tie %s = %s: their bounds [%s, %s] and [%s, %s] do not overlap", b.name(), a.name(),
                    b.lower(), b.upper(), a.lower(), a.upper()));
        }
        // a tied coefficient multiplies a sum of basis functions; linear only if both sides were
        return new Parameter(a.name(), lo, hi, positive, a.linear() && b.linear(), a.description());
    }

    /** {@return the law whose parameters are tied} */
    public ScalingLaw base() {
        return base;
    }

    /**
     * The base law's derived parameters on this law's reduced parameters: g(theta) = g_base(expand(theta)), so a tied
     * Chinchilla law keeps Hoffmann et al. 2022's a, b and G (arXiv:2203.15556, eq. 4; with beta = alpha, a = b =
     * 1/2).
     *
     * @return the base law's derived parameters, in its order, composed with {@link #expand}
     */
    @Override
    public java.util.List<DerivedParameter> derivedParameters() {
        java.util.List<DerivedParameter> out = new java.util.ArrayList<>();
        for (DerivedParameter p : base.derivedParameters()) {
            out.add(DerivedParameter.of(p.name(), p.description(), t -> p.value(expand(t))));
        }
        return java.util.List.copyOf(out);
    }

    /** {@return the ties, dependent parameter name to source parameter name, in the order given (unmodifiable)} */
    public Map<String, String> ties() {
        return ties;
    }

    /**
     * The base law's parameters from the reduced ones: each tied parameter takes its source's value.
     *
     * @param reduced parameters in the order of {@link #parameters()}
     * @return parameters in the base law's order (a new array)
     */
    public double[] expand(double[] reduced) {
        if (reduced.length != parameters.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "law %s has %d parameters, got %d",
                    name(), parameters.size(), reduced.length));
        }
        double[] full = new double[baseCount];
        for (int j = 0; j < baseCount; j++) {
            full[j] = reduced[source[j]];
        }
        return full;
    }

    /**
     * The reduced parameters from the base law's: each tied parameter is dropped (its value is not checked).
     *
     * @param full parameters in the base law's order
     * @return parameters in the order of {@link #parameters()} (a new array)
     */
    public double[] reduce(double[] full) {
        double[] r = new double[parameters.size()];
        for (int j = 0; j < baseCount; j++) {
            if (!ties.containsKey(base.parameters().get(j).name())) {
                r[source[j]] = full[j];
            }
        }
        return r;
    }

    /** {@code base[dependent=source,...]}, e.g. {@code chinchilla[beta=alpha]}. */
    @Override
    public String name() {
        StringBuilder sb = new StringBuilder(base.name()).append('[');
        ties.forEach((d, s) -> sb.append(sb.charAt(sb.length() - 1) == '[' ? "" : ",").append(d).append('=')
                .append(s));
        return sb.append(']').toString();
    }

    /** The base formula followed by the ties, e.g. {@code L = E + A/N^alpha + B/D^beta, beta = alpha}. */
    @Override
    public String formula() {
        StringBuilder sb = new StringBuilder(base.formula());
        ties.forEach((d, s) -> sb.append(", ").append(d).append(" = ").append(s));
        return sb.toString();
    }

    @Override
    public String citation() {
        return base.citation();
    }

    @Override
    public List<String> covariates() {
        return base.covariates();
    }

    @Override
    public String response() {
        return base.response();
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The source parameter's start range in the base law. */
    @Override
    public double[] startRange(int j) {
        return base.startRange(base.indexOf(parameters.get(j).name()));
    }

    @Override
    public boolean requiresPositiveCovariates() {
        return base.requiresPositiveCovariates();
    }

    @Override
    public boolean positiveResponse() {
        return base.positiveResponse();
    }

    @Override
    public void evaluate(double[] theta, Columns x, int from, int to, double[] value, double[][] jacobian) {
        double[][] full = jacobian == null ? null : scratch(to - from);
        base.evaluate(expand(theta), x, from, to, value, full);
        fold(full, jacobian, to - from);
    }

    @Override
    public void evaluateLog(double[] theta, Columns x, int from, int to, double[] logValue, double[][] jacobian) {
        double[][] full = jacobian == null ? null : scratch(to - from);
        base.evaluateLog(expand(theta), x, from, to, logValue, full);
        fold(full, jacobian, to - from);
    }

    /**
     * The base law's Jacobian buffer of this thread, grown as needed: evaluations in hot loops allocate nothing
     * once it is large enough (tied laws are flattened by {@link ScalingLaws#tie}, so no evaluation nests another
     * on the same thread).
     */
    private double[][] scratch(int rows) {
        double[][] s = SCRATCH.get();
        if (s == null || s.length < baseCount || s[0].length < rows) {
            int width = Math.max(rows, s == null ? 0 : s[0].length);
            s = new double[Math.max(baseCount, s == null ? 0 : s.length)][width];
            SCRATCH.set(s);
        }
        return s;
    }

    private static final ThreadLocal<double[][]> SCRATCH = new ThreadLocal<>();

    /** The chain rule: each reduced column is the sum of the base columns it feeds. */
    private void fold(double[][] full, double[][] jacobian, int rows) {
        if (jacobian == null) {
            return;
        }
        for (double[] col : jacobian) {
            Arrays.fill(col, 0, rows, 0.0);
        }
        for (int j = 0; j < baseCount; j++) {
            double[] dst = jacobian[source[j]];
            double[] src = full[j];
            for (int k = 0; k < rows; k++) {
                dst[k] += src[k];
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TiedLaw t && t.getClass() == getClass() && t.base.equals(base) && t.ties.equals(ties);
    }

    @Override
    public int hashCode() {
        return 31 * base.hashCode() + ties.hashCode();
    }

    @Override
    public String toString() {
        return name() + ": " + formula();
    }

    /** A tied law that keeps its base law's {@link LinearStructure} (no tie touches a linear coefficient). */
    static final class Linear extends TiedLaw implements LinearStructure {

        private static final long serialVersionUID = 1L;

        private final int[] linear;

        Linear(ScalingLaw base, Map<String, String> ties) {
            super(base, ties);
            LinearStructure s = (LinearStructure) base;
            int[] baseLinear = s.linearParameters();
            linear = new int[baseLinear.length];
            for (int k = 0; k < baseLinear.length; k++) {
                linear[k] = indexOf(base.parameters().get(baseLinear[k]).name());
            }
        }

        @Override
        public int[] linearParameters() {
            return linear.clone();
        }

        @Override
        public void basis(double[] theta, Columns x, int from, int to, double[][] basis) {
            ((LinearStructure) base()).basis(expand(theta), x, from, to, basis);
        }
    }
}
