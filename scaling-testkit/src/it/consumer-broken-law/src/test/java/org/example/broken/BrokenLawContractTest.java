/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.example.broken;

import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.testkit.ScalingLawContract;

/** The contract on a law with a wrong gradient: this build must fail. */
class BrokenLawContractTest extends ScalingLawContract {

    @Override
    protected ScalingLaw law() {
        return BrokenLaw.INSTANCE;
    }
}
