/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import dev.scalinglaws.fit.internal.OptimizerStatus;

/**
 * How a fit ended. Only {@link #CONVERGED} is a success; every other status is reported as such, with the last
 * iterate, and never hidden.
 */
public enum FitStatus {
    /** The first-order optimality or relative-decrease criterion was met at a finite objective. */
    CONVERGED,
    /** The iteration or evaluation limit was reached first. */
    MAX_ITERATIONS,
    /** The line search could not find a point with sufficient decrease. */
    LINE_SEARCH_FAILED,
    /** The objective or its gradient became NaN or infinite and could not be recovered. */
    NON_FINITE,
    /** The optimum is not identifiable: the scaled Gauss-Newton matrix is singular to working precision. */
    NOT_IDENTIFIABLE;

    /** {@return whether this status is a success} */
    public boolean isSuccess() {
        return this == CONVERGED;
    }

    /**
     * The status of an optimiser's outcome (one to one).
     *
     * @param status the optimiser's status
     * @return the same status here
     */
    static FitStatus of(OptimizerStatus status) {
        return switch (status) {
            case CONVERGED -> CONVERGED;
            case MAX_ITERATIONS -> MAX_ITERATIONS;
            case LINE_SEARCH_FAILED -> LINE_SEARCH_FAILED;
            case NON_FINITE -> NON_FINITE;
            case NOT_IDENTIFIABLE -> NOT_IDENTIFIABLE;
        };
    }
}
