/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import dev.scalinglaws.fit.Parallelism;

/**
 * Bootstrap settings, immutable; every {@code withX} returns a new instance:
 * {@code BootstrapOptions.defaults().withResamples(4000).withScheme(ResamplingScheme.CLUSTER).withSeed(7)}.
 *
 * <p>{@link #defaults()}: 2,000 case resamples, BCa 95% intervals, seed 0, all available processors, each refit
 * started from the full-data optimum and from the 4 best starts of the fit's own multistart (ranked by the
 * objective their local optimisation reached on the full data), failed-resample tolerance 5%.
 *
 * <p>Refits use L-BFGS-B with the fit spec's iteration limit and projected-gradient tolerance (SciPy's 1e-5 by
 * default) and no relative-decrease rule: that rule compares decreases with max(|f|, 1), which stops refits of
 * objectives of order 1e-3 (Hoffmann's Huber sum) almost at once.
 *
 * <p>Randomness: resample i uses {@code new SplittableRandom(mix(seed, i))} with {@code mix} the SplitMix64
 * finaliser of {@code seed + (i + 1) * 0x9E3779B97F4A7C15}, so every resample is a function of (seed, i) alone and
 * results do not depend on the number of threads.
 *
 * <p>Thread-safe. Serializable (for distributed bootstraps, {@link BootstrapPlan}); the progress hook is not
 * carried.
 */
