/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.DataException;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.Parameter;
import dev.scalinglaws.core.ScalingLaw;

/**
 * A fit problem compiled for the optimisers: the validated columns, the objective prototype in optimisation
 * coordinates (logarithms of positive parameters, pins held fixed, a fitted likelihood scale last), the box bounds
 * there and the mapping back to natural parameters. Not API: the public face is {@code dev.scalinglaws.fit.FitProblem}.
 *
 * <p>Immutable. The objective prototype is never evaluated: every evaluation runs on an evaluator from
 * {@link #newObjective()}, which owns its buffers (one per thread), so any number of threads may use one compiled
 * problem.
 */
public final class CompiledProblem {
    private final ScalingLaw law;
    private final LossKernel loss;
    /** Residuals r = ln f - ln y (else f - y). */
    private final boolean logResiduals;
    private final Objective prototype;
    private final Columns x;
    private final double[] response;
    private final double[] lower;
    private final double[] upper;
    private final double[] baseTheta;
    private final int[] free;
    private final List<String> warnings;
    private final String source;
    private final int usedRows;
    private final double[] naturalLower;
    private final double[] naturalUpper;

    private CompiledProblem(ScalingLaw law, LossKernel loss, boolean logResiduals, Objective prototype, Columns x,
                            double[] response, double[] lower, double[] upper, double[] baseTheta, int[] free,
                            List<String> warnings, String source, int usedRows, double[] naturalLower,
                            double[] naturalUpper) {
        this.law = law;
        this.loss = loss;
        this.logResiduals = logResiduals;
        this.prototype = prototype;
        this.x = x;
        this.response = response;
        this.lower = lower;
        this.upper = upper;
        this.baseTheta = baseTheta;
        this.free = free;
        this.warnings = List.copyOf(warnings);
        this.source = source;
        this.usedRows = usedRows;
        this.naturalLower = naturalLower;
        this.naturalUpper = naturalUpper;
    }

