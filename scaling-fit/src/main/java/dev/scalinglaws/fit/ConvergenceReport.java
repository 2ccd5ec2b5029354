/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import java.util.List;

/**
 * How the optimisation went, over every start.
 *
 * @param starts       starts tried
 * @param converged    starts whose local optimisation reported {@link FitStatus#CONVERGED}
 * @param atBest       starts whose final objective is within 1e-6 (relative) of the best
 * @param failed       starts that ended non-finite or failed their line search (counted, never dropped)
 * @param iterations   total iterations over all starts and the polish
 * @param evaluations  total objective evaluations
 * @param gradientNorm largest projected-gradient component at the reported optimum
 * @param onBound      names of parameters sitting on a bound at the optimum
 * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
 *         undocumented; the serialized form is exactly the components, documented above)
 */
public record ConvergenceReport(int starts, int converged, int atBest, int failed, long iterations, long evaluations,
                                double gradientNorm, List<String> onBound) implements java.io.Serializable {

    /**
     * Copies the list.
     *
     * @param starts       starts tried
     * @param converged    starts whose local optimisation reported {@link FitStatus#CONVERGED}
     * @param atBest       starts whose final objective is within 1e-6 (relative) of the best
     * @param failed       starts that ended non-finite or failed their line search (counted, never dropped)
     * @param iterations   total iterations over all starts and the polish
     * @param evaluations  total objective evaluations
     * @param gradientNorm largest projected-gradient component at the reported optimum
     * @param onBound      names of parameters sitting on a bound at the optimum
     */
    public ConvergenceReport {
        onBound = List.copyOf(onBound);
    }
}
