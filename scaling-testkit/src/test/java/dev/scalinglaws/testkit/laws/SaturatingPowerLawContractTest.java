/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit.laws;

import dev.scalinglaws.core.SaturatingPowerLaw;
import dev.scalinglaws.core.ScalingLaw;

/** The generic {@code SaturatingPowerLaw} through the contract with its default domains. */
class SaturatingPowerLawContractTest extends BuiltInLawContract {

    @Override
    protected ScalingLaw law() {
        return SaturatingPowerLaw.INSTANCE;
    }
}
