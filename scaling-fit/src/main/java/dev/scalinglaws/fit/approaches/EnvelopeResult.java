/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.approaches;

import java.util.List;
import java.util.Locale;

import dev.scalinglaws.fit.uncertainty.Interval;

/**
 * The outcome of {@link Envelope#fit}: the lower envelope of the training curves on a grid of compute values, and
 * the power laws N_opt(C) = k C^a and D_opt(C) = k' C^b through it, with bootstrap-over-runs percentile intervals.
 *
 * <p>Immutable.
 *
 * @param group       group label, or null
 * @param points      the envelope: at each grid C, the run of lowest loss
 * @param nFit        the least-squares N_opt(C) fit through the envelope (its own Wald band ignores that envelope
 *                    points are not independent; the intervals below are the ones to use)
 * @param a           exponent of N_opt(C), bootstrap percentile interval
 * @param b           exponent of D_opt(C)
 * @param k           coefficient of N_opt(C)
 * @param nAt         N_opt at the requested compute budget (bootstrap percentile), or null if none was requested
 * @param runs        runs in the data
 * @param rows        checkpoint rows in the data
 * @param resamples   bootstrap resamples requested
 * @param failed      resamples whose envelope had fewer than 2 distinct winning runs
 * @param diagnostics notes for the user
 * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
 *         undocumented; the serialized form is exactly the components, documented above)
 */
public record EnvelopeResult(String group, List<Point> points, PowerFit nFit, Interval a, Interval b, Interval k,
                             Interval nAt, int runs, int rows, int resamples, int failed, List<String> diagnostics)
        implements java.io.Serializable {

    /**
     * Copies the lists.
     *
     * @param group       group label, or null
     * @param points      the envelope, one point per grid C; copied
     * @param nFit        the least-squares N_opt(C) fit through the envelope
     * @param a           exponent of N_opt(C)
     * @param b           exponent of D_opt(C)
     * @param k           coefficient of N_opt(C)
     * @param nAt         N_opt at the requested compute budget, or null if none was requested
     * @param runs        runs in the data
     * @param rows        checkpoint rows in the data
     * @param resamples   bootstrap resamples requested
     * @param failed      resamples whose envelope had fewer than 2 distinct winning runs
     * @param diagnostics notes for the user; copied
     * @throws NullPointerException if points or diagnostics is null or holds null
     */
    public EnvelopeResult {
        points = List.copyOf(points);
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * One grid point of the envelope.
     *
     * @param compute C
     * @param n       N of the best run at C
     * @param d       C / (6 N)
     * @param loss    the best run's loss at C (interpolated in log-log between its checkpoints)
     * @param run     the best run
     * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
     *         undocumented; the serialized form is exactly the components, documented above)
     */
    public record Point(double compute, double n, double d, double loss, String run) implements java.io.Serializable {
    }

    /** {@return the number of distinct runs that are best somewhere on the grid} */

    public long winners() {
        return points.stream().map(Point::run).distinct().count();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "envelope: %d grid points, %d winning runs; a %s; b %s", points.size(),
                winners(), a, b);
    }
}
