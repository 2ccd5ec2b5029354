/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit.laws;

import dev.scalinglaws.core.dynamics.KaplanStepsLaw;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.testkit.Design;
import dev.scalinglaws.testkit.Sweeps;
import net.jqwik.api.Arbitrary;

/** {@code kaplan-ns} (Kaplan et al. 2020, eq. 1.6) through the contract. */
class KaplanStepsLawContractTest extends BuiltInLawContract {

    @Override
    protected ScalingLaw law() {
        return KaplanStepsLaw.INSTANCE;
    }

    /** Nc 1e10..1e16, Sc 10..1e5, alphaN 0.02..0.5, alphaS 0.1..2 (the range of the former dynamics harness). */
    @Override
    protected Arbitrary<double[]> parameterDomain() {
        return vector(Sweeps.logUniform(1e10, 1e16), Sweeps.logUniform(10, 1e5), Sweeps.uniform(0.02, 0.5),
                Sweeps.uniform(0.1, 2));
    }

    /** N 1e6..1e30, S 1..1e8. */
    @Override
    protected Arbitrary<double[]> covariateDomain() {
        return vector(Sweeps.logUniform(1e6, 1e30), Sweeps.logUniform(1, 1e8));
    }

    @Override
    protected Arbitrary<Design> recoveryDesign() {
        return Sweeps.lattice(law().covariates(), vector(Sweeps.logUniform(1e6, 1e10), Sweeps.logUniform(1, 1e6)),
                16, 24);
    }
}
