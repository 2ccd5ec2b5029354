/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import java.util.Arrays;
import java.util.Locale;

import dev.scalinglaws.fit.internal.Quantiles;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The asymptotic covariance of a fit's free parameters at one point, computed in optimisation coordinates u
 * (logarithms of positive parameters) and mapped to natural units by the delta method, V_theta = D V_u D with
 * D = diag(dtheta/du) (theta_j for log-scale coordinates, 1 otherwise).
 *
 * <p>With residuals r_i, weights w_i, loss rho with psi = rho' and the Jacobian J_i = dr_i/du:
 * <ul>
 *   <li>{@link CovarianceForm#GAUSS_NEWTON}: V = s^2 (J' W J)^-1 with s^2 = SUM w_i r_i^2 / (n - p), the classical
 *       non-linear least-squares covariance (Seber and Wild 1989, sec. 2.1);</li>
 *   <li>{@link CovarianceForm#SANDWICH}: the M-estimator covariance (Huber 1967; White 1980, Econometrica 48,
 *       817-838), V = n/(n-p) B^-1 M B^-1 with bread B = J' diag(w psi'(r)) J and meat M = J' diag(w^2 psi(r)^2) J;
 *       n/(n-p) is MacKinnon and White's (1985) HC1 correction. For the Huber likelihood with fitted scale s, r is
 *       replaced by r/s and B, M by B/s^2, M/s^2; the scale is treated as orthogonal to the law's parameters;</li>
 *   <li>{@link CovarianceForm#SMOOTHED_SANDWICH}: the sandwich with a kernel-smoothed psi' (Powell 1991).</li>
 * </ul>
 * n counts rows with positive weight, p = free parameters (plus the scale for likelihood losses).
 *
 * <p>Immutable and thread-safe: matrices are copied out.
 */
public final class Covariance implements java.io.Serializable {

    private static final long serialVersionUID = 1L;
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private final CovarianceForm form;
    private final double[][] coordinateCovariance;
    private final double[][] covariance;
    private final double[][] curvatureInverse;
    private final int degreesOfFreedom;
    private final boolean finite;

    private Covariance(CovarianceForm form, double[][] coordinateCovariance, double[][] covariance,
                       double[][] curvatureInverse, int degreesOfFreedom, boolean finite) {
        this.form = form;
        this.coordinateCovariance = coordinateCovariance;
        this.covariance = covariance;
        this.curvatureInverse = curvatureInverse;
        this.degreesOfFreedom = degreesOfFreedom;
        this.finite = finite;
    }

    /**
     * Computes the covariance.
     *
     * @param form     estimator
     * @param loss     the loss
     * @param scale    the fitted likelihood scale s (1 without one)
     * @param r        residuals per row
     * @param weights  row weights
     * @param ju       d r_i / d u_k for the free coordinates, rows x free
     * @param theta    natural parameters
     * @param free     free parameter indices
     * @param logScale whether each free coordinate is a logarithm
     * @param n        rows with positive weight
     * @param dim      optimisation coordinates (free parameters plus a fitted scale)
     * @return the covariance
     */
    static Covariance compute(CovarianceForm form, Loss loss, double scale, double[] r, double[] weights,
                              double[][] ju, double[] theta, int[] free, boolean[] logScale, int n, int dim) {
        int q = free.length;
        int p = theta.length;
        int dof = n - dim;
        double s = scale;
        DMatrixRMaj bread = new DMatrixRMaj(q, q);
        DMatrixRMaj meat = new DMatrixRMaj(q, q);
        double ss = 0;
        boolean kinked = loss instanceof Loss.Huber || loss instanceof Loss.HuberLikelihood;
        double h = form == CovarianceForm.SMOOTHED_SANDWICH && kinked ? bandwidth(r, weights, s) : 0;
        for (int i = 0; i < r.length; i++) {
            double w = weights[i];
            if (w == 0) {
                continue;
            }
            double z = r[i] / s;
            double b;
            double m;
            if (form == CovarianceForm.GAUSS_NEWTON) {
                b = w;
                m = 0;
                ss += w * r[i] * r[i];
            } else {
                double curvature = h > 0
                        ? STANDARD_NORMAL.cumulativeProbability((loss.delta() - z) / h)
                                - STANDARD_NORMAL.cumulativeProbability((-loss.delta() - z) / h)
                        : psiPrime(loss, z);
                b = w * curvature / (s * s);
                double psi = loss.psi(z) / s;
                m = w * w * psi * psi;
            }
            for (int a = 0; a < q; a++) {
                for (int k = 0; k <= a; k++) {
                    double jj = ju[i][a] * ju[i][k];
                    bread.add(a, k, b * jj);
                    meat.add(a, k, m * jj);
                }
            }
        }
        symmetrise(bread);
        symmetrise(meat);
        DMatrixRMaj inv = bread.copy();
        boolean ok = dof > 0 && CommonOps_DDRM.invert(inv);
        DMatrixRMaj v = new DMatrixRMaj(q, q);
        if (ok) {
            if (form == CovarianceForm.GAUSS_NEWTON) {
                CommonOps_DDRM.scale(ss / dof, inv, v);
            } else {
                DMatrixRMaj tmp = new DMatrixRMaj(q, q);
                CommonOps_DDRM.mult(inv, meat, tmp);
                CommonOps_DDRM.mult(tmp, inv, v);
                CommonOps_DDRM.scale((double) n / dof, v);
            }
        }
        double[][] ci = new double[q][q];
        for (int a = 0; a < q; a++) {
            for (int k = 0; k < q; k++) {
                ci[a][k] = ok ? inv.get(a, k) : Double.NaN;
            }
        }
        double[][] vu = new double[q][q];
        double[][] vt = new double[p][p];
        boolean finite = ok;
        for (int a = 0; a < q; a++) {
            for (int k = 0; k < q; k++) {
                double val = ok ? v.get(a, k) : Double.NaN;
                vu[a][k] = val;
                double da = logScale[a] ? theta[free[a]] : 1;
                double dk = logScale[k] ? theta[free[k]] : 1;
                vt[free[a]][free[k]] = val * da * dk;
                finite &= Double.isFinite(val);
            }
            finite &= !ok || v.get(a, a) >= 0;
        }
        return new Covariance(form, vu, vt, ci, dof, finite);
    }

    /** psi'(z) of the loss (the IRLS curvature); Huber's is the indicator of the quadratic zone. */
    static double psiPrime(Loss loss, double z) {
        if (loss instanceof Loss.Squared) {
            return 1;
        }
        if (loss instanceof Loss.Huber || loss instanceof Loss.HuberLikelihood) {
            return Math.abs(z) <= loss.delta() ? 1 : 0;
        }
        double d = loss.delta();
        double t = z / d;
        if (loss instanceof Loss.SoftL1) {
            double s = 1 + t * t;
            return 1 / (s * Math.sqrt(s));
        }
        if (loss instanceof Loss.Cauchy) {
            double s = 1 + t * t;
            return (1 - t * t) / (s * s);
        }
        throw new IllegalArgumentException("unknown loss " + loss.name());
    }

    /** Silverman's rule of thumb on the scaled residuals of the used rows. */
    static double bandwidth(double[] r, double[] w, double s) {
        int m = 0;
        for (double wi : w) {
            if (wi > 0) {
                m++;
            }
        }
        double[] z = new double[m];
        double mean = 0;
        for (int i = 0, k = 0; i < r.length; i++) {
            if (w[i] > 0) {
                z[k] = r[i] / s;
                mean += z[k++];
            }
        }
        mean /= m;
        double var = 0;
        for (double v : z) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / Math.max(1, m - 1));
        Arrays.sort(z);
        double iqr = Quantiles.type7(z, 0.75) - Quantiles.type7(z, 0.25);
        double spread = iqr > 0 ? Math.min(sd, iqr / 1.349) : sd;
        return 0.9 * spread * Math.pow(m, -0.2);
    }

    private static void symmetrise(DMatrixRMaj m) {
        for (int a = 0; a < m.numRows; a++) {
            for (int k = 0; k < a; k++) {
                m.set(k, a, m.get(a, k));
            }
        }
    }

    /** The estimator used. */
    public CovarianceForm form() {
        return form;
    }

    /** Whether every entry is finite (false when the bread is singular or n &lt;= p). */
    public boolean finite() {
        return finite;
    }

    /** Residual degrees of freedom n - p (free parameters, plus a fitted scale). */
    public int degreesOfFreedom() {
        return degreesOfFreedom;
    }

    /** The covariance of the natural parameters, p x p in the law's order; pinned rows and columns are 0 (copy). */
    public double[][] covariance() {
        return copy(covariance);
    }

    /** The covariance in optimisation coordinates of the free parameters (logs of positive ones; copy). */
    public double[][] coordinateCovariance() {
        return copy(coordinateCovariance);
    }

    /**
     * The inverse of the objective's curvature B in coordinates (the bread; J'WJ for Gauss-Newton), so that
     * F(u) ~ F^ + (u - u^)' B (u - u^) / 2 near the optimum (copy).
     */
    public double[][] curvatureInverse() {
        return copy(curvatureInverse);
    }

    /**
     * The standard error of natural parameter j, sqrt(V_jj) (0 for a pinned parameter, NaN where the variance is
     * negative or not finite).
     *
     * @param j parameter index in the law's order
     * @return the standard error
     */
    public double standardError(int j) {
        double v = covariance[j][j];
        return v >= 0 ? Math.sqrt(v) : Double.NaN;
    }

    /**
     * Delta-method variance grad' V grad of a function of the natural parameters with gradient {@code gradient}.
     *
     * @param gradient d g / d theta, one entry per law parameter
     * @return the variance
     */
    public double variance(double[] gradient) {
        if (gradient.length != covariance.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "expected a gradient of %d entries, got %d",
                    covariance.length, gradient.length));
        }
        double var = 0;
        for (int a = 0; a < gradient.length; a++) {
            for (int k = 0; k < gradient.length; k++) {
                if (gradient[a] != 0 && gradient[k] != 0) {
                    var += gradient[a] * covariance[a][k] * gradient[k];
                }
            }
        }
        return var;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Covariance c && form == c.form && degreesOfFreedom == c.degreesOfFreedom
                && finite == c.finite && Arrays.deepEquals(covariance, c.covariance)
                && Arrays.deepEquals(coordinateCovariance, c.coordinateCovariance)
                && Arrays.deepEquals(curvatureInverse, c.curvatureInverse);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * form.hashCode() + degreesOfFreedom) + Arrays.deepHashCode(covariance);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Covariance[%s, dof %d%s]", form, degreesOfFreedom,
                finite ? "" : ", not finite");
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
