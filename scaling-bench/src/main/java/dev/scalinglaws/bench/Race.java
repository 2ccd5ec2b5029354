/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.FitProblem;
import dev.scalinglaws.fit.internal.CompiledProblem;
import dev.scalinglaws.fit.internal.ProblemAccess;
import dev.scalinglaws.fit.internal.LbfgsB;
import dev.scalinglaws.fit.uncertainty.Bootstrap;
import dev.scalinglaws.fit.uncertainty.BootstrapOptions;
import dev.scalinglaws.fit.uncertainty.BootstrapResult;
import dev.scalinglaws.fit.uncertainty.DerivedQuantity;
import dev.scalinglaws.fit.uncertainty.Interval;
import dev.scalinglaws.fit.internal.Multistart;
import dev.scalinglaws.fit.internal.Objective;

/**
 * Our side of {@code bench/race.sh}: the Epoch "replicate exactly" protocol timed the way
 * {@code bench/scipy_baseline.py} (this repository's SciPy baseline) times it, printed as JSON.
 *
 * <ol>
 *   <li><b>Grid fit.</b> {@code Fitter.fit(ChinchillaLaw.INSTANCE, data240, FitSpec.epoch().withThreads(t))}: warm-up
 *       runs (untimed, to let the JIT compile the hot loop), then timed runs on {@code --threads} workers and, if that
 *       is not 1, on one worker. Wall time by {@link System#nanoTime()} around each call.</li>
 *   <li><b>Bootstrap (this benchmark's own protocol</b>, written here because the library's bootstrap API does not
 *       exist yet): B case resamples of the rows. Resample i draws n row indices uniformly with replacement from
 *       {@code SplittableRandom} generator i, where generators 0..B-1 are {@code split()} in index order from
 *       {@code new SplittableRandom(seed)}; the resample is expressed as integer multiplicity weights on the full
 *       data ({@code Objective.withWeights}). Each refit runs L-BFGS-B (SciPy's tolerances) from the full-data
 *       optimum plus the K grid starts whose full-data fits ended lowest (stable order; K = 32 as scipy's
 *       {@code --boot-starts}) and keeps the lowest objective (earliest start on ties). Resamples run in parallel on
 *       {@code --threads} workers; results are stored by index, so they do not depend on the thread count.</li>
 * </ol>
 *
 * <p>Usage: {@code java -cp scaling-bench/target/benchmarks.jar dev.scalinglaws.bench.Race --data CSV
 * [--threads 2] [--warmup 3] [--runs 5] [--resamples 4000] [--boot-starts 32] [--boot-warmup 100] [--seed 0]
 * [--boot-ftol F] [--json OUT]}; {@code --boot-ftol} overrides SciPy's ftol (2.22e-9) for the refits only (an
 * experiment: a refit warm-started at the full-data optimum stops after a step or two under SciPy's ftol).
 */
public final class Race {

    private Race() {
    }

    private static final class Options {
        Path data;
        int threads = Runtime.getRuntime().availableProcessors();
        int warmup = 3;
        int runs = 5;
        int resamples = 4000;
        int bootStarts = 32;
        int bootWarmup = 100;
        double bootFtol = Double.NaN;
        long seed;
        Path json;
    }

