/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Loss;
import org.junit.jupiter.api.Test;

class ProfileLikelihoodTest {

    @Test
    void leastSquaresProfileMatchesWaldOnNearlyLinearSyntheticData() {
        double[] truth = {1.7, 400, 1200, 0.34, 0.28};
        Dataset d = SyntheticChinchilla.generate(truth, 0.01, 11);
        FitResult fit = Fitter.fit(ChinchillaLaw.INSTANCE, d, SyntheticChinchilla.spec(truth).withLoss(Loss.squared()));
        ProfileLikelihood profile = ProfileLikelihood.of(fit, d);
        AsymptoticCovariance cov = AsymptoticCovariance.of(fit, d, AsymptoticCovariance.Form.SANDWICH);
        for (String name : new String[] {"E", "alpha", "beta"}) {
            Interval p = profile.interval(name, 0.95);
            Interval w = cov.interval(DerivedQuantity.parameter(ChinchillaLaw.INSTANCE, name), 0.95);
            System.out.println(p + " | " + w);
            assertThat(p.ok()).isTrue();
            assertThat(p.contains(p.estimate())).isTrue();
            assertThat(p.width()).isCloseTo(w.width(), within(0.35 * w.width()));
        }
        Interval a = profile.interval(DerivedQuantity.allocationExponentA(), 0.95);
        Interval wa = cov.interval(DerivedQuantity.allocationExponentA(), 0.95);
        System.out.println(a + " | " + wa);
        assertThat(a.ok()).isTrue();
        assertThat(a.width()).isCloseTo(wa.width(), within(0.35 * wa.width()));
        // the statistic at the bound equals the chi-square threshold
        assertThat(profile.statistic(DerivedQuantity.allocationExponentA(), a.upper())).isCloseTo(3.8415,
                within(0.05));
    }

    @Test
    void epochFitProfiles() {
        ProfileLikelihood profile = ProfileLikelihood.of(EpochFixtures.fit(), EpochFixtures.data());
        for (String name : new String[] {"E", "A", "B", "alpha", "beta"}) {
            Interval p = profile.interval(name, 0.95);
            System.out.println(p);
            assertThat(p.status()).isNotEqualTo(Interval.Status.NON_FINITE);
            assertThat(p.contains(p.estimate())).isTrue();
        }
        Interval a = profile.interval(DerivedQuantity.allocationExponentA(), 0.95);
        System.out.println(a);
        assertThat(a.ok()).isTrue();
        assertThat(a.contains(0.5139)).isTrue();
    }
}
