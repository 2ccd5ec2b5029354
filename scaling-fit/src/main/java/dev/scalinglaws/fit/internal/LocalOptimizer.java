/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.internal;

/**
 * A local minimiser of an {@link Objective} within box bounds, run once per start by {@link Multistart}.
 * Implementations are immutable and thread-safe as long as each thread uses its own objective.
 */
public interface LocalOptimizer {

    /**
     * Minimises f from x0 within [lower, upper].
     *
     * @param f     the objective (its buffers are used)
     * @param x0    start (clamped into the box)
     * @param lower lower bounds in coordinates, or null
     * @param upper upper bounds in coordinates, or null
     * @return the outcome
     */
    LbfgsB.Result minimize(Objective f, double[] x0, double[] lower, double[] upper);
}
