/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit.laws;

import dev.scalinglaws.core.OvertrainingLaw;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Optimizer;
import dev.scalinglaws.testkit.Design;
import dev.scalinglaws.testkit.Sweeps;
import net.jqwik.api.Arbitrary;

/** {@code overtraining} (Gadre et al. 2024) through the contract; recovery on grids and trajectories. */
class OvertrainingLawContractTest extends BuiltInLawContract {

    @Override
    protected ScalingLaw law() {
        return OvertrainingLaw.INSTANCE;
    }

    /** Truths around a Chinchilla-like fit: E 1.5..2.5, a and b 3e3..3e4, eta 0.15..0.25. */
    @Override
    protected Arbitrary<double[]> recoveryTruth() {
        return vector(Sweeps.uniform(1.5, 2.5), Sweeps.logUniform(3e3, 3e4), Sweeps.logUniform(3e3, 3e4),
                Sweeps.uniform(0.15, 0.25));
    }

    @Override
    protected Arbitrary<Design> recoveryDesign() {
        return net.jqwik.api.Arbitraries.oneOf(Sweeps.chinchillaGrid(), Sweeps.checkpointTrajectories());
    }

    /**
     * Variable projection, the library's most robust optimiser for laws with linear coefficients: 16 Sobol starts of
     * L-BFGS-B missed the optimum of a noiseless 15-row grid (E = 1, A = B = 100, alpha = beta = 0.2) in one run.
     */
    @Override
    protected FitSpec recoverySpec() {
        return super.recoverySpec().withOptimizer(Optimizer.VARIABLE_PROJECTION);
    }
}
