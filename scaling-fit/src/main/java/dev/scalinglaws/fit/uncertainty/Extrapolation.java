/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import java.util.List;
import java.util.Locale;

/**
 * How far a covariate point lies outside the fitted data, in natural-log units: for covariate j,
 * d_j = max(0, ln x_j - max_i ln x_ij, min_i ln x_ij - ln x_j) over the rows used in the fit, and the overall
 * distance max_j d_j. 0 means inside the bounding box of the data; ln 10 = 2.30 means one decade beyond it.
 *
 * <p>Immutable.
 *
 * @param covariates     covariate names
 * @param logDistance    d_j per covariate (copied)
 * @param maxLogDistance max_j d_j
 */
public record Extrapolation(List<String> covariates, double[] logDistance, double maxLogDistance) {

    /**
     * Copies.
     *
     * @param covariates     covariate names
     * @param logDistance    d_j per covariate (copied)
     * @param maxLogDistance max_j d_j
     */
    public Extrapolation {
        covariates = List.copyOf(covariates);
        logDistance = logDistance.clone();
    }

    /** {@return the per-covariate distances (copy)} */
    @Override
    public double[] logDistance() {
        return logDistance.clone();
    }

    /** {@return whether the point lies within the range of every covariate} */
    public boolean inside() {
        return maxLogDistance == 0;
    }

    /** {@return the overall distance in decades (log10 units)} */
    public double decades() {
        return maxLogDistance / Math.log(10);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "extrapolation %.3f decades", decades()));
        for (int j = 0; j < covariates.size(); j++) {
            sb.append(String.format(Locale.ROOT, ", %s %.3f", covariates.get(j), logDistance[j] / Math.log(10)));
        }
        return sb.toString();
    }

    /** Equal when every component is, arrays compared by content. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Extrapolation o)) {
            return false;
        }
        return java.util.Objects.equals(covariates, o.covariates)
                && java.util.Arrays.equals(logDistance, o.logDistance)
                && Double.compare(maxLogDistance, o.maxLogDistance) == 0;
    }

    /** Consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        int h = 17;
        h = 31 * h + java.util.Objects.hashCode(covariates);
        h = 31 * h + java.util.Arrays.hashCode(logDistance);
        h = 31 * h + Double.hashCode(maxLogDistance);
        return h;
    }
}
