package dev.scalinglaws.fit.uncertainty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.FitCancelledException;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.FitStatus;
import dev.scalinglaws.fit.internal.LbfgsB;
import dev.scalinglaws.fit.internal.Multistart;
import dev.scalinglaws.fit.internal.Objective;

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
 * bit-identical for any number of threads. Work runs on a private fixed pool of daemon threads that is shut down
 * before returning; interrupting the calling thread cancels the run promptly (within one refit per worker) with a
 * {@link FitCancelledException} (a {@link java.util.concurrent.CancellationException}).
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
        long t0 = System.nanoTime();
        options.checkStarts();
        FitContext c = new FitContext(fit, data);
        List<DerivedQuantity> all = new ArrayList<>();
        for (var par : c.law.parameters()) {
            all.add(DerivedQuantity.parameter(c.law, par.name()));
        }
        all.addAll(quantities);
        Engine engine = new Engine(c, options, data);
        int b = options.resamples();
        double[][] replicates = new double[b][];
        FitStatus[] statuses = new FitStatus[b];
        java.util.function.IntConsumer progress = options.progress();
        AtomicInteger finished = new AtomicInteger();
        parallel(b, options.threads(), i -> {
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
            parallel(m, options.threads(), i -> {
                double[] theta = engine.refit(engine.jackknife(i));
                jk[i] = theta == null ? null : evaluate(all, theta);
            });
            jackknife = jk;
        }
        double[] estimates = evaluate(all, c.theta);
        return new BootstrapResult(all.stream().map(DerivedQuantity::name).toList(), estimates, replicates, statuses,
                jackknife, options, (System.nanoTime() - t0) * 1e-9, engine.units(), fit.diagnostics(),
                c.law.parameterCount());
    }

    private static double[] evaluate(List<DerivedQuantity> qs, double[] theta) {
        double[] v = new double[qs.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = qs.get(k).value(theta);
        }
        return v;
    }

    /** Runs task(i) for i in [0, n) on a private daemon pool; propagates failures; cancels on interruption. */
    static void parallel(int n, int threads, IndexTask task) {
        int workers = Math.max(1, Math.min(threads, n));
        if (workers == 1) {
            for (int i = 0; i < n; i++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new FitCancelledException(String.format(Locale.ROOT,
                            "bootstrap interrupted after %d of %d refits", i, n), i, n);
                }
                task.run(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger threadCount = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "scalinglaws-bootstrap-" + threadCount.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < n) {
                        if (Thread.currentThread().isInterrupted()) {
                            return;
                        }
                        task.run(i);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            awaitQuietly(pool);
            Thread.currentThread().interrupt();
            int finished = Math.min(next.get(), n);
            throw new FitCancelledException(String.format(Locale.ROOT,
                    "bootstrap interrupted after about %d of %d refits", finished, n), finished, n);
        } catch (ExecutionException e) {
            pool.shutdownNow();
            throw Multistart.propagate(e);
        } finally {
            pool.shutdown();
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A task over an index. */
    @FunctionalInterface
    interface IndexTask {
        void run(int i);
    }

    /** Webb's six-point multipliers (Webb 2023): +-sqrt(1/2), +-1, +-sqrt(3/2), each with probability 1/6. */
    static final double[] WEBB = {-Math.sqrt(1.5), -1, -Math.sqrt(0.5), Math.sqrt(0.5), 1, Math.sqrt(1.5)};

    /** The refit machinery shared by all workers (read-only after construction; per-call objects only). */
    static final class Engine {
        final FitContext c;
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

        Engine(FitContext c, BootstrapOptions options, Dataset data) {
            this.c = c;
            this.options = options;
            FitSpec spec = c.fit.spec();
            // refits start next to the answer: SciPy's ftol would stop them after a step or two (intervals collapse),
            // so they run to a relative decrease of 1e-15 (same optimum as ftol 0, far fewer evaluations)
            this.optimizer = new LbfgsB(10, spec.maxIterations(), Math.max(spec.maxIterations() * 3 / 2, 100),
                    1e-15, spec.gtol());
            this.lower = c.problem.lower();
            this.upper = c.problem.upper();
            this.starts = starts(c, options, spec);
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
            this.fitted = c.fittedInSpace();
            double[] r = c.objective.residuals(c.theta);
            double mean = 0;
            for (int i = 0; i < r.length; i++) {
                if (c.weights[i] > 0) {
                    mean += r[i];
                }
            }
            mean /= c.n;
            if (options.scheme() == ResamplingScheme.WILD_CLUSTER) {
                // jackknife (CV3-type) residuals carry their own inflation; MNW's scaling sqrt((G-1)/G)
                this.residualFactor = groupCount > 1 ? Math.sqrt((groupCount - 1.0) / groupCount) : 1;
            } else {
                this.residualFactor = c.n > c.dim ? Math.sqrt((double) c.n / (c.n - c.dim)) : 1;
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

        private static List<double[]> starts(FitContext c, BootstrapOptions options, FitSpec spec) {
            List<double[]> out = new ArrayList<>();
            if (options.startFromOptimum()) {
                out.add(c.uHat.clone());
            }
            if (options.bestStarts() > 0) {
                ScalingLaw law = c.law;
                List<double[]> all = new ArrayList<>();
                for (double[] theta : spec.starts().points(law)) {
                    all.add(c.problem.startCoordinates(theta));
                }
                Multistart.Outcome[] outcomes = Multistart.run(c.objective, all, c.problem.lower(),
                        c.problem.upper(), new LbfgsB(10, spec.maxIterations(),
                                Math.max(spec.maxIterations() * 3 / 2, 100), spec.ftol(), spec.gtol()),
                        options.threads(), null);
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
                if (s.length != c.law.parameterCount()) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "an extra start has %d values; law %s has %d parameters", s.length, c.law.name(),
                            c.law.parameterCount()));
                }
                out.add(c.problem.startCoordinates(s));
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
                double[] r = c.objective.residuals(theta);
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
            int n = c.weights.length;
            switch (options.scheme()) {
                case CASE -> {
                    int[] used = usedRows();
                    double[] w = new double[n];
                    for (int k = 0; k < used.length; k++) {
                        int row = used[rng.nextInt(used.length)];
                        w[row] += c.weights[row];
                    }
                    return c.objective.withWeights(w);
                }
                case CLUSTER -> {
                    int[] count = new int[groupCount];
                    for (int k = 0; k < groupCount; k++) {
                        count[rng.nextInt(groupCount)]++;
                    }
                    double[] w = new double[n];
                    for (int row = 0; row < n; row++) {
                        w[row] = c.weights[row] * count[groups[row]];
                    }
                    return c.objective.withWeights(w);
                }
                case WILD_CLUSTER -> {
                    double[] v = new double[groupCount];
                    for (int k = 0; k < groupCount; k++) {
                        v[k] = WEBB[rng.nextInt(WEBB.length)];
                    }
                    double[] y = c.response.clone();
                    for (int row = 0; row < n; row++) {
                        if (c.weights[row] == 0) {
                            continue;
                        }
                        double ys = fitted[row] - residualFactor * residuals[row] * v[groups[row]];
                        y[row] = c.logSpace() ? Math.exp(ys) : ys;
                    }
                    return c.objectiveFor(y, c.weights);
                }
                default -> {
                    int[] used = usedRows();
                    double[] y = c.response.clone();
                    for (int row = 0; row < n; row++) {
                        if (c.weights[row] == 0) {
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
                        y[row] = c.logSpace() ? Math.exp(ys) : ys;
                    }
                    return c.objectiveFor(y, c.weights);
                }
            }
        }

        int jackknifeSize() {
            return options.scheme().clustered() ? groupCount : usedRows().length;
        }

        /** Independent units resampled: clusters for clustered schemes, used rows otherwise. */
        int units() {
            return options.scheme().clustered() ? groupCount : c.n;
        }

        /** The objective with row (or group) i deleted. */
        Objective jackknife(int i) {
            double[] w = c.weights.clone();
            if (options.scheme().clustered()) {
                for (int row = 0; row < w.length; row++) {
                    if (groups[row] == i) {
                        w[row] = 0;
                    }
                }
            } else {
                w[usedRows()[i]] = 0;
            }
            return c.objective.withWeights(w);
        }

        private int[] usedRows() {
            int[] used = new int[c.n];
            for (int row = 0, k = 0; row < c.weights.length; row++) {
                if (c.weights[row] > 0) {
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
            lastStatus.set(best.status());
            if (best.status() != FitStatus.CONVERGED) {
                return null;
            }
            double[] theta = new double[c.law.parameterCount()];
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
