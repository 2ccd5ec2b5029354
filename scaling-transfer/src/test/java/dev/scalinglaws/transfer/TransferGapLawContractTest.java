/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer;

import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.testkit.ScalingLawContract;
import dev.scalinglaws.testkit.Sweeps;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** {@code transfer-gap} (Barnett 2024) through the contract, including G = 0 on its bound. */
class TransferGapLawContractTest extends ScalingLawContract {

    @Override
    protected ScalingLaw law() {
        return TransferGapLaw.INSTANCE;
    }

    /** A 1..1e4, G = 0 one time in five else 1e-3..1e4, E 0.1..5, alpha and beta 0.05..1. */
    @Override
    protected Arbitrary<double[]> parameterDomain() {
        return vector(Sweeps.logUniform(1, 1e4), Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0.0)),
                        Tuple.of(4, Sweeps.logUniform(1e-3, 1e4))), Sweeps.logUniform(0.1, 5),
                Sweeps.uniform(0.05, 1), Sweeps.uniform(0.05, 1));
    }

    /** Dp 1e3..1e15 pre-training tokens, Df 1..1e9 fine-tuning tokens. */
    @Override
    protected Arbitrary<double[]> covariateDomain() {
        return vector(Sweeps.logUniform(1e3, 1e15), Sweeps.logUniform(1, 1e9));
    }

    @SafeVarargs
    static Arbitrary<double[]> vector(Arbitrary<Double>... each) {
        return Combinators.combine(java.util.List.of(each)).as(l -> l.stream().mapToDouble(Double::doubleValue)
                .toArray());
    }
}
