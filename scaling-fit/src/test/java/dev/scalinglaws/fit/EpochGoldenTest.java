/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.datasets.Datasets;
import org.junit.jupiter.api.Test;

/**
 * Golden test: Epoch AI's "replicate Hoffmann's method exactly" fit (Besiroglu et al. 2024, arXiv:2404.10102) on the
 * bundled digitisation: drop the 5 highest losses, sum of Huber(1e-3) on log residuals, Hoffmann's 4,500-start grid.
 * Published: A 477.84, B 2143.86, E 1.8172, alpha 0.34731, beta 0.36718, objective 1.018e-3 (data/chinchilla-epoch).
 */
class EpochGoldenTest {

    @Test
    void reproducesTheEpochReplicateExactlyFit() {
        Dataset data = Datasets.chinchilla().withoutLargest("loss", 5);
        assertThat(data.size()).isEqualTo(240);
        FitResult fit = Fitter.fit(ChinchillaLaw.INSTANCE, data, FitSpec.epoch());
        System.out.println(fit + " " + fit.convergence() + " seconds " + fit.seconds());
        assertThat(fit.status()).isEqualTo(FitStatus.CONVERGED);
        assertThat(fit.estimate("A")).isCloseTo(477.84, within(477.84 * 1e-3));
        assertThat(fit.estimate("B")).isCloseTo(2143.86, within(2143.86 * 1e-3));
        assertThat(fit.estimate("E")).isCloseTo(1.8172, within(1.8172 * 1e-3));
        assertThat(fit.estimate("alpha")).isCloseTo(0.34731, within(0.34731 * 1e-3));
        assertThat(fit.estimate("beta")).isCloseTo(0.36718, within(0.36718 * 1e-3));
        assertThat(fit.objective()).isCloseTo(1.0183e-3, within(1.0183e-3 * 1e-3));
        assertThat(fit.convergence().starts()).isEqualTo(4500);
        assertThat(fit.convergence().atBest()).isGreaterThan(100);
    }
}
