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

/** {@code loss-to-error} (Gadre et al. 2024) through the contract: a response that may be negative, in linear space. */
class LossToErrorLawContractTest extends ScalingLawContract {

    @Override
    protected ScalingLaw law() {
        return LossToErrorLaw.INSTANCE;
    }

    /** eps 0.3..1, k 0.05..20, gamma 0.05..3. */
    @Override
    protected Arbitrary<double[]> parameterDomain() {
        return vector(Sweeps.uniform(0.3, 1), Sweeps.logUniform(0.05, 20), Sweeps.uniform(0.05, 3));
    }

    /** Losses 1..8 nats. */
    @Override
    protected Arbitrary<double[]> covariateDomain() {
        return vector(Sweeps.uniform(1, 8));
    }

    @SafeVarargs
    static Arbitrary<double[]> vector(Arbitrary<Double>... each) {
        return Combinators.combine(java.util.List.of(each)).as(l -> l.stream().mapToDouble(Double::doubleValue)
                .toArray());
    }
}
