/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.datasets.Datasets;
import org.junit.jupiter.api.Test;

/**
 * Golden test: Epoch AI's headline point estimate (Besiroglu et al. 2024, arXiv:2404.10102; notebook
 * {@code data_analysis.ipynb}): maximum likelihood with a Huber density (delta 1e-3) and a fitted scale on the log
 * residuals of the 240 points, from Hoffmann's unrounded values a = 6.0073404, b = 6.0179186, e = 0.5267228,
 * alpha = 0.33917084, beta = 0.2849083 with sigma = 0. Published: A 482.01, B 2085.43, E 1.8169, alpha 0.34781,
 * beta 0.36585.
 */
class HuberLikelihoodGoldenTest {

    private static final double[] HOFFMANN_UNROUNDED = {Math.exp(0.5267228), Math.exp(6.0073404),
        Math.exp(6.0179186), 0.33917084, 0.2849083};

    @Test
    void reproducesEpochHeadlineEstimate() {
        Dataset data = Datasets.chinchilla().withoutLargest("loss", 5);
        FitSpec spec = FitSpec.defaults().withLoss(Loss.huberLikelihood(1e-3))
                .withStarts(Starts.of(List.of(HOFFMANN_UNROUNDED))).withThreads(1);
        FitResult fit = Fitter.fit(ChinchillaLaw.INSTANCE, data, spec);
        assertThat(fit.status()).as("%s", fit).isEqualTo(FitStatus.CONVERGED);
        assertThat(fit.estimate("A")).isCloseTo(482.01, within(482.01 * 5e-3));
        assertThat(fit.estimate("B")).isCloseTo(2085.43, within(2085.43 * 5e-3));
        assertThat(fit.estimate("E")).isCloseTo(1.8169, within(1.8169 * 5e-3));
        assertThat(fit.estimate("alpha")).isCloseTo(0.34781, within(0.34781 * 5e-3));
        assertThat(fit.estimate("beta")).isCloseTo(0.36585, within(0.36585 * 5e-3));
        assertThat(fit.scale()).isPositive();
        // the likelihood counts the scale: k = 6, lnL = -objective
        assertThat(fit.goodness().freeParameters()).isEqualTo(6);
        assertThat(fit.goodness().logLikelihood()).isEqualTo(-fit.objective());
        assertThat(fit.goodness().aic()).isCloseTo(2 * fit.objective() + 12, within(1e-9));
    }

    @Test
    void variableProjectionFindsTheSameMaximumWithoutAStart() {
        Dataset data = Datasets.chinchilla().withoutLargest("loss", 5);
        FitResult fromStart = Fitter.fit(ChinchillaLaw.INSTANCE, data, FitSpec.defaults()
                .withLoss(Loss.huberLikelihood(1e-3)).withStarts(Starts.of(List.of(HOFFMANN_UNROUNDED))));
        FitResult projected = Fitter.fit(ChinchillaLaw.INSTANCE, data, FitSpec.defaults()
                .withLoss(Loss.huberLikelihood(1e-3)).withOptimizer(Optimizer.VARIABLE_PROJECTION));
        assertThat(projected.objective()).isLessThanOrEqualTo(fromStart.objective() + 1e-9 * Math.abs(
                fromStart.objective()));
        assertThat(projected.estimate("alpha")).isCloseTo(0.34781, within(0.34781 * 5e-3));
    }
}
