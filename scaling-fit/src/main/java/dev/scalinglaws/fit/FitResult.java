package dev.scalinglaws.fit;

import java.util.List;
import java.util.Locale;

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
 * @param diagnostics    structured findings about the fit ({@link FitDiagnostics}): what is weak about it
 */
public record FitResult(ScalingLaw law, List<ParameterEstimate> parameters, double objective, FitStatus status,
                        ConvergenceReport convergence, Identifiability identifiability, Goodness goodness,
                        double[] residuals, double scale, List<String> warnings, String dataSource, FitSpec spec,
                        double seconds, List<Diagnostic> diagnostics) implements java.io.Serializable {

    /** Copies lists and arrays. */
    public FitResult {
        parameters = List.copyOf(parameters);
        residuals = residuals.clone();
        warnings = List.copyOf(warnings);
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * A result without diagnostics (as before they existed; {@link Fitter} attaches them).
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
     */
    public FitResult(ScalingLaw law, List<ParameterEstimate> parameters, double objective, FitStatus status,
                     ConvergenceReport convergence, Identifiability identifiability, Goodness goodness,
                     double[] residuals, double scale, List<String> warnings, String dataSource, FitSpec spec,
                     double seconds) {
        this(law, parameters, objective, status, convergence, identifiability, goodness, residuals, scale, warnings,
                dataSource, spec, seconds, List.of());
    }

    /** Residuals (copy). */
    @Override
    public double[] residuals() {
        return residuals.clone();
    }

    /** The estimates as a parameter vector in the law's order (copy). */
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
                scale, warnings, dataSource, spec, seconds, diagnostics);
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
                scale, warnings, dataSource, spec, seconds, newDiagnostics);
    }

    /** Whether any diagnostic has severity warning or error. */
    public boolean hasWarnings() {
        return diagnostics.stream().anyMatch(Diagnostic::isWarningOrError);
    }

    /** Whether the fit converged. */
    public boolean converged() {
        return status.isSuccess();
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
