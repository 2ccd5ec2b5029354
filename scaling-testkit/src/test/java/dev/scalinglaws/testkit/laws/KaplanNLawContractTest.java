/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit.laws;

import dev.scalinglaws.core.KaplanLaw;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.testkit.Design;
import dev.scalinglaws.testkit.Sweeps;
import net.jqwik.api.Arbitrary;

/** {@code kaplan-n} (Kaplan et al. 2020, L(N)) through the contract; recovery on Kaplan's N sweep. */
class KaplanNLawContractTest extends BuiltInLawContract {

    @Override
    protected ScalingLaw law() {
        return KaplanLaw.N;
    }

    /** Truths near Kaplan's: Nc 1e12..1e15, alphaN 0.05..0.2. */
    @Override
    protected Arbitrary<double[]> recoveryTruth() {
        return vector(Sweeps.logUniform(1e12, 1e15), Sweeps.uniform(0.05, 0.2));
    }

    @Override
    protected Arbitrary<Design> recoveryDesign() {
        return Sweeps.kaplanNSweep();
    }
}
