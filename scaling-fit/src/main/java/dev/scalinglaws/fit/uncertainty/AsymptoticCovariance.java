/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.Parameter;
import dev.scalinglaws.fit.Covariance;
import dev.scalinglaws.fit.CovarianceForm;
import dev.scalinglaws.fit.FitEvaluation;
import dev.scalinglaws.fit.FitProblem;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.ParameterEstimate;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The asymptotic covariance of a fit's free parameters, computed in optimisation coordinates u (logarithms of
 * positive parameters) and mapped to natural units by the delta method, V_theta = D V_u D with
 * D = diag(dtheta/du) (theta_j for log-scale coordinates, 1 otherwise).
 *
 * <p>With residuals r_i, weights w_i, loss rho with psi = rho' and the Jacobian J_i = dr_i/du:
 * <ul>
 *   <li>{@link Form#GAUSS_NEWTON}: V = s^2 (J' W J)^-1 with s^2 = SUM w_i r_i^2 / (n - p), the classical
 *       non-linear least-squares covariance (Seber and Wild 1989, sec. 2.1); the naive choice for robust
 *       losses;</li>
 *   <li>{@link Form#SANDWICH}: the heteroskedasticity-robust M-estimator covariance (Huber 1967; White 1980,
 *       Econometrica 48, 817-838), V = n/(n-p) B^-1 M B^-1 with bread B = J' diag(w psi'(r)) J and meat
 *       M = J' diag(w^2 psi(r)^2) J; the factor n/(n-p) is MacKinnon and White's (1985) HC1 small-sample
 *       correction. For the Huber likelihood with fitted scale s, r is replaced by r/s and B, M by B/s^2, M/s^2; the
 *       scale is treated as orthogonal to the law's parameters (exact for symmetric errors).</li>
 * </ul>
 * n counts rows with positive weight, p = free parameters (plus the scale for likelihood losses); intervals use
 * Student's t with n - p degrees of freedom. For Huber's loss psi'(r) is the indicator of |r| &lt;= delta, so with a
 * tiny delta (Hoffmann's 1e-3 on log residuals) the bread rests on the few rows in the quadratic zone: see
 * {@code docs/uncertainty.md} for how that compares with the bootstrap.
 *
 * <p>Wald intervals of positive quantities are formed on the log scale (ln g +- t se(g)/g, then exponentiated), so
 * they stay positive and follow the skew that the log parametrisation removes.
 *
 * <p>Immutable and thread-safe.
 */
public final class AsymptoticCovariance {

    /** The covariance estimator (the same three as {@link CovarianceForm}). */
    public enum Form {
        /** s^2 (J'WJ)^-1: valid for least squares with constant variance. */
        GAUSS_NEWTON,
        /** n/(n-p) B^-1 M B^-1: robust to the loss and to heteroskedasticity (White 1980). */
        SANDWICH,
        /**
         * The sandwich with Huber's kinked psi' replaced by its Gaussian-kernel smoothing
         * psi'_h(r) = Phi((delta - r)/h) - Phi((-delta - r)/h), h = 0.9 min(sd, IQR/1.349) n^(-1/5) (Silverman's
         * rule on the residuals): Powell's (1991) kernel estimate of the bread of a median-type estimator
         * (Koenker 2005, Quantile Regression, sec. 3.4). Identical to {@link #SANDWICH} for smooth losses.
         */
        SMOOTHED_SANDWICH;

        /** The method of this form's Wald intervals. */
        Interval.Method intervalMethod() {
            return switch (this) {
                case GAUSS_NEWTON -> Interval.Method.ASYMPTOTIC_GAUSS_NEWTON;
                case SANDWICH -> Interval.Method.ASYMPTOTIC_SANDWICH;
                case SMOOTHED_SANDWICH -> Interval.Method.ASYMPTOTIC_SMOOTHED_SANDWICH;
            };
        }

        /** The method of this form's prediction intervals. */
        Interval.Method predictionMethod() {
            return switch (this) {
                case GAUSS_NEWTON -> Interval.Method.PREDICTION_GAUSS_NEWTON;
                case SANDWICH -> Interval.Method.PREDICTION_SANDWICH;
                case SMOOTHED_SANDWICH -> Interval.Method.PREDICTION_SMOOTHED_SANDWICH;
            };
        }

        /** {@return the same estimator as a {@link CovarianceForm}} */
        public CovarianceForm covarianceForm() {
            return CovarianceForm.valueOf(name());
        }

        /**
         * The form of a {@link CovarianceForm}.
         *
         * @param form a covariance form
         * @return the same estimator
         */
        public static Form of(CovarianceForm form) {
            return valueOf(form.name());
        }
    }

    private final FitResult fit;
    private final Form form;
    private final Covariance covariance;

    private AsymptoticCovariance(FitResult fit, Form form, Covariance covariance) {
        this.fit = fit;
        this.form = form;
        this.covariance = covariance;
    }

    /**
     * Computes the covariance of a fit, from the problem it keeps.
     *
     * @param fit  a fit from {@link Fitter#fit}
     * @param form estimator
     * @return the covariance (check {@link #finite()})
     * @throws IllegalArgumentException when every parameter is pinned or an estimate is not finite
     * @throws IllegalStateException    for a fit assembled without its problem
     */
    public static AsymptoticCovariance of(FitResult fit, Form form) {
        return of(fit, fit.requireProblem(), form);
    }

    /**
     * Computes the covariance of a fit.
     *
     * @param fit  a fit from {@link Fitter#fit}
     * @param data the data it was fitted to (checked to be the fit's data)
     * @param form estimator
     * @return the covariance (check {@link #finite()})
     * @throws IllegalArgumentException when {@code data} is not the fit's data, every parameter is pinned or an
     *             estimate is not finite
     */
    public static AsymptoticCovariance of(FitResult fit, Dataset data, Form form) {
        return of(fit, Fits.problem(fit, data), form);
    }

    static AsymptoticCovariance of(FitResult fit, FitProblem problem, Form form) {
        FitEvaluation evaluation = problem.evaluate(Fits.finiteTheta(fit), fit.scale());
        return of(fit, evaluation, form);
    }

    static AsymptoticCovariance of(FitResult fit, FitEvaluation evaluation, Form form) {
        try {
            return new AsymptoticCovariance(fit, form, evaluation.covariance(form.covarianceForm()));
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * The fit's parameter estimates with smoothed-sandwich standard errors (the recommended asymptotic form; a new
     * list, the fit is unchanged).
     *
     * @param fit a fit
     * @return estimates with standard errors (NaN where the covariance is not finite)
     */
    public static List<ParameterEstimate> standardErrors(FitResult fit) {
        return of(fit, Form.SMOOTHED_SANDWICH).standardErrors();
    }

    /**
     * The fit's parameter estimates with smoothed-sandwich standard errors.
     *
     * @param fit  a fit
     * @param data the data it was fitted to (checked to be the fit's data)
     * @return estimates with standard errors (NaN where the covariance is not finite)
     */
    public static List<ParameterEstimate> standardErrors(FitResult fit, Dataset data) {
        return of(fit, data, Form.SMOOTHED_SANDWICH).standardErrors();
    }

    /**
     * The inverse of the objective's curvature B in coordinates (the bread; J'WJ for Gauss-Newton), so that
     * F(u) ~ F^ + (u - u^)' B (u - u^) / 2 near the optimum. Package-private: used to scale profile statistics.
     */
    double[][] curvatureInverse() {
        return covariance.curvatureInverse();
    }

    /** {@return the covariance as a value} */
    public Covariance value() {
        return covariance;
    }

    /** {@return the estimator used} */
    public Form form() {
        return form;
    }

    /** {@return whether every entry is finite (false when the bread is singular or n &lt;= p)} */
    public boolean finite() {
        return covariance.finite();
    }

    /** {@return the residual degrees of freedom n - p (free parameters, plus a fitted scale)} */
    public int degreesOfFreedom() {
        return covariance.degreesOfFreedom();
    }

    /** {@return the covariance of the natural parameters, p x p in the law's order; pinned rows and columns are 0} */
    public double[][] covariance() {
        return covariance.covariance();
    }

    /** {@return the covariance in optimisation coordinates of the free parameters (logs of positive ones)} */
    public double[][] coordinateCovariance() {
        return covariance.coordinateCovariance();
    }

    /**
     * Delta-method standard error of a derived quantity: sqrt(grad g' V grad g).
     *
     * @param quantity g
     * @return the standard error (NaN if not computable)
     */
    public double standardError(DerivedQuantity quantity) {
        double var = covariance.variance(quantity.gradient(fit.theta()));
        return var >= 0 ? Math.sqrt(var) : Double.NaN;
    }

    /**
     * A Wald interval with Student's t quantile on n - p degrees of freedom; on the log scale when the estimate is
     * positive and {@code logScale} is true.
     *
     * @param quantity g
     * @param level    nominal coverage, e.g. 0.95
     * @param logScale whether to form positive quantities' intervals on the log scale
     * @return the interval (status NON_FINITE if anything is not finite)
     */
    public Interval interval(DerivedQuantity quantity, double level, boolean logScale) {
        checkLevel(level);
        double est = quantity.value(fit.theta());
        double se = standardError(quantity);
        int degreesOfFreedom = covariance.degreesOfFreedom();
        double t = degreesOfFreedom > 0
                ? TDistribution.of(degreesOfFreedom).inverseCumulativeProbability(0.5 + level / 2) : Double.NaN;
        String method = "asymptotic-" + form.name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (logScale && est > 0) {
            double sl = se / est;
            return new Interval(quantity.name(), est, est * Math.exp(-t * sl), est * Math.exp(t * sl), level,
                    form.intervalMethod(), method + "-log", Interval.Status.OK);
        }
        return new Interval(quantity.name(), est, est - t * se, est + t * se, level, form.intervalMethod(), method,
                Interval.Status.OK);
    }

    /**
     * The default interval: log scale for positive parameters of the law (those it optimises as logarithms) and
     * for positive derived quantities that are not a parameter; linear for exponents.
     *
     * @param quantity g
     * @param level    nominal coverage
     * @return the interval
     */
    public Interval interval(DerivedQuantity quantity, double level) {
        boolean log = true;
        for (Parameter par : fit.law().parameters()) {
            if (par.name().equals(quantity.name())) {
                log = par.positive();
            }
        }
        return interval(quantity, level, log);
    }

    /**
     * The fit's parameter estimates with these standard errors (a new list; the fit is unchanged). Pinned
     * parameters keep a standard error of 0.
     *
     * @return estimates with standard errors
     */
    public List<ParameterEstimate> standardErrors() {
        List<ParameterEstimate> out = new ArrayList<>();
        List<ParameterEstimate> est = fit.parameters();
        for (int j = 0; j < est.size(); j++) {
            ParameterEstimate e = est.get(j);
            out.add(e.pinned() ? e.withStdError(0) : e.withStdError(covariance.standardError(j)));
        }
        return out;
    }

    static void checkLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "level must lie in (0, 1): %s", level));
        }
    }
}
