/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Row weights reach every optimiser: a row with weight 0 changes nothing, and weight 2 equals the row repeated.
 */
class WeightsTest {

    @ParameterizedTest
    @EnumSource(Optimizer.class)
    void zeroWeightRowsAreIgnoredAndWeightTwoEqualsARepeatedRow(Optimizer optimizer) {
        Dataset base = SyntheticRecoveryTest.synthetic(ChinchillaLaw.INSTANCE, SyntheticRecoveryTest.CHINCHILLA, 21L);
        int n = base.size();
        // an absurd outlier with weight 0
        double[] nn = Arrays.copyOf(base.column("N"), n + 1);
        double[] dd = Arrays.copyOf(base.column("D"), n + 1);
        double[] loss = Arrays.copyOf(base.column("loss"), n + 1);
        double[] w = new double[n + 1];
        Arrays.fill(w, 1);
        nn[n] = 1e9;
        dd[n] = 2e10;
        loss[n] = 50;
        w[n] = 0;
        Dataset withOutlier = Dataset.builder("synthetic").column("N", nn).column("D", dd).column("loss", loss)
                .column("w", w).weights("w").build();
        Dataset plain = Dataset.builder("synthetic").column("N", Arrays.copyOf(nn, n))
                .column("D", Arrays.copyOf(dd, n)).column("loss", Arrays.copyOf(loss, n)).build();
        FitSpec spec = FitSpec.defaults().withLoss(Loss.squared()).withOptimizer(optimizer)
                .withStarts(Starts.sobol(16, 0));
        FitResult a = Fitter.fit(ChinchillaLaw.INSTANCE, withOutlier, spec);
        FitResult b = Fitter.fit(ChinchillaLaw.INSTANCE, plain, spec);
        assertThat(a.goodness().n()).isEqualTo(n);
        assertThat(a.objective()).isCloseTo(b.objective(), within(1e-9 * b.objective()));
        assertThat(a.estimate("alpha")).isCloseTo(b.estimate("alpha"), within(1e-6));

        // weight 2 on row 0 equals row 0 twice
        double[] w2 = new double[n];
        Arrays.fill(w2, 1);
        w2[0] = 2;
        Dataset weighted = Dataset.builder("synthetic").column("N", Arrays.copyOf(nn, n))
                .column("D", Arrays.copyOf(dd, n)).column("loss", Arrays.copyOf(loss, n)).column("w", w2)
                .weights("w").build();
        int[] rows = new int[n + 1];
        for (int i = 0; i < n; i++) {
            rows[i + 1] = i;
        }
        Dataset repeated = plain.rows(rows);
        FitResult c = Fitter.fit(ChinchillaLaw.INSTANCE, weighted, spec);
        FitResult d = Fitter.fit(ChinchillaLaw.INSTANCE, repeated, spec);
        assertThat(c.objective()).isCloseTo(d.objective(), within(1e-9 * d.objective()));
        assertThat(c.estimate("beta")).isCloseTo(d.estimate("beta"), within(1e-6));
    }
}
