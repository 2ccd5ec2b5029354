/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaws;
import dev.scalinglaws.fit.FitResult;
import org.junit.jupiter.api.Test;

/** Keeps the usage example of docs/transfer.md compiling and true (same code, same numbers). */
class DocsExampleTest {

    @Test
    void usageExample() {
        // --- docs/transfer.md: Usage ---
        // 1. Fit the rectified law to one fine-tuning curve (zero-shot row excluded by default) and predict L(0).
        Dataset curve = Dataset.builder("my-curve.csv")
                .column("D", new double[] {0, 200, 400, 800, 1600, 3200, 6400, 12800, 25600, 51200})
                .column("loss", new double[] {3.10, 2.95, 2.90, 2.82, 2.70, 2.55, 2.38, 2.21, 2.05, 1.92})
                .build();
        FitResult fit = FineTuning.fit(ScalingLaws.byName("rectified"), curve, FineTuning.linProtocol(),
                FineTuning.ZeroShot.EXCLUDE);
        double zeroShot = RectifiedLaw.zeroShotLoss(fit.theta());       // B / Dl + E
        double atFullData = fit.predict(1_638_400);

        // 2. AtS: extrapolate the power phase of the same curve.
        AcceptThenStop.Prediction ats = AcceptThenStop.defaults().predict("my-model",
                new double[] {200, 400, 800, 1600, 3200, 6400, 12800, 25600, 51200},
                new double[] {2.95, 2.90, 2.82, 2.70, 2.55, 2.38, 2.21, 2.05, 1.92}, 1_638_400);

        // 3. Split a data budget between pre-training and fine-tuning data under the transfer-gap law.
        double[] theta = {300, 2.0, 1.2, 0.3, 0.25};                    // A, G, E, alpha, beta
        TransferGap.Allocation split = TransferGap.optimalAllocation(theta, 1e10, 1.0, 10.0);
        double floor = TransferGap.dataScarcityFloor(theta, split.finetune());
        // --- end ---

        assertThat(fit.goodness().n()).isEqualTo(9);
        assertThat(zeroShot).isGreaterThan(fit.predict(200));
        assertThat(atFullData).isLessThan(1.92);
        assertThat(ats.acceptedPoints()).isBetween(3, 9);
        assertThat(split.budget()).isCloseTo(1e10, org.assertj.core.api.Assertions.within(1e-2));
        assertThat(floor).isLessThan(split.loss());
        assertThat(TransferGap.optimalFinetuneShare(1e10, 1.0, 10.0).applyAsDouble(theta))
                .isCloseTo(10.0 * split.finetune() / 1e10, org.assertj.core.api.Assertions.within(1e-12));
    }
}
