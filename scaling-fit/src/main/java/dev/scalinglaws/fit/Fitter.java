/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

import dev.scalinglaws.core.DataException;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.LinearStructure;
import dev.scalinglaws.core.Parameter;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.internal.CompiledProblem;
import dev.scalinglaws.fit.internal.LbfgsB;
import dev.scalinglaws.fit.internal.LevenbergMarquardt;
import dev.scalinglaws.fit.internal.LocalOptimizer;
import dev.scalinglaws.fit.internal.Multistart;
import dev.scalinglaws.fit.internal.Objective;
import dev.scalinglaws.fit.internal.OptimizerStatus;
import dev.scalinglaws.fit.internal.VariableProjection;

/**
 * Fits a {@link ScalingLaw} to a {@link Dataset}: minimises SUM_i w_i rho(r_i) (or the Huber negative
 * log-likelihood) over the free parameters with the spec's {@link Optimizer} (L-BFGS-B with the analytic gradient
 * by default; Levenberg-Marquardt with IRLS weights; or variable projection, which replaces the spec's starts by a
 * reduced grid over the nonlinear parameters) from every start, in parallel; keeps the lowest objective (earliest
 * start on ties, so the answer does not depend on the thread count); polishes it with tight tolerances (L-BFGS-B, or
 * Levenberg-Marquardt when that is the optimiser); and reports convergence, identifiability and goodness of fit.
 *
 * <p>Positive parameters are optimised as logarithms; pinned parameters are held fixed; bounds are boxes in natural
 * units. The covariates a law needs are derived by the documented rules (D = C / 6N, ...) with a warning.
 *
 * <p>Stateless and thread-safe: any number of fits may run at once.
 */
public final class Fitter {

    private Fitter() {
    }

    /**
     * The fit with its optimum solved to the precision doubles allow. A minimiser stops where it can no longer
     * decrease the objective S; in a flat valley (Chinchilla's E, B and beta on the Epoch data) that leaves the
     * parameters uncertain in their fifth digit, though S agrees to 1e-15. This takes Newton steps on grad S = 0 from
     * the fit's optimum, with the central-difference Hessian of the exact gradient, keeping a step only while it
     * lowers the gradient without raising S (Nocedal and Wright 2006, Numerical Optimization, sec. 3.3 and 8.1), then
     * recomputes the reports (standard errors, identifiability, diagnostics) there. Two fits of the same function with
     * different rounding, such as a built-in law and the same law written as a formula, then agree to about 1e-14 in
     * every parameter.
     *
     * <p>The result keeps the fit's spec, status, multistart report and diagnostics (they describe the search and the
     * design, which the refinement does not change) and adds a note saying how far the optimum moved; its estimates,
     * standard errors, objective, residuals, goodness and identifiability are those at the refined optimum. The fit
     * is returned unchanged when it did not converge, carries no problem, fits a scale ({@code huber-mle}), has a
     * parameter on a bound, or when Newton's method makes no progress.
     *
     * @param fit a converged fit
     * @return the refined fit, or {@code fit}
     */
    public static FitResult refine(FitResult fit) {
        if (fit.status() != FitStatus.CONVERGED || fit.problem() == null || fit.spec().loss().fitsScale()) {
            return fit;
        }
        double[] theta = NewtonPolish.polish(fit.problem().compiled(), fit.theta());
        if (theta == null) {
            return fit;
        }
        FitSpec spec = fit.spec().withOptimizer(Optimizer.LBFGSB).withStarts(Starts.of(List.of(theta)));
        FitResult r = fit(fit.problem(), spec, null);
        if (r.status() != FitStatus.CONVERGED || !(r.objective() <= fit.objective() * (1 + 1e-12))) {
            return fit;
        }
        double moved = 0;
        double[] before = fit.theta();
        double[] after = r.theta();
        for (int j = 0; j < before.length; j++) {
            if (before[j] != 0) {
                moved = Math.max(moved, Math.abs(after[j] / before[j] - 1));
            }
        }
        List<String> notes = new ArrayList<>(fit.warnings());
        notes.add(String.format(Locale.ROOT, "refined: Newton's method on grad S = 0 moved the estimates by at most "
                + "%.2g relative", moved));
        return new FitResult(fit.law(), r.parameters(), r.objective(), fit.status(), fit.convergence(),
                r.identifiability(), r.goodness(), r.residuals(), r.scale(), notes, fit.dataSource(), fit.spec(),
                fit.seconds() + r.seconds(), fit.problem(), fit.diagnostics());
    }

