/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.internal;

/**
 * How a local optimisation ended, in the optimisers' own terms; the public packages map it one to one onto
 * {@code dev.scalinglaws.fit.FitStatus} (same constants, same meanings). Not API.
 */
public enum OptimizerStatus {
    /** The first-order optimality or relative-decrease criterion was met at a finite objective. */
    CONVERGED,
    /** The iteration or evaluation limit was reached first. */
    MAX_ITERATIONS,
    /** The line search could not find a point with sufficient decrease. */
    LINE_SEARCH_FAILED,
    /** The objective or its gradient became NaN or infinite and could not be recovered. */
    NON_FINITE,
    /** The optimum is not identifiable: the scaled Gauss-Newton matrix is singular to working precision. */
    NOT_IDENTIFIABLE
}
