/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.example.laws;

import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.testkit.Design;
import dev.scalinglaws.testkit.ScalingLawContract;
import dev.scalinglaws.testkit.Sweeps;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** The whole contract for the user's law, with recovery on Kaplan-style N sweeps. */
class SaturatingLawContractTest extends ScalingLawContract {

    @Override
    protected ScalingLaw law() {
        return SaturatingLaw.INSTANCE;
    }

    @Override
    protected Arbitrary<Design> recoveryDesign() {
        return Sweeps.kaplanNSweep();
    }

    @Override
    protected Arbitrary<double[]> recoveryTruth() {
        return Combinators.combine(Sweeps.uniform(1, 3), Sweeps.logUniform(10, 1e3), Sweeps.uniform(0.1, 0.5))
                .as((e, a, alpha) -> new double[] {e, a, alpha});
    }
}
