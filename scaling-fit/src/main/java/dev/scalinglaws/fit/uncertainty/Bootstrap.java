/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.FitCancelledException;
import dev.scalinglaws.fit.FitProblem;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.FitStatus;
import dev.scalinglaws.fit.Parallelism;
import dev.scalinglaws.fit.ResidualSpace;
import dev.scalinglaws.fit.internal.CompiledProblem;
import dev.scalinglaws.fit.internal.LbfgsB;
import dev.scalinglaws.fit.internal.Multistart;
import dev.scalinglaws.fit.internal.Objective;
import dev.scalinglaws.fit.internal.OptimizerStatus;
import dev.scalinglaws.fit.internal.ParallelLoop;
import dev.scalinglaws.fit.internal.ProblemAccess;

/**
 * Parallel, seeded bootstrap of a fit (Efron 1979; Davison and Hinkley 1997): draws B resamples by a
 * {@link ResamplingScheme}, refits each with L-BFGS-B from the configured starts (the full-data optimum, the K best
 * starts of the original multistart, explicit starts; the lowest objective wins, earliest start on ties), and
 * records every parameter and every requested {@link DerivedQuantity} per resample. Intervals by
 * {@link IntervalMethod} are read off {@link BootstrapResult}.
 *
 * <p>A refit fails when its best start did not report convergence or reached a non-finite objective; failed
 * resamples are counted per reason and reported by {@link BootstrapResult#failed()}, never silently dropped; a
 * quantity that is non-finite at a converged refit is counted per quantity.
 *
 * <p>Determinism: resample i draws from {@link java.util.SplittableRandom} seeded by (seed, i) (see
 * {@link BootstrapOptions}); results are stored by index and reduced in index order, so the output is
 * bit-identical for any number of threads and any executor. Work runs where {@link BootstrapOptions#parallelism()}
 * says (the calling thread helped by the common pool by default; no pool of its own); interrupting the calling
 * thread cancels the run promptly (within one refit per worker) with a {@link FitCancelledException} (a
 * {@link java.util.concurrent.CancellationException}).
 *
 * <p>Stateless and thread-safe.
 */
public final class Bootstrap {

    private Bootstrap() {
    }

    /**
     * Bootstraps a fit.
     *
     * @param fit        the full-data fit
     * @param data       the data it was fitted to
     * @param options    options
     * @param quantities derived quantities to record besides the parameters (may be empty)
     * @return the replicates and intervals
     * @throws FitCancelledException if the calling thread is interrupted
     */
    public static BootstrapResult run(FitResult fit, Dataset data, BootstrapOptions options,
                                      List<DerivedQuantity> quantities) {
        return run(fit, Fits.problem(fit, data), options, quantities);
    }

    /**
     * Bootstraps a fit on the data of the problem it keeps.
     *
     * @param fit        the full-data fit
     * @param options    options
     * @param quantities derived quantities to record besides the parameters (may be empty)
     * @return the replicates and intervals
     * @throws IllegalStateException for a fit assembled without its problem
     * @throws FitCancelledException if the calling thread is interrupted
     */
    public static BootstrapResult run(FitResult fit, BootstrapOptions options, List<DerivedQuantity> quantities) {
        return run(fit, fit.requireProblem(), options, quantities);
    }

    private static BootstrapResult run(FitResult fit, FitProblem problem, BootstrapOptions options,
                                       List<DerivedQuantity> quantities) {
        long t0 = System.nanoTime();
        options.checkStarts();
        Engine engine = new Engine(fit, problem, options);
        List<DerivedQuantity> all = new ArrayList<>();
        for (var par : fit.law().parameters()) {
            all.add(DerivedQuantity.parameter(fit.law(), par.name()));
        }
        all.addAll(quantities);
        int b = options.resamples();
        double[][] replicates = new double[b][];
        FitStatus[] statuses = new FitStatus[b];
        java.util.function.IntConsumer progress = options.progress();
        AtomicInteger finished = new AtomicInteger();
        parallel(b, options.parallelism(), i -> {
            double[] theta = engine.refit(engine.resample(i));
            statuses[i] = engine.lastStatus.get();
            replicates[i] = theta == null ? null : evaluate(all, theta);
            if (progress != null) {
                progress.accept(finished.incrementAndGet());
            }
        });
        double[][] jackknife = null;
        if (options.method() == IntervalMethod.BCA) {
            int m = engine.jackknifeSize();
            double[][] jk = new double[m][];
            parallel(m, options.parallelism(), i -> {
                double[] theta = engine.refit(engine.jackknife(i));
                jk[i] = theta == null ? null : evaluate(all, theta);
            });
            jackknife = jk;
        }
        double[] estimates = evaluate(all, engine.theta);
        return new BootstrapResult(all.stream().map(DerivedQuantity::name).toList(), estimates, replicates, statuses,
                jackknife, options, (System.nanoTime() - t0) * 1e-9, engine.units(), fit.diagnostics(),
                fit.law().parameterCount());
    }

