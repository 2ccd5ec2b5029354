/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.scalinglaws.core.Parameter;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.ParameterEstimate;

/**
 * One entry point to the uncertainty of a fit: intervals for its parameters, for the derived quantities its law
 * declares ({@link ScalingLaw#derivedParameters()}) and for any other {@link DerivedQuantity}, by any
 * {@link Interval.Method} ({@link #report}); predictions with confidence and prediction intervals, asymptotic
 * ({@link #prediction()}) or by bootstrap ({@link #bootstrapPredictions}); the intervals of training-dynamics
 * predictions ({@link #dynamics}); the covariance and a bootstrap of any quantities for everything else. It
 * dispatches to {@link AsymptoticCovariance} (Wald intervals theta +- t se, delta method se_g^2 = grad g' V grad g;
 * Seber and Wild 1989, Nonlinear Regression, 5.1-5.2), {@link ProfileLikelihood} (Venzon and Moolgavkar 1988) and
 * {@link Bootstrap} (Efron and Tibshirani 1993); a fit carries its problem, so nothing else is needed.
 *
 * <p>Bootstrap intervals read the replicates of {@link #withBootstrap(BootstrapOptions)}, which runs the bootstrap
 * once and records every parameter and every standard derived quantity.
 *
 * <p>Immutable and thread-safe.
 */
public final class Uncertainty {

    private final FitResult fit;
    private final BootstrapResult bootstrap;

    private Uncertainty(FitResult fit, BootstrapResult bootstrap) {
        this.fit = Objects.requireNonNull(fit, "fit");
        this.bootstrap = bootstrap;
    }

    /**
     * The uncertainty of a fit.
     *
     * @param fit a fit from {@link dev.scalinglaws.fit.Fitter#fit} (it carries its problem)
     * @return the façade
     * @throws IllegalStateException for a fit assembled without its problem
     */
    public static Uncertainty of(FitResult fit) {
        fit.requireProblem();
        return new Uncertainty(fit, null);
    }

    /**
     * These intervals with a bootstrap of the fit (run now) behind the bootstrap methods.
     *
     * @param options the bootstrap's options
     * @return a new façade
     */
    public Uncertainty withBootstrap(BootstrapOptions options) {
        return new Uncertainty(fit, Bootstrap.run(fit, options, derivedQuantities()));
    }

    /** {@return the fit} */
    public FitResult fit() {
        return fit;
    }

    /** {@return the bootstrap behind the bootstrap methods, or null before {@link #withBootstrap}} */
    public BootstrapResult bootstrap() {
        return bootstrap;
    }

    /**
     * The derived quantities every report covers: the law's standard ones ({@link DerivedQuantity#standard}) whose
     * value at the estimate is finite.
     *
     * @return the quantities, in the law's order
     */
    public List<DerivedQuantity> derivedQuantities() {
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
     * The quantities every report covers: the law's parameters, then {@link #derivedQuantities()}.
     *
     * @return the quantities, in that order
     */
    public List<DerivedQuantity> quantities() {
        List<DerivedQuantity> out = new ArrayList<>();
        for (Parameter p : fit.law().parameters()) {
            out.add(DerivedQuantity.parameter(fit.law(), p.name()));
        }
        out.addAll(derivedQuantities());
        return out;
    }

    /**
     * The interval of one quantity by one method.
     *
     * @param quantity the quantity (for a bootstrap method: a parameter or a standard derived quantity, which the
     *                 bootstrap recorded)
     * @param method   the method: an asymptotic form, a profile (the fit's loss decides likelihood or scaled) or a
     *                 bootstrap method
     * @param level    nominal coverage in (0, 1)
     * @return the interval
     * @throws IllegalArgumentException for a prediction method (see {@link #prediction}) or a quantity the bootstrap
     *                 did not record
     * @throws IllegalStateException    for a bootstrap method before {@link #withBootstrap}
     */
    public Interval interval(DerivedQuantity quantity, Interval.Method method, double level) {
        AsymptoticCovariance.Form form = covarianceForm(method);
        if (form != null) {
            return AsymptoticCovariance.of(fit, form).interval(quantity, level);
        }
        if (isProfile(method)) {
            return ProfileLikelihood.of(fit).interval(quantity, level);
        }
        if (method.isBootstrap()) {
            return requireBootstrap().interval(quantity.name(), bootstrapReading(method), level);
        }
        if (method == Interval.Method.EXTERNAL) {
            throw new IllegalArgumentException("EXTERNAL intervals are computed outside the library");
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "%s is a prediction interval: use prediction(level, point)", method));
    }

