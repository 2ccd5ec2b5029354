/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.KaplanNDLaw;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.datasets.Datasets;
import dev.scalinglaws.fit.uncertainty.AsymptoticCovariance;
import org.junit.jupiter.api.Test;

/**
 * {@link Fitter#fit} attaches its standard errors from the problem it has just compiled; they must equal, bit for
 * bit, the smoothed sandwich computed afterwards from the fit and its data ({@link AsymptoticCovariance#of}).
 */
class FitterStandardErrorsTest {

    @Test
    void chinchillaOnTheEpochData() {
        assertSameAsFromTheData(ChinchillaLaw.INSTANCE, Datasets.chinchilla(), epochSpec());
    }

    @Test
    void chinchillaWithTheHuberLikelihood() {
        assertSameAsFromTheData(ChinchillaLaw.INSTANCE, Datasets.chinchilla(),
                epochSpec().withLoss(Loss.huberLikelihood(1e-3)));
    }

    @Test
    void kaplanNDWithSquaredLoss() {
        assertSameAsFromTheData(KaplanNDLaw.INSTANCE, SyntheticRecoveryTest.synthetic(KaplanNDLaw.INSTANCE,
                        SyntheticRecoveryTest.KAPLAN_ND, 3L),
                FitSpec.defaults().withLoss(Loss.squared()).withStarts(Starts.sobol(8, 0)).withThreads(1));
    }

    @Test
    void pinnedParameters() {
        assertSameAsFromTheData(ChinchillaLaw.INSTANCE, synthetic(5L),
                FitSpec.defaults().withStarts(Starts.sobol(8, 0)).withThreads(1).withPin("E", 1.8)
                        .withPin("beta", 0.37));
    }

    @Test
    void boundsAndLinearResiduals() {
        assertSameAsFromTheData(ChinchillaLaw.INSTANCE, synthetic(7L),
                FitSpec.defaults().withLoss(Loss.squared()).withResidual(ResidualSpace.LINEAR)
                        .withStarts(Starts.sobol(8, 0)).withThreads(1).withBound("alpha", 0.2, 0.34)
                        .withBound("E", 1, 3));
    }

    @Test
    void rowWeightsIncludingZeros() {
        SplittableRandom rng = new SplittableRandom(11L);
        double[] w = new double[200];
        for (int i = 0; i < w.length; i++) {
            w[i] = i % 17 == 0 ? 0 : 0.5 + rng.nextDouble();
        }
        assertSameAsFromTheData(ChinchillaLaw.INSTANCE, synthetic(9L).withColumn("w", w).withWeights("w"),
                epochSpec());
    }

    @Test
    void otherDataIsRefused() {
        Dataset data = synthetic(5L);
        FitSpec spec = FitSpec.defaults().withStarts(Starts.sobol(4, 0)).withThreads(1);
        FitResult fit = Fitter.fit(ChinchillaLaw.INSTANCE, data, spec);
        assertThatThrownBy(() -> AsymptoticCovariance.standardErrors(fit, synthetic(6L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not the data this fit");
        // the same values in another object are the fit's data
        assertThat(AsymptoticCovariance.standardErrors(fit, synthetic(5L))).isEqualTo(fit.parameters());
        assertThat(AsymptoticCovariance.standardErrors(fit)).isEqualTo(fit.parameters());
    }

    private static void assertSameAsFromTheData(ScalingLaw law, Dataset data, FitSpec spec) {
        FitResult fit = Fitter.fit(law, data, spec);
        List<ParameterEstimate> fromData =
                AsymptoticCovariance.of(fit, data, AsymptoticCovariance.Form.SMOOTHED_SANDWICH).standardErrors();
        assertThat(stdErrors(fit.parameters())).isEqualTo(stdErrors(fromData));
        assertThat(fit.parameters()).isEqualTo(fromData);
        // not vacuous: the free parameters have finite, positive standard errors
        for (ParameterEstimate e : fit.parameters()) {
            if (!e.pinned()) {
                assertThat(e.stdError()).as("%s", e.name()).isPositive().isFinite();
            }
        }
    }

    /** The raw bits, so that -0.0 and NaN payloads count too. */
    private static List<Long> stdErrors(List<ParameterEstimate> estimates) {
        List<Long> out = new ArrayList<>();
        for (ParameterEstimate e : estimates) {
            out.add(Double.doubleToRawLongBits(e.stdError()));
        }
        return out;
    }

    /** {@link SyntheticRecoveryTest#synthetic} Chinchilla data (200 rows, 1% noise). */
    private static Dataset synthetic(long seed) {
        return SyntheticRecoveryTest.synthetic(ChinchillaLaw.INSTANCE, SyntheticRecoveryTest.CHINCHILLA, seed);
    }

    /** The Epoch loss (Huber 1e-3 on log residuals) from a few Sobol starts, one thread. */
    private static FitSpec epochSpec() {
        return FitSpec.epoch().withStarts(Starts.sobol(8, 0)).withThreads(1);
    }
}
