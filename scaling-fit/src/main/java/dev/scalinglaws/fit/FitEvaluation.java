/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.scalinglaws.fit.internal.CompiledProblem;
import dev.scalinglaws.fit.internal.Objective;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * A {@link FitProblem} evaluated at one parameter vector theta (and, for a likelihood loss, one scale s): the
 * objective F, the residuals r_i and their Jacobian d r_i / d theta_j, goodness of fit, identifiability, and the
 * asymptotic {@link Covariance} in each {@link CovarianceForm}. Hipparchus' {@code Evaluation} is the model.
 *
 * <p>Identifiability comes from the Gauss-Newton matrix H = J' W J of the free parameters in optimisation
 * coordinates (logarithms of positive parameters), scaled to unit diagonal: its condition number, its flat
 * directions (eigenvalues below 1e-10 of the largest) and the correlations implied by H^-1.
 *
 * <p>Immutable and thread-safe: everything is computed when the evaluation is made, on an evaluator of its own;
 * arrays are copied out.
 */
public final class FitEvaluation {

    private final FitProblem problem;
    private final double[] theta;
    private final double scale;
    private final double objective;
    private final double[] residuals;
    private final double[] logResiduals;
    private final double[][] jacobian;
    private final Goodness goodness;
    private final Identifiability identifiability;
    private final Map<CovarianceForm, Covariance> covariances = new EnumMap<>(CovarianceForm.class);