    /**
     * Fits a law.
     *
     * @param law  the law
     * @param data the data (columns named after the law's covariates and response)
     * @param spec how to fit
     * @return the result; check {@link FitResult#status()}
     * @throws DataException            for bad data (naming row, column and value)
     * @throws IllegalArgumentException for an invalid spec (unknown parameter, pin outside bounds, too few rows)
     * @throws FitCancelledException    if the calling thread is interrupted (workers stop promptly)
     */
    public static FitResult fit(ScalingLaw law, Dataset data, FitSpec spec) {
        return fit(law, data, spec, null);
    }

    /**
     * Fits a law, reporting progress.
     *
     * @param law      the law
     * @param data     the data
     * @param spec     how to fit
     * @param progress called with the number of finished starts (from worker threads), or null
     * @return the result
     */
    public static FitResult fit(ScalingLaw law, Dataset data, FitSpec spec, IntConsumer progress) {
        long t0 = System.nanoTime();
        FitProblem problem = FitProblem.of(law, data, spec);
        return fit(problem, spec, progress, t0);
    }

    /**
     * Solves a problem with a spec's starts, optimiser, tolerances and threads.
     *
     * @param problem  the problem
     * @param spec     how to solve it (its residual space, loss, bounds and pins must be the problem's)
     * @param progress called with the number of finished starts (from worker threads), or null
     * @return the result; it keeps the problem
     * @throws IllegalArgumentException if the spec does not match the problem
     * @throws FitCancelledException    if the calling thread is interrupted
     */
    public static FitResult fit(FitProblem problem, FitSpec spec, IntConsumer progress) {
        if (!problem.matches(spec)) {
            throw new IllegalArgumentException("the spec's residual space, loss, bounds or pins differ from the "
                    + "problem's");
        }
        return fit(problem, spec, progress, System.nanoTime());
    }

