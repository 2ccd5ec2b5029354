/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.internal;

import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.ScalingLaw;

/**
 * The fit objective SUM_i w_i rho(r_i) (or the Huber negative log-likelihood with a fitted scale) as a function of
 * the free, transformed parameters u: positive parameters enter as their logarithm, pinned parameters are held
 * fixed, and with a likelihood loss the last coordinate of u is sigma = ln s.
 *
 * <p>Evaluation is chunked over rows and allocation-free: all buffers are owned by this instance, so an instance is
 * NOT thread-safe; use {@link #copy()} for another thread (the data arrays are shared, read-only).
 *
 * <p>With the Vector API resolved ({@link Simd#ENABLED}), Huber and least-squares objectives take vector paths: laws
 * with a {@link TwoPowerForms two-power form} on log residuals run the fused kernel {@link TwoPowerVector#logHuber}
 * over all rows, other laws accumulate their loss and gradient with {@link HuberVector}. Each path is deterministic;
 * they agree with the scalar loop to about 1e-12 relative.
 */
public final class Objective {

    /** Rows per chunk of evaluation. */
    static final int CHUNK = 256;

    private final ScalingLaw law;
    private final Columns x;
    private final double[] target;
    private final double[] weights;
    /** Residuals r = ln f - ln y (else f - y). */
    private final boolean logResiduals;
    private final LossKernel loss;
    private final double logNormaliser;
    private final double[] baseTheta;
    private final int[] free;
    private final boolean[] logScale;
    private final int p;
    private final int dim;

    private final double[] theta;
    private final double[] gradTheta;
    private final double[] value = new double[CHUNK];
    private final double[][] jac;
    /** Huber threshold of the vector loss path (+infinity: least squares), NaN when the scalar loop is used. */
    private final double vectorDelta;
    private final double[] weightedPsi;
    /**
     * The law's two-power form when the fused kernel ({@link TwoPowerVector#logHuber}: Chinchilla, over-training,
     * Kaplan L(N, S) and L(N, D) with Huber or squared loss on log residuals) evaluates everything, else null.
     */
    private final TwoPowerForms.Form fused;
    /** This instance's buffers for the fused kernel (null without it). */
    private final FusedScratch scratch;

    /** The fused kernel's per-instance buffers: its coefficients, its sums, two chunks of terms. */
    private static final class FusedScratch {
        final double[] coefficients = new double[6];
        final double[] sums = new double[7];
        final double[] x1 = new double[TwoPowerVector.CHUNK];
        final double[] x2 = new double[TwoPowerVector.CHUNK];
    }

    /**
     * @param law       the law
     * @param x         covariates
     * @param response  observed response (natural units)
     * @param weights   row weights (non-negative), shared, not copied
     * @param logResiduals whether residuals are ln f - ln y (else f - y)
     * @param loss      loss
     * @param baseTheta full parameter vector holding the pinned values
     * @param free      indices of the free parameters, in u order
     */
    public Objective(ScalingLaw law, Columns x, double[] response, double[] weights, boolean logResiduals,
                     LossKernel loss,
                     double[] baseTheta, int[] free) {
        this.law = law;
        this.x = x;
        this.weights = weights;
        this.logResiduals = logResiduals;
        this.loss = loss;
        this.baseTheta = baseTheta.clone();
        this.free = free.clone();
        this.p = law.parameterCount();
        this.logScale = new boolean[free.length];
        for (int k = 0; k < free.length; k++) {
            logScale[k] = law.parameters().get(free[k]).positive();
        }
        this.dim = free.length + (loss.fitsScale() ? 1 : 0);
        this.logNormaliser = loss.logNormaliser();
        if (logResiduals) {
            this.target = new double[response.length];
            for (int i = 0; i < response.length; i++) {
                target[i] = Math.log(response[i]);
            }
        } else {
            this.target = response.clone();
        }
        this.theta = new double[p];
        this.gradTheta = new double[p];
        this.jac = new double[p][CHUNK];
        this.vectorDelta = vectorDelta(loss);
        this.weightedPsi = Double.isNaN(vectorDelta) ? null : new double[CHUNK];
        this.fused = !Double.isNaN(vectorDelta) && logResiduals ? TwoPowerForms.of(law) : null;
        this.scratch = fused == null ? null : new FusedScratch();
    }