    private static double[] evaluate(List<DerivedQuantity> qs, double[] theta) {
        double[] v = new double[qs.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = qs.get(k).value(theta);
        }
        return v;
    }

    /** Runs task(i) for i in [0, n) on the {@link ParallelLoop}; propagates failures; cancels on interruption. */
    static void parallel(int n, Parallelism parallelism, ParallelLoop.Body task) {
        ParallelLoop.run(n, parallelism.threads(), executorOf(parallelism), task,
                (finished, total) -> new FitCancelledException(String.format(Locale.ROOT,
                        "bootstrap interrupted after about %d of %d refits", finished, total), finished, total));
    }

    /** The caller's executor of a setting, or null for the common pool (the engine's convention). */
    static Executor executorOf(Parallelism parallelism) {
        return parallelism.hasExecutor() ? parallelism.executor() : null;
    }

    /** The public status of an optimiser's outcome (one to one). */
    static FitStatus statusOf(OptimizerStatus status) {
        return switch (status) {
            case CONVERGED -> FitStatus.CONVERGED;
            case MAX_ITERATIONS -> FitStatus.MAX_ITERATIONS;
            case LINE_SEARCH_FAILED -> FitStatus.LINE_SEARCH_FAILED;
            case NON_FINITE -> FitStatus.NON_FINITE;
            case NOT_IDENTIFIABLE -> FitStatus.NOT_IDENTIFIABLE;
        };
    }

    /** Webb's six-point multipliers (Webb 2023): +-sqrt(1/2), +-1, +-sqrt(3/2), each with probability 1/6. */
    static final double[] WEBB = {-Math.sqrt(1.5), -1, -Math.sqrt(0.5), Math.sqrt(0.5), 1, Math.sqrt(1.5)};

    /** The refit machinery shared by all workers (read-only after construction; per-call objects only). */
    static final class Engine {
        final CompiledProblem problem;
        final ScalingLaw law;
        final FitSpec spec;
        final double[] theta;
        final double[] uHat;
        final double[] weights;
        final double[] response;
        final boolean logSpace;
        final int n;
        final int dim;
        final BootstrapOptions options;
        final List<double[]> starts;
        final LbfgsB optimizer;
        final double[] lower;
        final double[] upper;
        final int[] groups;
        final int groupCount;
        final double[] fitted;
        final double[] residuals;
        final double residualFactor;
        final ThreadLocal<FitStatus> lastStatus = new ThreadLocal<>();

