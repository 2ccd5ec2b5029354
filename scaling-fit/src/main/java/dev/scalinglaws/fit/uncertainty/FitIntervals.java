/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The intervals of a fit's report, all by one method: one interval for every parameter and for every derived quantity
 * its law declares ({@link DerivedQuantity#standard}) that is defined at the estimate, as {@code scaling fit} reports
 * them. {@link Uncertainty#report} makes them:
 *
 * <ul>
 *   <li>an asymptotic method: Wald intervals theta_j +- t_{n-p, (1+level)/2} se_j on its covariance, and the delta
 *       method g(theta) +- t se_g with se_g^2 = grad g' V grad g for derived quantities (Seber and Wild 1989,
 *       Nonlinear Regression, sections 5.1 and 5.2; {@link AsymptoticCovariance});</li>
 *   <li>a profile: {v : 2 (S(v) - S(theta*)) / s^2 &lt;= chi2_1(level)} (Venzon and Moolgavkar 1988, Applied
 *       Statistics 37; {@link ProfileLikelihood}); pinned parameters have no profile and are left out;</li>
 *   <li>a bootstrap method: refits to resamples of the data, intervals read off the replicates (Efron and Tibshirani
 *       1993, An Introduction to the Bootstrap, chapters 13 and 14; {@link Bootstrap}).</li>
 * </ul>
 *
 * <p>Two reports are equal when their method, level, intervals, derived quantities' names and bootstrap are.
 * Immutable and thread-safe (the bootstrap result it keeps is).
 */
public final class FitIntervals {

    private final Interval.Method method;
    private final double level;
    private final Map<String, Interval> intervals;
    private final List<DerivedQuantity> derived;
    private final BootstrapResult bootstrap;

    FitIntervals(Interval.Method method, double level, Map<String, Interval> intervals, List<DerivedQuantity> derived,
                 BootstrapResult bootstrap) {
        this.method = Objects.requireNonNull(method, "method");
        this.level = level;
        this.intervals = Collections.unmodifiableMap(new LinkedHashMap<>(intervals));
        this.derived = List.copyOf(derived);
        this.bootstrap = bootstrap;
    }

    /** {@return the method: for a profile, the one the fit's loss decides (likelihood or scaled)} */
    public Interval.Method method() {
        return method;
    }

    /** {@return the nominal coverage} */
    public double level() {
        return level;
    }

    /** {@return the intervals by name: parameters in the law's order, then derived quantities (unmodifiable)} */
    public Map<String, Interval> intervals() {
        return intervals;
    }

    /**
     * One interval.
     *
     * @param name a parameter or derived quantity
     * @return its interval
     * @throws IllegalArgumentException for a name with no interval
     */
    public Interval interval(String name) {
        Interval i = intervals.get(name);
        if (i == null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "no interval for '%s'; there are %s", name,
                    intervals.keySet()));
        }
        return i;
    }

    /** {@return the derived quantities covered, in the law's order} */
    public List<DerivedQuantity> derived() {
        return derived;
    }

    /** {@return the bootstrap behind bootstrap intervals, or null for the other methods} */
    public BootstrapResult bootstrap() {
        return bootstrap;
    }

    private List<String> derivedNames() {
        List<String> names = new ArrayList<>();
        derived.forEach(q -> names.add(q.name()));
        return names;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FitIntervals other && method == other.method
                && Double.compare(level, other.level) == 0 && intervals.equals(other.intervals)
                && derivedNames().equals(other.derivedNames()) && Objects.equals(bootstrap, other.bootstrap);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, level, intervals, derivedNames(), bootstrap);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FitIntervals[%s %s, %d intervals]", method, level, intervals.size());
    }
}
