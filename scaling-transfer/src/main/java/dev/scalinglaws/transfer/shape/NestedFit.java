/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer.shape;

import java.util.List;
import java.util.Locale;

/**
 * A Gaussian least-squares fit of one of the two nested models of {@link ShapeEffectAnalysis}.
 *
 * @param formula       the model
 * @param names         parameter names ({@code E, A, alpha[, gamma]} or {@code a, b[, gamma]})
 * @param estimates     estimates in the order of {@code names}
 * @param rss           residual sum of squares
 * @param n             number of runs
 * @param logLikelihood Gaussian log-likelihood with the variance profiled out, -n/2 (ln(2 pi rss / n) + 1)
 * @param aic           -2 lnL + 2k, k = estimates + 1 (the variance)
 * @param onBound       whether the profiled exponent alpha ended on its search bound
 */
public record NestedFit(String formula, List<String> names, double[] estimates, double rss, int n,
                        double logLikelihood, double aic, boolean onBound) {

    /**
     * Copies the arrays.
     *
     * @param formula       the model
     * @param names         parameter names
     * @param estimates     estimates in the order of {@code names}
     * @param rss           residual sum of squares
     * @param n             number of runs
     * @param logLikelihood Gaussian log-likelihood
     * @param aic           Akaike information criterion
     * @param onBound       whether alpha ended on its search bound
     */
    public NestedFit {
        names = List.copyOf(names);
        estimates = estimates.clone();
        if (names.size() != estimates.length) {
            throw new IllegalArgumentException("names and estimates differ in length");
        }
    }

    /**
     * @return estimates (copy)
     */
    @Override
    public double[] estimates() {
        return estimates.clone();
    }

    /**
     * @param name a parameter name
     * @return its estimate
     */
    public double estimate(String name) {
        int j = names.indexOf(name);
        if (j < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "no parameter '%s'; parameters are %s",
                    name, names));
        }
        return estimates[j];
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(formula).append(':');
        for (int j = 0; j < estimates.length; j++) {
            sb.append(String.format(Locale.ROOT, " %s=%.6g", names.get(j), estimates[j]));
        }
        return sb.append(String.format(Locale.ROOT, " rss=%.6g aic=%.4f", rss, aic)).toString();
    }

    /** Equal when every component is, arrays compared by content. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof NestedFit o)) {
            return false;
        }
        return java.util.Objects.equals(formula, o.formula) && java.util.Objects.equals(names, o.names)
                && java.util.Arrays.equals(estimates, o.estimates) && Double.compare(rss, o.rss) == 0 && n == o.n
                && Double.compare(logLikelihood, o.logLikelihood) == 0 && Double.compare(aic, o.aic) == 0
                && onBound == o.onBound;
    }

    /** Consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        int h = 17;
        h = 31 * h + java.util.Objects.hashCode(formula);
        h = 31 * h + java.util.Objects.hashCode(names);
        h = 31 * h + java.util.Arrays.hashCode(estimates);
        h = 31 * h + Double.hashCode(rss);
        h = 31 * h + n;
        h = 31 * h + Double.hashCode(logLikelihood);
        h = 31 * h + Double.hashCode(aic);
        h = 31 * h + Boolean.hashCode(onBound);
        return h;
    }
}
