package dev.scalinglaws.fit.uncertainty;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.Parameter;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Loss;
import dev.scalinglaws.fit.ParameterEstimate;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

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

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    /** The covariance estimator. */
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
        SMOOTHED_SANDWICH
    }

    private final FitResult fit;
    private final Form form;
    private final double[][] coordinateCovariance;
    private final double[][] covariance;
    private final int degreesOfFreedom;
    private final boolean finite;
    private final double[][] curvatureInverse;

    private AsymptoticCovariance(FitResult fit, Form form, double[][] coordinateCovariance, double[][] covariance,
                                 int degreesOfFreedom, boolean finite, double[][] curvatureInverse) {
        this.curvatureInverse = curvatureInverse;
        this.fit = fit;
        this.form = form;
        this.coordinateCovariance = coordinateCovariance;
        this.covariance = covariance;
        this.degreesOfFreedom = degreesOfFreedom;
        this.finite = finite;
    }

    /**
     * Computes the covariance of a fit.
     *
     * @param fit  a fit from {@link dev.scalinglaws.fit.Fitter#fit}
     * @param data the data it was fitted to
     * @param form estimator
     * @return the covariance (check {@link #finite()})
     */
    public static AsymptoticCovariance of(FitResult fit, Dataset data, Form form) {
        return of(new FitContext(fit, data), form);
    }

    /**
     * The fit's parameter estimates with smoothed-sandwich standard errors (the recommended asymptotic form; a new
     * list, the fit is unchanged).
     *
     * @param fit  a fit
     * @param data the data it was fitted to
     * @return estimates with standard errors (NaN where the covariance is not finite)
     */
    public static List<ParameterEstimate> standardErrors(FitResult fit, Dataset data) {
        return of(fit, data, Form.SMOOTHED_SANDWICH).standardErrors();
    }

    /**
     * {@link #standardErrors(FitResult, Dataset)} from the problem the fit was compiled to, sharing its objective
     * and columns instead of compiling them again: the hook by which {@link Fitter#fit} attaches standard errors.
     * Like {@link Fitter.Problem}, not API.
     *
     * @param fit     a fit
     * @param problem the compiled problem it was fitted on (same law and spec)
     * @return estimates with standard errors, bit-identical to those from the data
     */
    public static List<ParameterEstimate> standardErrors(FitResult fit, Fitter.Problem problem) {
        return of(new FitContext(fit, problem), Form.SMOOTHED_SANDWICH).standardErrors();
    }

    static AsymptoticCovariance of(FitContext c, Form form) {
        int q = c.free.length;
        if (q == 0) {
            throw new IllegalArgumentException("every parameter of " + c.law.name()
                    + " is pinned: there is no covariance to estimate");
        }
        int p = c.law.parameterCount();
        int dofParams = c.dim;
        int dof = c.n - dofParams;
        Loss loss = c.loss();
        double s = loss.fitsScale() ? c.fit.scale() : 1;
        double[] r = c.objective.residuals(c.theta);
        double[][] ju = c.coordinateJacobian();
        DMatrixRMaj bread = new DMatrixRMaj(q, q);
        DMatrixRMaj meat = new DMatrixRMaj(q, q);
        double ss = 0;
        boolean kinked = loss instanceof Loss.Huber || loss instanceof Loss.HuberLikelihood;
        double h = form == Form.SMOOTHED_SANDWICH && kinked ? bandwidth(r, c.weights, s) : 0;
        for (int i = 0; i < r.length; i++) {
            double w = c.weights[i];
            if (w == 0) {
                continue;
            }
            double z = r[i] / s;
            double b;
            double m;
            if (form == Form.GAUSS_NEWTON) {
                b = w;
                m = 0;
                ss += w * r[i] * r[i];
            } else {
                double curvature = h > 0
                        ? STANDARD_NORMAL.cumulativeProbability((loss.delta() - z) / h)
                                - STANDARD_NORMAL.cumulativeProbability((-loss.delta() - z) / h)
                        : FitContext.psiPrime(loss, z);
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
            if (form == Form.GAUSS_NEWTON) {
                CommonOps_DDRM.scale(ss / dof, inv, v);
            } else {
                DMatrixRMaj tmp = new DMatrixRMaj(q, q);
                CommonOps_DDRM.mult(inv, meat, tmp);
                CommonOps_DDRM.mult(tmp, inv, v);
                CommonOps_DDRM.scale((double) c.n / dof, v);
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
                double da = c.objective.isLogScale(a) ? c.theta[c.free[a]] : 1;
                double dk = c.objective.isLogScale(k) ? c.theta[c.free[k]] : 1;
                vt[c.free[a]][c.free[k]] = val * da * dk;
                finite &= Double.isFinite(val);
            }
            finite &= !ok || v.get(a, a) >= 0;
        }
        return new AsymptoticCovariance(c.fit, form, vu, vt, dof, finite, ci);
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
        java.util.Arrays.sort(z);
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

    /**
     * The inverse of the objective's curvature B in coordinates (the bread; J'WJ for Gauss-Newton), so that
     * F(u) ~ F^ + (u - u^)' B (u - u^) / 2 near the optimum. Package-private: used to scale profile statistics.
     */
    double[][] curvatureInverse() {
        return copy(curvatureInverse);
    }

    /** {@return the estimator used} */
    public Form form() {
        return form;
    }

    /** {@return whether every entry is finite (false when the bread is singular or n &lt;= p)} */
    public boolean finite() {
        return finite;
    }

    /** {@return the residual degrees of freedom n - p (free parameters, plus a fitted scale)} */
    public int degreesOfFreedom() {
        return degreesOfFreedom;
    }

    /** {@return the covariance of the natural parameters, p x p in the law's order; pinned rows and columns are 0} */
    public double[][] covariance() {
        return copy(covariance);
    }

    /** {@return the covariance in optimisation coordinates of the free parameters (logs of positive ones)} */
    public double[][] coordinateCovariance() {
        return copy(coordinateCovariance);
    }

    /**
     * Delta-method standard error of a derived quantity: sqrt(grad g' V grad g).
     *
     * @param quantity g
     * @return the standard error (NaN if not computable)
     */
    public double standardError(DerivedQuantity quantity) {
        double[] g = quantity.gradient(fit.theta());
        double var = 0;
        for (int a = 0; a < g.length; a++) {
            for (int k = 0; k < g.length; k++) {
                if (g[a] != 0 && g[k] != 0) {
                    var += g[a] * covariance[a][k] * g[k];
                }
            }
        }
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
        double t = degreesOfFreedom > 0
                ? TDistribution.of(degreesOfFreedom).inverseCumulativeProbability(0.5 + level / 2) : Double.NaN;
        String method = "asymptotic-" + form.name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (logScale && est > 0) {
            double sl = se / est;
            return new Interval(quantity.name(), est, est * Math.exp(-t * sl), est * Math.exp(t * sl), level,
                    method + "-log", Interval.Status.OK);
        }
        return new Interval(quantity.name(), est, est - t * se, est + t * se, level, method, Interval.Status.OK);
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
            double v = covariance[j][j];
            out.add(e.pinned() ? e.withStdError(0) : e.withStdError(v >= 0 ? Math.sqrt(v) : Double.NaN));
        }
        return out;
    }

    static void checkLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "level must lie in (0, 1): %s", level));
        }
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
