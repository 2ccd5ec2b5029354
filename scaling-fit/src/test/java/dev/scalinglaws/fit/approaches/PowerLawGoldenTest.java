/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.approaches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.PowerLaw;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.FitStatus;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Loss;
import dev.scalinglaws.fit.ResidualSpace;
import org.junit.jupiter.api.Test;

/**
 * Golden (issue 15): the generic {@code power} law y = k x^a fitted to Porian et al. 2024's per-budget optima
 * (optimal_pairs.csv, x = C, y = Nstar) with squared log residuals reproduces the paper's exponents: weighted by
 * 1/Nstar_logstd^2 it gives {@code a_weighted}, unweighted {@code a_basic}, to 1e-5 in each of the 11
 * configurations.
 */
class PowerLawGoldenTest {

    private static final FitSpec SPEC = FitSpec.defaults().withResidual(ResidualSpace.LOG).withLoss(Loss.squared())
            .withThreads(1);

    @Test
    void weightedAndUnweightedExponentsMatchPublished() {
        Dataset pairs = PorianFixtures.optimalPairs();
        Map<String, PorianFixtures.Published> published = PorianFixtures.published();
        for (String config : PorianFixtures.CONFIGS) {
            Dataset d = PorianFixtures.config(pairs, config);
            double[] sd = d.column("Nstar_logstd");
            double[] w = new double[sd.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = 1 / (sd[i] * sd[i]);
            }
            Dataset xy = d.withRenamedColumn("C", "x").withRenamedColumn("Nstar", "y");
            FitResult unweighted = Fitter.fit(PowerLaw.INSTANCE, xy, SPEC);
            FitResult weighted = Fitter.fit(PowerLaw.INSTANCE, xy.withColumn("w", w).withWeights("w"), SPEC);
            assertThat(unweighted.status()).as(config).isEqualTo(FitStatus.CONVERGED);
            assertThat(weighted.status()).as(config).isEqualTo(FitStatus.CONVERGED);
            assertThat(unweighted.estimate("a")).as(config).isCloseTo(published.get(config).aBasic(), within(1e-5));
            assertThat(weighted.estimate("a")).as(config).isCloseTo(published.get(config).aWeighted(),
                    within(1e-5));
        }
    }
}
