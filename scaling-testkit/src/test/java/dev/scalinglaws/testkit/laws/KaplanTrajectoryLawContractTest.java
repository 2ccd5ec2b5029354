/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit.laws;

import dev.scalinglaws.core.dynamics.KaplanTrajectoryLaw;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.testkit.Sample;
import dev.scalinglaws.testkit.Design;
import dev.scalinglaws.testkit.Sweeps;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@code kaplan-trajectory} (Kaplan et al. 2020, eqs. 1.4, 1.6, 5.4) through the contract: an implicit law (S_min
 * solves an equation per row), so the gradient check leans on the measured evaluation noise of the root find.
 */
class KaplanTrajectoryLawContractTest extends BuiltInLawContract {

    @Override
    protected ScalingLaw law() {
        return KaplanTrajectoryLaw.INSTANCE;
    }

    /** The range of the former dynamics harness. */
    @Override
    protected Arbitrary<double[]> parameterDomain() {
        return vector(Sweeps.logUniform(1e11, 1e15), Sweeps.logUniform(1e2, 1e4), Sweeps.uniform(0.03, 0.2),
                Sweeps.uniform(0.3, 1.5), Sweeps.logUniform(1e6, 1e10), Sweeps.uniform(0.1, 0.5));
    }

    /** N 1e6..1e12, batch 1e3..1e8 tokens, step 1..1e6. */
    @Override
    protected Arbitrary<double[]> covariateDomain() {
        return vector(Sweeps.logUniform(1e6, 1e12), Sweeps.logUniform(1e3, 1e8), Sweeps.logUniform(1, 1e6));
    }

    /**
     * The whole covariate box: batches must reach below and above the critical batch, or Bstar trades off against
     * Sc along an exact valley (S_min ~ step batch / Bcrit when batch &lt;&lt; Bcrit) and noiseless data do not
     * determine it; the contract found such a design when the box was allowed to shrink.
     */
    @Override
    protected Arbitrary<Design> recoveryDesign() {
        return Sweeps.lattice(law().covariates(), new double[] {1e6, 1e3, 1}, new double[] {1e12, 1e8, 1e6}, 20, 24);
    }

    /** Each fit solves the implicit equation per row and per evaluation: three fits keep the contract quick. */
    @Override
    @Property(tries = 3)
    public void noiselessDataRecoverTheParameters(@ForAll("scalinglaws.recovery") Sample sample) {
        super.noiselessDataRecoverTheParameters(sample);
    }
}