    /**
     * The loss as a Huber threshold for {@link HuberVector} (+infinity for least squares), or NaN when the loss has
     * no vector path (soft-L1, Cauchy, the Huber likelihood with its fitted scale) or the Vector API is not resolved.
     */
    private static double vectorDelta(LossKernel loss) {
        return Simd.ENABLED ? loss.huberThreshold() : Double.NaN;
    }

    private Objective(Objective o) {
        this(o, o.weights);
    }

    private Objective(Objective o, double[] weights) {
        this.law = o.law;
        this.x = o.x;
        this.target = o.target;
        this.weights = weights;
        this.logResiduals = o.logResiduals;
        this.loss = o.loss;
        this.logNormaliser = o.logNormaliser;
        this.baseTheta = o.baseTheta;
        this.free = o.free;
        this.logScale = o.logScale;
        this.p = o.p;
        this.dim = o.dim;
        this.theta = new double[p];
        this.gradTheta = new double[p];
        this.jac = new double[p][CHUNK];
        this.vectorDelta = o.vectorDelta;
        this.weightedPsi = o.weightedPsi == null ? null : new double[CHUNK];
        this.fused = o.fused;
        this.scratch = fused == null ? null : new FusedScratch();
    }

    /** An independent evaluator over the same (shared, read-only) data. */
    public Objective copy() {
        return new Objective(this);
    }

    /**
     * The same objective with other row weights (shared, not copied): the basis of case and cluster bootstraps.
     *
     * @param newWeights row weights
     * @return a new evaluator
     */
    public Objective withWeights(double[] newWeights) {
        if (newWeights.length != target.length) {
            throw new IllegalArgumentException("expected " + target.length + " weights, got " + newWeights.length);
        }
        // shares the (log) targets and covariates: no per-resample copy, bit-identical targets
        return new Objective(this, newWeights);
    }

    /** Number of optimisation coordinates. */
    public int dimension() {
        return dim;
    }

    /** The law. */
    public ScalingLaw law() {
        return law;
    }

    /** Number of rows. */
    public int rows() {
        return target.length;
    }

    /** Row weights (shared; do not modify). */
    public double[] weights() {
        return weights;
    }

    /** Free parameter indices (copy). */
    public int[] free() {
        return free.clone();
    }

    /** Whether free coordinate k is optimised in log space. */
    public boolean isLogScale(int k) {
        return logScale[k];
    }

    /** Whether the last coordinate is the likelihood scale sigma = ln s. */
    public boolean fitsScale() {
        return loss.fitsScale();
    }

    /**
     * Maps optimisation coordinates to the full natural parameter vector.
     *
     * @param u   coordinates
     * @param out full theta (length = parameter count)
     */
    public void toTheta(double[] u, double[] out) {
        System.arraycopy(baseTheta, 0, out, 0, p);
        for (int k = 0; k < free.length; k++) {
            out[free[k]] = logScale[k] ? Math.exp(u[k]) : u[k];
        }
    }

    /**
     * Maps a full natural parameter vector to optimisation coordinates (sigma, if any, set to {@code sigma}).
     *
     * @param fullTheta natural parameters
     * @param sigma     log scale for likelihood losses
     * @return coordinates
     */
    public double[] toCoordinates(double[] fullTheta, double sigma) {
        double[] u = new double[dim];
        for (int k = 0; k < free.length; k++) {
            double v = fullTheta[free[k]];
            u[k] = logScale[k] ? Math.log(v) : v;
        }
        if (loss.fitsScale()) {
            u[dim - 1] = sigma;
        }
        return u;
    }

