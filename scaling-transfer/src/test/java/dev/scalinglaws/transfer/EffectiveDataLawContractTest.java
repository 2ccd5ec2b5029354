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

/** {@code effective-data} (Hernandez et al. 2021) through the contract, with exponents of either sign. */
class EffectiveDataLawContractTest extends ScalingLawContract {

    @Override
    protected ScalingLaw law() {
        return EffectiveDataLaw.INSTANCE;
    }

    /** k 1..1e8, alpha and beta -0.5..1. */
    @Override
    protected Arbitrary<double[]> parameterDomain() {
        return vector(Sweeps.logUniform(1, 1e8), Sweeps.uniform(-0.5, 1), Sweeps.uniform(-0.5, 1));
    }

    /** Df 1..1e12, N 1e3..1e12. */
    @Override
    protected Arbitrary<double[]> covariateDomain() {
        return vector(Sweeps.logUniform(1, 1e12), Sweeps.logUniform(1e3, 1e12));
    }

    @SafeVarargs
    static Arbitrary<double[]> vector(Arbitrary<Double>... each) {
        return Combinators.combine(java.util.List.of(each)).as(l -> l.stream().mapToDouble(Double::doubleValue)
                .toArray());
    }
}
