/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import java.util.Locale;

import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.FitEvaluation;
import dev.scalinglaws.fit.FitProblem;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.ResidualSpace;
import dev.scalinglaws.fit.internal.CompiledProblem;
import dev.scalinglaws.fit.internal.ProblemAccess;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Prediction at a covariate point x0 from a fit and its asymptotic covariance V (delta method):
 *
 * <ul>
 *   <li>mean curve: m(x0) = ln f(x0; theta^) for log-residual fits, f(x0; theta^) for linear ones, with
 *       se_m = sqrt(grad m' V grad m) and the confidence interval m +- t se_m;</li>
 *   <li>new observation: the prediction interval m +- t sqrt(se_m^2 + s^2), with the residual scale
 *       s^2 = SUM w_i r_i^2 / (n - p) in the fit's residual space (Seber and Wild 1989, sec. 5.1);</li>
 * </ul>
 * t is Student's quantile with n - p degrees of freedom. Log-space intervals are exponentiated, so they are
 * positive and asymmetric. Every prediction says how far x0 lies outside the data ({@link Extrapolation}): intervals
 * far outside assume the law holds there, which no interval can check.
 *
 * <p>Stateless and thread-safe.
 */
public final class Prediction {

    private final ScalingLaw law;
    private final double[] theta;
    private final boolean logSpace;
    private final AsymptoticCovariance covariance;
    private final double residualScale;
    private final double[] minLog;
    private final double[] maxLog;

    private Prediction(FitResult fit, FitProblem problem, AsymptoticCovariance.Form form) {
        CompiledProblem c = ProblemAccess.compiled(problem);
        this.law = fit.law();
        this.theta = Fits.finiteTheta(fit);
        this.logSpace = problem.residual() == ResidualSpace.LOG;
        FitEvaluation evaluation = problem.evaluate(theta, fit.scale());
        this.covariance = AsymptoticCovariance.of(fit, evaluation, form);
        double[] r = evaluation.residuals();
        double[] weights = c.weights();
        double ss = 0;
        for (int i = 0; i < r.length; i++) {
            ss += weights[i] * r[i] * r[i];
        }
        int dof = covariance.degreesOfFreedom();
        this.residualScale = dof > 0 ? Math.sqrt(ss / dof) : Double.NaN;
        Columns x = c.covariates();
        int q = x.count();
        this.minLog = new double[q];
        this.maxLog = new double[q];
        for (int j = 0; j < q; j++) {
            minLog[j] = Double.POSITIVE_INFINITY;
            maxLog[j] = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < x.size(); i++) {
                if (weights[i] > 0) {
                    double v = x.logValue(j, i);
                    minLog[j] = Math.min(minLog[j], v);
                    maxLog[j] = Math.max(maxLog[j], v);
                }
            }
        }
    }

    /**
     * A predictor for a fit, from the problem it keeps.
     *
     * @param fit  the fit
     * @param form covariance estimator for the mean curve
     * @return the predictor
     * @throws IllegalStateException for a fit assembled without its problem
     */
    public static Prediction of(FitResult fit, AsymptoticCovariance.Form form) {
        return new Prediction(fit, fit.requireProblem(), form);
    }

    /**
     * A predictor for a fit.
     *
     * @param fit  the fit
     * @param data its data (checked to be the fit's data)
     * @param form covariance estimator for the mean curve
     * @return the predictor
     */
    public static Prediction of(FitResult fit, Dataset data, AsymptoticCovariance.Form form) {
        return new Prediction(fit, Fits.problem(fit, data), form);
    }

    /** {@return n - p of the covariance: the Student t degrees of freedom of the intervals} */
    int degreesOfFreedom() {
        return covariance.degreesOfFreedom();
    }

    /** {@return whether the fit's residuals, and so the intervals' widening, are in log space} */
    boolean logSpace() {
        return logSpace;
    }

    /** {@return the residual scale s in the fit's residual space} */
    public double residualScale() {
        return residualScale;
    }

    /**
     * The distance of a point from the data.
     *
     * @param point covariate values in the law's order
     * @return the extrapolation report
     */
    public Extrapolation extrapolation(double... point) {
        double[] d = new double[point.length];
        double max = 0;
        for (int j = 0; j < point.length; j++) {
            double v = Math.log(point[j]);
            d[j] = Math.max(0, Math.max(v - maxLog[j], minLog[j] - v));
            max = Math.max(max, d[j]);
        }
        return new Extrapolation(law.covariates(), d, max);
    }

    /**
     * Predicts at a point.
     *
     * @param level nominal coverage
     * @param point covariate values in the law's order
     * @return estimate, confidence and prediction intervals, extrapolation
     */
    public Result at(double level, double... point) {
        AsymptoticCovariance.checkLevel(level);
        if (point.length != law.covariates().size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "law %s takes %d covariates %s, got %d",
                    law.name(), law.covariates().size(), law.covariates(), point.length));
        }
        boolean log = logSpace;
        double[] p = point.clone();
        DerivedQuantity mean = log
                ? DerivedQuantity.of("ln f", t -> law.logValue(t, p))
                : DerivedQuantity.of("f", t -> law.value(t, p));
        double m = mean.value(theta);
        double se = covariance.standardError(mean);
        int dof = covariance.degreesOfFreedom();
        double t = dof > 0 ? TDistribution.of(dof).inverseCumulativeProbability(0.5 + level / 2) : Double.NaN;
        double sp = Math.sqrt(se * se + residualScale * residualScale);
        String name = DerivedQuantity.valueAt(law, p).name();
        AsymptoticCovariance.Form form = covariance.form();
        String method = "asymptotic-" + form.name().toLowerCase(Locale.ROOT).replace('_', '-');
        Interval conf;
        Interval pred;
        if (log) {
            conf = new Interval(name, Math.exp(m), Math.exp(m - t * se), Math.exp(m + t * se), level,
                    form.intervalMethod(), method + "-log", Interval.Status.OK);
            pred = new Interval(name, Math.exp(m), Math.exp(m - t * sp), Math.exp(m + t * sp), level,
                    form.predictionMethod(), "prediction-" + method + "-log", Interval.Status.OK);
        } else {
            conf = new Interval(name, m, m - t * se, m + t * se, level, form.intervalMethod(), method,
                    Interval.Status.OK);
            pred = new Interval(name, m, m - t * sp, m + t * sp, level, form.predictionMethod(), "prediction-" + method,
                    Interval.Status.OK);
        }
        return new Result(p, conf.estimate(), conf, pred, extrapolation(p));
    }

    /**
     * A prediction.
     *
     * @param point         covariate values (copied)
     * @param estimate      f(x0; theta^)
     * @param confidence    interval for the mean curve
     * @param prediction    interval for a new observation
     * @param extrapolation distance from the data
     */
    public record Result(double[] point, double estimate, Interval confidence, Interval prediction,
                         Extrapolation extrapolation) {

        /**
         * Copies.
         *
         * @param point         covariate values (copied)
         * @param estimate      f(x0; theta^)
         * @param confidence    interval for the mean curve
         * @param prediction    interval for a new observation
         * @param extrapolation distance from the data
         */
        public Result {
            point = point.clone();
        }

        /** {@return the covariate values (copy)} */
        @Override
        public double[] point() {
            return point.clone();
        }

        /** Equal when every component is, arrays compared by content. */
        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Result o)) {
                return false;
            }
            return java.util.Arrays.equals(point, o.point) && Double.compare(estimate, o.estimate) == 0
                    && java.util.Objects.equals(confidence, o.confidence)
                    && java.util.Objects.equals(prediction, o.prediction)
                    && java.util.Objects.equals(extrapolation, o.extrapolation);
        }

        /** Consistent with {@link #equals}. */
        @Override
        public int hashCode() {
            int h = 17;
            h = 31 * h + java.util.Arrays.hashCode(point);
            h = 31 * h + Double.hashCode(estimate);
            h = 31 * h + java.util.Objects.hashCode(confidence);
            h = 31 * h + java.util.Objects.hashCode(prediction);
            h = 31 * h + java.util.Objects.hashCode(extrapolation);
            return h;
        }
    }
}