    /** The covariance of an asymptotic method, or null for any other method. */
    private static AsymptoticCovariance.Form covarianceForm(Interval.Method method) {
        return switch (method) {
            case ASYMPTOTIC_GAUSS_NEWTON -> AsymptoticCovariance.Form.GAUSS_NEWTON;
            case ASYMPTOTIC_SANDWICH -> AsymptoticCovariance.Form.SANDWICH;
            case ASYMPTOTIC_SMOOTHED_SANDWICH -> AsymptoticCovariance.Form.SMOOTHED_SANDWICH;
            default -> null;
        };
    }

    private static boolean isProfile(Interval.Method method) {
        return method == Interval.Method.PROFILE_LIKELIHOOD || method == Interval.Method.PROFILE_SCALED;
    }

    /** How a bootstrap method reads the replicates: the {@link IntervalMethod} whose intervals it names. */
    private static IntervalMethod bootstrapReading(Interval.Method method) {
        for (IntervalMethod m : IntervalMethod.values()) {
            if (m.intervalMethod() == method) {
                return m;
            }
        }
        throw new IllegalArgumentException("not a bootstrap method: " + method);
    }

    /**
     * The intervals of every quantity of {@link #quantities()} by one method, by name: a fit's report. The profile
     * skips pinned parameters (they have no profile); the asymptotic and bootstrap methods give them a zero-width
     * interval. A profile is of the likelihood or scaled as the fit's loss decides (either profile method may be
     * asked for; the report's {@link FitIntervals#method()} says which it is). A bootstrap method reads the
     * replicates of {@link #withBootstrap}, at any level and by any bootstrap method.
     *
     * @param method the method (not a prediction method)
     * @param level  nominal coverage in (0, 1)
     * @return the report: intervals by quantity name, parameters first, with the bootstrap behind them if any
     * @throws IllegalArgumentException for a prediction method
     * @throws IllegalStateException    for a bootstrap method before {@link #withBootstrap}
     */
    public FitIntervals report(Interval.Method method, double level) {
        Objects.requireNonNull(method, "method");
        Map<String, Interval> out = new LinkedHashMap<>();
        ProfileLikelihood profile = isProfile(method) ? ProfileLikelihood.of(fit) : null;
        AsymptoticCovariance.Form form = covarianceForm(method);
        AsymptoticCovariance covariance = form == null ? null : AsymptoticCovariance.of(fit, form);
        List<ParameterEstimate> estimates = fit.parameters();
        int p = estimates.size();
        List<DerivedQuantity> all = quantities();
        for (int k = 0; k < all.size(); k++) {
            DerivedQuantity q = all.get(k);
            if (profile != null && k < p && estimates.get(k).pinned()) {
                continue;
            }
            Interval interval = profile != null ? profile.interval(q, level)
                    : covariance != null ? covariance.interval(q, level) : interval(q, method, level);
            out.put(q.name(), interval);
        }
        Interval.Method actual = profile == null ? method
                : profile.likelihood() ? Interval.Method.PROFILE_LIKELIHOOD : Interval.Method.PROFILE_SCALED;
        return new FitIntervals(actual, level, out, all.subList(p, all.size()),
                method.isBootstrap() ? bootstrap : null);
    }

    /**
     * The intervals of every quantity of {@link #quantities()} by one method, by name ({@link #report}'s
     * intervals).
     *
     * @param method the method (not a prediction method)
     * @param level  nominal coverage in (0, 1)
     * @return intervals by quantity name, parameters first
     */
    public Map<String, Interval> intervals(Interval.Method method, double level) {
        return report(method, level).intervals();
    }

    /**
     * The fit's smoothed-sandwich covariance (Wald and delta-method intervals of any {@link DerivedQuantity}, on the
     * log scale if asked).
     *
     * @return the covariance
     */
    public AsymptoticCovariance covariance() {
        return AsymptoticCovariance.of(fit, AsymptoticCovariance.Form.SMOOTHED_SANDWICH);
    }

