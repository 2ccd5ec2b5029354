/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.FitResult;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * A bootstrapped prediction at one covariate point: the confidence interval of the fitted curve f(x; theta) read off
 * a bootstrap's replicates by its own method and level, and a prediction interval for a new observation that widens
 * each side of it by the residual scale s, as the asymptotic prediction interval does ({@link Prediction}), in
 * quadrature in the fit's residual space:
 *
 * <pre>
 *   lower = m - sqrt(max(0, m - l)^2 + (t s)^2),   upper = m + sqrt(max(0, u - m)^2 + (t s)^2)
 * </pre>
 *
 * with m the estimate and [l, u] the confidence interval (their logarithms for a log-residual fit, so that the
 * bounds stay positive; the bounds are then exponentiated), s the fit's residual scale sqrt(S / (n - p)) and t
 * Student's quantile t_{n-p, (1+level)/2} (Seber and Wild 1989, Nonlinear Regression, section 5.1; Efron and
 * Tibshirani 1993, An Introduction to the Bootstrap, chapter 13).
 *
 * <p>Immutable and thread-safe.
 *
 * @param confidence      the bootstrap confidence interval of f(x; theta), named {@code "prediction k"}
 * @param predictionLower lower bound for a new observation (NaN where the confidence interval is not available)
 * @param predictionUpper upper bound for a new observation
 */
public record BootstrapPrediction(Interval confidence, double predictionLower, double predictionUpper) {

    /**
     * Validates the confidence interval.
     *
     * @param confidence      the bootstrap confidence interval
     * @param predictionLower lower prediction bound
     * @param predictionUpper upper prediction bound
     */
    public BootstrapPrediction {
        Objects.requireNonNull(confidence, "confidence");
    }

    /**
     * The quantities a bootstrap must record for {@link #of}: f(x_k; theta) for each point, named
     * {@code "prediction k"}.
     *
     * @param law    the law
     * @param points covariate points, each in the law's order
     * @return one quantity per point
     */
    public static List<DerivedQuantity> quantities(ScalingLaw law, List<double[]> points) {
        List<DerivedQuantity> out = new ArrayList<>();
        for (int k = 0; k < points.size(); k++) {
            double[] x = points.get(k).clone();
            if (x.length != law.covariates().size()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "law %s takes %d covariates %s, got %d",
                        law.name(), law.covariates().size(), law.covariates(), x.length));
            }
            out.add(DerivedQuantity.of("prediction " + k, t -> law.value(t, x)));
        }
        return out;
    }

    /**
     * The predictions at points from a bootstrap that recorded {@link #quantities} for them.
     *
     * @param fit       the fit whose residual scale widens the intervals (the full-data fit)
     * @param data      its data
     * @param bootstrap a bootstrap that recorded {@code quantities(fit.law(), points)}; its options' level is the
     *                  intervals' level
     * @param points    the number of points
     * @return one prediction per point, in order
     * @throws IllegalArgumentException if the bootstrap did not record a point
     */
    public static List<BootstrapPrediction> of(FitResult fit, Dataset data, BootstrapResult bootstrap, int points) {
        return of(Prediction.of(fit, data, AsymptoticCovariance.Form.SMOOTHED_SANDWICH), bootstrap, points);
    }

    /**
     * The predictions, widened by the asymptotic predictor's residual scale and Student t on its degrees of freedom,
     * in its residual space ({@link Uncertainty#bootstrapPredictions}).
     */
    static List<BootstrapPrediction> of(Prediction predictor, BootstrapResult bootstrap, int points) {
        double level = bootstrap.options().level();
        boolean log = predictor.logSpace();
        int dof = predictor.degreesOfFreedom();
        double t = dof > 0 ? TDistribution.of(dof).inverseCumulativeProbability(0.5 + level / 2) : Double.NaN;
        double ts = t * predictor.residualScale();
        List<BootstrapPrediction> out = new ArrayList<>();
        for (int k = 0; k < points; k++) {
            Interval c = bootstrap.interval("prediction " + k);
            double l = c.ok() ? c.lower() : Double.NaN;
            double u = c.ok() ? c.upper() : Double.NaN;
            double m = log ? Math.log(c.estimate()) : c.estimate();
            double lo = log ? Math.log(l) : l;
            double hi = log ? Math.log(u) : u;
            double pl = m - Math.hypot(Math.max(0, m - lo), ts);
            double pu = m + Math.hypot(Math.max(0, hi - m), ts);
            out.add(log ? new BootstrapPrediction(c, Math.exp(pl), Math.exp(pu)) : new BootstrapPrediction(c, pl, pu));
        }
        return out;
    }

    /** {@return the confidence bounds {lower, upper}, NaN where the interval is not available (a new array)} */
    public double[] confidenceBounds() {
        return confidence.ok() ? new double[] {confidence.lower(), confidence.upper()}
                : new double[] {Double.NaN, Double.NaN};
    }
}