    /**
     * Runs the race and prints (or writes) JSON.
     *
     * @param args see the class documentation
     * @throws Exception on I/O failure or a failed worker
     */
    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        Dataset data = o.data == null ? EpochData.bundled240() : EpochData.read240(o.data);
        ScalingLaw law = ChinchillaLaw.INSTANCE;
        Json out = new Json();
        out.open();
        out.field("tool", "dev.scalinglaws.bench.Race");
        out.field("protocol", "Epoch AI replicate-exactly: sum Huber(delta=1e-3) on log loss, LSE parametrisation, "
                + "L-BFGS-B (SciPy tolerances) from the 4500-point Hoffmann grid, best start polished");
        out.field("data", o.data == null ? "bundled:chinchilla-epoch" : o.data.toString());
        out.field("n_used", data.size());
        out.open("environment");
        out.field("java_version", System.getProperty("java.version"));
        out.field("java_vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        out.field("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        out.field("available_processors", Runtime.getRuntime().availableProcessors());
        out.field("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        out.field("kernels", dev.scalinglaws.fit.internal.Simd.describe());
        out.close();

        for (int i = 0; i < o.warmup; i++) {
            Fitter.fit(law, data, FitSpec.epoch().withThreads(o.threads));
        }
        FitResult best = timedGrid(out, "grid_fit", law, data, o.threads, o.runs);
        if (o.threads != 1) {
            timedGrid(out, "grid_fit_1thread", law, data, 1, o.runs);
        }
        if (o.resamples > 0) {
            bootstrap(out, law, data, best, o);
            libraryBootstrap(out, data, best, o);
        }
        out.close();
        String text = out.toString();
        if (o.json != null) {
            Path parent = o.json.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(o.json, text + "\n", StandardCharsets.UTF_8);
        } else {
            System.out.println(text);
        }
    }

    private static FitResult timedGrid(Json out, String key, ScalingLaw law, Dataset data, int threads, int runs) {
        FitSpec spec = FitSpec.epoch().withThreads(threads);
        double[] seconds = new double[runs];
        FitResult fit = null;
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            fit = Fitter.fit(law, data, spec);
            seconds[r] = (System.nanoTime() - t0) * 1e-9;
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        out.open(key);
        out.field("threads", threads);
        out.field("objective", fit.objective());
        out.field("status", fit.status().toString());
        out.open("params");
        for (String p : List.of("A", "B", "E", "alpha", "beta")) {
            out.field(p, fit.estimate(p));
        }
        out.close();
        out.field("n_starts", fit.convergence().starts());
        out.field("n_converged", fit.convergence().converged());
        out.field("n_within_1e-6_rel_of_best", fit.convergence().atBest());
        out.field("total_iterations", fit.convergence().iterations());
        out.field("total_evaluations", fit.convergence().evaluations());
        out.field("runs_s", seconds);
        out.field("median_s", median(sorted));
        out.field("min_s", sorted[0]);
        out.close();
        return fit;
    }

    private static void bootstrap(Json out, ScalingLaw law, Dataset data, FitResult full, Options o)
            throws InterruptedException, ExecutionException {
        FitSpec spec = FitSpec.epoch();
        CompiledProblem problem = ProblemAccess.compiled(FitProblem.of(law, data, spec));
        double[] lower = problem.lower();
        double[] upper = problem.upper();
        LbfgsB optimizer = LbfgsB.forIterations(spec.maxIterations(), spec.ftol(), spec.gtol());
        LbfgsB refit = Double.isNaN(o.bootFtol) ? optimizer : optimizer.withTolerances(o.bootFtol, spec.gtol());
        // rank the grid starts by their full-data result (untimed, as in scipy_baseline.py)
        List<double[]> grid = new ArrayList<>();
        for (double[] theta : spec.starts().points(law)) {
            grid.add(problem.startCoordinates(theta));
        }
        Multistart.Outcome[] outcomes = Multistart.run(problem.newObjective(), grid, lower, upper, optimizer, o.threads,
                null);
        Integer[] order = new Integer[outcomes.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> outcomes[i].value()));
        int k = Math.min(o.bootStarts, grid.size());
        List<double[]> starts = new ArrayList<>();
        starts.add(problem.startCoordinates(full.theta()));
        for (int i = 0; i < k; i++) {
            starts.add(grid.get(order[i]));
        }

        run(problem.newObjective(), starts, lower, upper, refit, data.size(), o.bootWarmup, o.seed + 1, o.threads);
        long t0 = System.nanoTime();
        Boot boot = run(problem.newObjective(), starts, lower, upper, refit, data.size(), o.resamples, o.seed,
                o.threads);
        double wall = (System.nanoTime() - t0) * 1e-9;

        out.open("bootstrap");
        out.field("protocol", "Race's own (the library bootstrap API is not used): case resampling as integer "
                + "multiplicity weights, resample i from SplittableRandom(seed).split() number i; each refit "
                + "L-BFGS-B from the full-data optimum + the " + k + " best grid starts by full-data objective; "
                + "lowest objective kept; parallel over resamples, results by index");
        out.field("B", o.resamples);
        out.field("seed", o.seed);
        out.field("starts_per_refit", starts.size());
        out.field("refit_ftol", refit.ftol());
        out.field("refit_gtol", refit.gtol());
        out.field("threads", o.threads);
        out.field("warmup_resamples", o.bootWarmup);
        out.field("failed", boot.failed);
        out.field("local_runs_not_converged", boot.notConverged);
        out.field("total_iterations", boot.iterations);
        out.field("total_evaluations", boot.evaluations);
        out.field("wall_s", wall);
        out.field("wall_per_refit_s", wall / o.resamples);
        out.open("ci95");
        String[] names = {"A", "B", "E", "alpha", "beta", "a_derived"};
        for (int q = 0; q < names.length; q++) {
            double[] v = new double[o.resamples];
            int m = 0;
            for (double[] t : boot.theta) {
                if (t == null) {
                    continue;
                }
                v[m++] = q < 5 ? t[index(law, names[q])]
                        : t[ChinchillaLaw.BETA] / (t[ChinchillaLaw.ALPHA] + t[ChinchillaLaw.BETA]);
            }
            v = Arrays.copyOf(v, m);
            Arrays.sort(v);
            out.open(names[q]);
            out.field("p2.5", percentile(v, 2.5));
            out.field("p97.5", percentile(v, 97.5));
            out.field("median", percentile(v, 50));
            out.close();
        }
        out.close();
        out.close();
    }

