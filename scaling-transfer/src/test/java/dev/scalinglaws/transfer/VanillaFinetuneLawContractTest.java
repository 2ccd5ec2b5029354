/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer;

import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.testkit.ScalingLawContract;
import dev.scalinglaws.testkit.Sweeps;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** {@code vanilla-finetune} (Lin et al. 2024) through the contract. */
class VanillaFinetuneLawContractTest extends ScalingLawContract {

    @Override
    protected ScalingLaw law() {
        return VanillaFinetuneLaw.INSTANCE;
    }

    /** B 1e-2..1e4, E 0.05..5, beta 0.01..1.5. */
    @Override
    protected Arbitrary<double[]> parameterDomain() {
        return vector(Sweeps.logUniform(1e-2, 1e4), Sweeps.logUniform(0.05, 5), Sweeps.uniform(0.01, 1.5));
    }

    /** D 1..1e20. */
    @Override
    protected Arbitrary<double[]> covariateDomain() {
        return vector(Sweeps.logUniform(1, 1e20));
    }

    @SafeVarargs
    static Arbitrary<double[]> vector(Arbitrary<Double>... each) {
        return Combinators.combine(java.util.List.of(each)).as(l -> l.stream().mapToDouble(Double::doubleValue)
                .toArray());
    }
}
