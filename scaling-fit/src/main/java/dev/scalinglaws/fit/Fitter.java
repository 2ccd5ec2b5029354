package dev.scalinglaws.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;

import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.DataException;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.Parameter;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.core.LinearStructure;
import dev.scalinglaws.fit.internal.LbfgsB;
import dev.scalinglaws.fit.internal.LevenbergMarquardt;
import dev.scalinglaws.fit.internal.LocalOptimizer;
import dev.scalinglaws.fit.internal.Multistart;
import dev.scalinglaws.fit.internal.Objective;
import dev.scalinglaws.fit.internal.VariableProjection;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

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
        Problem problem = Problem.compile(law, data, spec);
        LbfgsB lbfgsb = new LbfgsB(10, spec.maxIterations(), Math.max(spec.maxIterations() * 3 / 2, 100),
                spec.ftol(), spec.gtol());
        List<double[]> starts = new ArrayList<>();
        LocalOptimizer local = lbfgsb;
        boolean evaluateOnly = problem.objective.dimension() == 0;
        switch (evaluateOnly ? Optimizer.LBFGSB : spec.optimizer()) {
            case LBFGSB -> {
                if (!evaluateOnly) {
                    for (double[] theta : spec.starts().points(law)) {
                        starts.add(problem.startCoordinates(theta));
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
                    starts.add(problem.startCoordinates(theta));
                }
                local = new LevenbergMarquardt(spec.maxIterations(), spec.ftol(), LM_XTOL);
            }
            case VARIABLE_PROJECTION -> {
                if (!(law instanceof LinearStructure structure)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "optimizer VARIABLE_PROJECTION needs a law with linear parameters (LinearStructure); "
                                    + "law %s has none; use LBFGSB or LEVENBERG_MARQUARDT", law.name()));
                }
                starts.addAll(VariableProjection.starts(problem.objective.copy(), structure, problem.baseTheta,
                        problem.free, problem.naturalLower, problem.naturalUpper, VARPRO_STARTS, VARPRO_GRID));
                // few starts: run each to the polish tolerances (SciPy's ftol stops a Huber sum of 1e-3 early)
                double scale = starts.isEmpty() ? 1 : Math.max(1, Math.abs(problem.objective.copy()
                        .value(starts.get(0))));
                local = new LbfgsB(10, spec.maxIterations(), Math.max(spec.maxIterations() * 3 / 2, 100), 0,
                        Math.min(spec.gtol(), 1e-11 * scale));
            }
            default -> throw new IllegalStateException("unknown optimizer " + spec.optimizer());
        }
        Multistart.Outcome[] outcomes;
        if (evaluateOnly) {
            // every parameter pinned: evaluate the objective once, run no optimiser
            Objective f = problem.objective.copy();
            double v = f.value(new double[0]);
            outcomes = new Multistart.Outcome[] {new Multistart.Outcome(0, new double[0], v,
                    Double.isFinite(v) ? FitStatus.CONVERGED : FitStatus.NON_FINITE, 0, 1, 0)};
            if (progress != null) {
                progress.accept(1);
            }
        } else {
            outcomes = Multistart.run(problem.objective, starts, problem.lower, problem.upper, local, spec.threads(),
                    progress);
        }
        FitResult result = problem.finish(outcomes, lbfgsb, spec.polish() && !evaluateOnly,
                (System.nanoTime() - t0) * 1e-9);
        return withStandardErrors(result, problem);
    }

    /**
     * Attaches asymptotic standard errors (the smoothed sandwich of {@code fit.uncertainty.AsymptoticCovariance},
     * which is the Gauss-Newton form for squared loss) to a fit with finite estimates; they stay NaN where the
     * covariance is not finite or cannot be computed.
     */
    private static FitResult withStandardErrors(FitResult result, Problem problem) {
        if (!Double.isFinite(result.objective()) || result.status() == FitStatus.NON_FINITE) {
            return result;
        }
        try {
            // the compiled problem of this fit: no second copy of the columns, logs and objective
            return result.withParameters(
                    dev.scalinglaws.fit.uncertainty.AsymptoticCovariance.standardErrors(result, problem));
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            // an unusable covariance leaves the standard errors NaN; the fit itself stands
            return result;
        }
    }

    /** Levenberg-Marquardt's relative scaled-step tolerance (MINPACK's default is 1.49e-8). */
    static final double LM_XTOL = 1e-10;
    /** Variable projection: full optimisations run from the best grid points. */
    static final int VARPRO_STARTS = 10;
    /** Variable projection: grid points over the nonlinear parameters. */
    static final int VARPRO_GRID = 576;

    /**
     * A fit problem compiled for the optimiser: the objective in optimisation coordinates, the bounds there, and
     * the mapping back to natural parameters. Public for the uncertainty and benchmark code of this library; not
     * API.
     */
    public static final class Problem {
        final ScalingLaw law;
        final FitSpec spec;
        final Objective objective;
        final Columns x;
        final double[] response;
        final double[] lower;
        final double[] upper;
        final double[] baseTheta;
        final int[] free;
        final List<String> warnings;
        final String source;
        final int usedRows;
        final double[] naturalLower;
        final double[] naturalUpper;

        private Problem(ScalingLaw law, FitSpec spec, Objective objective, Columns x, double[] response,
                        double[] lower, double[] upper, double[] baseTheta, int[] free, List<String> warnings,
                        String source, int usedRows, double[] naturalLower, double[] naturalUpper) {
            this.x = x;
            this.response = response;
            this.naturalLower = naturalLower;
            this.naturalUpper = naturalUpper;
            this.law = law;
            this.spec = spec;
            this.objective = objective;
            this.lower = lower;
            this.upper = upper;
            this.baseTheta = baseTheta;
            this.free = free;
            this.warnings = warnings;
            this.source = source;
            this.usedRows = usedRows;
        }

        /**
         * Validates and compiles a problem.
         *
         * @param law  law
         * @param data data
         * @param spec spec
         * @return the compiled problem
         */
        public static Problem compile(ScalingLaw law, Dataset data, FitSpec spec) {
            List<String> warnings = new ArrayList<>();
            Dataset d = data.withCovariatesFor(law, warnings);
            if (spec.residual() == ResidualSpace.LOG && !law.positiveResponse()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "law %s can take non-positive values; use linear residuals", law.name()));
            }
            Columns x = d.covariates(law);
            double[] y = d.response(law, spec.residual() == ResidualSpace.LOG);
            double[] w = d.weights();
            int p = law.parameterCount();
            List<Parameter> params = law.parameters();
            double[] lo = new double[p];
            double[] hi = new double[p];
            for (int j = 0; j < p; j++) {
                lo[j] = params.get(j).lower();
                hi[j] = params.get(j).upper();
            }
            for (Map.Entry<String, double[]> e : spec.bounds().entrySet()) {
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
            for (Map.Entry<String, Double> e : spec.pins().entrySet()) {
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
            int fitted = nFree + (spec.loss().fitsScale() ? 1 : 0);
            if (used < fitted) {
                throw new DataException(d.source(), -1, null, null, String.format(Locale.ROOT,
                        "%d usable rows, but law %s has %d free parameters to fit; add rows or pin parameters",
                        used, law.name(), fitted));
            }
            Objective objective = new Objective(law, x, y, w, spec.residual(), spec.loss(), base, free);
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
            return new Problem(law, spec, objective, x, y, lu, hu, base, free, warnings, d.source(), used, lo, hi);
        }

        /** The objective prototype (copy it per thread). */
        public Objective objective() {
            return objective;
        }

        /** The law. */
        public ScalingLaw law() {
            return law;
        }

        /** The spec it was compiled for. */
        public FitSpec spec() {
            return spec;
        }

        /** The law's covariates, validated (shared with the objective; do not modify). */
        public Columns covariates() {
            return x;
        }

        /** The observed response in natural units, validated (shared; do not modify). */
        public double[] response() {
            return response;
        }

        /** Lower bounds in coordinates (copy). */
        public double[] lower() {
            return lower.clone();
        }

        /** Upper bounds in coordinates (copy). */
        public double[] upper() {
            return upper.clone();
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
            double[] u = objective.toCoordinates(t, 0);
            for (int k = 0; k < u.length; k++) {
                u[k] = Math.min(upper[k], Math.max(lower[k], u[k]));
            }
            return u;
        }

        /**
         * Assembles the result from the outcomes of the starts: picks the best, polishes it, computes reports.
         *
         * @param outcomes  per-start outcomes
         * @param optimizer the optimiser used
         * @param polish    whether to polish the best start
         * @param seconds   time spent so far
         * @return the result
         */
        public FitResult finish(Multistart.Outcome[] outcomes, LbfgsB optimizer, boolean polish, double seconds) {
            long t0 = System.nanoTime();
            int bestIndex = Multistart.best(outcomes);
            long iterations = 0;
            long evaluations = 0;
            int converged = 0;
            int failed = 0;
            for (Multistart.Outcome o : outcomes) {
                iterations += o.iterations();
                evaluations += o.evaluations();
                if (o.status() == FitStatus.CONVERGED) {
                    converged++;
                } else if (o.status() == FitStatus.NON_FINITE || o.status() == FitStatus.LINE_SEARCH_FAILED) {
                    failed++;
                }
            }
            List<String> notes = new ArrayList<>(warnings);
            if (objective.dimension() == 0) {
                notes.add("every parameter is pinned: the objective was evaluated, nothing was fitted");
            }
            int p = law.parameterCount();
            if (bestIndex < 0) {
                double[] theta = baseTheta.clone();
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
                        new Goodness(usedRows, objective.dimension(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                                Double.NaN),
                        new double[0], Double.NaN, notes, source, spec, seconds);
            }
            Multistart.Outcome best = outcomes[bestIndex];
            double[] u = best.x().clone();
            double value = best.value();
            FitStatus status = best.status();
            double gradientNorm = best.gradientNorm();
            if (polish) {
                LocalOptimizer tight = spec.optimizer() == Optimizer.LEVENBERG_MARQUARDT
                        ? new LevenbergMarquardt(5000, 1e-15, 1e-15)
                        : new LbfgsB(10, 5000, 10000, 1e-12, 1e-11 * Math.max(1, Math.abs(value)));
                Objective f = objective.copy();
                LbfgsB.Result r = tight.minimize(f, u, lower, upper);
                iterations += r.iterations();
                evaluations += r.evaluations();
                if (Double.isFinite(r.value()) && r.value() <= value) {
                    u = r.x();
                    value = r.value();
                    gradientNorm = r.gradientNorm();
                    if (r.status() == FitStatus.CONVERGED || gradientNorm <= optimizer.gtol()) {
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
            objective.toTheta(u, theta);
            double scale = objective.fitsScale() ? Math.exp(u[u.length - 1]) : Double.NaN;
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
            List<String> runaway = runaway(theta, onBound);
            if (!runaway.isEmpty() && status == FitStatus.CONVERGED) {
                status = FitStatus.NOT_IDENTIFIABLE;
            }
            for (String r : runaway) {
                notes.add(r);
            }
            Identifiability ident = identifiability(theta);
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
            double[] residuals = objective.residuals(theta);
            double[] logResiduals = objective.logResiduals(theta);
            Goodness goodness = withRSquared(goodness(value, residuals, logResiduals, scale), theta);
            double total = seconds + (System.nanoTime() - t0) * 1e-9;
            return new FitResult(law, est, value, status,
                    new ConvergenceReport(outcomes.length, converged, atBest, failed, iterations, evaluations,
                            gradientNorm, onBound), ident, goodness, residuals, scale, notes, source, spec, total);
        }

        /**
         * Notes for free parameters that ran off: a million times beyond their start range (above it, or for a
         * positive parameter below it), not on a bound. The objective then keeps improving towards zero or
         * infinity and the estimate is not determined by the data (for example a decay constant whose decay the data
         * do not show).
         */
        private List<String> runaway(double[] theta, List<String> onBound) {
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

        /** The goodness with R^2 of the log response and of the response at theta. */
        private Goodness withRSquared(Goodness g, double[] theta) {
            int n = response.length;
            double[] fitted = new double[n];
            double[] w = objective.weights();
            try {
                law.evaluate(theta, x, 0, n, fitted, null);
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

        private Goodness goodness(double value, double[] residuals, double[] logResiduals, double scale) {
            double[] w = objective.weights();
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
            int k = objective.dimension();
            double logL = Double.NaN;
            if (spec.loss() instanceof Loss.Squared) {
                k += 1;
                logL = -0.5 * sumW * (Math.log(2 * Math.PI * rss / sumW) + 1);
            } else if (spec.loss() instanceof Loss.HuberLikelihood) {
                logL = -value;
            }
            double aic = -2 * logL + 2 * k;
            double aicc = n - k - 1 > 0 ? aic + 2.0 * k * (k + 1) / (n - k - 1) : Double.NaN;
            double bic = -2 * logL + k * Math.log(n);
            return new Goodness(n, objective.dimension(), rmseLog, logL, aic, aicc, bic);
        }

        /** Identifiability from the scaled Gauss-Newton matrix of the free parameters (coordinates). */
        Identifiability identifiability(double[] theta) {
            int nFree = free.length;
            if (nFree == 0) {
                return null;
            }
            double[][] gram = new double[nFree][nFree];
            objective.copy().coordinateGramian(theta, gram);
            DMatrixRMaj h = new DMatrixRMaj(gram);
            double[] dscale = new double[nFree];
            double maxDiagonal = 0;
            for (int a = 0; a < nFree; a++) {
                maxDiagonal = Math.max(maxDiagonal, h.get(a, a));
            }
            for (int a = 0; a < nFree; a++) {
                double dd = h.get(a, a);
                // a parameter the fitted values do not depend on (relative curvature below 1e-20, e.g. a decay
                // constant run off to 1e15) is a flat direction, though its column is not exactly zero
                dscale[a] = dd > 1e-20 * maxDiagonal ? 1 / Math.sqrt(dd) : 0;
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
                names.add(law.parameters().get(free[a]).name());
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
}
