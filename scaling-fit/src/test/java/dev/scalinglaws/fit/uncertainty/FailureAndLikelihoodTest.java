/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitStatus;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Loss;
import org.junit.jupiter.api.Test;

class FailureAndLikelihoodTest {

    @Test
    void failedRefitsAreCountedAndFlagTheIntervals() {
        // a fit whose spec allows 2 iterations: refits from Hoffmann's start cannot converge
        FitResult fit = Fitter.fit(ChinchillaLaw.INSTANCE, EpochFixtures.data(),
                EpochFixtures.singleStartSpec().withMaxIterations(2));
        BootstrapResult r = Bootstrap.run(fit, EpochFixtures.data(),
                BootstrapOptions.epoch(EpochFixtures.HOFFMANN_START).withResamples(20).withThreads(2), List.of());
        assertThat(r.failed()).isEqualTo(20);
        assertThat(r.failuresByStatus()).containsKey(FitStatus.MAX_ITERATIONS);
        assertThat(r.replicates("alpha")).containsOnly(Double.NaN);
        Interval iv = r.interval("alpha");
        assertThat(iv.ok()).isFalse();
        assertThat(iv.status()).isEqualTo(Interval.Status.TOO_MANY_FAILURES);
        List<dev.scalinglaws.fit.Diagnostic> failed = r.diagnostics().stream()
                .filter(d -> d.code() == dev.scalinglaws.fit.DiagnosticCode.REFITS_FAILED).toList();
        System.out.println(failed);
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).message()).startsWith("20 of 20 bootstrap refits failed");
    }

    @Test
    void huberLikelihoodFitHasFiniteSandwichAndUnscaledProfile() {
        FitResult fit = Fitter.fit(ChinchillaLaw.INSTANCE, EpochFixtures.data(),
                EpochFixtures.singleStartSpec().withLoss(Loss.huberLikelihood(1e-3)));
        System.out.println(fit + " scale " + fit.scale());
        assertThat(fit.status()).isEqualTo(FitStatus.CONVERGED);
        AsymptoticCovariance cov = AsymptoticCovariance.of(fit, EpochFixtures.data(),
                AsymptoticCovariance.Form.SMOOTHED_SANDWICH);
        assertThat(cov.finite()).isTrue();
        assertThat(cov.degreesOfFreedom()).isEqualTo(240 - 6);
        ProfileLikelihood profile = ProfileLikelihood.of(fit, EpochFixtures.data());
        assertThat(profile.scale(DerivedQuantity.parameter(ChinchillaLaw.INSTANCE, "alpha"))).isEqualTo(1.0);
        DerivedQuantity al = DerivedQuantity.parameter(ChinchillaLaw.INSTANCE, "alpha");
        for (double v : new double[] {0.3478, 0.348, 0.35, 0.36}) {
            System.out.println("S(" + v + ") = " + profile.statistic(al, v));
        }
        Interval p = profile.interval("alpha", 0.95);
        Interval w = cov.interval(DerivedQuantity.parameter(ChinchillaLaw.INSTANCE, "alpha"), 0.95);
        System.out.println(p + " | " + w);
        assertThat(p.status()).isNotEqualTo(Interval.Status.NON_FINITE);
        assertThat(p.contains(p.estimate())).isTrue();
        assertThat(w.ok()).isTrue();
    }
}