    /**
     * The library's own recommended bootstrap ({@code Bootstrap.run} with {@code BootstrapOptions.defaults()}: case
     * resampling, BCa, refits from the full-data optimum plus the 4 best multistart starts), timed once after a
     * short warm-up.
     */
    private static void libraryBootstrap(Json out, Dataset data, FitResult full, Options o) {
        BootstrapOptions options = BootstrapOptions.defaults().withResamples(o.resamples).withThreads(o.threads)
                .withSeed(o.seed);
        List<DerivedQuantity> derived = List.of(DerivedQuantity.allocationExponentA());
        Bootstrap.run(full, data, options.withResamples(Math.max(2, o.bootWarmup)), derived);
        long t0 = System.nanoTime();
        BootstrapResult result = Bootstrap.run(full, data, options, derived);
        double wall = (System.nanoTime() - t0) * 1e-9;
        out.open("library_bootstrap");
        out.field("protocol", "Bootstrap.run, BootstrapOptions.defaults(): case resampling, BCa, refits from the "
                + "full-data optimum + the 4 best multistart starts");
        out.field("B", o.resamples);
        out.field("threads", o.threads);
        out.field("failed", result.failed());
        out.field("wall_s", wall);
        out.open("ci95");
        for (String name : new String[] {"A", "B", "E", "alpha", "beta", "a"}) {
            Interval iv = result.interval(name);
            out.open(name);
            out.field("lower", iv.lower());
            out.field("upper", iv.upper());
            out.close();
        }
        out.close();
        out.close();
    }

    private static int index(ScalingLaw law, String name) {
        return law.indexOf(name);
    }

    private record Boot(double[][] theta, int failed, long iterations, long evaluations, int notConverged) {
    }