    private static FitResult fit(FitProblem problem, FitSpec spec, IntConsumer progress, long t0) {
        ScalingLaw law = problem.law();
        CompiledProblem c = problem.compiled();
        LbfgsB lbfgsb = LbfgsB.forIterations(spec.maxIterations(), spec.ftol(), spec.gtol());
        List<double[]> starts = new ArrayList<>();
        LocalOptimizer local = lbfgsb;
        boolean evaluateOnly = c.dimension() == 0;
        switch (evaluateOnly ? Optimizer.LBFGSB : spec.optimizer()) {
            case LBFGSB -> {
                if (!evaluateOnly) {
                    for (double[] theta : spec.starts().points(law)) {
                        starts.add(c.startCoordinates(theta));
                    }
                }
            }
            case LEVENBERG_MARQUARDT -> {
                if (spec.loss().fitsScale()) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "optimizer LEVENBERG_MARQUARDT cannot fit the scale of loss %s; use LBFGSB",
                            spec.loss().name()));
                }
                for (double[] theta : spec.starts().points(law)) {
                    starts.add(c.startCoordinates(theta));
                }
                local = new LevenbergMarquardt(spec.maxIterations(), spec.ftol(), LM_XTOL);
            }
            case VARIABLE_PROJECTION -> {
                if (!(law instanceof LinearStructure structure)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "optimizer VARIABLE_PROJECTION needs a law with linear parameters (LinearStructure); "
                                    + "law %s has none; use LBFGSB or LEVENBERG_MARQUARDT", law.name()));
                }
                starts.addAll(VariableProjection.starts(c.newObjective(), structure, c.baseTheta(), c.free(),
                        c.naturalLower(), c.naturalUpper(), VARPRO_STARTS, VARPRO_GRID,
                        j -> Starts.startRange(spec.starts(), law, j)));
                // few starts: run each to the polish tolerances (SciPy's ftol stops a Huber sum of 1e-3 early)
                double scale = starts.isEmpty() ? 1 : Math.max(1, Math.abs(c.newObjective()
                        .value(starts.get(0))));
                local = LbfgsB.forIterations(spec.maxIterations(), 0,
                        Math.min(spec.gtol(), 1e-11 * scale));
            }
            default -> throw new IllegalStateException("unknown optimizer " + spec.optimizer());
        }
        Multistart.Outcome[] outcomes;
        if (evaluateOnly) {
            // every parameter pinned: evaluate the objective once, run no optimiser
            Objective f = c.newObjective();
            double v = f.value(new double[0]);
            outcomes = new Multistart.Outcome[] {new Multistart.Outcome(0, new double[0], v,
                    Double.isFinite(v) ? OptimizerStatus.CONVERGED : OptimizerStatus.NON_FINITE, 0, 1, 0)};
            if (progress != null) {
                progress.accept(1);
            }
        } else {
            Parallelism parallelism = spec.parallelism();
            try {
                outcomes = Multistart.run(c.newObjective(), starts, c.lower(), c.upper(), local,
                        parallelism.threads(), parallelism.hasExecutor() ? parallelism.executor() : null, progress);
            } catch (Multistart.CancellationExceptionWithPartial e) {
                throw FitCancelledException.of(e);
            }
        }
        FitResult result = finish(problem, spec, outcomes, lbfgsb, (System.nanoTime() - t0) * 1e-9);
        // diagnostics (FitDiagnostics) are computed on the finished fit and attached here, in one place
        return FitDiagnostics.attach(result, problem.compiled(), outcomes, problem.data());
    }

    /** Levenberg-Marquardt's relative scaled-step tolerance (MINPACK's default is 1.49e-8). */
    static final double LM_XTOL = 1e-10;
    /** Variable projection: full optimisations run from the best grid points. */
    static final int VARPRO_STARTS = 10;
    /** Variable projection: grid points over the nonlinear parameters. */
    static final int VARPRO_GRID = 576;

    /**
     * Assembles the result from the outcomes of the starts: picks the best, polishes it, evaluates the problem there.
     */
    private static FitResult finish(FitProblem problem, FitSpec spec, Multistart.Outcome[] outcomes,
                                    LbfgsB optimizer, double seconds) {
        CompiledProblem c = problem.compiled();
        ScalingLaw law = problem.law();
        int[] free = c.free();
        double[] lower = c.lower();
        double[] upper = c.upper();
        boolean polish = spec.polish() && c.dimension() > 0;
        long t0 = System.nanoTime();
        int bestIndex = Multistart.best(outcomes);
        long iterations = 0;
        long evaluations = 0;
        int converged = 0;
        int failed = 0;
        for (Multistart.Outcome o : outcomes) {
            iterations += o.iterations();
            evaluations += o.evaluations();
            if (o.status() == OptimizerStatus.CONVERGED) {
                converged++;
            } else if (o.status() == OptimizerStatus.NON_FINITE || o.status() == OptimizerStatus.LINE_SEARCH_FAILED) {
                failed++;
            }
        }
        List<String> notes = new ArrayList<>(c.warnings());
        if (c.dimension() == 0) {
            notes.add("every parameter is pinned: the objective was evaluated, nothing was fitted");
        }
        int p = law.parameterCount();
        if (bestIndex < 0) {
            double[] theta = c.baseTheta();
            List<ParameterEstimate> est = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                boolean isFree = contains(free, j);
                est.add(new ParameterEstimate(law.parameters().get(j).name(), isFree ? Double.NaN : theta[j],
                        isFree ? Double.NaN : 0, !isFree, false));
            }
            notes.add("no start reached a finite objective");
            return new FitResult(law, est, Double.NaN, FitStatus.NON_FINITE,
                    new ConvergenceReport(outcomes.length, converged, 0, failed, iterations, evaluations,
                            Double.NaN, List.of()), null,
                    new Goodness(c.usedRows(), c.dimension(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                            Double.NaN),
                    new double[0], Double.NaN, notes, c.source(), spec, seconds, problem);
        }
        Multistart.Outcome best = outcomes[bestIndex];
        double[] u = best.x().clone();
        double value = best.value();
        FitStatus status = FitStatus.of(best.status());
        double gradientNorm = best.gradientNorm();
        if (polish) {
            LocalOptimizer tight = spec.optimizer() == Optimizer.LEVENBERG_MARQUARDT
                    ? new LevenbergMarquardt(5000, 1e-15, 1e-15)
                    : new LbfgsB(10, 5000, 10000, 1e-12, 1e-11 * Math.max(1, Math.abs(value)));
            Objective f = c.newObjective();
            LbfgsB.Result r = tight.minimize(f, u, lower, upper);
            iterations += r.iterations();
            evaluations += r.evaluations();
            if (Double.isFinite(r.value()) && r.value() <= value) {
                u = r.x();
                value = r.value();
                gradientNorm = r.gradientNorm();
                if (r.status() == OptimizerStatus.CONVERGED || gradientNorm <= optimizer.gtol()) {
                    status = FitStatus.CONVERGED;
                }
            }
        }
        // "at best" compares the starts with each other (the best start's value), as SciPy users count it;
        // the polish may move the optimum below every start's loosely converged value
        int atBest = 0;
        double bestStart = best.value();
        double tol = 1e-6 * Math.max(Math.abs(bestStart), Double.MIN_NORMAL);
        for (Multistart.Outcome o : outcomes) {
            if (Double.isFinite(o.value()) && o.value() - bestStart <= tol) {
                atBest++;
            }
        }
        double[] theta = new double[p];
        c.toTheta(u, theta);
        double scale = spec.loss().fitsScale() ? Math.exp(u[u.length - 1]) : Double.NaN;
        List<String> onBound = new ArrayList<>();
        List<ParameterEstimate> est = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            int k = indexOf(free, j);
            boolean atBound = k >= 0 && (u[k] <= lower[k] || u[k] >= upper[k]);
            if (atBound) {
                onBound.add(law.parameters().get(j).name());
            }
            est.add(new ParameterEstimate(law.parameters().get(j).name(), theta[j], k < 0 ? 0 : Double.NaN,
                    k < 0, atBound));
        }
        if (!onBound.isEmpty()) {
            notes.add("parameters on a bound: " + String.join(", ", onBound));
        }
        List<String> runaway = runaway(law, free, theta, onBound);
        if (!runaway.isEmpty() && status == FitStatus.CONVERGED) {
            status = FitStatus.NOT_IDENTIFIABLE;
        }
        notes.addAll(runaway);
        FitEvaluation evaluation = problem.evaluateAtOptimum(theta, scale, value);
        Identifiability ident = evaluation.identifiability();
        if (ident != null && !ident.identifiable() && status == FitStatus.CONVERGED) {
            status = FitStatus.NOT_IDENTIFIABLE;
            notes.add("the parameters are not identifiable from these data (" + ident.flatDirections()
                    + " flat direction(s); condition number " + String.format(Locale.ROOT, "%.3g",
                    ident.conditionNumber()) + ")");
        }
        boolean finiteEstimates = true;
        for (double t : theta) {
            finiteEstimates &= Double.isFinite(t);
        }
        if (!Double.isFinite(value) || !finiteEstimates) {
            status = FitStatus.NON_FINITE;
            if (!finiteEstimates) {
                notes.add("an estimate is not finite");
            }
        }
        if (Double.isFinite(value) && status != FitStatus.NON_FINITE) {
            // the smoothed sandwich's standard errors; an unusable covariance leaves them NaN, the fit stands
            try {
                Covariance cov = evaluation.covariance(CovarianceForm.SMOOTHED_SANDWICH);
                List<ParameterEstimate> withErrors = new ArrayList<>();
                for (int j = 0; j < est.size(); j++) {
                    ParameterEstimate e = est.get(j);
                    withErrors.add(e.pinned() ? e.withStdError(0) : e.withStdError(cov.standardError(j)));
                }
                est = withErrors;
            } catch (IllegalStateException e) {
                // every parameter pinned or an estimate not finite: no covariance
            }
        }
        double total = seconds + (System.nanoTime() - t0) * 1e-9;
        // every parameter pinned: no start ran, the objective was evaluated once
        ConvergenceReport report = c.dimension() == 0
                ? new ConvergenceReport(0, 0, 0, 0, 0, evaluations, gradientNorm, onBound)
                : new ConvergenceReport(outcomes.length, converged, atBest, failed, iterations, evaluations,
                        gradientNorm, onBound);
        return new FitResult(law, est, value, status, report, ident, evaluation.goodness(), evaluation.residuals(),
                scale, notes, c.source(), spec, total, problem);
    }


    /**
     * Notes for free parameters that ran off: a million times beyond their start range (above it, or for a positive
     * parameter below it), not on a bound. The objective then keeps improving towards zero or infinity and the
     * estimate is not determined by the data (for example a decay constant whose decay the data do not show).
     */
    private static List<String> runaway(ScalingLaw law, int[] free, double[] theta, List<String> onBound) {
        List<String> out = new ArrayList<>();
        for (int j : free) {
            Parameter par = law.parameters().get(j);
            if (onBound.contains(par.name())) {
                continue;
            }
            double[] r = law.startRange(j);
            double t = theta[j];
            double reach = Math.max(Math.abs(r[0]), Math.abs(r[1]));
            boolean far = Math.abs(t) > 1e6 * reach
                    || par.positive() && r[0] > 0 && t < 1e-6 * r[0];
            if (far && Double.isFinite(t)) {
                out.add(String.format(Locale.ROOT, "%s ran off to %.3g, far outside its usual range [%.3g, %.3g]: "
                        + "the data do not determine it (the objective keeps improving towards %s); pin or bound "
                        + "it", par.name(), t, r[0], r[1], Math.abs(t) > 1 ? "infinity" : "zero"));
            }
        }
        return out;
    }

    private static boolean contains(int[] a, int v) {
        return indexOf(a, v) >= 0;
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
