/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import dev.scalinglaws.fit.internal.LossKernel;
import dev.scalinglaws.fit.internal.OptimizerStatus;
import org.junit.jupiter.api.Test;

/**
 * The adapters between the public types and the engine in {@code fit.internal} (which depends on nothing in this
 * package): every {@link Loss} evaluates exactly as its {@link LossKernel}, and {@link FitStatus#of} maps every
 * {@link OptimizerStatus} onto the status of the same name.
 */
class EngineBridgeTest {

    private static final List<Loss> LOSSES = List.of(Loss.squared(), Loss.huber(1e-3), Loss.huberLikelihood(1e-3),
            Loss.softL1(0.5), Loss.cauchy(2), Loss.huber(1.5));

    private static final double[] RESIDUALS = {0, -0.0, 1e-300, -1e-9, 5e-4, -1e-3, 1e-3, 0.0123, -0.7, 1.5, -3.25,
        42, -1e12, Double.MIN_VALUE};

    @Test
    void eachLossEvaluatesBitForBitAsItsKernel() {
        for (Loss loss : LOSSES) {
            LossKernel k = LossKernels.of(loss);
            for (double r : RESIDUALS) {
                assertThat(bits(k.rho(r))).as("rho %s at %s", loss, r).isEqualTo(bits(loss.rho(r)));
                assertThat(bits(k.psi(r))).as("psi %s at %s", loss, r).isEqualTo(bits(loss.psi(r)));
                assertThat(bits(k.irlsWeight(r))).as("irls %s at %s", loss, r).isEqualTo(bits(loss.irlsWeight(r)));
            }
            assertThat(k.fitsScale()).as("fitsScale %s", loss).isEqualTo(loss.fitsScale());
            double expectedNormaliser = loss instanceof Loss.HuberLikelihood h ? h.logNormaliser() : 0;
            assertThat(bits(k.logNormaliser())).as("ln Z %s", loss).isEqualTo(bits(expectedNormaliser));
        }
    }

    @Test
    void onlyHuberAndLeastSquaresHaveAVectorThreshold() {
        assertThat(LossKernels.of(Loss.squared()).huberThreshold()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(LossKernels.of(Loss.huber(0.25)).huberThreshold()).isEqualTo(0.25);
        assertThat(LossKernels.of(Loss.huberLikelihood(0.25)).huberThreshold()).isNaN();
        assertThat(LossKernels.of(Loss.softL1(0.25)).huberThreshold()).isNaN();
        assertThat(LossKernels.of(Loss.cauchy(0.25)).huberThreshold()).isNaN();
        assertThat(LossKernels.of(Loss.huberLikelihood(1e-3)).logNormaliser()).isFinite().isNotZero();
    }

    @Test
    void optimizerStatusesMapOneToOneByName() {
        assertThat(Arrays.stream(OptimizerStatus.values()).map(Enum::name))
                .containsExactly(Arrays.stream(FitStatus.values()).map(Enum::name).toArray(String[]::new));
        for (OptimizerStatus s : OptimizerStatus.values()) {
            assertThat(FitStatus.of(s).name()).isEqualTo(s.name());
        }
    }

    private static long bits(double v) {
        return Double.doubleToRawLongBits(v);
    }
}