        Engine(FitResult fit, FitProblem fitProblem, BootstrapOptions options) {
            this.problem = ProblemAccess.compiled(fitProblem);
            this.law = fit.law();
            this.spec = fit.spec();
            this.theta = Fits.finiteTheta(fit);
            this.uHat = problem.toCoordinates(theta, fitProblem.loss().fitsScale() ? Math.log(fit.scale()) : 0);
            this.weights = problem.weights();
            this.response = problem.response();
            this.logSpace = fitProblem.residual() == ResidualSpace.LOG;
            this.n = problem.usedRows();
            this.dim = problem.dimension();
            this.options = options;
            // refits start next to the answer: SciPy's ftol would stop them after a step or two (intervals collapse),
            // so they run to a relative decrease of 1e-15 (same optimum as ftol 0, far fewer evaluations)
            this.optimizer = LbfgsB.forIterations(spec.maxIterations(), 1e-15, spec.gtol());
            this.lower = problem.lower();
            this.upper = problem.upper();
            this.starts = starts();
            Dataset data = fitProblem.data();
            if (options.scheme().clustered()) {
                int[] g = data.groupIndices();
                if (g == null) {
                    throw new IllegalArgumentException("cluster resampling needs a group column; the data "
                            + data.source() + " has none (Dataset.withGroups)");
                }
                this.groups = g;
                int max = -1;
                for (int v : g) {
                    max = Math.max(max, v);
                }
                this.groupCount = max + 1;
            } else {
                this.groups = null;
                this.groupCount = 0;
            }
            double[] r = problem.newObjective().residuals(theta);
            this.fitted = new double[r.length];
            for (int i = 0; i < r.length; i++) {
                double y = logSpace ? Math.log(response[i]) : response[i];
                fitted[i] = y + r[i];
            }
            double mean = 0;
            for (int i = 0; i < r.length; i++) {
                if (weights[i] > 0) {
                    mean += r[i];
                }
            }
            mean /= n;
            if (options.scheme() == ResamplingScheme.WILD_CLUSTER) {
                // jackknife (CV3-type) residuals carry their own inflation; MNW's scaling sqrt((G-1)/G)
                this.residualFactor = groupCount > 1 ? Math.sqrt((groupCount - 1.0) / groupCount) : 1;
            } else {
                this.residualFactor = n > dim ? Math.sqrt((double) n / (n - dim)) : 1;
            }
            this.residuals = new double[r.length];
            for (int i = 0; i < r.length; i++) {
                // centred for the residual scheme; the wild schemes use raw residuals
                residuals[i] = options.scheme() == ResamplingScheme.RESIDUAL ? r[i] - mean : r[i];
            }
            if (options.scheme() == ResamplingScheme.WILD_CLUSTER) {
                jackknifeResiduals();
            }
        }

