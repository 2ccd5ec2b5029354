/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit.laws;

import dev.scalinglaws.core.PowerLaw;
import dev.scalinglaws.core.ScalingLaw;

/** The generic {@code PowerLaw} through the contract with its default domains. */
class PowerLawContractTest extends BuiltInLawContract {

    @Override
    protected ScalingLaw law() {
        return PowerLaw.INSTANCE;
    }
}
