/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit.laws;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Optimizer;
import dev.scalinglaws.testkit.CoverageStudy;
import dev.scalinglaws.testkit.Design;
import dev.scalinglaws.testkit.Sample;
import dev.scalinglaws.testkit.Sweeps;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** {@code chinchilla} (Hoffmann et al. 2022) through the contract, with a coverage study on a Chinchilla grid. */
class ChinchillaLawContractTest extends BuiltInLawContract {

    @Override
    protected ScalingLaw law() {
        return ChinchillaLaw.INSTANCE;
    }

    /**
     * Truths like the published fits: E 1..2.5, A and B 1e2..1e4, exponents 0.2..0.6, in the built-in law's order
     * (also the truths of the tied and formula variants' contracts, reordered by name).
     *
     * @return an arbitrary truth (E, A, B, alpha, beta)
     */
    static Arbitrary<double[]> publishedLikeTruths() {
        return vector(Sweeps.uniform(1, 2.5), Sweeps.logUniform(1e2, 1e4), Sweeps.logUniform(1e2, 1e4),
                Sweeps.uniform(0.2, 0.6), Sweeps.uniform(0.2, 0.6));
    }

    @Override
    protected Arbitrary<double[]> recoveryTruth() {
        return publishedLikeTruths();
    }

    @Override
    protected Arbitrary<Design> recoveryDesign() {
        return Arbitraries.oneOf(Sweeps.chinchillaGrid(), Sweeps.isoFlopGrid(), Sweeps.checkpointTrajectories());
    }

    /** Epoch AI's fit on a 6 x 5 grid, iid log-normal noise of 2%: 90% Wald intervals. */
    @Override
    protected CoverageStudy coverageStudy() {
        return ContractStudies.chinchillaStudy();
    }

    /**
     * Variable projection, the library's most robust optimiser for laws with linear coefficients: 16 Sobol starts of
     * L-BFGS-B missed the optimum of a noiseless 15-row grid (E = 1, A = B = 100, alpha = beta = 0.2) in one run.
     */
    @Override
    protected FitSpec recoverySpec() {
        return super.recoverySpec().withOptimizer(Optimizer.VARIABLE_PROJECTION);
    }

    /** Variable projection costs a grid of 576 points and ten local fits per fit: four noiseless fits suffice here. */
    @Override
    @Property(tries = 4)
    public void noiselessDataRecoverTheParameters(@ForAll("scalinglaws.recovery") Sample sample) {
        super.noiselessDataRecoverTheParameters(sample);
    }
}
