/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.scalinglaws.core.ScalingLaw;

/**
 * The outcome of {@link Fitter#fit}: estimates, objective, status, convergence and identifiability reports,
 * residuals and goodness of fit.
 *
 * <p>A result whose {@link #status()} is not {@link FitStatus#CONVERGED} still carries the last iterate, and says so.
 * Immutable: arrays are copied in and out.
 *
 * @param law            the law
 * @param parameters     estimates in the law's parameter order
 * @param objective      the minimised objective (sum of losses, or negative log-likelihood)
 * @param status         how the fit ended
 * @param convergence    the multistart report
 * @param identifiability correlation and conditioning at the optimum (null if not computable)
 * @param goodness       goodness of fit
 * @param residuals      residuals at the optimum, in the fit's residual space, one per used row
 * @param scale          fitted likelihood scale s (huber-mle), NaN otherwise
 * @param warnings       notes for the user (derived columns, parameters on bounds, ...)
 * @param dataSource     where the data came from
 * @param spec           the spec used
 * @param seconds        wall time of the fit itself
 * @param problem        the problem that was solved (law, data, residual space, loss, bounds, pins), so that
 *                       uncertainty and prediction need only the result; null for a result assembled by hand
 * @param diagnostics    structured findings about the fit ({@link FitDiagnostics}): what is weak about it
 * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
 *         undocumented; the serialized form is exactly the components, documented above)
 */
