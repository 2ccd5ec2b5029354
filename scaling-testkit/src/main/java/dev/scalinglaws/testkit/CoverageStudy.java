/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Loss;
import dev.scalinglaws.fit.Starts;

/**
 * A coverage study for {@link ScalingLawContract#intervalsCoverTheTruthAtTheNominalRate}: noisy replicates of one
 * design at one truth, each fitted and given an asymptotic Wald interval per free parameter (Gauss-Newton covariance,
 * Student t quantile, log scale for positive parameters; see
 * {@code dev.scalinglaws.fit.uncertainty.AsymptoticCovariance}). The study passes when, for every parameter, the
 * share of replicates whose interval covers the truth lies within
 * {@code level +- (tolerance + 3 sqrt(level (1 - level) / replicates))}: a stated systematic tolerance plus three
 * binomial standard errors, so that a calibrated method fails by chance with probability below about 0.3% per
 * parameter.
 *
 * <p>Immutable value type.
 *
 * @param truth      the true parameters
 * @param design     the design every replicate shares
 * @param noise      the noise model (normal errors make Wald intervals exact in the linear limit)
 * @param level      nominal coverage, e.g. 0.9
 * @param replicates number of replicates (each one fit)
 * @param tolerance  systematic tolerance on the coverage, e.g. 0.05
 * @param spec       how each replicate is fitted
 */
public record CoverageStudy(double[] truth, Design design, NoiseModel noise, double level, int replicates,
                            double tolerance, FitSpec spec) {

    /**
     * Validates and copies.
     *
     * @param truth      the true parameters; copied
     * @param design     the design every replicate shares
     * @param noise      the noise model
     * @param level      nominal coverage in (0, 1)
     * @param replicates number of replicates, at least 10
     * @param tolerance  systematic tolerance on the coverage, in [0, 1)
     * @param spec       how each replicate is fitted
     * @throws NullPointerException     if truth, design, noise or spec is null
     * @throws IllegalArgumentException if level, replicates or tolerance lies outside its range
     */
    public CoverageStudy {
        truth = truth.clone();
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(noise, "noise");
        Objects.requireNonNull(spec, "spec");
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must lie in (0, 1): " + level);
        }
        if (replicates < 10) {
            throw new IllegalArgumentException("a coverage study needs at least 10 replicates: " + replicates);
        }
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must lie in [0, 1): " + tolerance);
        }
    }

    /**
     * A study with squared loss on log residuals (the likelihood of log-normal noise), 32 Sobol starts and one
     * thread per fit, so that replicates are cheap and reproducible.
     *
     * @param truth      the true parameters
     * @param design     the design
     * @param noise      the noise model
     * @param level      nominal coverage
     * @param replicates number of replicates
     * @param tolerance  systematic tolerance
     * @return the study
     */
    public static CoverageStudy of(double[] truth, Design design, NoiseModel noise, double level, int replicates,
                                   double tolerance) {
        return new CoverageStudy(truth, design, noise, level, replicates, tolerance,
                FitSpec.defaults().withLoss(Loss.squared()).withStarts(Starts.sobol(32, 0)).withThreads(1));
    }

    /**
     * This study with another number of replicates, everything else the same.
     *
     * @param n number of replicates, at least 10
     * @return a new study
     * @throws IllegalArgumentException if n is below 10
     */
    public CoverageStudy withReplicates(int n) {
        return new CoverageStudy(truth, design, noise, level, n, tolerance, spec);
    }

    /** {@return the true parameters (a copy)} */
    @Override
    public double[] truth() {
        return truth.clone();
    }

    /**
     * {@return the half-width of the acceptance band around the nominal level: tolerance + 3 sqrt(level (1 - level) /
     * replicates)}
     */

    public double allowance() {
        return tolerance + 3 * Math.sqrt(level * (1 - level) / replicates);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CoverageStudy c && Arrays.equals(truth, c.truth) && design.equals(c.design)
                && noise.equals(c.noise) && level == c.level && replicates == c.replicates
                && tolerance == c.tolerance && spec.equals(c.spec);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(truth), design, noise, level, replicates, tolerance);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "coverage of %.3g over %d replicates of %s with %s, tolerance %.3g",
                level, replicates, design, noise, tolerance);
    }
}
