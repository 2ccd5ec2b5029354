/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit.laws;

import java.util.List;

import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.core.formula.FormulaLaw;

/**
 * The formula law {@code k * C^a} (a plain power law: k a coefficient, a an exponent) through the contract with the
 * fixture of {@link PowerLawContractTest}, on the default domains of its formula roles.
 */
class FormulaPowerLawContractTest extends PowerLawContractTest {

    static final FormulaLaw LAW = FormulaLaw.parse("k * C^a", List.of("C"));

    @Override
    protected ScalingLaw law() {
        return LAW;
    }
}
