/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.scalinglaws.core.ScalingLaw;
import org.junit.jupiter.api.Test;

/** Every law this module contributes runs the testkit's contract: a law added without one fails here. */
class EveryTransferLawHasAContractTest {

    @Test
    void everyContributedLawHasAContract() {
        List<ScalingLaw> tested = List.of(new TransferGapLawContractTest().law(),
                new EffectiveDataLawContractTest().law(), new RectifiedLawContractTest().law(),
                new RectifiedZeroShotLawContractTest().law(), new VanillaFinetuneLawContractTest().law(),
                new LossToErrorLawContractTest().law(), new EffectiveDataChinchillaLawContractTest().law(),
                new EffectiveDataKaplanNDLawContractTest().law());
        assertThat(tested).containsAll(new TransferLaws().laws());
        assertThat(tested).contains(RectifiedLaw.INCLUDING_ZERO_SHOT);
        assertThat(tested.stream().filter(l -> l instanceof EffectiveDataLossLaw).count()).isEqualTo(2);
    }
}
