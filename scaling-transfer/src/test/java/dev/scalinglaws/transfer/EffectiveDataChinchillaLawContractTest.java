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

/**
 * The effective-data substitution of Hernandez et al. 2021 into {@code chinchilla} through the contract (the inner law
 * pinned at a published fit).
 */
class EffectiveDataChinchillaLawContractTest extends ScalingLawContract {

    @Override
    protected ScalingLaw law() {
        return LAW;
    }

    static final EffectiveDataLossLaw LAW = EffectiveDataLossLaw.of(dev.scalinglaws.core.ChinchillaLaw.INSTANCE);
    static final double[] INNER = {1.69, 406.4, 410.7, 0.34, 0.28};

    /** The inner law at its published fit; kT 1..1e4, alphaT and betaT 0.1..0.6. */
    @Override
    protected Arbitrary<double[]> parameterDomain() {
        return vector(Sweeps.logUniform(1, 1e4), Sweeps.uniform(0.1, 0.6), Sweeps.uniform(0.1, 0.6))
                .map(t -> LAW.theta(INNER, t));
    }

    /** N 1e6..1e11, Df 1e3..1e10. */
    @Override
    protected Arbitrary<double[]> covariateDomain() {
        return vector(Sweeps.logUniform(1e6, 1e11), Sweeps.logUniform(1e3, 1e10));
    }

    /** The inner parameters are pinned, as {@link EffectiveDataLossLaw#pinInner} does in practice. */
    @Override
    protected dev.scalinglaws.fit.FitSpec recoverySpec() {
        return LAW.pinInner(super.recoverySpec(), INNER);
    }

    @SafeVarargs
    static Arbitrary<double[]> vector(Arbitrary<Double>... each) {
        return Combinators.combine(java.util.List.of(each)).as(l -> l.stream().mapToDouble(Double::doubleValue)
                .toArray());
    }
}
