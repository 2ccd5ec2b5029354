/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

/** NIST StRD through Levenberg-Marquardt with the default tolerances. */
class LevenbergMarquardtNistStrdTest extends AbstractNistStrdTest {
    @Override
    FitSpec solver(FitSpec leastSquares) {
        return leastSquares.withOptimizer(Optimizer.LEVENBERG_MARQUARDT);
    }
}