public record FitResult(ScalingLaw law, List<ParameterEstimate> parameters, double objective, FitStatus status,
                        ConvergenceReport convergence, Identifiability identifiability, Goodness goodness,
                        double[] residuals, double scale, List<String> warnings, String dataSource, FitSpec spec,
                        double seconds, FitProblem problem, List<Diagnostic> diagnostics)
        implements java.io.Serializable {

    /**
     * Copies lists and arrays.
     *
     * @param law            the law
     * @param parameters     estimates in the law's parameter order
     * @param objective      the minimised objective (sum of losses, or negative log-likelihood)
     * @param status         how the fit ended
     * @param convergence    the multistart report
     * @param identifiability correlation and conditioning at the optimum (null if not computable)
     * @param goodness       goodness of fit
     * @param residuals      residuals at the optimum, in the fit's residual space, one per used row
     * @param scale          fitted likelihood scale s (huber-mle), NaN otherwise
     * @param warnings       notes for the user (derived columns, parameters on bounds, ...)
     * @param dataSource     where the data came from
     * @param spec           the spec used
     * @param seconds        wall time of the fit itself
     * @param problem        the problem that was solved (law, data, residual space, loss, bounds, pins), so that
     *                       uncertainty and prediction need only the result; null for a result assembled by hand
     * @param diagnostics    structured findings about the fit
     */
    public FitResult {
        parameters = List.copyOf(parameters);
        residuals = residuals.clone();
        warnings = List.copyOf(warnings);
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * A result with its problem and no diagnostics ({@link Fitter} attaches them with {@link #withDiagnostics}).
     *
     * @param law             the law
     * @param parameters      estimates
     * @param objective       the objective
     * @param status          status
     * @param convergence     multistart report
     * @param identifiability identifiability report or null
     * @param goodness        goodness of fit
     * @param residuals       residuals
     * @param scale           likelihood scale or NaN
     * @param warnings        notes
     * @param dataSource      data source
     * @param spec            spec
     * @param seconds         wall time
     * @param problem         the problem solved, or null
     */
    public FitResult(ScalingLaw law, List<ParameterEstimate> parameters, double objective, FitStatus status,
                     ConvergenceReport convergence, Identifiability identifiability, Goodness goodness,
                     double[] residuals, double scale, List<String> warnings, String dataSource, FitSpec spec,
                     double seconds, FitProblem problem) {
        this(law, parameters, objective, status, convergence, identifiability, goodness, residuals, scale, warnings,
                dataSource, spec, seconds, problem, List.of());
    }

    /**
     * A result without its problem (assembled by hand, for example read back from a report): uncertainty methods
     * then need the data again.
     *
     * @param law             the law
     * @param parameters      estimates
     * @param objective       the objective
     * @param status          status
     * @param convergence     convergence report
     * @param identifiability identifiability (or null)
     * @param goodness        goodness of fit
     * @param residuals       residuals
     * @param scale           likelihood scale or NaN
     * @param warnings        notes
     * @param dataSource      where the data came from
     * @param spec            the spec
     * @param seconds         wall time
     */
    public FitResult(ScalingLaw law, List<ParameterEstimate> parameters, double objective, FitStatus status,
                     ConvergenceReport convergence, Identifiability identifiability, Goodness goodness,
                     double[] residuals, double scale, List<String> warnings, String dataSource, FitSpec spec,
                     double seconds) {
        this(law, parameters, objective, status, convergence, identifiability, goodness, residuals, scale, warnings,
                dataSource, spec, seconds, null);
    }

    /**
     * The problem this result solved.
     *
     * @return the problem
     * @throws IllegalStateException for a result assembled without its problem
     */
    public FitProblem requireProblem() {
        if (problem == null) {
            throw new IllegalStateException("this fit of " + law.name() + " does not carry its problem (it was "
                    + "assembled by hand); pass its data");
        }
        return problem;
    }

    /**
     * The problem evaluated at the estimates: residuals, Jacobian, goodness, identifiability and covariance.
     *
     * @return the evaluation
     * @throws IllegalStateException    for a result without its problem
     * @throws IllegalArgumentException when an estimate is not finite
     */
    public FitEvaluation evaluation() {
        double[] theta = theta();
        for (double t : theta) {
            if (!Double.isFinite(t)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "the fit has a non-finite estimate (status %s); it cannot be evaluated", status));
            }
        }
        return requireProblem().evaluate(theta, scale);
    }

    /** {@return the residuals (copy)} */
    @Override
    public double[] residuals() {
        return residuals.clone();
    }

    /** {@return the estimates as a parameter vector in the law's order (copy)} */
    public double[] theta() {
        double[] t = new double[parameters.size()];
        for (int j = 0; j < t.length; j++) {
            t[j] = parameters.get(j).estimate();
        }
        return t;
    }

    /**
     * The estimate of one parameter.
     *
     * @param name parameter symbol
     * @return the estimate
     */
    public double estimate(String name) {
        return parameters.get(law.indexOf(name)).estimate();
    }

    /**
     * The fitted law at a covariate point.
     *
     * @param point covariate values in the law's order
     * @return the fitted value
     */
    public double predict(double... point) {
        return law.value(theta(), point);
    }

    /**
     * This result with other parameter estimates (for example with standard errors attached); everything else is
     * unchanged.
     *
     * @param estimates one estimate per law parameter, in the law's order
     * @return a new result
     */
    public FitResult withParameters(List<ParameterEstimate> estimates) {
        if (estimates.size() != parameters.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "expected %d parameter estimates, got %d", parameters.size(), estimates.size()));
        }
        return new FitResult(law, estimates, objective, status, convergence, identifiability, goodness, residuals,
                scale, warnings, dataSource, spec, seconds, problem, diagnostics);
    }

    /**
     * This result with another status and diagnostics; everything else is unchanged.
     *
     * @param newStatus      the status
     * @param newDiagnostics the diagnostics
     * @return a new result
     */
    public FitResult withDiagnostics(FitStatus newStatus, List<Diagnostic> newDiagnostics) {
        return new FitResult(law, parameters, objective, newStatus, convergence, identifiability, goodness, residuals,
                scale, warnings, dataSource, spec, seconds, problem, newDiagnostics);
    }

    /** {@return whether any diagnostic has severity warning or error} */

    public boolean hasWarnings() {
        return diagnostics.stream().anyMatch(Diagnostic::isWarningOrError);
    }

    /** {@return whether the fit converged} */
    public boolean converged() {
        return status.isSuccess();
    }

    /**
     * Equal results have equal components, residuals compared by content; the wall time {@link #seconds()} is not
     * part of a result's identity (two runs of the same fit are equal).
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof FitResult o && law.equals(o.law) && parameters.equals(o.parameters)
                && Double.compare(objective, o.objective) == 0 && status == o.status
                && Objects.equals(convergence, o.convergence) && Objects.equals(identifiability, o.identifiability)
                && Objects.equals(goodness, o.goodness) && Arrays.equals(residuals, o.residuals)
                && Double.compare(scale, o.scale) == 0 && warnings.equals(o.warnings)
                && Objects.equals(dataSource, o.dataSource) && Objects.equals(spec, o.spec)
                && Objects.equals(problem, o.problem) && diagnostics.equals(o.diagnostics);
    }

    /** Consistent with {@link #equals}: the wall time is left out. */
    @Override
    public int hashCode() {
        return Objects.hash(law, parameters, objective, status, convergence, identifiability, goodness,
                Arrays.hashCode(residuals), scale, warnings, dataSource, spec, problem, diagnostics);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s [%s] objective %.6g", law.name(), status, objective));
        for (ParameterEstimate p : parameters) {
            sb.append(String.format(Locale.ROOT, ", %s=%.6g", p.name(), p.estimate()));
        }
        return sb.toString();
    }
}
