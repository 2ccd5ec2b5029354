/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import java.util.List;
import java.util.Locale;

/**
 * An immutable parametric law y = f(x; theta): the response (usually a loss in nats) as a function of named
 * covariates (N, D, C, M, ...) and named parameters.
 *
 * <p>Evaluation is columnar and allocation-free: callers pass covariate {@link Columns}, a row range
 * {@code [from, to)} and output arrays indexed from 0 (row {@code i} goes to index {@code i - from}). Jacobians are
 * with respect to the natural parameters {@code theta} in the order of {@link #parameters()}, laid out as
 * {@code jacobian[j][i - from]}; pass {@code null} when only values are needed.
 *
 * <p>Every law implements at least one of {@link #evaluate} (linear space) and {@link #evaluateLog} (log space);
 * the other defaults to the exact transformation. Laws whose log value is a log-sum-exp of linear terms (the Kaplan
 * family, Chinchilla, over-training) implement {@code evaluateLog} directly so that N, D up to 1e30 neither
 * overflow nor lose precision.
 *
 * <p>Implementations must be immutable and thread-safe.
 */
public interface ScalingLaw {

    /** {@return the law's registry name, e.g. {@code "chinchilla"}} */
    String name();

    /** {@return the formula in plain text, e.g. {@code "L = E + A/N^alpha + B/D^beta"}} */
    String formula();

    /** {@return the paper the law comes from} */
    String citation();

    /** {@return the covariate names in evaluation order, e.g. {@code ["N", "D"]}} */
    List<String> covariates();

    /**
     * The derived quantities users of this law report as standard (none by default); see {@link DerivedParameter}.
     *
     * @return the derived parameters, in report order
     */
    default List<DerivedParameter> derivedParameters() {
        return List.of();
    }

    /** {@return the name of the response column, {@code "loss"} by default} */
    default String response() {
        return "loss";
    }

    /** {@return the parameters in the order {@code theta} uses} */
    List<Parameter> parameters();

    /** {@return the number of parameters} */
    default int parameterCount() {
        return parameters().size();
    }

    /**
     * Index of a parameter in {@code theta}.
     *
     * @param parameterName the parameter's symbol
     * @return its index
     * @throws IllegalArgumentException if the law has no such parameter
     */
    default int indexOf(String parameterName) {
        List<Parameter> ps = parameters();
        for (int j = 0; j < ps.size(); j++) {
            if (ps.get(j).name().equals(parameterName)) {
                return j;
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "law %s has no parameter '%s'; it has %s",
                name(), parameterName, ps.stream().map(Parameter::name).toList()));
    }

    /**
     * A range in which good starting values of parameter {@code j} usually lie, in natural units. Multistart
     * strategies sample it (log-uniformly for positive parameters). The default is [1e-3, 1e3] for positive
     * parameters and [0, 2] for the others (exponents).
     *
     * @param j parameter index
     * @return {@code {lower, upper}}
     */
    default double[] startRange(int j) {
        return parameters().get(j).positive() ? new double[] {1e-3, 1e3} : new double[] {0, 2};
    }

    /**
     * {@return whether the law takes logarithms of its covariates, so that zero or negative covariate values are
     * invalid}
     */
    default boolean requiresPositiveCovariates() {
        return true;
    }

    /** {@return whether the response is strictly positive, so that log residuals are defined} */
    default boolean positiveResponse() {
        return true;
    }

    /**
     * Values (and optionally the Jacobian) in linear space on rows {@code [from, to)}.
     *
     * @param theta    parameters, in the order of {@link #parameters()}
     * @param x        covariates
     * @param from     first row (inclusive)
     * @param to       last row (exclusive)
     * @param value    output, {@code value[i - from] = f(x_i; theta)}
     * @param jacobian output or {@code null}: {@code jacobian[j][i - from] = d f(x_i) / d theta_j}
     */
    default void evaluate(double[] theta, Columns x, int from, int to, double[] value, double[][] jacobian) {
        evaluateLog(theta, x, from, to, value, jacobian);
        int p = parameterCount();
        for (int k = 0; k < to - from; k++) {
            double f = Math.exp(value[k]);
            value[k] = f;
            if (jacobian != null) {
                for (int j = 0; j < p; j++) {
                    jacobian[j][k] *= f;
                }
            }
        }
    }

    /**
     * Natural-log values (and optionally the Jacobian of the log value) on rows {@code [from, to)}.
     * Where the law's value is not positive the log value is NaN.
     *
     * @param theta    parameters, in the order of {@link #parameters()}
     * @param x        covariates
     * @param from     first row (inclusive)
     * @param to       last row (exclusive)
     * @param logValue output, {@code logValue[i - from] = ln f(x_i; theta)}
     * @param jacobian output or {@code null}: {@code jacobian[j][i - from] = d ln f(x_i) / d theta_j}
     */
    default void evaluateLog(double[] theta, Columns x, int from, int to, double[] logValue, double[][] jacobian) {
        evaluate(theta, x, from, to, logValue, jacobian);
        int p = parameterCount();
        for (int k = 0; k < to - from; k++) {
            double f = logValue[k];
            logValue[k] = f > 0 ? Math.log(f) : Double.NaN;
            if (jacobian != null) {
                double inv = 1.0 / f;
                for (int j = 0; j < p; j++) {
                    jacobian[j][k] *= inv;
                }
            }
        }
    }

    /**
     * The law's value at one point. Convenience for callers outside hot loops (allocates).
     *
     * @param theta parameters
     * @param point covariate values in the order of {@link #covariates()}
     * @return f(point; theta)
     */
    default double value(double[] theta, double... point) {
        checkPoint(point);
        double[][] cols = new double[point.length][];
        for (int j = 0; j < point.length; j++) {
            cols[j] = new double[] {point[j]};
        }
        double[] out = new double[1];
        evaluate(theta, Columns.of(cols), 0, 1, out, null);
        return out[0];
    }

    /**
     * The gradient of the value at one point with respect to {@code theta}. Convenience (allocates).
     *
     * @param theta parameters
     * @param point covariate values in the order of {@link #covariates()}
     * @return d f / d theta
     */
    default double[] gradient(double[] theta, double... point) {
        checkPoint(point);
        double[][] cols = new double[point.length][];
        for (int j = 0; j < point.length; j++) {
            cols[j] = new double[] {point[j]};
        }
        int p = parameterCount();
        double[][] jac = new double[p][1];
        double[] out = new double[1];
        evaluate(theta, Columns.of(cols), 0, 1, out, jac);
        double[] g = new double[p];
        for (int j = 0; j < p; j++) {
            g[j] = jac[j][0];
        }
        return g;
    }

    /**
     * The natural log of the value at one point. Convenience (allocates).
     *
     * @param theta parameters
     * @param point covariate values in the order of {@link #covariates()}
     * @return ln f(point; theta)
     */
    default double logValue(double[] theta, double... point) {
        checkPoint(point);
        double[][] cols = new double[point.length][];
        for (int j = 0; j < point.length; j++) {
            cols[j] = new double[] {point[j]};
        }
        double[] out = new double[1];
        evaluateLog(theta, Columns.of(cols), 0, 1, out, null);
        return out[0];
    }

    private void checkPoint(double[] point) {
        if (point.length != covariates().size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "law %s takes %d covariates %s, got %d values", name(), covariates().size(), covariates(),
                    point.length));
        }
    }
}
