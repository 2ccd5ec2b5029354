/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.internal;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Levenberg-Marquardt for F(u) = SUM_i w_i rho(r_i(u)) with box bounds, robust losses through iteratively
 * reweighted least squares (IRLS).
 *
 * <p>Each iteration linearises the residuals, r(u + d) ~ r + J d, and solves
 *
 * <pre>
 *   (J' Omega J + lambda D) d = -g,   g = J' (w psi(r)) = grad F,   Omega = diag(w_i psi(r_i) / r_i)
 * </pre>
 *
 * by Cholesky (EJML, failure checked; a failed factorisation raises lambda). D is Moré's scaling, the running maximum
 * of diag(J' Omega J) (Moré 1978, "The Levenberg-Marquardt algorithm: implementation and theory"). The step is
 * projected onto the bounds; it is accepted when the gain ratio rho = (F(u) - F(u + d)) / (predicted decrease) is
 * positive, and lambda is updated as in Nielsen (1999, "Damping parameter in Marquardt's method", IMM-REP-1999-05):
 * lambda *= max(1/3, 1 - (2 rho - 1)^3) on success, lambda *= nu, nu *= 2 on failure. For squared loss Omega = W and
 * this is classical weighted Levenberg-Marquardt; for Huber, soft-L1 and Cauchy it is IRLS with a trust region,
 * whose fixed points are the stationary points of F (Holland and Welsch 1977).
 *
 * <p>Stops (CONVERGED) when an accepted step decreases F by at most ftol F with a predicted decrease of at most
 * ftol F, when the scaled step is at most xtol times the scaled point, or when the largest gradient cosine
 * |g_k| / sqrt(2 F (J' Omega J)_kk) is at most 1e-12 (a zero-residual or exactly stationary point).
 *
 * <p>Immutable; each call allocates its workspaces once and nothing per iteration, and is thread-safe as long as
 * each thread uses its own {@link Objective}. Not applicable to a loss with a fitted scale.
 */
public final class LevenbergMarquardt implements LocalOptimizer {

    private static final double GRADIENT_COSINE = 1e-12;

    private final int maxIterations;
    private final double ftol;
    private final double xtol;

    /**
     * @param maxIterations iteration limit (each iteration evaluates the objective once or more)
     * @param ftol          relative-decrease tolerance
     * @param xtol          relative scaled-step tolerance
     */
    public LevenbergMarquardt(int maxIterations, double ftol, double xtol) {
        if (maxIterations < 1 || !(ftol >= 0) || !(xtol >= 0)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "Levenberg-Marquardt needs maxIterations >= 1 and tolerances >= 0; got maxIterations=%d, "
                            + "ftol=%s, xtol=%s", maxIterations, ftol, xtol));
        }
        this.maxIterations = maxIterations;
        this.ftol = ftol;
        this.xtol = xtol;
    }

    /** The iteration limit. */
    public int maxIterations() {
        return maxIterations;
    }

    @Override
    public LbfgsB.Result minimize(Objective f, double[] x0, double[] lower, double[] upper) {
        if (f.fitsScale()) {
            throw new IllegalArgumentException(
                    "Levenberg-Marquardt cannot fit a likelihood scale (loss huber-mle); use LBFGSB");
        }
        LossKernel loss = f.loss();
        int n = f.rows();
        int m = x0.length;
        double[] w = f.weights();
        double[] lo = new double[m];
        double[] hi = new double[m];
        double[] u = new double[m];
        for (int k = 0; k < m; k++) {
            lo[k] = lower == null ? Double.NEGATIVE_INFINITY : lower[k];
            hi[k] = upper == null ? Double.POSITIVE_INFINITY : upper[k];
            u[k] = Math.min(hi[k], Math.max(lo[k], x0[k]));
        }
        double[] r = new double[n];
        DMatrixRMaj jac = new DMatrixRMaj(n, m);
        DMatrixRMaj wjac = new DMatrixRMaj(n, m);
        DMatrixRMaj psi = new DMatrixRMaj(n, 1);
        DMatrixRMaj normal = new DMatrixRMaj(m, m);
        DMatrixRMaj damped = new DMatrixRMaj(m, m);
        DMatrixRMaj grad = new DMatrixRMaj(m, 1);
        DMatrixRMaj rhs = new DMatrixRMaj(m, 1);
        DMatrixRMaj step = new DMatrixRMaj(m, 1);
        double[] scale = new double[m];
        double[] trial = new double[m];
        double[] d = new double[m];
        double[] previous = new double[m];
        double fPrevious = Double.NaN;
        double lambdaPrevious = Double.NaN;
        double nuPrevious = Double.NaN;
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(m);

        double fx = f.value(u);
        int evals = 1;
        if (!Double.isFinite(fx)) {
            return new LbfgsB.Result(u, fx, OptimizerStatus.NON_FINITE, 0, evals, Double.NaN);
        }
        double lambda = 1e-3;
        double nu = 2;
        boolean refresh = true;
        double gnorm = Double.NaN;
        int iter = 0;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                return new LbfgsB.Result(u, fx, OptimizerStatus.MAX_ITERATIONS, iter, evals, Double.NaN);
            }
            if (refresh) {
                if (!f.residualsAndJacobian(u, r, jac.data)) {
                    if (iter == 0) {
                        return new LbfgsB.Result(u, fx, OptimizerStatus.NON_FINITE, iter, evals, Double.NaN);
                    }
                    // the accepted point has no finite Jacobian: go back and damp more
                    System.arraycopy(previous, 0, u, 0, m);
                    fx = fPrevious;
                    lambda = lambdaPrevious * nuPrevious;
                    nu = 2 * nuPrevious;
                    if (!f.residualsAndJacobian(u, r, jac.data)) {
                        return new LbfgsB.Result(u, fx, OptimizerStatus.NON_FINITE, iter, evals, Double.NaN);
                    }
                    if (lambda > 1e300) {
                        return new LbfgsB.Result(u, fx, OptimizerStatus.LINE_SEARCH_FAILED, iter, evals, Double.NaN);
                    }
                }
                for (int i = 0; i < n; i++) {
                    double wi = w[i];
                    double omega = wi == 0 ? 0 : wi * loss.irlsWeight(r[i]);
                    double sq = Math.sqrt(Math.max(omega, 0));
                    psi.data[i] = wi == 0 ? 0 : wi * loss.psi(r[i]);
                    int row = i * m;
                    for (int k = 0; k < m; k++) {
                        wjac.data[row + k] = sq * jac.data[row + k];
                    }
                }
                CommonOps_DDRM.multInner(wjac, normal);
                CommonOps_DDRM.multTransA(jac, psi, grad);
                gnorm = projectedGradientNorm(u, grad.data, lo, hi);
                boolean stationary = true;
                for (int k = 0; k < m; k++) {
                    double akk = normal.get(k, k);
                    scale[k] = Math.max(scale[k], akk);
                    double g = grad.data[k];
                    boolean blocked = (u[k] <= lo[k] && g > 0) || (u[k] >= hi[k] && g < 0);
                    if (!blocked && Math.abs(g) > GRADIENT_COSINE * Math.sqrt(2 * fx * akk)) {
                        stationary = false;
                    }
                }
                if (stationary) {
                    return new LbfgsB.Result(u, fx, OptimizerStatus.CONVERGED, iter, evals, gnorm);
                }
                refresh = false;
            }
            if (iter >= maxIterations) {
                return new LbfgsB.Result(u, fx, OptimizerStatus.MAX_ITERATIONS, iter, evals, gnorm);
            }
            iter++;
            double maxScale = 0;
            for (int k = 0; k < m; k++) {
                maxScale = Math.max(maxScale, scale[k]);
            }
            damped.setTo(normal);
            for (int k = 0; k < m; k++) {
                double dk = Math.max(scale[k], 1e-15 * maxScale + Double.MIN_NORMAL);
                damped.add(k, k, lambda * dk);
            }
            for (int k = 0; k < m; k++) {
                rhs.data[k] = -grad.data[k];
            }
            boolean solved = chol.setA(damped);
            if (solved) {
                chol.solve(rhs, step);
                for (int k = 0; k < m; k++) {
                    if (!Double.isFinite(step.data[k])) {
                        solved = false;
                        break;
                    }
                }
            }
            if (!solved) {
                lambda *= nu;
                nu *= 2;
                if (lambda > 1e300) {
                    return new LbfgsB.Result(u, fx, OptimizerStatus.LINE_SEARCH_FAILED, iter, evals, gnorm);
                }
                continue;
            }
            double stepNorm = 0;
            double pointNorm = 0;
            for (int k = 0; k < m; k++) {
                trial[k] = Math.min(hi[k], Math.max(lo[k], u[k] + step.data[k]));
                d[k] = trial[k] - u[k];
                double s = Math.sqrt(scale[k]);
                stepNorm += (s * d[k]) * (s * d[k]);
                pointNorm += (s * u[k]) * (s * u[k]);
            }
            stepNorm = Math.sqrt(stepNorm);
            pointNorm = Math.sqrt(pointNorm);
            // predicted decrease of the IRLS quadratic model along the projected step
            double predicted = 0;
            for (int k = 0; k < m; k++) {
                double ad = 0;
                for (int q = 0; q < m; q++) {
                    ad += normal.get(k, q) * d[q];
                }
                predicted -= grad.data[k] * d[k] + 0.5 * d[k] * ad;
            }
            if (stepNorm <= xtol * (pointNorm + xtol)) {
                return new LbfgsB.Result(u, fx, OptimizerStatus.CONVERGED, iter, evals, gnorm);
            }
            double ft = f.value(trial);
            evals++;
            double actual = fx - ft;
            double gain = predicted > 0 ? actual / predicted : (actual > 0 ? 1 : -1);
            if (Double.isFinite(ft) && actual > 0 && gain > 0) {
                System.arraycopy(u, 0, previous, 0, m);
                fPrevious = fx;
                lambdaPrevious = lambda;
                nuPrevious = nu;
                System.arraycopy(trial, 0, u, 0, m);
                double fOld = fx;
                fx = ft;
                double t = 2 * gain - 1;
                lambda *= Math.max(1.0 / 3, 1 - t * t * t);
                nu = 2;
                refresh = true;
                if (actual <= ftol * fOld && predicted <= ftol * fOld) {
                    f.residualsAndJacobian(u, r, jac.data);
                    CommonOps_DDRM.multTransA(jac, psiOf(loss, w, r, psi), grad);
                    return new LbfgsB.Result(u, fx, OptimizerStatus.CONVERGED, iter, evals,
                            projectedGradientNorm(u, grad.data, lo, hi));
                }
            } else {
                if (Double.isFinite(ft) && actual <= 0 && predicted <= 1e-15 * fx) {
                    // the model predicts no further decrease at working precision: u is optimal
                    return new LbfgsB.Result(u, fx, OptimizerStatus.CONVERGED, iter, evals, gnorm);
                }
                lambda *= nu;
                nu *= 2;
                if (lambda > 1e300) {
                    OptimizerStatus st = gnorm <= 1e-8 * Math.max(1, fx) ? OptimizerStatus.CONVERGED
                            : OptimizerStatus.LINE_SEARCH_FAILED;
                    return new LbfgsB.Result(u, fx, st, iter, evals, gnorm);
                }
            }
        }
    }

    private static DMatrixRMaj psiOf(LossKernel loss, double[] w, double[] r, DMatrixRMaj out) {
        for (int i = 0; i < r.length; i++) {
            out.data[i] = w[i] == 0 ? 0 : w[i] * loss.psi(r[i]);
        }
        return out;
    }

    private static double projectedGradientNorm(double[] x, double[] g, double[] lo, double[] hi) {
        return LbfgsB.projectedGradientNorm(x, g, lo, hi);
    }
}
