/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.Parameter;
import dev.scalinglaws.core.dynamics.TrainingDynamics;
import dev.scalinglaws.fit.FitResult;

/**
 * Intervals of training-dynamics predictions (steps, tokens and compute to a loss, the critical batch, the loss at a
 * step; {@link TrainingDynamics}, Kaplan et al. 2020, arXiv:2001.08361, sections 5.1-5.2) from a fit of
 * {@code kaplan-trajectory} (theta = (Nc, Sc, alphaN, alphaS, Bstar, alphaB)) or of {@code kaplan-ns}
 * (theta = (Nc, Sc, alphaN, alphaS), with a critical batch (Bstar, alphaB) given, not fitted). Every prediction g is
 * a function of the fitted theta ({@link #quantity}), and its interval is either
 *
 * <ul>
 *   <li>{@link #delta}: the delta method on the log scale, g exp(+-t_{n-p,(1+level)/2} se_g / g) with
 *       se_g^2 = grad g' V grad g (Seber and Wild 1989, Nonlinear Regression, section 5.2;
 *       {@link AsymptoticCovariance#interval(DerivedQuantity, double, boolean)}), or</li>
 *   <li>{@link #bootstrap}: the percentile interval [g_((1-level)/2), g_((1+level)/2)] of g over the thetas of a
 *       bootstrap's refits (Efron and Tibshirani 1993, An Introduction to the Bootstrap, section 13.3), quantiles by
 *       {@link Resampling#quantile}; refits with a non-finite parameter and predictions that are not finite (e.g. an
 *       unreachable loss) are left out, and the interval is not available (NaN bounds,
 *       {@link Interval.Status#TOO_MANY_FAILURES}) when fewer than two remain or the share left out exceeds the
 *       bootstrap's {@link BootstrapOptions#maxFailureFraction()}.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class DynamicsIntervals {

    private final AsymptoticCovariance covariance;
    private final List<double[]> thetas;
    private final BootstrapOptions options;
    private final double[] estimate;
    private final double level;
    private final double[] batchTheta;

    private DynamicsIntervals(AsymptoticCovariance covariance, List<double[]> thetas, BootstrapOptions options,
                              double[] estimate, double level, double[] batchTheta) {
        this.covariance = covariance;
        this.thetas = thetas;
        this.options = options;
        this.estimate = estimate;
        this.level = level;
        this.batchTheta = batchTheta == null ? null : batchTheta.clone();
        if (this.batchTheta != null && this.batchTheta.length != 2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the critical batch takes 2 parameters (Bstar, alphaB), got %d", this.batchTheta.length));
        }
    }

    /**
     * Delta-method intervals on the log scale.
     *
     * @param covariance the fit's covariance (e.g. the smoothed sandwich)
     * @param level      nominal coverage in (0, 1)
     * @param batchTheta the critical batch (Bstar, alphaB) of a {@code kaplan-ns} fit, or null for a fit of all six
     *                   parameters
     * @return the intervals
     */
    public static DynamicsIntervals delta(AsymptoticCovariance covariance, double level, double[] batchTheta) {
        AsymptoticCovariance.checkLevel(level);
        return new DynamicsIntervals(Objects.requireNonNull(covariance, "covariance"), null, null, null, level,
                batchTheta);
    }

    /**
     * Percentile intervals over a bootstrap of the fit: the fit is refitted to {@code options.resamples()} resamples
     * of its data and every refit's theta kept.
     *
     * @param fit        the fit (from {@link dev.scalinglaws.fit.Fitter#fit})
     * @param data       its data (grouped by run for a clustered scheme)
     * @param options    the bootstrap's options; its level is the intervals' level
     * @param batchTheta the critical batch (Bstar, alphaB) of a {@code kaplan-ns} fit, or null
     * @return the intervals
     */
    public static DynamicsIntervals bootstrap(FitResult fit, Dataset data, BootstrapOptions options,
                                              double[] batchTheta) {
        return of(fit, Bootstrap.run(fit, data, options, List.of()), batchTheta);
    }

    /**
     * Percentile intervals over a bootstrap of the fit on the data of the problem it keeps
     * ({@link Uncertainty#dynamics(BootstrapOptions, double[])}).
     *
     * @param fit        the fit (from {@link dev.scalinglaws.fit.Fitter#fit}; grouped by run for a clustered scheme)
     * @param options    the bootstrap's options; its level is the intervals' level
     * @param batchTheta the critical batch (Bstar, alphaB) of a {@code kaplan-ns} fit, or null
     * @return the intervals
     * @throws IllegalStateException for a fit assembled without its problem
     */
    static DynamicsIntervals bootstrap(FitResult fit, BootstrapOptions options, double[] batchTheta) {
        return of(fit, Bootstrap.run(fit, options, List.of()), batchTheta);
    }

    private static DynamicsIntervals of(FitResult fit, BootstrapResult r, double[] batchTheta) {
        BootstrapOptions options = r.options();
        List<String> names = fit.law().parameters().stream().map(Parameter::name).toList();
        double[][] columns = new double[names.size()][];
        for (int j = 0; j < columns.length; j++) {
            columns[j] = r.replicates(names.get(j));
        }
        List<double[]> thetas = new ArrayList<>();
        for (int i = 0; i < options.resamples(); i++) {
            double[] t = new double[columns.length];
            boolean ok = true;
            for (int j = 0; j < t.length; j++) {
                t[j] = columns[j][i];
                ok &= Double.isFinite(t[j]);
            }
            if (ok) {
                thetas.add(t);
            }
        }
        return new DynamicsIntervals(null, List.copyOf(thetas), options, fit.theta(), options.level(), batchTheta);
    }

    /**
     * A prediction as a function of the fit's theta: {@code TrainingDynamics.ofTheta(theta)} for six parameters, or
     * {@code TrainingDynamics.of(theta, batchTheta)} for a {@code kaplan-ns} theta and a given critical batch.
     *
     * @param name       the quantity's name
     * @param prediction the prediction, e.g. {@code d -> d.stepsToLoss(1e9, 524288, 2.5)}
     * @param batchTheta the critical batch (Bstar, alphaB), or null
     * @return g(theta)
     */
    public static DerivedQuantity quantity(String name, ToDoubleFunction<TrainingDynamics> prediction,
                                           double[] batchTheta) {
        Objects.requireNonNull(prediction, "prediction");
        double[] batch = batchTheta == null ? null : batchTheta.clone();
        return DerivedQuantity.of(name, batch == null ? TrainingDynamics.ofTheta(prediction)
                : theta -> prediction.applyAsDouble(TrainingDynamics.of(theta, batch)));
    }

    /**
     * The interval of one prediction.
     *
     * @param name       the prediction's name
     * @param prediction the prediction
     * @return its interval; for the bootstrap the estimate is the prediction at the fit's theta
     */
    public Interval interval(String name, ToDoubleFunction<TrainingDynamics> prediction) {
        DerivedQuantity g = quantity(name, prediction, batchTheta);
        if (covariance != null) {
            return covariance.interval(g, level, true);
        }
        int resamples = options.resamples();
        double[] v = thetas.stream().mapToDouble(g::value).filter(Double::isFinite).sorted().toArray();
        String label = "bootstrap-" + options.scheme().name().toLowerCase(Locale.ROOT).replace('_', '-')
                + "-percentile";
        double est = g.value(estimate);
        if (v.length < 2 || (double) (resamples - v.length) / resamples > options.maxFailureFraction()) {
            return new Interval(name, est, Double.NaN, Double.NaN, level, Interval.Method.BOOTSTRAP_PERCENTILE, label,
                    Interval.Status.TOO_MANY_FAILURES);
        }
        return new Interval(name, est, Resampling.quantile(v, (1 - level) / 2), Resampling.quantile(v,
                (1 + level) / 2), level, Interval.Method.BOOTSTRAP_PERCENTILE, label, Interval.Status.OK);
    }

    /** {@return the nominal coverage} */
    public double level() {
        return level;
    }

    /** {@return whether the intervals come from a bootstrap (else the delta method)} */
    public boolean bootstrapped() {
        return covariance == null;
    }

    /** {@return the bootstrap's resamples (0 for the delta method)} */
    public int resamples() {
        return options == null ? 0 : options.resamples();
    }

    /** {@return the bootstrap's refits left out for a non-finite parameter (0 for the delta method)} */
    public int failed() {
        return options == null ? 0 : options.resamples() - thetas.size();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DynamicsIntervals[%s, level %s]", bootstrapped()
                ? "bootstrap of " + resamples() : "delta method", level);
    }
}
