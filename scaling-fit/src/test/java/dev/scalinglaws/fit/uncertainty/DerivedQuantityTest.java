/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.ComputeOptimal;
import dev.scalinglaws.core.OvertrainingLaw;
import org.junit.jupiter.api.Test;

class DerivedQuantityTest {

    /** Epoch's "replicate exactly" fit (E, A, B, alpha, beta); docs/laws.md check values. */
    static final double[] EPOCH = {1.8172, 477.84, 2143.86, 0.34731, 0.36718};

    @Test
    void chinchillaAllocationMatchesTheLawsCheckValues() {
        double c = 6 * 70e9 * 1.4e12;
        assertThat(DerivedQuantity.allocationExponentA().value(EPOCH)).isCloseTo(0.5139, within(1e-4));
        assertThat(DerivedQuantity.allocationExponentB().value(EPOCH)).isCloseTo(1 - 0.5139, within(1e-4));
        assertThat(DerivedQuantity.allocationConstantG().value(EPOCH)).isCloseTo(0.1132, within(2e-4));
        assertThat(DerivedQuantity.optimalParameters(ChinchillaLaw.INSTANCE, c).value(EPOCH))
                .isCloseTo(7.4e10, within(0.05e10));
        assertThat(DerivedQuantity.optimalTokens(ChinchillaLaw.INSTANCE, c).value(EPOCH))
                .isCloseTo(1.32e12, within(0.01e12));
        assertThat(DerivedQuantity.tokensPerParameter(ChinchillaLaw.INSTANCE, c).value(EPOCH))
                .isCloseTo(17.9, within(0.1));
    }

    @Test
    void computeForLossInvertsTheOptimalLossAndIsNaNBelowTheFloor() {
        double c = 1e24;
        double loss = DerivedQuantity.optimalLoss(ChinchillaLaw.INSTANCE, c).value(EPOCH);
        assertThat(DerivedQuantity.computeForLoss(ChinchillaLaw.INSTANCE, loss).value(EPOCH))
                .isCloseTo(c, within(1e-6 * c));
        assertThat(DerivedQuantity.computeForLoss(ChinchillaLaw.INSTANCE, 1.5).value(EPOCH)).isNaN();
    }

    @Test
    void gradientsMatchAnalyticDerivatives() {
        double[] g = DerivedQuantity.allocationExponentA().gradient(EPOCH);
        double s = EPOCH[3] + EPOCH[4];
        assertThat(g[ChinchillaLaw.ALPHA]).isCloseTo(-EPOCH[4] / (s * s), within(1e-7));
        assertThat(g[ChinchillaLaw.BETA]).isCloseTo(EPOCH[3] / (s * s), within(1e-7));
        assertThat(g[ChinchillaLaw.E]).isZero();
        double[] gl = DerivedQuantity.valueAt(ChinchillaLaw.INSTANCE, 1e9, 2e10).gradient(EPOCH);
        double[] exact = ChinchillaLaw.INSTANCE.gradient(EPOCH, 1e9, 2e10);
        for (int j = 0; j < 5; j++) {
            assertThat(gl[j]).isCloseTo(exact[j], within(1e-6 * Math.abs(exact[j]) + 1e-12));
        }
    }

    @Test
    void overtrainingMultiplierAndEquivalenceWithChinchilla() {
        double[] theta = {1.51, 141, 190, 0.121};
        assertThat(DerivedQuantity.optimalMultiplier().value(theta))
                .isCloseTo(Math.pow(190.0 / 141, 1 / 0.242), within(1e-9));
        // the over-training law's optimum is M* at every compute
        double c = 1e22;
        ComputeOptimal.Allocation al = ComputeOptimal.of(OvertrainingLaw.INSTANCE, theta, c);
        assertThat(al.tokensPerParameter()).isCloseTo(OvertrainingLaw.optimalMultiplier(theta), within(1e-3 * 
                OvertrainingLaw.optimalMultiplier(theta)));
    }

    @Test
    void intervalScoreFollowsGneitingRaftery() {
        Interval iv = new Interval("x", 1, 0.5, 1.5, 0.9, "test", Interval.Status.OK);
        assertThat(iv.score(1.0)).isEqualTo(1.0);
        assertThat(iv.score(2.0)).isCloseTo(1.0 + 2 / 0.1 * 0.5, within(1e-12));
        assertThat(iv.score(0.0)).isCloseTo(1.0 + 2 / 0.1 * 0.5, within(1e-12));
        Interval bad = new Interval("x", 1, Double.NaN, 1.5, 0.9, "test", Interval.Status.OK);
        assertThat(bad.ok()).isFalse();
        assertThat(bad.status()).isEqualTo(Interval.Status.NON_FINITE);
    }
}
