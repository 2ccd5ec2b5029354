/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit.laws;

import dev.scalinglaws.core.KaplanNDLaw;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.testkit.Design;
import dev.scalinglaws.testkit.Sample;
import dev.scalinglaws.testkit.Sweeps;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** {@code kaplan-nd} (Kaplan et al. 2020, eq. 1.5) through the contract; recovery on Chinchilla grids. */
class KaplanNDLawContractTest extends BuiltInLawContract {

    @Override
    protected ScalingLaw law() {
        return KaplanNDLaw.INSTANCE;
    }

    /** Truths near Kaplan's: Nc, Dc 1e13..1e14, alphaN 0.05..0.1, alphaD 0.08..0.12. */
    @Override
    protected Arbitrary<double[]> recoveryTruth() {
        return vector(Sweeps.logUniform(1e13, 1e14), Sweeps.logUniform(1e13, 1e14), Sweeps.uniform(0.05, 0.1),
                Sweeps.uniform(0.08, 0.12));
    }

    @Override
    protected Arbitrary<Design> recoveryDesign() {
        return Sweeps.chinchillaGrid();
    }

    /** The slowest recoveries of the suite (flat valleys cost full iteration budgets): four fits keep CI quick. */
    @Override
    @Property(tries = 4)
    public void noiselessDataRecoverTheParameters(@ForAll("scalinglaws.recovery") Sample sample) {
        super.noiselessDataRecoverTheParameters(sample);
    }
}
