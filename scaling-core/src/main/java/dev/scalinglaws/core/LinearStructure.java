/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

/**
 * Optional capability of a {@link ScalingLaw} some of whose parameters enter linearly:
 *
 * <pre>
 *   f(x; theta) = SUM_k c_k phi_k(x; theta_nonlinear),   c_k = theta[linearParameters()[k]]
 * </pre>
 *
 * For fixed nonlinear parameters the best coefficients solve a (non-negative, weighted) linear least-squares problem,
 * so a fitter can search over the nonlinear parameters only: variable projection (Golub and Pereyra 1973, "The
 * differentiation of pseudo-inverses and nonlinear least squares problems whose variables separate", SIAM J. Numer.
 * Anal. 10(2)). Chinchilla's E, A, B (basis 1, N^-alpha, D^-beta) and the over-training law's E, a, b are examples;
 * the rectified fine-tuning law's B, E (basis 1 / (Dl + D^beta), 1) and the loss-to-error law's eps, k (basis 1,
 * -exp(-gamma L)) fit the same pattern.
 *
 * <p>Every parameter listed in {@link #linearParameters()} must have {@link Parameter#linear()} true. Implementations
 * must be immutable, thread-safe and allocation-free in {@link #basis}.
 */
public interface LinearStructure {

    /**
     * Indices in theta of the linear coefficients c_k, in basis order.
     *
     * @return the indices (a new array)
     */
    int[] linearParameters();

    /**
     * The basis functions on rows {@code [from, to)}: {@code basis[k][i - from] = phi_k(x_i; theta)}. Only the
     * nonlinear entries of {@code theta} are read; the coefficients may hold anything.
     *
     * @param theta parameters in the law's order
     * @param x     covariates
     * @param from  first row (inclusive)
     * @param to    last row (exclusive)
     * @param basis output, one array per linear parameter, each of length at least {@code to - from}
     */
    void basis(double[] theta, Columns x, int from, int to, double[][] basis);
}