public final class BootstrapOptions implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Number of resamples B, at least 2. */
    private final int resamples;
    /** How each resample is drawn. */
    private final ResamplingScheme scheme;
    /** The default interval method. */
    private final IntervalMethod method;
    /** Nominal level of the intervals, in (0, 1). */
    private final double level;
    /** Seed of every random choice; resample i depends on (seed, i) alone. */
    private final long seed;
    /** Where the refits run. */
    private final Parallelism parallelism;
    /** Whether every refit starts at the full-data optimum. */
    private final boolean startFromOptimum;
    /** Number K of best multistart starts that every refit tries, at least 0. */
    private final int bestStarts;
    /** Further starts every refit tries (an unmodifiable list of private copies). */
    private final List<double[]> extraStarts;
    /** Largest tolerated fraction of failed refits, in [0, 1]. */
    private final double maxFailureFraction;

    private final transient IntConsumer progress;

    private BootstrapOptions(Draft d) {
        if (d.resamples < 2) {
            throw new IllegalArgumentException("resamples must be at least 2: " + d.resamples);
        }
        AsymptoticCovariance.checkLevel(d.level);
        if (d.bestStarts < 0) {
            throw new IllegalArgumentException("bestStarts must be >= 0: " + d.bestStarts);
        }
        if (!(d.maxFailureFraction >= 0 && d.maxFailureFraction <= 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "maxFailureFraction must lie in [0, 1]: %s", d.maxFailureFraction));
        }
        this.resamples = d.resamples;
        this.scheme = Objects.requireNonNull(d.scheme, "scheme");
        this.method = Objects.requireNonNull(d.method, "method");
        this.level = d.level;
        this.seed = d.seed;
        this.parallelism = Objects.requireNonNull(d.parallelism, "parallelism");
        this.startFromOptimum = d.startFromOptimum;
        this.bestStarts = d.bestStarts;
        List<double[]> copy = new ArrayList<>();
        for (double[] s : d.extraStarts) {
            copy.add(s.clone());
        }
        this.extraStarts = List.copyOf(copy);
        this.maxFailureFraction = d.maxFailureFraction;
        this.progress = d.progress;
    }

    /** Throws if no start is configured (checked when a bootstrap runs, so withers may be chained freely). */
    void checkStarts() {
        if (!startFromOptimum && bestStarts == 0 && extraStarts.isEmpty()) {
            throw new IllegalArgumentException("a bootstrap refit needs at least one start: enable the optimum, "
                    + "best starts or extra starts");
        }
    }

    /** {@return the defaults: 2,000 case resamples, BCa 95%, seed 0, all processors, optimum + 4 best starts} */
    public static BootstrapOptions defaults() {
        Draft d = new Draft();
        d.resamples = 2000;
        d.scheme = ResamplingScheme.CASE;
        d.method = IntervalMethod.BCA;
        d.level = 0.95;
        d.seed = 0L;
        d.parallelism = Parallelism.defaults();
        d.startFromOptimum = true;
        d.bestStarts = 4;
        d.extraStarts = List.of();
        d.maxFailureFraction = 0.05;
        return new BootstrapOptions(d);
    }

    /**
     * Epoch AI's protocol (Besiroglu et al. 2024): 4,000 case resamples, percentile intervals, each refit from one
     * fixed start only (pass Hoffmann's unrounded values).
     *
     * @param start the single start, natural units
     * @return the options
     */
    public static BootstrapOptions epoch(double[] start) {
        return defaults().withResamples(4000).withMethod(IntervalMethod.PERCENTILE).withStartFromOptimum(false)
                .withBestStarts(0).withExtraStarts(List.of(start));
    }

    /**
     * @param value number of resamples B, &gt;= 2
     * @return new options
     */
    public BootstrapOptions withResamples(int value) {
        return with(d -> d.resamples = value);
    }

    /**
     * @param value resampling scheme
     * @return new options
     */
    public BootstrapOptions withScheme(ResamplingScheme value) {
        return with(d -> d.scheme = value);
    }

    /**
     * @param value interval method used by {@link BootstrapResult#interval(String)}
     * @return new options
     */
    public BootstrapOptions withMethod(IntervalMethod value) {
        return with(d -> d.method = value);
    }

    /**
     * @param value nominal coverage in (0, 1)
     * @return new options
     */
    public BootstrapOptions withLevel(double value) {
        return with(d -> d.level = value);
    }

    /**
     * @param value seed
     * @return new options
     */
    public BootstrapOptions withSeed(long value) {
        return with(d -> d.seed = value);
    }

    /**
     * @param value worker threads, &gt;= 1 (1 = the calling thread)
     * @return new options
     */
    public BootstrapOptions withThreads(int value) {
        Parallelism p = Parallelism.threads(value);
        return with(d -> d.parallelism = p);
    }

    /**
     * Where the refits run ({@link Parallelism#defaults()}: the calling thread helped by the common pool); the
     * result does not depend on it.
     *
     * @param value the setting
     * @return new options
     */
    public BootstrapOptions withParallelism(Parallelism value) {
        return with(d -> d.parallelism = value);
    }

    /**
     * @param value whether each refit starts from the full-data optimum
     * @return new options
     */
    public BootstrapOptions withStartFromOptimum(boolean value) {
        return with(d -> d.startFromOptimum = value);
    }

    /**
     * @param value number K of the fit's multistart starts (best K by full-data objective) each refit also tries
     * @return new options
     */
    public BootstrapOptions withBestStarts(int value) {
        return with(d -> d.bestStarts = value);
    }

    /**
     * @param value further starts (natural units) every refit tries
     * @return new options
     */
    public BootstrapOptions withExtraStarts(List<double[]> value) {
        return with(d -> d.extraStarts = value);
    }

    /**
     * @param value largest fraction of failed resamples for which intervals are reported as OK; above it they carry
     *              {@link Interval.Status#TOO_MANY_FAILURES}
     * @return new options
     */
    public BootstrapOptions withMaxFailureFraction(double value) {
        return with(d -> d.maxFailureFraction = value);
    }

    /**
     * A progress hook: called with the number of resamples finished so far (1 to B, each count once, not
     * necessarily in increasing order), from the worker threads and concurrently, after each refit is stored. It
     * sees counts only, never results, so the replicates are bit-identical with and without it; it must be
     * thread-safe and cheap, and an exception it throws aborts the run. The jackknife refits of BCa are not
     * counted.
     *
     * @param value the hook, or null for none
     * @return new options
     */
    public BootstrapOptions withProgress(IntConsumer value) {
        return with(d -> d.progress = value);
    }

    /** These options with one setting changed (validated as all options are). */
    private BootstrapOptions with(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return new BootstrapOptions(d);
    }

    /** The settings, mutable: what a {@code withX} changes and the constructor validates and copies. */
    private static final class Draft {
        int resamples;
        ResamplingScheme scheme;
        IntervalMethod method;
        double level;
        long seed;
        Parallelism parallelism;
        boolean startFromOptimum;
        int bestStarts;
        List<double[]> extraStarts;
        double maxFailureFraction;
        IntConsumer progress;

        Draft() {
        }

        Draft(BootstrapOptions o) {
            resamples = o.resamples;
            scheme = o.scheme;
            method = o.method;
            level = o.level;
            seed = o.seed;
            parallelism = o.parallelism;
            startFromOptimum = o.startFromOptimum;
            bestStarts = o.bestStarts;
            extraStarts = o.extraStarts;
            maxFailureFraction = o.maxFailureFraction;
            progress = o.progress;
        }
    }

    /** {@return the progress hook, or null} */
    public IntConsumer progress() {
        return progress;
    }

    /** {@return the number of resamples} */
    public int resamples() {
        return resamples;
    }

    /** {@return the resampling scheme} */
    public ResamplingScheme scheme() {
        return scheme;
    }

    /** {@return the default interval method} */
    public IntervalMethod method() {
        return method;
    }

    /** {@return the nominal level} */
    public double level() {
        return level;
    }

    /** {@return the seed of every random choice} */
    public long seed() {
        return seed;
    }

    /** {@return the threads at most, the calling thread included ({@link #parallelism()}'s)} */
    public int threads() {
        return parallelism.threads();
    }

    /** {@return where the refits run} */
    public Parallelism parallelism() {
        return parallelism;
    }

    /** {@return whether refits start at the full-data optimum} */
    public boolean startFromOptimum() {
        return startFromOptimum;
    }

    /** {@return the number K of best multistart starts that every refit tries} */
    public int bestStarts() {
        return bestStarts;
    }

    /** {@return the extra starts (copies)} */
    public List<double[]> extraStarts() {
        List<double[]> out = new ArrayList<>();
        for (double[] s : extraStarts) {
            out.add(s.clone());
        }
        return out;
    }

    /** {@return the failure tolerance} */
    public double maxFailureFraction() {
        return maxFailureFraction;
    }

    /**
     * The generator of resample i: SplitMix64 of seed + (i + 1) * golden gamma.
     *
     * @param seed  seed
     * @param index resample index
     * @return the seed of a {@link java.util.SplittableRandom}
     */
    static long resampleSeed(long seed, long index) {
        return Resampling.seed(seed, index);
    }

    /** Equal options have equal settings (extra starts by content; the progress hook by identity). */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof BootstrapOptions o) || extraStarts.size() != o.extraStarts.size()) {
            return false;
        }
        for (int k = 0; k < extraStarts.size(); k++) {
            if (!java.util.Arrays.equals(extraStarts.get(k), o.extraStarts.get(k))) {
                return false;
            }
        }
        return resamples == o.resamples && scheme == o.scheme && method == o.method
                && Double.compare(level, o.level) == 0 && seed == o.seed && parallelism.equals(o.parallelism)
                && startFromOptimum == o.startFromOptimum && bestStarts == o.bestStarts
                && Double.compare(maxFailureFraction, o.maxFailureFraction) == 0 && progress == o.progress;
    }

    /** Consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        int h = Objects.hash(resamples, scheme, method, level, seed, parallelism, startFromOptimum, bestStarts,
                maxFailureFraction, System.identityHashCode(progress));
        for (double[] s : extraStarts) {
            h = 31 * h + java.util.Arrays.hashCode(s);
        }
        return h;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BootstrapOptions[resamples=%d, scheme=%s, method=%s, level=%s, seed=%d, "
                        + "threads=%d, startFromOptimum=%s, bestStarts=%d, extraStarts=%d]", resamples, scheme, method,
                level, seed, parallelism.threads(), startFromOptimum, bestStarts, extraStarts.size());
    }
}