    /**
     * The asymptotic predictor (smoothed sandwich): confidence intervals of the mean curve and prediction intervals
     * of a new observation at any covariate point.
     *
     * @return the predictor
     */
    public Prediction prediction() {
        return Prediction.of(fit, AsymptoticCovariance.Form.SMOOTHED_SANDWICH);
    }

    /**
     * The asymptotic prediction at a covariate point (smoothed sandwich): the fitted value with the confidence
     * interval of the mean curve and the prediction interval of a new observation, and the distance from the data.
     *
     * @param level nominal coverage in (0, 1)
     * @param point covariate values in the law's order
     * @return the prediction
     */
    public Prediction.Result prediction(double level, double... point) {
        return prediction().at(level, point);
    }

    /**
     * A bootstrap of the fit, run now: every parameter and every given quantity recorded for each refit.
     *
     * @param options    the bootstrap's options
     * @param quantities what to record besides the parameters (may be empty)
     * @return the replicates and their intervals
     */
    public BootstrapResult bootstrap(BootstrapOptions options, List<DerivedQuantity> quantities) {
        return Bootstrap.run(fit, options, quantities);
    }

    /**
     * Bootstrap intervals of the fitted law's value at covariate points: each point's value f(x; theta*) is recorded
     * for every refit of a bootstrap run now with {@code options}; the confidence interval of the mean curve is read
     * off the replicates by the options' method and level, and the prediction interval of a new observation widens
     * it by t s in quadrature in the fit's residual space ({@link BootstrapPrediction}).
     *
     * @param options the bootstrap's options
     * @param points  covariate points, each in the law's order
     * @return one prediction per point, in order (confidence intervals named {@code "prediction k"})
     */
    public List<BootstrapPrediction> bootstrapPredictions(BootstrapOptions options, List<double[]> points) {
        return bootstrapPredictions(bootstrap(options, BootstrapPrediction.quantities(fit.law(), points)),
                points.size());
    }

    /**
     * The bootstrap predictions at points from a bootstrap of this fit that recorded
     * {@link BootstrapPrediction#quantities} for them (say, one run with a progress bar of its own).
     *
     * @param bootstrap the bootstrap; its options' level is the intervals' level
     * @param points    the number of points
     * @return one prediction per point, in order
     * @throws IllegalArgumentException if the bootstrap did not record a point
     */
    public List<BootstrapPrediction> bootstrapPredictions(BootstrapResult bootstrap, int points) {
        return BootstrapPrediction.of(prediction(), bootstrap, points);
    }

    /**
     * Delta-method intervals of training-dynamics predictions (log scale, smoothed sandwich) of a
     * {@code kaplan-trajectory} or {@code kaplan-ns} fit ({@link DynamicsIntervals}).
     *
     * @param level      nominal coverage in (0, 1)
     * @param batchTheta the critical batch (Bstar, alphaB) of a {@code kaplan-ns} fit, or null
     * @return the intervals
     */
    public DynamicsIntervals dynamics(double level, double[] batchTheta) {
        return DynamicsIntervals.delta(covariance(), level, batchTheta);
    }

    /**
     * Percentile intervals of training-dynamics predictions over a bootstrap of the fit, run now
     * ({@link DynamicsIntervals}).
     *
     * @param options    the bootstrap's options (a clustered scheme needs a fit whose rows are grouped by run)
     * @param batchTheta the critical batch (Bstar, alphaB) of a {@code kaplan-ns} fit, or null
     * @return the intervals
     */
    public DynamicsIntervals dynamics(BootstrapOptions options, double[] batchTheta) {
        return DynamicsIntervals.bootstrap(fit, options, batchTheta);
    }

    private BootstrapResult requireBootstrap() {
        if (bootstrap == null) {
            throw new IllegalStateException("no bootstrap yet: call withBootstrap(options) first");
        }
        return bootstrap;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Uncertainty[%s%s]", fit.law().name(),
                bootstrap == null ? "" : ", bootstrap of " + bootstrap.resamples());
    }
}
