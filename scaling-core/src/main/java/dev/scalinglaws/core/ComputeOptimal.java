/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import org.apache.commons.math3.analysis.solvers.AllowedSolution;
import org.apache.commons.math3.analysis.solvers.BracketingNthOrderBrentSolver;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compute-optimal allocation under the budget C = 6 N D (Kaplan et al. 2020; Hoffmann et al. 2022).
 *
 * <p>For {@link ChinchillaLaw} the optimum has a closed form (Hoffmann et al. 2022, arXiv:2203.15556, eq. 4 and
 * Appendix D.2):
 *
 * <pre>
 *   G = (alpha A / (beta B))^(1 / (alpha + beta)),   a = beta / (alpha + beta),   b = alpha / (alpha + beta)
 *   N_opt(C) = G (C/6)^a,   D_opt(C) = G^-1 (C/6)^b
 * </pre>
 *
 * For any other law in (N, D) the optimum is found numerically: L(N, C / 6N) is minimised over ln N by a scan and
 * Brent's method (Commons Math's {@code BrentOptimizer}). {@link #computeForLoss} inverts the optimal frontier: the
 * least compute whose optimal allocation reaches a target loss (a bracketing Brent root finder on ln C, Commons
 * Math's {@code BracketingNthOrderBrentSolver}, keeping the side where the loss is at most the target).
 *
 * <p>Stateless and thread-safe.
 */
public final class ComputeOptimal {

    private ComputeOptimal() {
    }

    /**
     * A compute-optimal allocation.
     *
     * @param compute training FLOPs C = 6 N D
     * @param N       parameters
     * @param D       tokens
     * @param loss    the law's loss at (N, D)
     */
    public record Allocation(double compute, double N, double D, double loss) {

        /** {@return the tokens per parameter D / N} */
        public double tokensPerParameter() {
            return D / N;
        }
    }

    /**
     * Chinchilla's allocation exponents.
     *
     * @param G the allocation constant
     * @param a N_opt exponent beta / (alpha + beta)
     * @param b D_opt exponent alpha / (alpha + beta)
     */
    public record Exponents(double G, double a, double b) {
    }

    /**
     * G, a and b of a Chinchilla fit.
     *
     * @param theta Chinchilla parameters (E, A, B, alpha, beta)
     * @return the exponents
     */
    public static Exponents exponents(double[] theta) {
        double capA = theta[ChinchillaLaw.A];
        double capB = theta[ChinchillaLaw.B];
        double alpha = theta[ChinchillaLaw.ALPHA];
        double beta = theta[ChinchillaLaw.BETA];
        if (!(alpha > 0 && beta > 0 && capA > 0 && capB > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "compute-optimal allocation needs A, B, alpha, beta > 0; got A=%s B=%s alpha=%s beta=%s",
                    capA, capB, alpha, beta));
        }
        double sum = alpha + beta;
        double g = Math.exp((Math.log(alpha * capA) - Math.log(beta * capB)) / sum);
        return new Exponents(g, beta / sum, alpha / sum);
    }

    /**
     * The closed-form compute-optimal allocation of a Chinchilla law.
     *
     * @param theta   parameters (E, A, B, alpha, beta)
     * @param compute training FLOPs
     * @return the allocation
     */
    public static Allocation chinchilla(double[] theta, double compute) {
        checkCompute(compute);
        Exponents ex = exponents(theta);
        double lnC6 = Math.log(compute / 6);
        double n = ex.G() * Math.exp(ex.a() * lnC6);
        double d = Math.exp(ex.b() * lnC6) / ex.G();
        return new Allocation(compute, n, d, ChinchillaLaw.INSTANCE.value(theta, n, d));
    }

    /**
     * The compute-optimal allocation of any law whose covariates are exactly (N, D), by numeric minimisation; for
     * Chinchilla this uses the closed form.
     *
     * @param law     a law in (N, D)
     * @param theta   its parameters
     * @param compute training FLOPs
     * @return the allocation
     */
    public static Allocation of(ScalingLaw law, double[] theta, double compute) {
        checkCompute(compute);
        if (law instanceof ChinchillaLaw) {
            return chinchilla(theta, compute);
        }
        return numeric(law, theta, compute);
    }

    /**
     * The compute-optimal allocation by numeric minimisation of ln L(e^u, C / 6 e^u) over u = ln N, for D, N >= 1.
     *
     * @param law     a law in (N, D)
     * @param theta   its parameters
     * @param compute training FLOPs
     * @return the allocation
     */
    public static Allocation numeric(ScalingLaw law, double[] theta, double compute) {
        checkCompute(compute);
        if (!law.covariates().equals(List.of("N", "D"))) {
            throw new IllegalArgumentException("compute-optimal allocation needs a law in (N, D); "
                    + law.name() + " takes " + law.covariates());
        }
        return numeric(law, theta, compute, Map.of());
    }

    /**
     * The compute-optimal allocation of any law whose covariates include N and D, the others held at given values
     * (for example the unique tokens U of {@link DataConstrainedLaw}): L(N, C / 6N, fixed) minimised over ln N
     * (a scan of 400 points, then Brent's method), for N, D &gt;= 1.
     *
     * @param law     a law whose covariates include N and D
     * @param theta   its parameters
     * @param compute training FLOPs
     * @param fixed   a value for every other covariate, by name
     * @return the allocation (its loss at the fixed covariates)
     * @throws IllegalArgumentException if the law lacks N or D, a covariate has no value, a value names no
     *                                  covariate of the law or is not finite
     */
    public static Allocation numeric(ScalingLaw law, double[] theta, double compute, Map<String, Double> fixed) {
        checkCompute(compute);
        double[] point = pointTemplate(law, fixed);
        double lnC6 = Math.log(compute / 6);
        double lo = 0;
        double hi = lnC6;
        int grid = 400;
        double bestU = lo;
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k <= grid; k++) {
            double u = lo + (hi - lo) * k / grid;
            double v = logLossAt(law, theta, u, lnC6, point);
            if (v < best) {
                best = v;
                bestU = u;
            }
        }
        double step = (hi - lo) / grid;
        double u = brentMinimum(law, theta, lnC6, Math.max(lo, bestU - step), Math.min(hi, bestU + step), point);
        double n = Math.exp(u);
        double d = Math.exp(lnC6 - u);
        return new Allocation(compute, n, d, law.value(theta, at(law, point, n, d)));
    }

    /**
     * A covariate point of the law with every covariate but N and D filled from {@code fixed}.
     *
     * @param law   the law
     * @param fixed values of the other covariates
     * @return the point, N and D still zero
     */
    static double[] pointTemplate(ScalingLaw law, Map<String, Double> fixed) {
        List<String> cov = law.covariates();
        if (!cov.contains("N") || !cov.contains("D")) {
            throw new IllegalArgumentException("compute-optimal allocation needs a law whose covariates include N and "
                    + "D; " + law.name() + " takes " + cov);
        }
        for (String k : fixed.keySet()) {
            if (!cov.contains(k) || k.equals("N") || k.equals("D")) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "'%s' is not a covariate of %s to hold "
                        + "fixed; besides N and D it takes %s", k, law.name(),
                        cov.stream().filter(c -> !c.equals("N") && !c.equals("D")).toList()));
            }
        }
        double[] point = new double[cov.size()];
        for (int j = 0; j < cov.size(); j++) {
            String c = cov.get(j);
            if (c.equals("N") || c.equals("D")) {
                continue;
            }
            Double v = fixed.get(c);
            if (v == null) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "compute-optimal allocation of %s needs "
                        + "a value for covariate %s", law.name(), c));
            }
            if (!Double.isFinite(v) || law.requiresPositiveCovariates() && !(v > 0)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "covariate %s must be positive and "
                        + "finite: %s", c, v));
            }
            point[j] = v;
        }
        return point;
    }

    private static double[] at(ScalingLaw law, double[] template, double n, double d) {
        double[] p = template.clone();
        p[law.covariates().indexOf("N")] = n;
        p[law.covariates().indexOf("D")] = d;
        return p;
    }

    /**
     * The least compute whose compute-optimal allocation reaches {@code targetLoss}.
     *
     * @param law        a law in (N, D)
     * @param theta      its parameters
     * @param targetLoss the loss to reach
     * @return the allocation at that compute
     * @throws IllegalArgumentException if the target is at or below the law's floor within 1e40 FLOPs
     */
    public static Allocation computeForLoss(ScalingLaw law, double[] theta, double targetLoss) {
        if (!(targetLoss > 0) || Double.isInfinite(targetLoss)) {
            throw new IllegalArgumentException("target loss must be positive and finite: " + targetLoss);
        }
        double lo = Math.log(6.0);
        double hi = Math.log(1e40);
        if (of(law, theta, Math.exp(hi)).loss() > targetLoss) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "target loss %s is not reached with 1e40 FLOPs (the law's floor is near %s)", targetLoss,
                    of(law, theta, 1e40).loss()));
        }
        if (of(law, theta, Math.exp(lo)).loss() <= targetLoss) {
            return of(law, theta, Math.exp(lo));
        }
        // the optimal loss decreases in ln C: the least ln C with loss <= target is the BELOW_SIDE end of the
        // bracket, narrowed to at most 2^-52 |ln C| (two doubles; the former bisection stopped at 1e-12 max(1, |ln C|))
        double lnC = new BracketingNthOrderBrentSolver(Math.ulp(1.0), Double.MIN_VALUE, 0, 5).solve(500,
                x -> of(law, theta, Math.exp(x)).loss() - targetLoss, lo, hi, AllowedSolution.BELOW_SIDE);
        return of(law, theta, Math.exp(lnC));
    }

    private static double logLossAt(ScalingLaw law, double[] theta, double u, double lnC6, double[] point) {
        double v = law.logValue(theta, at(law, point, Math.exp(u), Math.exp(lnC6 - u)));
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }

    /**
     * Brent's minimisation (golden section with parabolic steps) of ln L(e^u, C / 6 e^u) on [a, b], by Commons Math's
     * {@link BrentOptimizer}: stops when |u - m| &lt;= 2 tol - (b - a) / 2 with tol = 1e-12 |u| + 1e-14, m the
     * midpoint of the current bracket, starting from the golden-section point a + 0.381966 (b - a).
     */
    private static double brentMinimum(ScalingLaw law, double[] theta, double lnC6, double a, double b,
                                       double[] point) {
        double start = a + 0.3819660112501051 * (b - a);
        return new BrentOptimizer(1e-12, 1e-14).optimize(new MaxEval(500), GoalType.MINIMIZE,
                new SearchInterval(a, b, start),
                new UnivariateObjectiveFunction(u -> logLossAt(law, theta, u, lnC6, point))).getPoint();
    }

    private static void checkCompute(double compute) {
        if (!(compute > 0) || Double.isInfinite(compute)) {
            throw new IllegalArgumentException("compute must be positive and finite: " + compute);
        }
    }
}
