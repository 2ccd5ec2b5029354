/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import dev.scalinglaws.core.LinearStructure;

/**
 * NIST StRD through variable projection, for the separable exponential models (Lanczos1: b1, b3, b5 linear; MGH17:
 * b1, b2, b3 linear, b3 negative so its coefficient is unconstrained). The certified starts are not used: the search
 * runs over the decay rates only, then L-BFGS-B polishes the best grid points; both "starts" therefore run the same
 * fit. The rational models (Hahn1, Kirby2) do not declare a linear structure and are skipped.
 */
class VariableProjectionNistStrdTest extends AbstractNistStrdTest {
    @Override
    FitSpec solver(FitSpec leastSquares) {
        return leastSquares.withOptimizer(Optimizer.VARIABLE_PROJECTION).withTolerances(0, 0)
                .withMaxIterations(20000);
    }

    @Override
    boolean applies(NistProblem problem) {
        return problem.law instanceof LinearStructure;
    }
}
