/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit.laws;

import java.util.List;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.core.formula.FormulaLaw;
import dev.scalinglaws.testkit.CoverageStudy;
import net.jqwik.api.Arbitrary;

/**
 * The formula law {@code E + A / N^alpha + B / D^beta} through the whole contract with the fixture of
 * {@link ChinchillaLawContractTest} (truths, designs, variable projection, coverage study): the same law written as
 * text must honour everything the built-in one does. Its parameters come in order of first appearance (E, A, alpha,
 * B, beta), so the fixture's vectors are reordered by name; its domains are the defaults of its formula roles.
 */
class FormulaChinchillaLawContractTest extends ChinchillaLawContractTest {

    static final FormulaLaw LAW = FormulaLaw.parse("E + A / N^alpha + B / D^beta", List.of("N", "D"));

    @Override
    protected ScalingLaw law() {
        return LAW;
    }

    @Override
    protected Arbitrary<double[]> recoveryTruth() {
        return publishedLikeTruths().map(t -> inOrderOf(ChinchillaLaw.INSTANCE, LAW, t));
    }

    @Override
    protected CoverageStudy coverageStudy() {
        CoverageStudy s = super.coverageStudy();
        return CoverageStudy.of(inOrderOf(ChinchillaLaw.INSTANCE, LAW, s.truth()), s.design(), s.noise(), s.level(),
                s.replicates(), s.allowance());
    }
}
