/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer;

import java.util.ArrayList;
import java.util.List;

import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.testkit.Design;
import dev.scalinglaws.testkit.Sample;
import dev.scalinglaws.testkit.Sweeps;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tuple;

/**
 * The {@code rectified} variant that admits D = 0 (zero-shot rows) through the contract, with the parameter domain
 * and recovery truths of {@link RectifiedLawContractTest}.
 */
class RectifiedZeroShotLawContractTest extends RectifiedLawContractTest {

    @Override
    protected ScalingLaw law() {
        return RectifiedLaw.INCLUDING_ZERO_SHOT;
    }

    /** D = 0 one time in five, otherwise 1..1e7. */
    @Override
    protected Arbitrary<double[]> covariateDomain() {
        return vector(Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0.0)),
                Tuple.of(4, Sweeps.logUniform(1, 1e7))));
    }

    /** The zero-shot row D = 0, which this variant exists for, and 11 to 15 fine-tuning sizes over 1..1e7. */
    @Override
    protected Arbitrary<Design> recoveryDesign() {
        return Sweeps.lattice(law().covariates(), new double[] {1}, new double[] {1e7}, 11, 15).map(d -> {
            List<double[]> rows = new ArrayList<>();
            rows.add(new double[] {0});
            for (double v : d.column("D")) {
                rows.add(new double[] {v});
            }
            return Design.ofPoints("zero shot and " + d.kind(), law().covariates(), rows);
        });
    }

    /** The slowest recoveries of the suite (flat valleys cost full iteration budgets): four fits keep CI quick. */
    @Override
    @Property(tries = 4)
    public void noiselessDataRecoverTheParameters(@ForAll("scalinglaws.recovery") Sample sample) {
        super.noiselessDataRecoverTheParameters(sample);
    }
}
