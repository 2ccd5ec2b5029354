/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import dev.scalinglaws.core.DataException;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaws;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import org.junit.jupiter.api.Test;

/** Rectified and vanilla fine-tuning laws: recovery, the zero-shot point, bad input, registry. */
class FineTuningTest {

    static final double[] SIZES = {0, 200, 400, 800, 1600, 3200, 6400, 12800, 25600, 51200, 102400, 204800, 409600,
        819200, 1638400};

    static Dataset curve(double[] theta, double noise, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] loss = new double[SIZES.length];
        for (int i = 0; i < SIZES.length; i++) {
            loss[i] = RectifiedLaw.INCLUDING_ZERO_SHOT.value(theta, SIZES[i]) * Math.exp(noise * rng.nextGaussian());
        }
        return Dataset.builder("synthetic").column("D", SIZES).column("loss", loss).build();
    }

    @Test
    void registryFindsEveryTransferLaw() {
        for (String name : new String[] {"transfer-gap", "effective-data", "rectified", "vanilla-finetune",
            "loss-to-error"}) {
            assertThat(ScalingLaws.byName(name).name()).isEqualTo(name);
        }
        assertThat(ScalingLaws.byName("rectified")).isSameAs(RectifiedLaw.INSTANCE);
    }

    @Test
    void recoversRectifiedParameters() {
        double[] truth = {60, 1.5, 40, 0.55};
        Dataset data = curve(truth, 1e-4, 1);
        FitResult fit = FineTuning.fit(RectifiedLaw.INSTANCE, data, FineTuning.linProtocol(),
                FineTuning.ZeroShot.EXCLUDE);
        assertThat(fit.goodness().n()).isEqualTo(14);
        assertThat(fit.estimate("beta")).isCloseTo(0.55, within(0.01));
        assertThat(fit.estimate("E")).isCloseTo(1.5, within(0.02));
        assertThat(Math.log(fit.estimate("Dl"))).isCloseTo(Math.log(40), within(0.1));
        // the zero-shot loss is predicted, not fitted: L(0) = B / Dl + E
        double predicted = RectifiedLaw.zeroShotLoss(fit.theta());
        assertThat(predicted).isCloseTo(RectifiedLaw.zeroShotLoss(truth), within(0.03));
        assertThat(RectifiedLaw.INCLUDING_ZERO_SHOT.value(fit.theta(), 0)).isCloseTo(predicted, within(1e-12));
        assertThat(RectifiedLaw.transitionSize(truth)).isCloseTo(Math.pow(40, 1 / 0.55), within(1e-9));
    }

    @Test
    void zeroShotIsIncludedOnlyWhenAsked() {
        double[] truth = {60, 1.5, 40, 0.55};
        Dataset data = curve(truth, 1e-3, 2);
        FitResult included = FineTuning.fit(RectifiedLaw.INSTANCE, data, FineTuning.linProtocol(),
                FineTuning.ZeroShot.INCLUDE);
        assertThat(included.goodness().n()).isEqualTo(15);
        assertThat(RectifiedLaw.zeroShotLoss(included.theta())).isCloseTo(data.column("loss")[0], within(0.01));
        // the registered law takes ln D: a zero-shot row given to the plain Fitter is named, not silently used
        assertThatThrownBy(() -> Fitter.fit(RectifiedLaw.INSTANCE, data, FitSpec.defaults()))
                .isInstanceOf(DataException.class).hasMessageContaining("row 1").hasMessageContaining("D");
        assertThatThrownBy(() -> FineTuning.fit(VanillaFinetuneLaw.INSTANCE, data, FineTuning.linProtocol(),
                FineTuning.ZeroShot.INCLUDE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("D = 0");
    }

    @Test
    void recoversVanillaParameters() {
        double[] sizes = new double[14];
        double[] loss = new double[14];
        for (int i = 0; i < 14; i++) {
            sizes[i] = SIZES[i + 1];
            loss[i] = 8 * Math.pow(sizes[i], -0.3) + 1.2;
        }
        Dataset data = Dataset.builder("synthetic").column("D", sizes).column("loss", loss).build();
        FitResult fit = FineTuning.fit(VanillaFinetuneLaw.INSTANCE, data, FineTuning.linProtocol(),
                FineTuning.ZeroShot.EXCLUDE);
        assertThat(fit.estimate("B")).isCloseTo(8, within(1e-3));
        assertThat(fit.estimate("beta")).isCloseTo(0.3, within(1e-5));
        assertThat(fit.estimate("E")).isCloseTo(1.2, within(1e-5));
    }

    @Test
    void negativeSizesAreRejected() {
        Dataset data = Dataset.builder("curve.csv").column("D", new double[] {0, 200, -400, 800, 1600})
                .column("loss", new double[] {3, 2.9, 2.8, 2.7, 2.6}).build();
        assertThatThrownBy(() -> FineTuning.fit(RectifiedLaw.INSTANCE, data, FineTuning.linProtocol(),
                FineTuning.ZeroShot.EXCLUDE)).isInstanceOf(DataException.class).hasMessageContaining("row 3")
                .hasMessageContaining("'D'").hasMessageContaining("-400");
        assertThatThrownBy(() -> FineTuning.withoutZeroShot(data)).isInstanceOf(DataException.class);
    }

    @Test
    void vanillaRejectsNonPositiveSizesThroughTheFitter() {
        Dataset data = Dataset.builder("curve.csv").column("D", new double[] {200, 400, -800, 1600})
                .column("loss", new double[] {2.9, 2.8, 2.7, 2.6}).build();
        assertThatThrownBy(() -> Fitter.fit(VanillaFinetuneLaw.INSTANCE, data, FitSpec.defaults()))
                .isInstanceOf(DataException.class).hasMessageContaining("row 3").hasMessageContaining("'D'");
    }
}
