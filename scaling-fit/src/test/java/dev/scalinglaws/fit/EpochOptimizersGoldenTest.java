/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.datasets.Datasets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden test: Epoch AI's "replicate exactly" protocol (Besiroglu et al. 2024, arXiv:2404.10102; 240 points, sum of
 * Huber(1e-3) on log residuals) through every optimiser that applies. Reference: the 4,500-start L-BFGS-B grid
 * (A 477.84, B 2143.86, E 1.8172, alpha 0.34731, beta 0.36718, objective 1.018e-3).
 */
class EpochOptimizersGoldenTest {

    private static Dataset data;
    private static FitResult reference;

    @BeforeAll
    static void referenceFit() {
        data = Datasets.chinchilla().withoutLargest("loss", 5);
        reference = Fitter.fit(ChinchillaLaw.INSTANCE, data, FitSpec.epoch());
        assertThat(reference.status()).isEqualTo(FitStatus.CONVERGED);
    }

    private static void assertSameOptimum(FitResult fit, double relative) {
        assertThat(fit.status()).isEqualTo(FitStatus.CONVERGED);
        for (String name : new String[] {"E", "A", "B", "alpha", "beta"}) {
            double ref = reference.estimate(name);
            assertThat(fit.estimate(name)).as(name).isCloseTo(ref, within(Math.abs(ref) * relative));
        }
        assertThat(fit.estimate("A")).isCloseTo(477.84, within(477.84 * 1e-3));
        assertThat(fit.estimate("beta")).isCloseTo(0.36718, within(0.36718 * 1e-3));
    }

    @Test
    void levenbergMarquardtWithIrlsReachesTheGridOptimum() {
        // every 9th point of Hoffmann's grid (500 starts) keeps the test short; IRLS steps cost more than L-BFGS ones
        List<double[]> grid = Starts.hoffmann().points(ChinchillaLaw.INSTANCE);
        List<double[]> thinned = new ArrayList<>();
        for (int i = 0; i < grid.size(); i += 9) {
            thinned.add(grid.get(i));
        }
        FitResult fit = Fitter.fit(ChinchillaLaw.INSTANCE, data,
                FitSpec.epoch().withOptimizer(Optimizer.LEVENBERG_MARQUARDT).withStarts(Starts.of(thinned)));
        System.out.println("LM " + fit + " " + fit.convergence() + " s " + fit.seconds());
        assertSameOptimum(fit, 1e-3);
        assertThat(fit.objective()).isCloseTo(reference.objective(), within(reference.objective() * 1e-6));
    }

    @Test
    void variableProjectionReachesTheGridOptimumFromAtMost25Starts() {
        FitResult fit = Fitter.fit(ChinchillaLaw.INSTANCE, data,
                FitSpec.epoch().withOptimizer(Optimizer.VARIABLE_PROJECTION));
        System.out.println("VP " + fit + " " + fit.convergence() + " s " + fit.seconds());
        assertThat(fit.convergence().starts()).isLessThanOrEqualTo(25);
        // the optimum is not a lucky polish: most reduced-grid starts reach it on their own
        assertThat(fit.convergence().atBest()).isGreaterThanOrEqualTo(fit.convergence().starts() / 2);
        assertSameOptimum(fit, 1e-3);
        assertThat(fit.objective()).isCloseTo(reference.objective(), within(reference.objective() * 1e-9));
    }
}