    /**
     * @param problem   the problem
     * @param theta     natural parameters (full vector)
     * @param scale     the likelihood scale s, NaN without one
     * @param objective the objective at (theta, s), NaN to compute it here
     */
    FitEvaluation(FitProblem problem, double[] theta, double scale, double objective) {
        CompiledProblem c = problem.compiled();
        this.problem = problem;
        this.theta = theta.clone();
        this.scale = scale;
        Objective f = c.newObjective();
        if (Double.isNaN(objective)) {
            double sigma = f.fitsScale() ? Math.log(scale) : 0;
            objective = f.value(f.toCoordinates(this.theta, sigma));
        }
        this.objective = objective;
        this.residuals = f.residuals(this.theta);
        this.logResiduals = f.logResiduals(this.theta);
        this.goodness = withRSquared(goodness(f, problem.loss(), objective, residuals, logResiduals), c,
                this.theta);
        this.identifiability = identifiability(f, c, this.theta);
        this.jacobian = f.residualJacobian(this.theta);
        boolean finiteTheta = true;
        for (double t : this.theta) {
            finiteTheta &= Double.isFinite(t);
        }
        if (finiteTheta && c.free().length > 0) {
            double[][] ju = coordinateJacobian(c);
            int[] free = c.free();
            boolean[] logScale = new boolean[free.length];
            for (int k = 0; k < free.length; k++) {
                logScale[k] = c.isLogScale(k);
            }
            double s = problem.loss().fitsScale() ? scale : 1;
            for (CovarianceForm form : CovarianceForm.values()) {
                try {
                    covariances.put(form, Covariance.compute(form, problem.loss(), s, residuals, c.weights(), ju,
                            this.theta, free, logScale, c.usedRows(), c.dimension()));
                } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
                    // an uncomputable covariance is absent: covariance(form) says so, standard errors stay NaN
                }
            }
        }
    }

    private double[][] coordinateJacobian(CompiledProblem c) {
        int[] free = c.free();
        double[][] out = new double[jacobian.length][free.length];
        for (int i = 0; i < jacobian.length; i++) {
            for (int k = 0; k < free.length; k++) {
                out[i][k] = jacobian[i][free[k]] * (c.isLogScale(k) ? theta[free[k]] : 1);
            }
        }
        return out;
    }

    private static Goodness goodness(Objective f, Loss loss, double value, double[] residuals,
                                     double[] logResiduals) {
        double[] w = f.weights();
        double sumLog = 0;
        double sumW = 0;
        double rss = 0;
        int n = 0;
        for (int i = 0; i < residuals.length; i++) {
            if (w[i] > 0) {
                sumLog += w[i] * logResiduals[i] * logResiduals[i];
                rss += w[i] * residuals[i] * residuals[i];
                sumW += w[i];
                n++;
            }
        }
        double rmseLog = Math.sqrt(sumLog / sumW);
        int k = f.dimension();
        double logL = Double.NaN;
        if (loss instanceof Loss.Squared) {
            k += 1;
            logL = -0.5 * sumW * (Math.log(2 * Math.PI * rss / sumW) + 1);
        } else if (loss instanceof Loss.HuberLikelihood) {
            logL = -value;
        }
        double aic = -2 * logL + 2 * k;
        double aicc = n - k - 1 > 0 ? aic + 2.0 * k * (k + 1) / (n - k - 1) : Double.NaN;
        double bic = -2 * logL + k * Math.log(n);
        return new Goodness(n, f.dimension(), rmseLog, logL, aic, aicc, bic);
    }

    /** The goodness with R^2 of the log response and of the response at theta. */
    private static Goodness withRSquared(Goodness g, CompiledProblem c, double[] theta) {
        double[] response = c.response();
        int n = response.length;
        double[] fitted = new double[n];
        double[] w = c.weights();
        try {
            c.law().evaluate(theta, c.covariates(), 0, n, fitted, null);
        } catch (RuntimeException e) {
            return g;
        }
        double[] logY = new double[n];
        double[] logF = new double[n];
        for (int i = 0; i < n; i++) {
            logY[i] = response[i] > 0 ? Math.log(response[i]) : Double.NaN;
            logF[i] = fitted[i] > 0 ? Math.log(fitted[i]) : Double.NaN;
        }
        return new Goodness(g.n(), g.freeParameters(), g.rmseLog(), g.logLikelihood(), g.aic(), g.aicc(), g.bic(),
                Goodness.rSquared(logY, logF, w), Goodness.rSquared(response, fitted, w));
    }

    /** Identifiability from the scaled Gauss-Newton matrix of the free parameters (coordinates). */
    private static Identifiability identifiability(Objective f, CompiledProblem c, double[] theta) {
        int[] free = c.free();
        int nFree = free.length;
        if (nFree == 0) {
            return null;
        }
        double[][] gram = new double[nFree][nFree];
        f.coordinateGramian(theta, gram);
        DMatrixRMaj h = new DMatrixRMaj(gram);
        double[] dscale = new double[nFree];
        for (int a = 0; a < nFree; a++) {
            double dd = h.get(a, a);
            dscale[a] = dd > 0 ? 1 / Math.sqrt(dd) : 0;
        }
        DMatrixRMaj scaled = new DMatrixRMaj(nFree, nFree);
        for (int a = 0; a < nFree; a++) {
            for (int b = 0; b < nFree; b++) {
                scaled.set(a, b, h.get(a, b) * dscale[a] * dscale[b]);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(nFree, false, true);
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        int flat = 0;
        boolean finite = true;
        for (int a = 0; a < nFree; a++) {
            for (int b = 0; b < nFree; b++) {
                finite &= Double.isFinite(scaled.get(a, b));
            }
        }
        boolean decomposed;
        try {
            // a non-finite Gauss-Newton matrix has no spectrum; EJML's QR iteration can also give up on
            // pathological input with an unchecked exception: either way the directions are not identified
            decomposed = finite && eig.decompose(scaled.copy());
        } catch (RuntimeException e) {
            decomposed = false;
        }
        if (decomposed) {
            for (int a = 0; a < nFree; a++) {
                double ev = eig.getEigenvalue(a).getReal();
                max = Math.max(max, ev);
                min = Math.min(min, ev);
            }
            for (int a = 0; a < nFree; a++) {
                if (eig.getEigenvalue(a).getReal() <= 1e-10 * max) {
                    flat++;
                }
            }
        } else {
            flat = nFree;
        }
        for (int a = 0; a < nFree; a++) {
            if (dscale[a] == 0) {
                flat = Math.max(flat, 1);
            }
        }
        double cond = min > 0 ? max / min : Double.POSITIVE_INFINITY;
        List<String> names = new ArrayList<>();
        for (int a = 0; a < nFree; a++) {
            names.add(c.law().parameters().get(free[a]).name());
        }
        double[][] corr = new double[nFree][nFree];
        DMatrixRMaj inv = scaled.copy();
        boolean ok = flat == 0 && CommonOps_DDRM.invert(inv);
        List<String> high = new ArrayList<>();
        for (int a = 0; a < nFree; a++) {
            for (int b = 0; b < nFree; b++) {
                corr[a][b] = ok ? inv.get(a, b) / Math.sqrt(inv.get(a, a) * inv.get(b, b)) : Double.NaN;
            }
        }
        if (ok) {
            for (int a = 0; a < nFree; a++) {
                for (int b = 0; b < a; b++) {
                    if (Math.abs(corr[a][b]) > 0.99) {
                        high.add(String.format(Locale.ROOT, "%s~%s (%.4f)", names.get(b), names.get(a),
                                corr[a][b]));
                    }
                }
            }
        }
        return new Identifiability(names, corr, cond, high, flat);
    }

    /** The problem evaluated. */
    public FitProblem problem() {
        return problem;
    }

    /** The natural parameters (copy). */
    public double[] theta() {
        return theta.clone();
    }

    /** The likelihood scale s (NaN without a likelihood loss). */
    public double scale() {
        return scale;
    }

    /** The objective F: the sum of weighted losses, or the negative log-likelihood. */
    public double objective() {
        return objective;
    }

    /** Residuals r_i = f_i - y_i in the problem's residual space, one per row (copy). */
    public double[] residuals() {
        return residuals.clone();
    }

    /** Log residuals ln f_i - ln y_i whatever the residual space (NaN where f or y is not positive; copy). */
    public double[] logResiduals() {
        return logResiduals.clone();
    }

    /** The Jacobian of the residuals, J[i][j] = d r_i / d theta_j, rows x parameters (copy). */
    public double[][] jacobian() {
        double[][] out = new double[jacobian.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = jacobian[i].clone();
        }
        return out;
    }

    /** Goodness of fit at this point. */
    public Goodness goodness() {
        return goodness;
    }

    /** Identifiability at this point (null when every parameter is pinned). */
    public Identifiability identifiability() {
        return identifiability;
    }

    /**
     * The asymptotic covariance in one form.
     *
     * @param form the estimator
     * @return the covariance (check {@link Covariance#finite()})
     * @throws IllegalStateException when every parameter is pinned or a parameter is not finite
     */
    public Covariance covariance(CovarianceForm form) {
        Covariance c = covariances.get(form);
        if (c == null) {
            throw new IllegalStateException(problem.compiled().free().length == 0
                    ? "every parameter of " + problem.law().name() + " is pinned: there is no covariance to estimate"
                    : "a parameter is not finite: there is no covariance to estimate");
        }
        return c;
    }

    /**
     * Parameter estimates at this point with the {@link CovarianceForm#SMOOTHED_SANDWICH} standard errors
     * (pinned parameters 0, NaN where not computable).
     *
     * @return one estimate per law parameter
     */
    public List<ParameterEstimate> estimates() {
        CompiledProblem c = problem.compiled();
        int[] free = c.free();
        Covariance cov = covariances.get(CovarianceForm.SMOOTHED_SANDWICH);
        double[] lo = c.naturalLower();
        double[] hi = c.naturalUpper();
        List<ParameterEstimate> out = new ArrayList<>();
        for (int j = 0; j < theta.length; j++) {
            boolean pinned = true;
            for (int k : free) {
                pinned &= k != j;
            }
            double se = pinned ? 0 : cov == null ? Double.NaN : cov.standardError(j);
            out.add(new ParameterEstimate(problem.law().parameters().get(j).name(), theta[j], se, pinned,
                    !pinned && (theta[j] <= lo[j] || theta[j] >= hi[j])));
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FitEvaluation[%s, objective %.6g]", problem.law().name(), objective);
    }
}
