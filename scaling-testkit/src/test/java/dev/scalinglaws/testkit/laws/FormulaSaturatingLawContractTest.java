/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit.laws;

import java.util.List;

import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.core.formula.FormulaLaw;

/**
 * The formula law {@code E + A * C^-alpha} (saturating: E a constant, A a coefficient, alpha an exponent) through the
 * contract with the fixture of {@link SaturatingPowerLawContractTest}: its recovery truths and design, and otherwise
 * the default domains of its formula roles. The parameters come in the built-in law's order (E, A, alpha).
 */
class FormulaSaturatingLawContractTest extends SaturatingPowerLawContractTest {

    static final FormulaLaw LAW = FormulaLaw.parse("E + A * C^-alpha", List.of("C"));

    @Override
    protected ScalingLaw law() {
        return LAW;
    }
}
