/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit.laws;

import java.util.List;

import dev.scalinglaws.core.KaplanLaw;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.testkit.Design;
import dev.scalinglaws.testkit.Sweeps;
import net.jqwik.api.Arbitrary;

/** {@code kaplan-d} (Kaplan et al. 2020, L(D)) through the contract; recovery on a sweep of D. */
class KaplanDLawContractTest extends BuiltInLawContract {

    @Override
    protected ScalingLaw law() {
        return KaplanLaw.D;
    }

    /** Truths near Kaplan's: Dc 1e12..1e15, alphaD 0.05..0.2. */
    @Override
    protected Arbitrary<double[]> recoveryTruth() {
        return vector(Sweeps.logUniform(1e12, 1e15), Sweeps.uniform(0.05, 0.2));
    }

    @Override
    protected Arbitrary<Design> recoveryDesign() {
        return Sweeps.lattice(List.of("D"), Sweeps.logUniformPoint(1, 1e7, 1e11), 8, 12);
    }
}
