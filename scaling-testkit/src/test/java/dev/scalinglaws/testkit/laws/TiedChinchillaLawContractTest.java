/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit.laws;

import java.util.Map;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.core.ScalingLaws;
import dev.scalinglaws.testkit.Design;
import dev.scalinglaws.testkit.Sweeps;
import net.jqwik.api.Arbitrary;

/** A tied law, {@code chinchilla} with beta = alpha (Muennighoff et al. 2023; Li et al. 2025), through the contract. */
class TiedChinchillaLawContractTest extends BuiltInLawContract {

    static final ScalingLaw LAW = ScalingLaws.tie(ChinchillaLaw.INSTANCE, Map.of("beta", "alpha"));

    @Override
    protected ScalingLaw law() {
        return LAW;
    }

    /** Chinchilla's truths with beta dropped: E 1..2.5, A and B 1e2..1e4, alpha = beta 0.2..0.6. */
    @Override
    protected Arbitrary<double[]> recoveryTruth() {
        return ChinchillaLawContractTest.publishedLikeTruths().map(t -> inOrderOf(ChinchillaLaw.INSTANCE, LAW, t));
    }

    @Override
    protected Arbitrary<Design> recoveryDesign() {
        return Sweeps.chinchillaGrid();
    }
}
