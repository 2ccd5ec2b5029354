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
import dev.scalinglaws.fit.ParameterEstimate;
import dev.scalinglaws.fit.internal.Quantiles;
import org.junit.jupiter.api.Test;

class AsymptoticCovarianceTest {

    /** Epoch's bootstrap standard errors (data/chinchilla-epoch/PROVENANCE.md), order E, A, B, alpha, beta. */
    static final double[] EPOCH_SE = {0.0257, 124.52, 1293.28, 0.0154, 0.0206};

    @Test
    void sandwichStandardErrorsOnTheEpochFit() {
        FitResult fit = EpochFixtures.fit();
        assertThat(fit.status()).isEqualTo(FitStatus.CONVERGED);
        System.out.println(fit);
        System.out.println("correlations " + fit.identifiability().parameters() + " "
                + java.util.Arrays.deepToString(fit.identifiability().correlation()));
        for (AsymptoticCovariance.Form form : AsymptoticCovariance.Form.values()) {
            AsymptoticCovariance cov = AsymptoticCovariance.of(fit, EpochFixtures.data(), form);
            List<ParameterEstimate> se = cov.standardErrors();
            StringBuilder sb = new StringBuilder(form + " dof " + cov.degreesOfFreedom());
            for (int j = 0; j < 5; j++) {
                sb.append(String.format(" %s %.4g (epoch %.4g, ratio %.3f)", se.get(j).name(), se.get(j).stdError(),
                        EPOCH_SE[j], se.get(j).stdError() / EPOCH_SE[j]));
            }
            System.out.println(sb);
            System.out.println(cov.interval(DerivedQuantity.allocationExponentA(), 0.95));
        }
        // The smoothed sandwich matches Epoch's bootstrap SEs of E, A and alpha within 20%. B and beta are the
        // weakly identified pair (correlation of ln B and beta 0.999): their bootstrap distributions are
        // right-skewed, so the bootstrap SD exceeds the curvature-based SE; compared on a robust scale
        // (IQR / 1.349 of the bootstrap replicates, which the normal approximation targets) they agree within 25%.
        AsymptoticCovariance smoothed = AsymptoticCovariance.of(fit, EpochFixtures.data(),
                AsymptoticCovariance.Form.SMOOTHED_SANDWICH);
        List<ParameterEstimate> se = smoothed.standardErrors();
        assertThat(AsymptoticCovariance.standardErrors(fit, EpochFixtures.data())).isEqualTo(se);
        for (int j : new int[] {ChinchillaLaw.E, ChinchillaLaw.A, ChinchillaLaw.ALPHA}) {
            assertThat(se.get(j).stdError() / EPOCH_SE[j]).as(se.get(j).name()).isBetween(0.8, 1.2);
        }
        BootstrapResult boot = Bootstrap.run(fit, EpochFixtures.data(),
                BootstrapOptions.epoch(EpochFixtures.HOFFMANN_START).withSeed(2024), List.of());
        for (int j : new int[] {ChinchillaLaw.B, ChinchillaLaw.BETA}) {
            double[] v = boot.replicates(se.get(j).name());
            java.util.Arrays.sort(v);
            double robust = (Quantiles.type7(v, 0.75) - Quantiles.type7(v, 0.25)) / 1.349;
            System.out.printf(java.util.Locale.ROOT, "%s: smoothed sandwich %.4g, bootstrap SD %.4g, bootstrap "
                    + "IQR/1.349 %.4g%n", se.get(j).name(), se.get(j).stdError(), boot.standardError(se.get(j).name()),
                    robust);
            assertThat(se.get(j).stdError() / robust).as(se.get(j).name()).isBetween(0.75, 1.25);
        }
    }

    @Test
    void pinnedParametersHaveZeroStandardErrorAndDofCountsFreeOnly() {
        FitResult fit = dev.scalinglaws.fit.Fitter.fit(ChinchillaLaw.INSTANCE, EpochFixtures.data(),
                EpochFixtures.singleStartSpec().withPin("E", 1.8));
        AsymptoticCovariance cov = AsymptoticCovariance.of(fit, EpochFixtures.data(),
                AsymptoticCovariance.Form.SANDWICH);
        assertThat(cov.degreesOfFreedom()).isEqualTo(240 - 4);
        assertThat(cov.standardErrors().get(ChinchillaLaw.E).stdError()).isZero();
        assertThat(cov.standardErrors().get(ChinchillaLaw.A).stdError()).isPositive();
    }

    @Test
    void leastSquaresGaussNewtonEqualsSandwichUnderHomoscedasticSyntheticNoise() {
        double[] truth = {1.7, 400, 1200, 0.34, 0.28};
        dev.scalinglaws.core.Dataset d = SyntheticChinchilla.generate(truth, 0.01, 7);
        FitResult fit = dev.scalinglaws.fit.Fitter.fit(ChinchillaLaw.INSTANCE, d,
                SyntheticChinchilla.spec(truth).withLoss(dev.scalinglaws.fit.Loss.squared()));
        double[][] gn = AsymptoticCovariance.of(fit, d, AsymptoticCovariance.Form.GAUSS_NEWTON).covariance();
        double[][] sw = AsymptoticCovariance.of(fit, d, AsymptoticCovariance.Form.SANDWICH).covariance();
        for (int j = 0; j < 5; j++) {
            assertThat(Math.sqrt(sw[j][j] / gn[j][j])).isBetween(0.7, 1.3);
        }
    }
}
