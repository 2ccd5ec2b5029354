/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to fit: residual space, loss, starting points, pinned parameters, bounds, tolerances, threads, seed and the
 * local {@link Optimizer}. Immutable: every {@code withX} returns a new spec.
 *
 * <p>{@link #defaults()}: log residuals, Huber loss with delta = 1e-3, 128 Sobol starts, L-BFGS-B, all processors.
 * {@link #epoch()}: the "replicate exactly" protocol of Besiroglu et al. 2024 (arXiv:2404.10102): sum of Huber
 * losses (delta 1e-3) on log residuals from Hoffmann's 4,500-point grid with SciPy's L-BFGS-B tolerances.
 *
 * <p>Thread-safe.
 */
public final class FitSpec implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Residual space. */
    private final ResidualSpace residual;
    /** Loss. */
    private final Loss loss;
    /** Start strategy. */
    private final Starts starts;
    /** Pinned parameters (unmodifiable). */
    private final Map<String, Double> pins;
    /** Bounds by parameter name (unmodifiable; arrays owned). */
    private final Map<String, double[]> bounds;
    /** Where multistart runs. */
    private final Parallelism parallelism;
    /** Seed of every random choice. */
    private final long seed;
    /** Iteration limit per start. */
    private final int maxIterations;
    /** Relative-decrease tolerance. */
    private final double ftol;
    /** Projected-gradient tolerance. */
    private final double gtol;
    /** Whether the best start is polished with tight tolerances. */
    private final boolean polish;
    /** The local optimiser. */
    private final Optimizer optimizer;

    private FitSpec(Draft d) {
        this.optimizer = Objects.requireNonNull(d.optimizer, "optimizer");
        this.residual = Objects.requireNonNull(d.residual, "residual");
        this.loss = Objects.requireNonNull(d.loss, "loss");
        this.starts = Objects.requireNonNull(d.starts, "starts");
        this.pins = Collections.unmodifiableMap(new LinkedHashMap<>(d.pins));
        Map<String, double[]> b = new LinkedHashMap<>();
        d.bounds.forEach((k, v) -> b.put(k, v.clone()));
        this.bounds = Collections.unmodifiableMap(b);
        if (d.maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1: " + d.maxIterations);
        }
        if (!(d.ftol >= 0) || !(d.gtol >= 0)) {
            throw new IllegalArgumentException("tolerances must be non-negative");
        }
        this.parallelism = Objects.requireNonNull(d.parallelism, "parallelism");
        this.seed = d.seed;
        this.maxIterations = d.maxIterations;
        this.ftol = d.ftol;
        this.gtol = d.gtol;
        this.polish = d.polish;
    }

    /**
     * {@return the default spec: log residuals, Huber(1e-3), 128 Sobol starts, SciPy's tolerances, all available
     * processors, seed 0}
     */
    public static FitSpec defaults() {
        Draft d = new Draft();
        d.residual = ResidualSpace.LOG;
        d.loss = Loss.huber(1e-3);
        d.starts = Starts.sobol(128, 0);
        d.pins = Map.of();
        d.bounds = Map.of();
        d.parallelism = Parallelism.defaults();
        d.seed = 0L;
        d.maxIterations = 15000;
        d.ftol = 2.220446049250313e-09;
        d.gtol = 1e-5;
        d.polish = true;
        d.optimizer = Optimizer.LBFGSB;
        return new FitSpec(d);
    }

    /** {@return Epoch AI's "replicate exactly" protocol: log residuals, sum of Huber(1e-3), Hoffmann's grid} */
    public static FitSpec epoch() {
        return defaults().withStarts(Starts.hoffmann());
    }

    /**
     * @param value residual space
     * @return a new spec
     */
    public FitSpec withResidual(ResidualSpace value) {
        return with(d -> d.residual = value);
    }

    /**
     * @param value loss
     * @return a new spec
     */
    public FitSpec withLoss(Loss value) {
        return with(d -> d.loss = value);
    }

    /**
     * @param value start strategy
     * @return a new spec
     */
    public FitSpec withStarts(Starts value) {
        return with(d -> d.starts = value);
    }

    /**
     * Pins a parameter at a value (it is not fitted; degrees of freedom count only free parameters).
     *
     * @param name  parameter
     * @param value value
     * @return a new spec
     */
    public FitSpec withPin(String name, double value) {
        Map<String, Double> p = new LinkedHashMap<>(pins);
        p.put(name, value);
        return with(d -> d.pins = p);
    }

    /**
     * Bounds a parameter to [lower, upper] (natural units).
     *
     * @param name  parameter
     * @param lower lower bound
     * @param upper upper bound
     * @return a new spec
     */
    public FitSpec withBound(String name, double lower, double upper) {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "bound for %s: [%s, %s] is not an interval (lower must not exceed upper)", name, lower, upper));
        }
        if (lower == Double.POSITIVE_INFINITY || upper == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "bound for %s: [%s, %s] contains no finite value", name, lower, upper));
        }
        Map<String, double[]> b = new LinkedHashMap<>(bounds);
        b.put(name, new double[] {lower, upper});
        return with(d -> d.bounds = b);
    }

    /**
     * At most {@code value} threads for the multistart, the calling thread included, helped by the common pool
     * (see {@link Parallelism#threads(int)}); the result does not depend on it.
     *
     * @param value threads, &gt;= 1
     * @return a new spec
     */
    public FitSpec withThreads(int value) {
        Parallelism p = Parallelism.threads(value);
        return with(d -> d.parallelism = p);
    }

    /**
     * Where the starts run ({@link Parallelism#defaults()}: the calling thread helped by the JVM's common pool, no
     * pool of the library's own; {@link Parallelism#sequential()} inside Spark tasks or other pools). The result does
     * not depend on it.
     *
     * @param value the setting
     * @return a new spec
     */
    public FitSpec withParallelism(Parallelism value) {
        return with(d -> d.parallelism = value);
    }

    /**
     * @param value seed for every random choice
     * @return a new spec
     */
    public FitSpec withSeed(long value) {
        return with(d -> d.seed = value);
    }

    /**
     * @param value iteration limit per start
     * @return a new spec
     */
    public FitSpec withMaxIterations(int value) {
        return with(d -> d.maxIterations = value);
    }

    /**
     * @param newFtol relative-decrease tolerance
     * @param newGtol projected-gradient tolerance
     * @return a new spec
     */
    public FitSpec withTolerances(double newFtol, double newGtol) {
        return with(d -> {
            d.ftol = newFtol;
            d.gtol = newGtol;
        });
    }

    /**
     * @param value whether to polish the best start with tight tolerances
     * @return a new spec
     */
    public FitSpec withPolish(boolean value) {
        return with(d -> d.polish = value);
    }

    /**
     * The local optimiser ({@link Optimizer#LBFGSB} by default).
     *
     * @param value the optimiser
     * @return a new spec
     */
    public FitSpec withOptimizer(Optimizer value) {
        return with(d -> d.optimizer = value);
    }

    /** This spec with one or more settings changed (validated as every spec is). */
    private FitSpec with(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return new FitSpec(d);
    }

    /** A spec's settings, mutable: what a {@code withX} changes and the constructor validates and copies. */
    private static final class Draft {
        ResidualSpace residual;
        Loss loss;
        Starts starts;
        Map<String, Double> pins;
        Map<String, double[]> bounds;
        Parallelism parallelism;
        long seed;
        int maxIterations;
        double ftol;
        double gtol;
        boolean polish;
        Optimizer optimizer;

        Draft() {
        }

        Draft(FitSpec s) {
            residual = s.residual;
            loss = s.loss;
            starts = s.starts;
            pins = s.pins;
            bounds = s.bounds;
            parallelism = s.parallelism;
            seed = s.seed;
            maxIterations = s.maxIterations;
            ftol = s.ftol;
            gtol = s.gtol;
            polish = s.polish;
            optimizer = s.optimizer;
        }
    }

    /** {@return the local optimiser} */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** {@return the residual space} */
    public ResidualSpace residual() {
        return residual;
    }

    /** {@return the loss} */
    public Loss loss() {
        return loss;
    }

    /** {@return the start strategy} */
    public Starts starts() {
        return starts;
    }

    /** {@return the pinned parameters (unmodifiable)} */
    public Map<String, Double> pins() {
        return pins;
    }

    /** {@return the bounds by parameter name (copies)} */
    public Map<String, double[]> bounds() {
        Map<String, double[]> b = new LinkedHashMap<>();
        bounds.forEach((k, v) -> b.put(k, v.clone()));
        return b;
    }

    /** {@return the threads at most, the calling thread included ({@link #parallelism()}'s)} */
    public int threads() {
        return parallelism.threads();
    }

    /** {@return where the starts run} */
    public Parallelism parallelism() {
        return parallelism;
    }

    /** {@return the seed of every random choice} */
    public long seed() {
        return seed;
    }

    /** {@return the iteration limit per start} */
    public int maxIterations() {
        return maxIterations;
    }

    /** {@return the relative-decrease tolerance} */
    public double ftol() {
        return ftol;
    }

    /** {@return the projected-gradient tolerance} */
    public double gtol() {
        return gtol;
    }

    /** {@return whether the best start is polished with tight tolerances} */
    public boolean polish() {
        return polish;
    }

    /** Equal specs have equal settings (bounds compared by content; parallelism by its executor and threads). */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof FitSpec o)) {
            return false;
        }
        if (!bounds.keySet().equals(o.bounds.keySet())) {
            return false;
        }
        for (Map.Entry<String, double[]> e : bounds.entrySet()) {
            if (!java.util.Arrays.equals(e.getValue(), o.bounds.get(e.getKey()))) {
                return false;
            }
        }
        return residual == o.residual && loss.equals(o.loss) && starts.equals(o.starts) && pins.equals(o.pins)
                && parallelism.equals(o.parallelism) && seed == o.seed && maxIterations == o.maxIterations
                && Double.compare(ftol, o.ftol) == 0 && Double.compare(gtol, o.gtol) == 0 && polish == o.polish
                && optimizer == o.optimizer;
    }

    /** Consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        int h = Objects.hash(residual, loss, starts, pins, parallelism, seed, maxIterations, ftol, gtol, polish,
                optimizer);
        for (Map.Entry<String, double[]> e : bounds.entrySet()) {
            h = 31 * h + e.getKey().hashCode() + java.util.Arrays.hashCode(e.getValue());
        }
        return h;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FitSpec[residual=%s, loss=%s, delta=%s, starts=%s, pins=%s, threads=%d, "
                + "seed=%d, optimizer=%s]", residual, loss.name(), loss.delta(), starts.describe(), pins,
                parallelism.threads(), seed, optimizer);
    }
}