        private List<double[]> starts() {
            List<double[]> out = new ArrayList<>();
            if (options.startFromOptimum()) {
                out.add(uHat.clone());
            }
            if (options.bestStarts() > 0) {
                List<double[]> all = new ArrayList<>();
                for (double[] t : spec.starts().points(law)) {
                    all.add(problem.startCoordinates(t));
                }
                Multistart.Outcome[] outcomes;
                try {
                    outcomes = Multistart.run(problem.newObjective(), all, problem.lower(), problem.upper(),
                            LbfgsB.forIterations(spec.maxIterations(), spec.ftol(), spec.gtol()),
                            options.parallelism().threads(), executorOf(options.parallelism()), null);
                } catch (Multistart.CancellationExceptionWithPartial e) {
                    FitCancelledException cancelled = new FitCancelledException(e.getMessage(), e.finished(),
                            e.total());
                    cancelled.initCause(e);
                    throw cancelled;
                }
                Integer[] order = new Integer[outcomes.length];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, (a, b) -> Double.compare(outcomes[a].value(), outcomes[b].value()));
                for (int k = 0; k < Math.min(options.bestStarts(), order.length); k++) {
                    if (Double.isFinite(outcomes[order[k]].value())) {
                        out.add(all.get(order[k]));
                    }
                }
            }
            for (double[] s : options.extraStarts()) {
                if (s.length != law.parameterCount()) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "an extra start has %d values; law %s has %d parameters", s.length, law.name(),
                            law.parameterCount()));
                }
                out.add(problem.startCoordinates(s));
            }
            return out;
        }

        /**
         * Replaces each cluster's residuals by its leave-one-cluster-out prediction errors r_i = f^(-g)_i - y_i (the
         * CV3 / jackknife transformation of MacKinnon, Nielsen and Webb 2023, J. Appl. Econometrics 38, 671): fitted
         * residuals of a cluster shrink by the share of its offset the fit absorbs, which with few clusters is most
         * of it, and the wild bootstrap would then undercover. A cluster whose refit fails keeps its residuals.
         */
        private void jackknifeResiduals() {
            for (int g = 0; g < groupCount; g++) {
                double[] theta = refit(jackknife(g));
                if (theta == null) {
                    continue;
                }
                double[] r = problem.newObjective().residuals(theta);
                for (int row = 0; row < residuals.length; row++) {
                    if (groups[row] == g && Double.isFinite(r[row])) {
                        residuals[row] = r[row];
                    }
                }
            }
        }

        /** The objective of resample i. */
        Objective resample(int i) {
            SplittableRandom rng = new SplittableRandom(BootstrapOptions.resampleSeed(options.seed(), i));
            int rows = weights.length;
            switch (options.scheme()) {
                case CASE -> {
                    int[] used = usedRows();
                    double[] w = new double[rows];
                    for (int k = 0; k < used.length; k++) {
                        int row = used[rng.nextInt(used.length)];
                        w[row] += weights[row];
                    }
                    return problem.newObjective(w);
                }
                case CLUSTER -> {
                    int[] count = new int[groupCount];
                    for (int k = 0; k < groupCount; k++) {
                        count[rng.nextInt(groupCount)]++;
                    }
                    double[] w = new double[rows];
                    for (int row = 0; row < rows; row++) {
                        w[row] = weights[row] * count[groups[row]];
                    }
                    return problem.newObjective(w);
                }
                case WILD_CLUSTER -> {
                    double[] v = new double[groupCount];
                    for (int k = 0; k < groupCount; k++) {
                        v[k] = WEBB[rng.nextInt(WEBB.length)];
                    }
                    double[] y = response.clone();
                    for (int row = 0; row < rows; row++) {
                        if (weights[row] == 0) {
                            continue;
                        }
                        double ys = fitted[row] - residualFactor * residuals[row] * v[groups[row]];
                        y[row] = logSpace ? Math.exp(ys) : ys;
                    }
                    return problem.newObjective(y, weights, theta);
                }
                default -> {
                    int[] used = usedRows();
                    double[] y = response.clone();
                    for (int row = 0; row < rows; row++) {
                        if (weights[row] == 0) {
                            continue;
                        }
                        double e;
                        switch (options.scheme()) {
                            case RESIDUAL -> e = residuals[used[rng.nextInt(used.length)]];
                            case WILD_RADEMACHER -> e = residuals[row] * (rng.nextBoolean() ? 1 : -1);
                            default -> {
                                double s5 = Math.sqrt(5);
                                double v = rng.nextDouble() < (s5 + 1) / (2 * s5) ? -(s5 - 1) / 2 : (s5 + 1) / 2;
                                e = residuals[row] * v;
                            }
                        }
                        double ys = fitted[row] - residualFactor * e;
                        y[row] = logSpace ? Math.exp(ys) : ys;
                    }
                    return problem.newObjective(y, weights, theta);
                }
            }
        }

        int jackknifeSize() {
            return options.scheme().clustered() ? groupCount : usedRows().length;
        }

        /** Independent units resampled: clusters for clustered schemes, used rows otherwise. */
        int units() {
            return options.scheme().clustered() ? groupCount : n;
        }

        /** The objective with row (or group) i deleted. */
        Objective jackknife(int i) {
            double[] w = weights.clone();
            if (options.scheme().clustered()) {
                for (int row = 0; row < w.length; row++) {
                    if (groups[row] == i) {
                        w[row] = 0;
                    }
                }
            } else {
                w[usedRows()[i]] = 0;
            }
            return problem.newObjective(w);
        }

        private int[] usedRows() {
            int[] used = new int[n];
            for (int row = 0, k = 0; row < weights.length; row++) {
                if (weights[row] > 0) {
                    used[k++] = row;
                }
            }
            return used;
        }

        /** Refits; returns theta of the best start, or null (status in lastStatus) if it failed. */
        double[] refit(Objective f) {
            LbfgsB.Result best = null;
            for (double[] s : starts) {
                LbfgsB.Result r = optimizer.minimize(f, s, lower, upper);
                if (Double.isFinite(r.value()) && (best == null || r.value() < best.value())) {
                    best = r;
                }
            }
            if (best == null) {
                lastStatus.set(FitStatus.NON_FINITE);
                return null;
            }
            lastStatus.set(statusOf(best.status()));
            if (best.status() != OptimizerStatus.CONVERGED) {
                return null;
            }
            double[] theta = new double[law.parameterCount()];
            f.toTheta(best.x(), theta);
            for (double t : theta) {
                if (!Double.isFinite(t)) {
                    lastStatus.set(FitStatus.NON_FINITE);
                    return null;
                }
            }
            return theta;
        }
    }
}
