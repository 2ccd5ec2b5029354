/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.approaches;

import java.util.Locale;
import java.util.Objects;

/**
 * How {@link IsoFlop} analyses isoFLOP profiles. Immutable; the {@code with*} methods return new options.
 *
 * <p>Defaults: {@link CurveMinimum#PARABOLA} over the lowest point and one sampled size on each side; budgets whose
 * C agree within a relative 5% form one curve; 1,000 bootstrap resamples of each curve's points, each loss
 * perturbed by Gaussian noise whose standard deviation is estimated from the data (see {@link IsoFlop}); seed 0;
 * 95% intervals; curves whose minimum lies at the edge of the sampled sizes are excluded.
 *
 * @param method          how each curve's minimum is located
 * @param window          parabola only: sampled sizes on each side of the lowest point (at least 1)
 * @param budgetTolerance budgets C1 &lt;= C2 with C2 / C1 - 1 &lt;= this form one curve
 * @param resamples       bootstrap resamples per curve (0: the uncertainty is the grid-resolution floor alone)
 * @param noise           the standard deviation of the Gaussian noise added to every loss in a resample (Porian et
 *                        al.'s seed-noise bootstrap), or NaN to estimate it from the curves
 * @param cases           resample a curve's points with replacement instead (the case bootstrap; unreliable for
 *                        short curves, whose resamples often lose the points that bracket the minimum)
 * @param seed            seed of every random draw
 * @param level           interval level in (0, 1)
 * @param keepEdges       whether to keep (instead of exclude) curves whose minimum is at an edge
 * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
 *         undocumented; the serialized form is exactly the components, documented above)
 */
public record IsoFlopOptions(CurveMinimum method, int window, double budgetTolerance, int resamples, double noise,
                             boolean cases, long seed, double level, boolean keepEdges) implements java.io.Serializable {

    /**
     * Validates every field.
     *
     * @param method          how each curve's minimum is located
     * @param window          parabola only: sampled sizes on each side of the lowest point, at least 1
     * @param budgetTolerance relative tolerance in [0, 1) within which budgets form one curve
     * @param resamples       bootstrap resamples per curve, at least 0
     * @param noise           standard deviation of the seed noise, positive and finite, or NaN to estimate it
     * @param cases           whether to use the case bootstrap instead of the seed-noise bootstrap
     * @param seed            seed of every random draw
     * @param level           interval level in (0, 1)
     * @param keepEdges       whether to keep (instead of exclude) curves whose minimum is at an edge
     * @throws NullPointerException     if method is null
     * @throws IllegalArgumentException if a value lies outside the range given above
     */
    public IsoFlopOptions {
        Objects.requireNonNull(method, "method");
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1: " + window);
        }
        if (!(budgetTolerance >= 0 && budgetTolerance < 1)) {
            throw new IllegalArgumentException("budget tolerance must lie in [0, 1): " + budgetTolerance);
        }
        if (resamples < 0) {
            throw new IllegalArgumentException("resamples must not be negative: " + resamples);
        }
        if (!Double.isNaN(noise) && !(noise > 0 && Double.isFinite(noise))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "noise must be positive and finite (or NaN to estimate it): %s", noise));
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must lie in (0, 1): " + level);
        }
    }

    /** {@return the defaults described above} */

    public static IsoFlopOptions defaults() {
        return new IsoFlopOptions(CurveMinimum.PARABOLA, 1, 0.05, 1000, Double.NaN, false, 0L, 0.95, false);
    }

    /**
     * Porian et al. 2024's protocol: Akima minimum and their seed-noise bootstrap with the given loss noise (0.002
     * for their RefinedWeb runs, 0.01 for OpenWebText2).
     *
     * @param lossNoise standard deviation of the seed noise of the loss
     * @return the options
     */
    public static IsoFlopOptions porian(double lossNoise) {
        return defaults().withMethod(CurveMinimum.AKIMA).withNoise(lossNoise);
    }

    /**
     * These options with another curve-minimum method.
     *
     * @param value how each curve's minimum is located
     * @return new options
     */
    public IsoFlopOptions withMethod(CurveMinimum value) {
        return new IsoFlopOptions(value, window, budgetTolerance, resamples, noise, cases, seed, level, keepEdges);
    }

    /**
     * These options with another parabola window.
     *
     * @param value parabola only: sampled sizes on each side of the lowest point, at least 1
     * @return new options
     */
    public IsoFlopOptions withWindow(int value) {
        return new IsoFlopOptions(method, value, budgetTolerance, resamples, noise, cases, seed, level, keepEdges);
    }

    /**
     * These options with another budget tolerance.
     *
     * @param value the relative tolerance in [0, 1) within which budgets C form one curve
     * @return new options
     */
    public IsoFlopOptions withBudgetTolerance(double value) {
        return new IsoFlopOptions(method, window, value, resamples, noise, cases, seed, level, keepEdges);
    }

    /**
     * These options with another number of resamples.
     *
     * @param value bootstrap resamples per curve, at least 0 (0: the grid-resolution floor alone)
     * @return new options
     */
    public IsoFlopOptions withResamples(int value) {
        return new IsoFlopOptions(method, window, budgetTolerance, value, noise, cases, seed, level, keepEdges);
    }

    /**
     * These options with another loss noise.
     *
     * @param value standard deviation of the loss noise of the seed-noise bootstrap, positive and finite, or NaN to
     *              estimate it from the curves
     * @return new options
     */
    public IsoFlopOptions withNoise(double value) {
        return new IsoFlopOptions(method, window, budgetTolerance, resamples, value, cases, seed, level, keepEdges);
    }

    /**
     * These options with the case bootstrap on or off.
     *
     * @param value whether to resample each curve's points with replacement (the case bootstrap) instead
     * @return new options
     */
    public IsoFlopOptions withCases(boolean value) {
        return new IsoFlopOptions(method, window, budgetTolerance, resamples, noise, value, seed, level, keepEdges);
    }

    /**
     * These options with another seed.
     *
     * @param value seed of every random draw
     * @return new options
     */
    public IsoFlopOptions withSeed(long value) {
        return new IsoFlopOptions(method, window, budgetTolerance, resamples, noise, cases, value, level, keepEdges);
    }

    /**
     * These options with another interval level.
     *
     * @param value interval level in (0, 1)
     * @return new options
     */
    public IsoFlopOptions withLevel(double value) {
        return new IsoFlopOptions(method, window, budgetTolerance, resamples, noise, cases, seed, value, keepEdges);
    }

    /**
     * These options with edge curves kept or excluded.
     *
     * @param value whether to keep (instead of exclude) curves whose minimum is at an edge
     * @return new options
     */
    public IsoFlopOptions withKeepEdges(boolean value) {
        return new IsoFlopOptions(method, window, budgetTolerance, resamples, noise, cases, seed, level, value);
    }

    /** Record equality with NaN noise equal to itself. */
    @Override
    public boolean equals(Object o) {
        return o instanceof IsoFlopOptions other && method == other.method && window == other.window
                && Double.compare(budgetTolerance, other.budgetTolerance) == 0 && resamples == other.resamples
                && Double.compare(noise, other.noise) == 0 && cases == other.cases
                && seed == other.seed
                && Double.compare(level, other.level) == 0 && keepEdges == other.keepEdges;
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, window, budgetTolerance, resamples, noise, cases, seed, level, keepEdges);
    }
}