    private static Boot run(Objective full, List<double[]> starts, double[] lower, double[] upper, LbfgsB optimizer,
                            int n, int resamples, long seed, int threads)
            throws InterruptedException, ExecutionException {
        SplittableRandom master = new SplittableRandom(seed);
        SplittableRandom[] rngs = new SplittableRandom[resamples];
        for (int i = 0; i < resamples; i++) {
            rngs[i] = master.split();
        }
        double[][] theta = new double[resamples][];
        AtomicInteger next = new AtomicInteger();
        java.util.concurrent.atomic.LongAdder iterations = new java.util.concurrent.atomic.LongAdder();
        java.util.concurrent.atomic.LongAdder evaluations = new java.util.concurrent.atomic.LongAdder();
        java.util.concurrent.atomic.LongAdder notConverged = new java.util.concurrent.atomic.LongAdder();
        int p = full.law().parameterCount();
        Runnable worker = () -> {
            int i;
            while ((i = next.getAndIncrement()) < resamples) {
                double[] w = new double[n];
                SplittableRandom rng = rngs[i];
                for (int j = 0; j < n; j++) {
                    w[rng.nextInt(n)] += 1;
                }
                Objective f = full.withWeights(w);
                double bestValue = Double.POSITIVE_INFINITY;
                double[] bestX = null;
                for (double[] s : starts) {
                    LbfgsB.Result r = optimizer.minimize(f, s, lower, upper);
                    iterations.add(r.iterations());
                    evaluations.add(r.evaluations());
                    if (r.status() != dev.scalinglaws.fit.internal.OptimizerStatus.CONVERGED) {
                        notConverged.increment();
                    }
                    if (Double.isFinite(r.value()) && r.value() < bestValue) {
                        bestValue = r.value();
                        bestX = r.x();
                    }
                }
                if (bestX != null) {
                    double[] t = new double[p];
                    f.toTheta(bestX, t);
                    theta[i] = t;
                }
            }
        };
        int workers = Math.max(1, Math.min(threads, resamples));
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> fu : futures) {
                fu.get();
            }
        } finally {
            pool.shutdown();
        }
        int failed = 0;
        for (double[] t : theta) {
            if (t == null) {
                failed++;
            }
        }
        return new Boot(theta, failed, iterations.sum(), evaluations.sum(), notConverged.intValue());
    }

    /** numpy's default ("linear") percentile of sorted values. */
    static double percentile(double[] sorted, double pct) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * pct / 100;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double median(double[] sorted) {
        return percentile(sorted, 50);
    }

    private static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw usage("option " + a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--data" -> o.data = Path.of(v);
                case "--threads" -> o.threads = Integer.parseInt(v);
                case "--warmup" -> o.warmup = Integer.parseInt(v);
                case "--runs" -> o.runs = Integer.parseInt(v);
                case "--resamples" -> o.resamples = Integer.parseInt(v);
                case "--boot-starts" -> o.bootStarts = Integer.parseInt(v);
                case "--boot-warmup" -> o.bootWarmup = Integer.parseInt(v);
                case "--boot-ftol" -> o.bootFtol = Double.parseDouble(v);
                case "--seed" -> o.seed = Long.parseLong(v);
                case "--json" -> o.json = Path.of(v);
                default -> throw usage("unknown option " + a);
            }
        }
        if (o.threads < 1 || o.runs < 1 || o.warmup < 0 || o.resamples < 0 || o.bootStarts < 0
                || o.bootWarmup < 0) {
            throw usage("counts must be non-negative (threads and runs at least 1)");
        }
        return o;
    }

    private static IllegalArgumentException usage(String message) {
        return new IllegalArgumentException(message + "; usage: Race --data CSV [--threads T] [--warmup W] "
                + "[--runs R] [--resamples B] [--boot-starts K] [--boot-warmup B0] [--seed S] [--boot-ftol F] [--json OUT]");
    }

    /** A minimal JSON writer (the bench module has no JSON library). */
    private static final class Json {
        private final StringBuilder sb = new StringBuilder();
        private final List<Boolean> first = new ArrayList<>();
        private int depth;

        void open() {
            sb.append('{');
            first.add(Boolean.TRUE);
            depth++;
        }

        void open(String key) {
            key(key);
            open();
        }

        void close() {
            depth--;
            first.remove(first.size() - 1);
            sb.append('\n').append("  ".repeat(depth)).append('}');
        }

        private void key(String key) {
            int top = first.size() - 1;
            if (!first.get(top)) {
                sb.append(',');
            }
            first.set(top, Boolean.FALSE);
            sb.append('\n').append("  ".repeat(depth)).append(quote(key)).append(": ");
        }

        void field(String key, String value) {
            key(key);
            sb.append(quote(value));
        }

        void field(String key, long value) {
            key(key);
            sb.append(value);
        }

        void field(String key, double value) {
            key(key);
            sb.append(number(value));
        }

        void field(String key, double[] values) {
            key(key);
            sb.append('[');
            for (int i = 0; i < values.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(number(values[i]));
            }
            sb.append(']');
        }

        private static String number(double v) {
            return Double.isFinite(v) ? Double.toString(v) : "null";
        }

        private static String quote(String s) {
            StringBuilder q = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> q.append("\\\"");
                    case '\\' -> q.append("\\\\");
                    case '\n' -> q.append("\\n");
                    default -> {
                        if (c < 0x20) {
                            q.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            q.append(c);
                        }
                    }
                }
            }
            return q.append('"').toString();
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }

}
