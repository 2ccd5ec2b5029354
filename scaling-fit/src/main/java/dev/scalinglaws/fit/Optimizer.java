/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

/**
 * The local optimiser a fit runs from each start ({@link FitSpec#withOptimizer(Optimizer)}).
 *
 * <ul>
 *   <li>{@link #LBFGSB}: limited-memory BFGS with box bounds on the full objective (Byrd, Lu, Nocedal and Zhu 1995,
 *       "A limited memory algorithm for bound constrained optimization", SIAM J. Sci. Comput. 16(5)), with SciPy's
 *       stopping rules; works for every loss, including the Huber likelihood with a fitted scale. The default.</li>
 *   <li>{@link #LEVENBERG_MARQUARDT}: Levenberg-Marquardt on the residuals (Levenberg 1944; Marquardt 1963; the
 *       trust-region update of Nielsen 1999 with Moré's diagonal scaling), steps projected onto the bounds; robust
 *       losses through iteratively reweighted least squares, weights w_i psi(r_i) / r_i (Holland and Welsch 1977).
 *       Not available for a loss with a fitted scale.</li>
 *   <li>{@link #VARIABLE_PROJECTION}: for laws implementing {@link dev.scalinglaws.core.LinearStructure}: a grid
 *       over the nonlinear parameters only, the linear coefficients eliminated by (non-negative) weighted linear least
 *       squares (Golub and Pereyra 1973), then L-BFGS-B on the full objective from the best few grid points (at most
 *       10, of a grid of 576), each run to the polish tolerances (no relative-decrease stop; gradient below the smaller of the spec's
 *       gtol and 1e-11 max(1, |F|)). The spec's {@link Starts} are not used.</li>
 * </ul>
 */
public enum Optimizer {
    /** L-BFGS-B on the full objective. */
    LBFGSB,
    /** Levenberg-Marquardt with IRLS weights for robust losses. */
    LEVENBERG_MARQUARDT,
    /** Reduced search over the nonlinear parameters with the linear ones projected out, then L-BFGS-B. */
    VARIABLE_PROJECTION
}
