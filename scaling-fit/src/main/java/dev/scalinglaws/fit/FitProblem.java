/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.DataException;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.internal.CompiledProblem;
import dev.scalinglaws.fit.internal.ProblemAccess;

/**
 * What is fitted: a {@link ScalingLaw}, the {@link Dataset} (with its row weights), the {@link ResidualSpace}, the
 * {@link Loss}, parameter bounds and pinned parameters. Validated once, when it is made; then
 * {@link #evaluate(double[])} gives the objective, residuals, Jacobian, goodness of fit, identifiability and
 * covariance at any parameter vector, and {@link Fitter#fit} minimises it. Every {@link FitResult} keeps its
 * problem, so that uncertainty and prediction need only the fit. Hipparchus' {@code LeastSquaresProblem} is the
 * model: the problem, its evaluation at a point, and the optimum are separate objects.
 *
 * <p>The objective is F(theta) = SUM_i w_i rho(r_i(theta)) with r_i = ln f(x_i; theta) - ln y_i
 * ({@link ResidualSpace#LOG}) or f(x_i; theta) - y_i ({@link ResidualSpace#LINEAR}), or the Huber negative
 * log-likelihood with a fitted scale ({@link Loss#huberLikelihood}).
 *
 * <p>Immutable and thread-safe: evaluations run on evaluators of their own. Serializable (the compiled columns are
 * rebuilt on deserialisation).
 */