    /**
     * Validates and compiles a problem.
     *
     * @param law      law
     * @param data     data
     * @param logResiduals whether residuals are ln f - ln y (else f - y)
     * @param loss     loss
     * @param bounds   bounds by parameter name (natural units)
     * @param pins     pinned values by parameter name
     * @return the compiled problem
     * @throws DataException            for bad data
     * @throws IllegalArgumentException for an invalid bound, pin or residual space
     */
    public static CompiledProblem compile(ScalingLaw law, Dataset data, boolean logResiduals, LossKernel loss,
                                          Map<String, double[]> bounds, Map<String, Double> pins) {
        List<String> warnings = new ArrayList<>();
        Dataset d = data.withCovariatesFor(law, warnings);
        if (logResiduals && !law.positiveResponse()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "law %s can take non-positive values; use linear residuals", law.name()));
        }
        Columns x = d.covariates(law);
        double[] y = d.response(law, logResiduals);
        double[] w = d.weights();
        int p = law.parameterCount();
        List<Parameter> params = law.parameters();
        double[] lo = new double[p];
        double[] hi = new double[p];
        for (int j = 0; j < p; j++) {
            lo[j] = params.get(j).lower();
            hi[j] = params.get(j).upper();
        }
        for (Map.Entry<String, double[]> e : bounds.entrySet()) {
            int j = law.indexOf(e.getKey());
            double[] b = e.getValue();
            Parameter par = params.get(j);
            if (par.positive() && b[1] <= 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "bound for %s: upper bound %s, but %s must be positive", par.name(), b[1], par.name()));
            }
            lo[j] = Math.max(b[0], par.positive() ? 0 : Double.NEGATIVE_INFINITY);
            hi[j] = b[1];
        }
        double[] base = new double[p];
        boolean[] pinned = new boolean[p];
        for (Map.Entry<String, Double> e : pins.entrySet()) {
            int j = law.indexOf(e.getKey());
            double v = e.getValue();
            Parameter par = params.get(j);
            if (!Double.isFinite(v) || v < lo[j] || v > hi[j] || (par.positive() && v <= 0)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "pin %s=%s lies outside its bounds [%s, %s]%s", par.name(), v, lo[j], hi[j],
                        par.positive() ? " (it must be positive)" : ""));
            }
            base[j] = v;
            pinned[j] = true;
        }
        int nFree = 0;
        for (int j = 0; j < p; j++) {
            if (!pinned[j]) {
                nFree++;
            }
        }
        int[] free = new int[nFree];
        for (int j = 0, k = 0; j < p; j++) {
            if (!pinned[j]) {
                free[k++] = j;
            }
        }
        int used = 0;
        for (double wi : w) {
            if (wi > 0) {
                used++;
            }
        }
        int fitted = nFree + (loss.fitsScale() ? 1 : 0);
        if (used < fitted) {
            throw new DataException(d.source(), -1, null, null, String.format(Locale.ROOT,
                    "%d usable rows, but law %s has %d free parameters to fit; add rows or pin parameters",
                    used, law.name(), fitted));
        }
        Objective objective = new Objective(law, x, y, w, logResiduals, loss, base, free);
        int dim = objective.dimension();
        double[] lu = new double[dim];
        double[] hu = new double[dim];
        for (int k = 0; k < dim; k++) {
            if (k < nFree) {
                int j = free[k];
                boolean logScale = params.get(j).positive();
                lu[k] = logScale ? (lo[j] > 0 ? Math.log(lo[j]) : Double.NEGATIVE_INFINITY) : lo[j];
                hu[k] = logScale ? Math.log(hi[j]) : hi[j];
            } else {
                lu[k] = Double.NEGATIVE_INFINITY;
                hu[k] = Double.POSITIVE_INFINITY;
            }
        }
        return new CompiledProblem(law, loss, logResiduals, objective, x, y, lu, hu, base, free, warnings, d.source(),
                used, lo, hi);
    }

    /** A new evaluator of the objective, owning its buffers: one per thread. */
    public Objective newObjective() {
        return prototype.copy();
    }

    /**
     * A new evaluator with other row weights (the targets and covariates shared): the basis of case and cluster
     * resampling.
     *
     * @param newWeights weights (shared, not copied)
     * @return the evaluator
     */
    public Objective newObjective(double[] newWeights) {
        return prototype.withWeights(newWeights);
    }

    /**
     * A new evaluator over the same covariates with another response (natural units) and row weights.
     *
     * @param newResponse response
     * @param newWeights  weights (shared, not copied)
     * @param fullTheta   natural parameters holding the pinned values
     * @return the evaluator
     */
    public Objective newObjective(double[] newResponse, double[] newWeights, double[] fullTheta) {
        return new Objective(law, x, newResponse, newWeights, logResiduals, loss, fullTheta, free);
    }

    /** The law. */
    public ScalingLaw law() {
        return law;
    }

    /** The loss. */
    public LossKernel loss() {
        return loss;
    }

    /** Whether the residuals are ln f - ln y (else f - y). */
    public boolean logResiduals() {
        return logResiduals;
    }

    /** The law's covariates, validated (shared with the objective; do not modify). */
    public Columns covariates() {
        return x;
    }

    /** The observed response in natural units, validated (shared; do not modify). */
    public double[] response() {
        return response;
    }

    /** Row weights (shared; do not modify). */
    public double[] weights() {
        return prototype.weights();
    }

    /** Lower bounds in coordinates (copy). */
    public double[] lower() {
        return lower.clone();
    }

    /** Upper bounds in coordinates (copy). */
    public double[] upper() {
        return upper.clone();
    }

    /** Lower bounds in natural units, per law parameter (copy). */
    public double[] naturalLower() {
        return naturalLower.clone();
    }

    /** Upper bounds in natural units, per law parameter (copy). */
    public double[] naturalUpper() {
        return naturalUpper.clone();
    }

    /** The natural parameter vector holding the pinned values (0 for free parameters; copy). */
    public double[] baseTheta() {
        return baseTheta.clone();
    }

    /** Indices of the free parameters in coordinate order (copy). */
    public int[] free() {
        return free.clone();
    }

    /** Number of optimisation coordinates (free parameters plus a fitted scale). */
    public int dimension() {
        return prototype.dimension();
    }

    /** Whether free coordinate k is the logarithm of a positive parameter. */
    public boolean isLogScale(int k) {
        return prototype.isLogScale(k);
    }

    /** Notes from compiling (derived covariates). */
    public List<String> warnings() {
        return warnings;
    }

    /** Where the data came from. */
    public String source() {
        return source;
    }

    /** Rows with positive weight. */
    public int usedRows() {
        return usedRows;
    }

    /**
     * Maps a full natural parameter vector to coordinates (sigma = ln s last for a likelihood loss).
     *
     * @param fullTheta natural parameters
     * @param sigma     ln s (ignored without a fitted scale)
     * @return coordinates
     */
    public double[] toCoordinates(double[] fullTheta, double sigma) {
        return prototype.toCoordinates(fullTheta, sigma);
    }

    /**
     * Maps coordinates to the full natural parameter vector.
     *
     * @param u   coordinates
     * @param out natural parameters (length = parameter count)
     */
    public void toTheta(double[] u, double[] out) {
        prototype.toTheta(u, out);
    }

    /**
     * Coordinates of a natural starting point: pins applied, clamped into the bounds.
     *
     * @param theta natural parameters
     * @return coordinates
     */
    public double[] startCoordinates(double[] theta) {
        double[] t = theta.clone();
        for (int k = 0; k < free.length; k++) {
            int j = free[k];
            if (law.parameters().get(j).positive() && !(t[j] > 0)) {
                t[j] = Double.MIN_NORMAL;
            }
        }
        double[] u = prototype.toCoordinates(t, 0);
        for (int k = 0; k < u.length; k++) {
            u[k] = Math.min(upper[k], Math.max(lower[k], u[k]));
        }
        return u;
    }
}