    /**
     * The objective at u, without gradient.
     *
     * @param u coordinates
     * @return the objective, +Infinity where the law is undefined (e.g. a non-positive value in log space)
     */
    public double value(double[] u) {
        return evaluate(u, null);
    }

    /**
     * The objective and its gradient at u.
     *
     * @param u    coordinates
     * @param grad output gradient with respect to u
     * @return the objective (+Infinity or NaN signal an undefined point)
     */
    public double valueAndGradient(double[] u, double[] grad) {
        return evaluate(u, grad);
    }

    private double evaluate(double[] u, double[] grad) {
        toTheta(u, theta);
        boolean scale = loss.fitsScale();
        double s = scale ? Math.exp(u[dim - 1]) : 1;
        double invS = 1 / s;
        boolean wantGrad = grad != null;
        double[][] j = wantGrad ? jac : null;
        if (wantGrad || fused != null) {
            java.util.Arrays.fill(gradTheta, 0);
        }
        double sum = 0;
        double sumW = 0;
        double scaleGrad = 0;
        boolean log = logResiduals;
        if (fused != null) {
            // the kernel always computes the gradient sums (a value-only branch would cost C2 its register
            // allocation); the law's form maps them back to theta
            fused.coefficients(theta, scratch.coefficients);
            sum = TwoPowerVector.logHuber(scratch.coefficients, x.logColumn(0), x.logColumn(1), target, weights,
                    vectorDelta, scratch.sums, scratch.x1, scratch.x2);
            fused.pullBack(theta, scratch.sums, gradTheta);
        }
        // rows left for the chunked loop: none when the fused kernel has done them all
        int n = fused != null ? 0 : target.length;
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            if (log) {
                law.evaluateLog(theta, x, from, to, value, j);
            } else {
                law.evaluate(theta, x, from, to, value, j);
            }
            if (weightedPsi != null) {
                sum += HuberVector.accumulate(vectorDelta, value, target, weights, from, to, weightedPsi);
                if (wantGrad) {
                    for (int q = 0; q < p; q++) {
                        gradTheta[q] += HuberVector.dot(weightedPsi, jac[q], weights, from, to - from);
                    }
                }
                continue;
            }
            for (int i = from; i < to; i++) {
                int k = i - from;
                double w = weights[i];
                if (w == 0) {
                    continue;
                }
                double r = value[k] - target[i];
                double z = r * invS;
                sum += w * loss.rho(z);
                sumW += w;
                if (wantGrad) {
                    double ps = w * loss.psi(z);
                    if (scale) {
                        scaleGrad -= ps * z;
                        ps *= invS;
                    }
                    for (int q = 0; q < p; q++) {
                        gradTheta[q] += ps * jac[q][k];
                    }
                }
            }
        }
        if (scale) {
            sum += sumW * (logNormaliser + Math.log(s));
            scaleGrad += sumW;
        }
        if (Double.isNaN(sum)) {
            sum = Double.POSITIVE_INFINITY;
        }
        if (wantGrad) {
            for (int k = 0; k < free.length; k++) {
                double g = gradTheta[free[k]];
                grad[k] = logScale[k] ? g * theta[free[k]] : g;
            }
            if (scale) {
                grad[dim - 1] = scaleGrad;
            }
        }
        return sum;
    }

    /**
     * Residuals r_i = f_i - y_i in this objective's space (not divided by a likelihood scale) and, optionally, their
     * Jacobian with respect to the free coordinates u (logarithms of positive parameters), row-major
     * {@code jacobian[i * nFree + k] = d r_i / d u_k}, nFree = {@code free().length}. Allocation-free; the scale
     * coordinate of a likelihood loss, if present in u, is ignored.
     *
     * @param u        coordinates
     * @param r        output residuals, length {@link #rows()}
     * @param jacobian output Jacobian (length rows x nFree) or null
     * @return whether every residual (and Jacobian entry) with positive weight is finite
     */
    public boolean residualsAndJacobian(double[] u, double[] r, double[] jacobian) {
        toTheta(u, theta);
        int n = target.length;
        int m = free.length;
        boolean finite = true;
        double[][] j = jacobian == null ? null : jac;
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            evaluateChunk(theta, from, to, j);
            for (int i = from; i < to; i++) {
                int k = i - from;
                double ri = value[k] - target[i];
                r[i] = ri;
                if (weights[i] != 0 && !Double.isFinite(ri)) {
                    finite = false;
                }
                if (jacobian != null) {
                    int row = i * m;
                    for (int q = 0; q < m; q++) {
                        double d = jac[free[q]][k];
                        if (logScale[q]) {
                            double th = theta[free[q]];
                            // an underflowed positive parameter: its term vanishes, and so does d r / d ln theta
                            d = th == 0 ? 0 : d * th;
                        }
                        jacobian[row + q] = d;
                        if (weights[i] != 0 && !Double.isFinite(d)) {
                            finite = false;
                        }
                    }
                }
            }
        }
        return finite;
    }

    /** The covariates (shared, read-only). */
    public Columns covariates() {
        return x;
    }

    /**
     * The fitting target per row: ln y in log space, y in linear space (shared; do not modify).
     *
     * @return the targets
     */
    public double[] targets() {
        return target;
    }

    /**
     * Residuals at a full natural parameter vector, in this objective's residual space.
     *
     * @param fullTheta natural parameters
     * @return r_i = f_i - y_i (log or linear)
     */
    public double[] residuals(double[] fullTheta) {
        return ObjectiveResiduals.residuals(this, fullTheta);
    }

    /**
     * Log residuals ln f_i - ln y_i at a full natural parameter vector, whatever the fitting space.
     *
     * @param fullTheta natural parameters
     * @return log residuals (NaN where f or y is not positive)
     */
    public double[] logResiduals(double[] fullTheta) {
        return ObjectiveResiduals.logResiduals(this, fullTheta);
    }

    /**
     * The Jacobian of the residuals with respect to the natural parameters, rows x parameters.
     *
     * @param fullTheta natural parameters
     * @return J[i][j] = d r_i / d theta_j
     */
    public double[][] residualJacobian(double[] fullTheta) {
        return ObjectiveResiduals.residualJacobian(this, fullTheta);
    }

    /**
     * Accumulates the weighted Gauss-Newton matrix of the free parameters in optimisation coordinates,
     * {@code out[a][b] = SUM_i w_i J_ia J_ib} with {@code J_ia = d r_i / d u_a}, chunk by chunk (no n-sized array).
     *
     * @param fullTheta natural parameters
     * @param out       a zeroed square matrix of the number of free parameters (the scale excluded)
     */
    public void coordinateGramian(double[] fullTheta, double[][] out) {
        ObjectiveResiduals.coordinateGramian(this, fullTheta, out);
    }

    /**
     * The law's values (log or linear, as the residual space) on rows [from, to) into {@link #chunkValues()}, and
     * optionally its Jacobian (one row per parameter, one column per row of the chunk).
     */
    void evaluateChunk(double[] fullTheta, int from, int to, double[][] jacobian) {
        if (logResiduals) {
            law.evaluateLog(fullTheta, x, from, to, value, jacobian);
        } else {
            law.evaluate(fullTheta, x, from, to, value, jacobian);
        }
    }

    /** This instance's buffer of law values for one chunk of {@link #CHUNK} rows (for {@link ObjectiveResiduals}). */
    double[] chunkValues() {
        return value;
    }

    /** This instance's Jacobian buffer, parameters x {@link #CHUNK} rows (for {@link ObjectiveResiduals}). */
    double[][] chunkJacobian() {
        return jac;
    }

    /** Whether the residuals are on the log scale, ln f - ln y. */
    boolean inLogSpace() {
        return logResiduals;
    }

    /** Free parameter indices (shared; do not modify). */
    int[] freeIndices() {
        return free;
    }

    /** The loss. */
    public LossKernel loss() {
        return loss;
    }
}
