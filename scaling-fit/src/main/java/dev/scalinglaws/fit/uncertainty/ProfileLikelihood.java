/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import java.util.Locale;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.Parameter;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.FitProblem;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.internal.CompiledProblem;
import dev.scalinglaws.fit.internal.ProblemAccess;
import dev.scalinglaws.fit.internal.Objective;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.IllinoisSolver;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Profile-likelihood intervals for a parameter or any {@link DerivedQuantity} g (Venzon and Moolgavkar 1988;
 * Pawitan 2001, In All Likelihood, ch. 2.9 and 3.4): the profile P(v) = min { F(u) : g(theta(u)) = v } of the fit
 * objective F, and the interval { v : 2 (P(v) - F^) / c &lt;= chi2_1(level) }.
 *
 * <p>The constrained minimum is found by an augmented Lagrangian, F(u) + lambda (g - v) + mu/2 (g - v)^2 with
 * mu = 100 / (grad g' B^-1 grad g) and lambda updated until |g - v| is below 1e-7 of the asymptotic standard error,
 * each inner problem by dense BFGS warm-started from the previous profile point; where the inner solves stall on
 * a kinked objective, feasibility is restored by Newton steps along the coordinate that moves g most (so P(v) is
 * then a slight over-estimate and the interval slightly conservative).
 *
 * <p>Scaling c: for the Huber likelihood with fitted scale (a true negative log-likelihood) c = 1. For every other
 * loss F is not a log-likelihood, and 2 (P - F^) has the distribution of c chi2_1 with
 * c = (grad g' V grad g) / (grad g' B^-1 grad g), the ratio of the sandwich variance V to the curvature-implied one
 * (the adjusted profile statistic of quasi-likelihood; for least squares c = s^2, the residual variance, and the
 * statistic is the familiar (RSS(v) - RSS^) / s^2). V and B are those of
 * {@link AsymptoticCovariance.Form#SMOOTHED_SANDWICH}. The bound search steps out from the estimate by multiples of
 * the standard error (on the log scale for positive quantities) up to 50 standard errors, then solves
 * sqrt(S(v)) = sqrt(chi2) by the Illinois method (Commons Math's {@code IllinoisSolver}, to 5e-5 standard errors);
 * a side that never crosses is reported as
 * {@link Interval.Status#UNBOUNDED} with an infinite (or zero, for positive quantities) bound.
 *
 * <p>Thread-safe: every profile runs on an evaluator of its own; results are deterministic.
 */
public final class ProfileLikelihood {

    private final ScalingLaw law;
    private final CompiledProblem problem;
    private final double[] thetaHat;
    private final double[] uHat;
    private final int[] free;
    private final int dim;
    private final AsymptoticCovariance covariance;
    private final double fHat;
    private final boolean likelihood;

    private ProfileLikelihood(FitResult fit, FitProblem fitProblem) {
        this.law = fit.law();
        this.problem = ProblemAccess.compiled(fitProblem);
        this.thetaHat = Fits.finiteTheta(fit);
        this.likelihood = fitProblem.loss().fitsScale();
        this.uHat = problem.toCoordinates(thetaHat, likelihood ? Math.log(fit.scale()) : 0);
        this.free = problem.free();
        this.dim = problem.dimension();
        this.covariance = AsymptoticCovariance.of(fit, fitProblem, AsymptoticCovariance.Form.SMOOTHED_SANDWICH);
        this.fHat = problem.newObjective().value(uHat);
    }

    /**
     * Profiles of a fit, from the problem it keeps.
     *
     * @param fit the fit
     * @return the profiler
     * @throws IllegalStateException for a fit assembled without its problem
     */
    public static ProfileLikelihood of(FitResult fit) {
        return new ProfileLikelihood(fit, fit.requireProblem());
    }

    /**
     * Profiles of a fit.
     *
     * @param fit  the fit
     * @param data its data (checked to be the fit's data)
     * @return the profiler
     */
    public static ProfileLikelihood of(FitResult fit, Dataset data) {
        return new ProfileLikelihood(fit, Fits.problem(fit, data));
    }

    /**
     * The profile interval of a parameter.
     *
     * @param parameter the parameter's symbol
     * @param level     nominal coverage
     * @return the interval
     */
    public Interval interval(String parameter, double level) {
        return interval(DerivedQuantity.parameter(law, parameter), level);
    }

    /**
     * Whether the profile is of a true likelihood (the Huber likelihood with a fitted scale; c = 1) rather than a
     * scaled quasi-likelihood statistic.
     *
     * @return whether the fit's loss fits its scale
     */
    public boolean likelihood() {
        return likelihood;
    }

    /** Gradient of g with respect to the coordinates u (0 for the likelihood scale). */
    private double[] coordinateGradient(DerivedQuantity q, double[] theta) {
        double[] gt = q.gradient(theta);
        double[] gu = new double[dim];
        for (int k = 0; k < free.length; k++) {
            gu[k] = gt[free[k]] * (problem.isLogScale(k) ? theta[free[k]] : 1);
        }
        return gu;
    }

    private static double quadratic(double[][] m, double[] g) {
        double s = 0;
        for (int a = 0; a < m.length; a++) {
            for (int k = 0; k < m.length; k++) {
                s += g[a] * m[a][k] * g[k];
            }
        }
        return s;
    }

    /**
     * The scaling c of the profile statistic for a quantity (1 for a likelihood loss).
     *
     * @param q the quantity
     * @return c
     */
    public double scale(DerivedQuantity q) {
        if (likelihood) {
            return 1;
        }
        double[] gu = coordinateGradient(q, thetaHat);
        return quadratic(covariance.coordinateCovariance(), gu) / quadratic(covariance.curvatureInverse(), gu);
    }

    /**
     * The scaled profile statistic S(v) = 2 (P(v) - F^) / c.
     *
     * @param q     the quantity
     * @param value the constrained value v
     * @return S(v), NaN if the constrained problem could not be solved
     */
    public double statistic(DerivedQuantity q, double value) {
        return new Profiler(q).statistic(value, uHat.clone());
    }

    /**
     * The profile interval of a derived quantity.
     *
     * @param q     the quantity
     * @param level nominal coverage
     * @return the interval
     */
    public Interval interval(DerivedQuantity q, double level) {
        AsymptoticCovariance.checkLevel(level);
        double est = q.value(thetaHat);
        Profiler p = new Profiler(q);
        double threshold = ChiSquaredDistribution.of(1).inverseCumulativeProbability(level);
        boolean positive = est > 0 && isPositive(q);
        double[] lower = p.bound(est, -1, threshold, positive);
        double[] upper = p.bound(est, +1, threshold, positive);
        Interval.Status status = lower[1] > 0 && upper[1] > 0 ? Interval.Status.OK
                : (Double.isNaN(lower[0]) || Double.isNaN(upper[0]) ? Interval.Status.NON_FINITE
                : Interval.Status.UNBOUNDED);
        String method = likelihood ? "profile-likelihood" : "profile-scaled";
        return new Interval(q.name(), est, lower[0], upper[0], level,
                likelihood ? Interval.Method.PROFILE_LIKELIHOOD : Interval.Method.PROFILE_SCALED, method, status);
    }

    private boolean isPositive(DerivedQuantity q) {
        for (Parameter par : law.parameters()) {
            if (par.name().equals(q.name())) {
                return par.positive();
            }
        }
        return true;
    }

    /** The constrained minimisation for one quantity, with warm starts. */
    private final class Profiler {
        final DerivedQuantity q;
        final Objective f = problem.newObjective();
        final double c;
        final double se;
        final double curvatureVariance;
        final double[] theta = new double[law.parameterCount()];

        Profiler(DerivedQuantity q) {
            this.q = q;
            this.c = scale(q);
            double[] gu = coordinateGradient(q, thetaHat);
            this.curvatureVariance = quadratic(covariance.curvatureInverse(), gu);
            this.se = Math.sqrt(quadratic(covariance.coordinateCovariance(), gu));
        }

        /** S(v), starting from u (overwritten with the constrained minimiser). */
        double statistic(double v, double[] u) {
            double mu = 100 / curvatureVariance;
            double[] lambda = {0};
            double tol = 1e-7 * Math.sqrt(curvatureVariance);
            double[] grad = new double[u.length];
            for (int outer = 0; outer < 40; outer++) {
                DenseBfgs.minimize((x, g) -> {
                    double fx = f.valueAndGradient(x, g);
                    f.toTheta(x, theta);
                    double gv = q.value(theta);
                    if (!Double.isFinite(fx) || !Double.isFinite(gv)) {
                        return Double.POSITIVE_INFINITY;
                    }
                    double gap = gv - v;
                    double[] gu = coordinateGradient(q, theta);
                    double m = lambda[0] + mu * gap;
                    for (int k = 0; k < g.length; k++) {
                        g[k] += m * gu[k];
                    }
                    return fx + lambda[0] * gap + 0.5 * mu * gap * gap;
                }, u, 500, 1e-12 * Math.max(1, Math.abs(fHat)));
                f.toTheta(u, theta);
                double gap = q.value(theta) - v;
                if (!Double.isFinite(gap)) {
                    return Double.NaN;
                }
                if (Math.abs(gap) <= tol) {
                    break;
                }
                lambda[0] += mu * gap;
            }
            f.toTheta(u, theta);
            double gap = q.value(theta) - v;
            // on kinked objectives (Huber) the inner solves stall short of feasibility: restore g = v exactly by
            // Newton steps along the coordinate that moves g most (exact in one step for a parameter)
            for (int it = 0; it < 30 && Double.isFinite(gap) && Math.abs(gap) > tol; it++) {
                double[] gu = coordinateGradient(q, theta);
                int best = 0;
                for (int k = 1; k < gu.length; k++) {
                    if (Math.abs(gu[k]) > Math.abs(gu[best])) {
                        best = k;
                    }
                }
                if (gu[best] == 0) {
                    break;
                }
                u[best] -= gap / gu[best];
                f.toTheta(u, theta);
                gap = q.value(theta) - v;
            }
            if (!(Math.abs(gap) <= 1e3 * tol)) {
                return Double.NaN;
            }
            double value = f.valueAndGradient(u, grad);
            return Math.max(0, 2 * (value - fHat) / c);
        }

        /** {bound, 1 if found else 0}. */
        double[] bound(double est, int side, double threshold, boolean positive) {
            if (!(se > 0) || !Double.isFinite(c) || !(c > 0)) {
                return new double[] {Double.NaN, 0};
            }
            double target = Math.sqrt(threshold);
            double[] u = uHat.clone();
            double prevT = 0;
            double prevV = est;
            double[] prevU = u.clone();
            for (double k = 0.5; k <= 50; k *= 1.6) {
                double v = at(est, side * k, positive);
                double[] trial = prevU.clone();
                double s = statistic(v, trial);
                if (Double.isNaN(s)) {
                    return new double[] {Double.NaN, 0};
                }
                double t = Math.sqrt(s);
                if (t >= target) {
                    return new double[] {illinois(prevV, prevT - target, prevU, v, t - target, target), 1};
                }
                prevT = t;
                prevV = v;
                prevU = trial;
            }
            double open = positive && side < 0 ? 0 : side * Double.POSITIVE_INFINITY;
            return new double[] {open, 0};
        }

        private double at(double est, double multiple, boolean positive) {
            return positive ? est * Math.exp(multiple * se / est) : est + multiple * se;
        }

        /**
         * Regula falsi (Illinois variant, Commons Math's {@link IllinoisSolver}) on sqrt(S(v)) - target between a
         * (below) and b (above), to 5e-5 standard errors; every S(v) is a refit warm-started, through the closure's
         * state, from the constrained minimiser of the last point found below the target (a's at first), and the
         * two ends, already evaluated, are not refitted.
         */
        private double illinois(double a, double fa, double[] ua, double b, double fb, double target) {
            double[][] warm = {ua};
            double[] below = {a};
            double[] above = {b};
            UnivariateFunction h = v -> {
                if (v == a) {
                    return fa;
                }
                if (v == b) {
                    return fb;
                }
                double[] u = warm[0].clone();
                double s = statistic(v, u);
                if (Double.isNaN(s)) {
                    throw new RefitFailed();
                }
                double fv = Math.sqrt(s) - target;
                if (fv < 0) {
                    warm[0] = u;
                    below[0] = v;
                } else {
                    above[0] = v;
                }
                return fv;
            };
            try {
                return new IllinoisSolver(1e-14, 5e-5 * se, 0).solve(MAX_REFITS, h, Math.min(a, b), Math.max(a, b));
            } catch (TooManyEvaluationsException e) {
                return 0.5 * (below[0] + above[0]); // the midpoint of the last bracket, as the former loop gave
            } catch (RefitFailed e) {
                return Double.NaN;
            }
        }
    }

    /** At most this many refits in the Illinois search of one bound (plus its two ends, already evaluated). */
    private static final int MAX_REFITS = 42;

    /** A constrained refit that did not reach feasibility: the bound is NaN. */
    private static final class RefitFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RefitFailed() {
            super(null, null, false, false);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ProfileLikelihood[%s, F^ = %.6g, %s]", law.name(), fHat,
                likelihood ? "likelihood" : "scaled");
    }
}