public final class FitProblem implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    static {
        ProblemAccess.install(p -> ((FitProblem) p).compiled());
    }

    /** The law to fit. */
    private final ScalingLaw law;
    /** The data as given. */
    private final Dataset data;
    /** Residual space. */
    private final ResidualSpace residual;
    /** Loss. */
    private final Loss loss;
    /** Bounds by parameter name in natural units. */
    private final Map<String, double[]> bounds;
    /** Pinned parameters. */
    private final Map<String, Double> pins;
    private final transient CompiledProblem compiled;

    private FitProblem(ScalingLaw law, Dataset data, ResidualSpace residual, Loss loss, Map<String, double[]> bounds,
                       Map<String, Double> pins) {
        this.law = Objects.requireNonNull(law, "law");
        this.data = Objects.requireNonNull(data, "data");
        this.residual = Objects.requireNonNull(residual, "residual");
        this.loss = Objects.requireNonNull(loss, "loss");
        Map<String, double[]> b = new LinkedHashMap<>();
        bounds.forEach((k, v) -> b.put(k, v.clone()));
        this.bounds = Collections.unmodifiableMap(b);
        this.pins = Collections.unmodifiableMap(new LinkedHashMap<>(pins));
        this.compiled = compile(law, data, residual, loss, this.bounds, this.pins);
    }

    /**
     * The problem of fitting a law to data with the residual space, loss, bounds and pins of a spec.
     *
     * @param law  the law
     * @param data the data (columns named after the law's covariates and response; weights from its weight column)
     * @param spec the residual space, loss, bounds and pins (its starts, optimiser and tolerances are how
     *             {@link Fitter} solves the problem, not part of it)
     * @return the validated problem
     * @throws DataException            for bad data (naming row, column and value)
     * @throws IllegalArgumentException for an unknown parameter, a pin outside its bounds, log residuals for a law
     *             that can be non-positive, or fewer usable rows than free parameters
     */
    public static FitProblem of(ScalingLaw law, Dataset data, FitSpec spec) {
        return new FitProblem(law, data, spec.residual(), spec.loss(), spec.bounds(), spec.pins());
    }

    /**
     * The problem with {@link FitSpec#defaults()}: log residuals, Huber loss with delta 1e-3, no bounds or pins.
     *
     * @param law  the law
     * @param data the data
     * @return the validated problem
     */
    public static FitProblem of(ScalingLaw law, Dataset data) {
        return of(law, data, FitSpec.defaults());
    }

    /**
     * Recompiles the columns after deserialisation (and validates again).
     *
     * @return a problem equal to this one, compiled
     */
    private Object readResolve() {
        return new FitProblem(law, data, residual, loss, bounds, pins);
    }

    CompiledProblem compiled() {
        return compiled;
    }

    /** Validates and compiles a problem for the engine (the loss as its kernel, the residual space as a flag). */
    static CompiledProblem compile(ScalingLaw law, Dataset data, ResidualSpace residual, Loss loss,
                                   Map<String, double[]> bounds, Map<String, Double> pins) {
        return CompiledProblem.compile(law, data, residual == ResidualSpace.LOG, LossKernels.of(loss), bounds, pins);
    }

    /** Validates and compiles the problem of a spec (its residual space, loss, bounds and pins). */
    static CompiledProblem compile(ScalingLaw law, Dataset data, FitSpec spec) {
        return compile(law, data, spec.residual(), spec.loss(), spec.bounds(), spec.pins());
    }

    /** {@return the law} */
    public ScalingLaw law() {
        return law;
    }

    /** {@return the data as given (derived covariates are added when the problem is compiled, with a warning)} */
    public Dataset data() {
        return data;
    }

    /** {@return the residual space} */
    public ResidualSpace residual() {
        return residual;
    }

    /** {@return the loss} */
    public Loss loss() {
        return loss;
    }

    /** {@return the bounds by parameter name in natural units, as given (copies)} */
    public Map<String, double[]> bounds() {
        Map<String, double[]> b = new LinkedHashMap<>();
        bounds.forEach((k, v) -> b.put(k, v.clone()));
        return b;
    }

    /** {@return the pinned parameters (unmodifiable)} */
    public Map<String, Double> pins() {
        return pins;
    }

    /** {@return the row weights (copy; 1 without a weight column, 0 for excluded rows)} */
    public double[] weights() {
        return compiled.weights().clone();
    }

    /** {@return the rows with positive weight} */
    public int usedRows() {
        return compiled.usedRows();
    }

    /** {@return the free parameters' names, in the law's order} */
    public List<String> freeParameters() {
        List<String> out = new ArrayList<>();
        for (int j : compiled.free()) {
            out.add(law.parameters().get(j).name());
        }
        return out;
    }

    /** {@return the notes from validation (for example a covariate derived by a documented rule)} */
    public List<String> warnings() {
        return compiled.warnings();
    }

    /**
     * Whether this problem's residual space, loss, bounds and pins are those of a spec.
     *
     * @param spec a spec
     * @return true if they match
     */
    public boolean matches(FitSpec spec) {
        return residual == spec.residual() && loss.equals(spec.loss()) && pins.equals(spec.pins())
                && sameBounds(bounds, spec.bounds());
    }

    /**
     * Whether {@code other} is this problem's data: the same object, or data whose covariates, response and weights
     * for this law are equal, value for value.
     *
     * @param other data
     * @return true if it is the data of this problem
     */
    public boolean isDataOf(Dataset other) {
        if (other == data) {
            return true;
        }
        CompiledProblem o;
        try {
            o = compile(law, other, residual, loss, bounds, pins);
        } catch (IllegalArgumentException e) {
            return false;
        }
        Columns a = compiled.covariates();
        Columns b = o.covariates();
        if (a.size() != b.size() || a.count() != b.count()) {
            return false;
        }
        for (int j = 0; j < a.count(); j++) {
            if (!Arrays.equals(a.rawColumn(j), b.rawColumn(j))) {
                return false;
            }
        }
        return Arrays.equals(compiled.response(), o.response()) && Arrays.equals(compiled.weights(), o.weights());
    }

    /**
     * Checks that {@code other} is this problem's data.
     *
     * @param other data
     * @throws IllegalArgumentException if it is not
     */
    public void requireDataOf(Dataset other) {
        if (!isDataOf(other)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the data (%s, %d rows) is not the data this fit of %s was made on (%s, %d rows)",
                    other.source(), other.size(), law.name(), data.source(), data.size()));
        }
    }

    /**
     * Evaluates the problem at a parameter vector (a loss without a fitted scale).
     *
     * @param theta natural parameters, one per law parameter (pinned ones must hold their pins)
     * @return the evaluation
     * @throws IllegalArgumentException for a wrong length, a pin not held, or a likelihood loss (use
     *              {@link #evaluate(double[], double)})
     */
    public FitEvaluation evaluate(double[] theta) {
        if (loss.fitsScale()) {
            throw new IllegalArgumentException("loss " + loss.name() + " fits a scale: evaluate(theta, scale)");
        }
        return evaluate(theta, Double.NaN);
    }

    /**
     * Evaluates the problem at a parameter vector and likelihood scale.
     *
     * @param theta natural parameters, one per law parameter (pinned ones must hold their pins)
     * @param scale the likelihood scale s &gt; 0 for {@link Loss#huberLikelihood}; ignored (use NaN) otherwise
     * @return the evaluation
     */
    public FitEvaluation evaluate(double[] theta, double scale) {
        checkTheta(theta);
        if (loss.fitsScale() && !(scale > 0 && scale < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the likelihood scale must be positive and finite: %s", scale));
        }
        return new FitEvaluation(this, theta, loss.fitsScale() ? scale : Double.NaN, Double.NaN);
    }

    /** The evaluation at an optimum whose objective the optimiser has already computed (no re-evaluation). */
    FitEvaluation evaluateAtOptimum(double[] theta, double scale, double objective) {
        return new FitEvaluation(this, theta, scale, objective);
    }

    private void checkTheta(double[] theta) {
        if (theta.length != law.parameterCount()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "law %s has %d parameters, got %d values",
                    law.name(), law.parameterCount(), theta.length));
        }
        for (Map.Entry<String, Double> e : pins.entrySet()) {
            int j = law.indexOf(e.getKey());
            if (Double.compare(theta[j], e.getValue()) != 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s is pinned at %s, got %s",
                        e.getKey(), e.getValue(), theta[j]));
            }
        }
    }

    private static boolean sameBounds(Map<String, double[]> a, Map<String, double[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, double[]> e : a.entrySet()) {
            if (!Arrays.equals(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Equal problems have the same law, loss, residual space, bounds, pins and equal data. */
    @Override
    public boolean equals(Object o) {
        return o instanceof FitProblem p && law.equals(p.law) && residual == p.residual && loss.equals(p.loss)
                && pins.equals(p.pins) && sameBounds(bounds, p.bounds) && data.equals(p.data);
    }

    /** Consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return Objects.hash(law, data, residual, loss, pins);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FitProblem[%s, %s (%d rows used), residual %s, loss %s, pins %s]",
                law.name(), data.source(), compiled.usedRows(), residual, loss.name(), pins);
    }
}
