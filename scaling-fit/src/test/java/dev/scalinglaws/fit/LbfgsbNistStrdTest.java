/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

/**
 * NIST StRD through L-BFGS-B with no tolerance (the iteration stops only where no step can decrease the objective in
 * floating point, which it reports as CONVERGED). A quasi-Newton method on the sum of squares without Gauss-Newton
 * scaling does not get through Hahn1 (parameters spanning 7 orders of magnitude, a pole of the rational model near
 * the starts: LINE_SEARCH_FAILED). From MGH17's far start 1 the path is fragile: with the scalar sums it ends in the
 * well-known local minimum with b5 = 1.46, with the vectorised sums (the default when the Vector API is resolved) at
 * the certified optimum; either is accepted, each checked as such.
 */
class LbfgsbNistStrdTest extends AbstractNistStrdTest {
    @Override
    FitSpec solver(FitSpec leastSquares) {
        return leastSquares.withOptimizer(Optimizer.LBFGSB).withTolerances(0, 0).withMaxIterations(20000);
    }

    @Override
    boolean solves(String problem, int start) {
        return !problem.equals("Hahn1") && !(problem.equals("MGH17") && start == 1);
    }
}
