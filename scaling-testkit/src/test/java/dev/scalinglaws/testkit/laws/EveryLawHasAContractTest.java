/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit.laws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.core.ScalingLaws;
import org.junit.jupiter.api.Test;

/** Every law of scaling-core runs the contract: a law added without a contract test fails here. */
class EveryLawHasAContractTest {

    @Test
    void everyBuiltInLawHasAContract() {
        List<String> tested = List.of(new KaplanNLawContractTest().law(), new KaplanDLawContractTest().law(),
                        new KaplanCLawContractTest().law(), new KaplanNDLawContractTest().law(),
                        new KaplanStepsLawContractTest().law(), new CriticalBatchLawContractTest().law(),
                        new KaplanTrajectoryLawContractTest().law(), new ChinchillaLawContractTest().law(),
                        new OvertrainingLawContractTest().law(), new DataConstrainedLawContractTest().law(),
                        new PowerLawContractTest().law(), new SaturatingPowerLawContractTest().law())
                .stream().map(ScalingLaw::name).toList();
        assertThat(tested).containsExactlyInAnyOrderElementsOf(
                ScalingLaws.builtIn().stream().map(ScalingLaw::name).toList());
    }
}
