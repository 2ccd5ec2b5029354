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

/** {@code kaplan-c} (Kaplan et al. 2020, L(C)) through the contract; recovery on isoFLOP budgets. */
class KaplanCLawContractTest extends BuiltInLawContract {

    @Override
    protected ScalingLaw law() {
        return KaplanLaw.C;
    }

    /** Truths near Kaplan's (Cc = 3.1e8 PF-days = 2.7e28 FLOPs): Cc 1e26..1e30, alphaC 0.03..0.1. */
    @Override
    protected Arbitrary<double[]> recoveryTruth() {
        return vector(Sweeps.logUniform(1e26, 1e30), Sweeps.uniform(0.03, 0.1));
    }

    @Override
    protected Arbitrary<Design> recoveryDesign() {
        return Sweeps.isoFlopGrid();
    }
}
