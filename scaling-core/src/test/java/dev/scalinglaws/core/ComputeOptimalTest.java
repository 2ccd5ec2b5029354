/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Golden numbers of docs/laws.md: compute-optimal allocation at C = 6 x 70e9 x 1.4e12 (Chinchilla's budget)
 * with Epoch AI's "replicate exactly" fit and with Hoffmann et al.'s rounded eq. 10 values.
 */
class ComputeOptimalTest {

    private static final double COMPUTE = 6 * 70e9 * 1.4e12;
    /** Besiroglu et al. 2024 (arXiv:2404.10102): E, A, B, alpha, beta. */
    private static final double[] EPOCH = {1.8172, 477.84, 2143.86, 0.34731, 0.36718};
    /** Hoffmann et al. 2022 eq. 10, rounded. */
    private static final double[] HOFFMANN = {1.69, 406.4, 410.7, 0.34, 0.28};

    @Test
    void epochFitAtChinchillaCompute() {
        ComputeOptimal.Exponents ex = ComputeOptimal.exponents(EPOCH);
        assertThat(ex.G()).isCloseTo(0.1132, within(0.00005));
        assertThat(ex.a()).isCloseTo(0.5139, within(0.00005));
        assertThat(ex.a() + ex.b()).isCloseTo(1, within(1e-15));
        ComputeOptimal.Allocation opt = ComputeOptimal.chinchilla(EPOCH, COMPUTE);
        assertThat(opt.N()).isCloseTo(7.4e10, within(0.05e10));
        assertThat(opt.D()).isCloseTo(1.32e12, within(0.005e12));
        assertThat(opt.tokensPerParameter()).isCloseTo(17.9, within(0.05));
        assertThat(6 * opt.N() * opt.D()).isCloseTo(COMPUTE, within(COMPUTE * 1e-12));
        assertThat(opt.loss()).isCloseTo(ChinchillaLaw.INSTANCE.value(EPOCH, opt.N(), opt.D()), within(1e-15));
    }

    @Test
    void hoffmannRoundedValuesAtChinchillaCompute() {
        ComputeOptimal.Allocation opt = ComputeOptimal.chinchilla(HOFFMANN, COMPUTE);
        assertThat(opt.N()).isCloseTo(3.25e10, within(0.005e10));
        assertThat(opt.D()).isCloseTo(3.02e12, within(0.005e12));
        assertThat(opt.tokensPerParameter()).isCloseTo(92.8, within(0.05));
        assertThat(ComputeOptimal.exponents(HOFFMANN).a()).isCloseTo(0.45, within(0.005));
    }

    @Test
    void numericAllocationOfTheOvertrainingLawMatchesItsChinchillaForm() {
        double[] over = {1.51, 141, 190, 0.121};
        double scale = Math.pow(6, -0.121);
        double[] chin = {1.51, 141 * scale, 190 * scale, 0.242, 0.242};
        ComputeOptimal.Allocation numeric = ComputeOptimal.of(OvertrainingLaw.INSTANCE, over, COMPUTE);
        ComputeOptimal.Allocation closed = ComputeOptimal.chinchilla(chin, COMPUTE);
        assertThat(numeric.N()).isCloseTo(closed.N(), within(closed.N() * 1e-4));
        // M* = (b/a)^(1/(2 eta)) is the closed-form multiplier
        assertThat(closed.tokensPerParameter()).isCloseTo(OvertrainingLaw.optimalMultiplier(over),
                within(1e-9 * closed.tokensPerParameter()));
    }

    @Test
    void computeForLossInvertsTheFrontier() {
        ComputeOptimal.Allocation at = ComputeOptimal.chinchilla(EPOCH, COMPUTE);
        ComputeOptimal.Allocation back = ComputeOptimal.computeForLoss(ChinchillaLaw.INSTANCE, EPOCH, at.loss());
        assertThat(back.compute()).isCloseTo(COMPUTE, within(COMPUTE * 1e-9));
        assertThatThrownBy(() -> ComputeOptimal.computeForLoss(ChinchillaLaw.INSTANCE, EPOCH, 1.8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not reached with 1e40 FLOPs");
    }

    @Test
    void badArgumentsAreRejectedWithExactMessages() {
        assertThatThrownBy(() -> ComputeOptimal.chinchilla(EPOCH, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("compute must be positive and finite: -1.0");
        assertThatThrownBy(() -> ComputeOptimal.exponents(new double[] {1, 1, 1, 0, 0.3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("compute-optimal allocation needs A, B, alpha, beta > 0; got A=1.0 B=1.0 alpha=0.0 "
                        + "beta=0.3");
        assertThatThrownBy(() -> ComputeOptimal.numeric(KaplanLaw.N, new double[] {1, 1}, 1e20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a law in (N, D)");
    }
}
