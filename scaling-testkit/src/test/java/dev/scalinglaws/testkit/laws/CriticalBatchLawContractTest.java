/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit.laws;

import dev.scalinglaws.core.dynamics.CriticalBatchLaw;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.testkit.Design;
import dev.scalinglaws.testkit.Sweeps;
import net.jqwik.api.Arbitrary;

/** {@code critical-batch} (Kaplan et al. 2020, eq. 1.4) through the contract: its covariate is the loss. */
class CriticalBatchLawContractTest extends BuiltInLawContract {

    @Override
    protected ScalingLaw law() {
        return CriticalBatchLaw.INSTANCE;
    }

    /** Bstar 1e3..1e12, alphaB 0.05..1. */
    @Override
    protected Arbitrary<double[]> parameterDomain() {
        return vector(Sweeps.logUniform(1e3, 1e12), Sweeps.uniform(0.05, 1));
    }

    /** Losses 0.3..10 nats. */
    @Override
    protected Arbitrary<double[]> covariateDomain() {
        return vector(Sweeps.uniform(0.3, 10));
    }

    @Override
    protected Arbitrary<Design> recoveryDesign() {
        return Sweeps.lattice(law().covariates(), covariateDomain(), 8, 12);
    }
}
