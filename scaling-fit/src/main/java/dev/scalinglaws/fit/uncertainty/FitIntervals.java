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

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.Parameter;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.ParameterEstimate;

/**
 * The intervals of a fit's report: one interval for every parameter and for every derived quantity its law declares
 * ({@link DerivedQuantity#standard}) that is defined at the estimate, all by one method, as {@code scaling fit}
 * reports them.
 *
 * <ul>
 *   <li>{@link Method#ASYMPTOTIC}: Wald intervals theta_j +- t_{n-p, (1+level)/2} se_j on the smoothed sandwich
 *       covariance, and the delta method g(theta) +- t se_g with se_g^2 = grad g' V grad g for derived quantities
 *       (Seber and Wild 1989, Nonlinear Regression, sections 5.1 and 5.2; {@link AsymptoticCovariance}).</li>
 *   <li>{@link Method#PROFILE}: profile-likelihood intervals {v : 2 (S(v) - S(theta*)) / s^2 &lt;= chi2_1(level)}
 *       (Venzon and Moolgavkar 1988, Applied Statistics 37; {@link ProfileLikelihood}); pinned parameters have no
 *       profile and are left out.</li>
 *   <li>{@link Method#BOOTSTRAP}: refits to resamples of the data, intervals by the options' method and level
 *       (Efron and Tibshirani 1993, An Introduction to the Bootstrap, chapters 13 and 14; {@link Bootstrap}).</li>
 * </ul>
 *
 * <p>Immutable and thread-safe (the bootstrap result it keeps is).
 */
public final class FitIntervals {

    /** How the intervals are computed. */
    public enum Method {
        /** Wald and delta-method intervals, smoothed-sandwich covariance ({@code asymptotic-smoothed-sandwich}). */
        ASYMPTOTIC("asymptotic-smoothed-sandwich"),
        /** Profile-likelihood intervals ({@code profile-likelihood}). */
        PROFILE("profile-likelihood"),
        /** Bootstrap intervals by the bootstrap options' interval method ({@code bootstrap-<method>}). */
        BOOTSTRAP("bootstrap");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        /** {@return how reports name the method (a bootstrap's adds its interval method)} */
        public String label() {
            return label;
        }
    }

    private final Method method;
    private final double level;
    private final Map<String, Interval> intervals;
    private final List<DerivedQuantity> derived;
    private final BootstrapResult bootstrap;

    private FitIntervals(Method method, double level, Map<String, Interval> intervals, List<DerivedQuantity> derived,
                         BootstrapResult bootstrap) {
        this.method = method;
        this.level = level;
        this.intervals = Collections.unmodifiableMap(new LinkedHashMap<>(intervals));
        this.derived = List.copyOf(derived);
        this.bootstrap = bootstrap;
    }

    /**
     * The derived quantities a fit's report covers: the law's standard ones ({@link DerivedQuantity#standard}) whose
     * value at the estimate is finite.
     *
     * @param fit the fit
     * @return the quantities, in the law's order
     */
    public static List<DerivedQuantity> derivedQuantities(FitResult fit) {
        List<DerivedQuantity> out = new ArrayList<>();
        double[] theta = fit.theta();
        for (DerivedQuantity q : DerivedQuantity.standard(fit.law())) {
            if (Double.isFinite(q.value(theta))) {
                out.add(q);
            }
        }
        return out;
    }

    /**
     * Asymptotic intervals (smoothed sandwich, Student t, delta method for derived quantities).
     *
     * @param fit   a fit from {@link dev.scalinglaws.fit.Fitter#fit}
     * @param data  the data it was fitted to
     * @param level nominal coverage in (0, 1)
     * @return the intervals, parameters first
     * @throws IllegalArgumentException when {@code data} is not the fit's data or every parameter is pinned
     */
    public static FitIntervals asymptotic(FitResult fit, Dataset data, double level) {
        AsymptoticCovariance cov = AsymptoticCovariance.of(fit, data, AsymptoticCovariance.Form.SMOOTHED_SANDWICH);
        ScalingLaw law = fit.law();
        List<DerivedQuantity> derived = derivedQuantities(fit);
        Map<String, Interval> out = new LinkedHashMap<>();
        for (Parameter p : law.parameters()) {
            out.put(p.name(), cov.interval(DerivedQuantity.parameter(law, p.name()), level));
        }
        for (DerivedQuantity q : derived) {
            out.put(q.name(), cov.interval(q, level));
        }
        return new FitIntervals(Method.ASYMPTOTIC, level, out, derived, null);
    }

    /**
     * Profile-likelihood intervals; pinned parameters are left out.
     *
     * @param fit   a fit from {@link dev.scalinglaws.fit.Fitter#fit}
     * @param data  the data it was fitted to
     * @param level nominal coverage in (0, 1)
     * @return the intervals, free parameters first
     */
    public static FitIntervals profile(FitResult fit, Dataset data, double level) {
        ProfileLikelihood profile = ProfileLikelihood.of(fit, data);
        List<DerivedQuantity> derived = derivedQuantities(fit);
        Map<String, Interval> out = new LinkedHashMap<>();
        for (ParameterEstimate p : fit.parameters()) {
            if (!p.pinned()) {
                out.put(p.name(), profile.interval(p.name(), level));
            }
        }
        for (DerivedQuantity q : derived) {
            out.put(q.name(), profile.interval(q, level));
        }
        return new FitIntervals(Method.PROFILE, level, out, derived, null);
    }

    /**
     * Bootstrap intervals: the fit refitted to {@code options.resamples()} resamples of its data, recording every
     * parameter and derived quantity, each interval by the options' method and level.
     *
     * @param fit     a fit from {@link dev.scalinglaws.fit.Fitter#fit}
     * @param data    the data it was fitted to (grouped for a clustered scheme)
     * @param options the bootstrap's options (scheme, method, level, seed, threads, progress)
     * @return the intervals, parameters first, with the bootstrap behind them
     */
    public static FitIntervals bootstrap(FitResult fit, Dataset data, BootstrapOptions options) {
        List<DerivedQuantity> derived = derivedQuantities(fit);
        BootstrapResult boot = Bootstrap.run(fit, data, options, derived);
        Map<String, Interval> out = new LinkedHashMap<>();
        for (Parameter p : fit.law().parameters()) {
            out.put(p.name(), boot.interval(p.name()));
        }
        for (DerivedQuantity q : derived) {
            out.put(q.name(), boot.interval(q.name()));
        }
        return new FitIntervals(Method.BOOTSTRAP, options.level(), out, derived, boot);
    }

    /**
     * Intervals by a method.
     *
     * @param fit     a fit from {@link dev.scalinglaws.fit.Fitter#fit}
     * @param data    the data it was fitted to
     * @param method  the method
     * @param level   nominal coverage in (0, 1); a bootstrap uses its options' level, which must equal it
     * @param options the bootstrap's options (ignored by the other methods, may then be null)
     * @return the intervals
     */
    public static FitIntervals of(FitResult fit, Dataset data, Method method, double level,
                                  BootstrapOptions options) {
        Objects.requireNonNull(method, "method");
        return switch (method) {
            case ASYMPTOTIC -> asymptotic(fit, data, level);
            case PROFILE -> profile(fit, data, level);
            case BOOTSTRAP -> {
                Objects.requireNonNull(options, "options");
                if (options.level() != level) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "level %s differs from the bootstrap options' level %s", level, options.level()));
                }
                yield bootstrap(fit, data, options);
            }
        };
    }

    /** {@return the method} */
    public Method method() {
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

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FitIntervals[%s %s, %d intervals]", method.label(), level,
                intervals.size());
    }
}
