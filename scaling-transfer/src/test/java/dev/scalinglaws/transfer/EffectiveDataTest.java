/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.DataException;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.KaplanNDLaw;
import dev.scalinglaws.core.ScalingLaws;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.FitStatus;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Loss;
import dev.scalinglaws.fit.ResidualSpace;
import dev.scalinglaws.fit.Starts;
import org.junit.jupiter.api.Test;

/** Effective data transferred (Hernandez et al. 2021, arXiv:2102.01293) and the effective-data loss law. */
class EffectiveDataTest {

    static final double[] TEXT = {1.9e4, 0.18, 0.38};
    static final double[] TEXT_CODE = {2.1e5, 0.096, 0.38};

    /**
     * Golden: with Table 1's text-to-Python constants, 10x model size multiplies D_T by 10^0.38, which fine-tuning data
     * alone matches only at 10^(0.38/0.18) = 129.2x: "10x model size is worth about 100x fine-tuning data" (beta/alpha
     * about 2).
     */
    @Test
    void tenTimesTheModelIsWorthAboutAHundredTimesTheData() {
        double n = 1e8;
        double df = 1e7;
        double up = EffectiveDataLaw.transferred(TEXT, df, 10 * n) / EffectiveDataLaw.transferred(TEXT, df, n);
        assertThat(up).isCloseTo(Math.pow(10, 0.38), within(1e-12));
        double factor = EffectiveDataLaw.equivalentDataFactor(TEXT, 10);
        assertThat(factor).isCloseTo(Math.pow(10, 0.38 / 0.18), within(1e-9));
        assertThat(factor).isCloseTo(129.155, within(0.001));
        assertThat(EffectiveDataLaw.transferred(TEXT, factor * df, n) / EffectiveDataLaw.transferred(TEXT, df, n))
                .isCloseTo(up, within(1e-12));
        assertThat(0.38 / 0.18).isCloseTo(2.111, within(1e-3));
        // text + code -> Python transfers more per character at small Df but grows more slowly with Df
        assertThat(EffectiveDataLaw.equivalentDataFactor(TEXT_CODE, 10)).isCloseTo(Math.pow(10, 0.38 / 0.096),
                within(1e-6));
        assertThat(EffectiveDataLaw.TEXT_TO_PYTHON).containsExactly(1.9e4, 0.18, 0.38);
        assertThat(EffectiveDataLaw.TEXT_AND_CODE_TO_PYTHON).containsExactly(2.1e5, 0.096, 0.38);
    }

    @Test
    void multiplierAndFraction() {
        double df = 1e6;
        double n = 1e9;
        double dt = 1.9e4 * Math.pow(df, 0.18) * Math.pow(n, 0.38);
        assertThat(EffectiveDataLaw.transferred(TEXT, df, n)).isCloseTo(dt, within(dt * 1e-12));
        assertThat(EffectiveDataLaw.effectiveDataMultiplier(TEXT, df, n)).isCloseTo((df + dt) / df, within(1e-9));
        assertThat(EffectiveDataLaw.fractionFromTransfer(TEXT, df, n)).isCloseTo(dt / (df + dt), within(1e-15));
        assertThatThrownBy(() -> EffectiveDataLaw.transferred(TEXT, -1, n)).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("Df");
    }

    @Test
    void recoversConstantsFromRows() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 40;
        double[] df = new double[n];
        double[] size = new double[n];
        double[] dt = new double[n];
        for (int i = 0; i < n; i++) {
            df[i] = Math.pow(10, 4 + 4 * rng.nextDouble());
            size[i] = Math.pow(10, 6 + 3 * rng.nextDouble());
            dt[i] = EffectiveDataLaw.transferred(TEXT, df[i], size[i]) * Math.exp(0.01 * rng.nextGaussian());
        }
        Dataset data = Dataset.builder("synthetic").column("Df", df).column("N", size).column("DT", dt).build();
        FitResult fit = Fitter.fit(ScalingLaws.byName("effective-data"), data,
                FitSpec.defaults().withLoss(Loss.squared()).withStarts(Starts.sobol(16, 0)).withThreads(1));
        assertThat(fit.status()).isEqualTo(FitStatus.CONVERGED);
        assertThat(fit.estimate("alpha")).isCloseTo(0.18, within(0.01));
        assertThat(fit.estimate("beta")).isCloseTo(0.38, within(0.01));
        assertThat(Math.log(fit.estimate("k"))).isCloseTo(Math.log(1.9e4), within(0.2));
    }

    @Test
    void badRowsAreRejected() {
        Dataset data = Dataset.builder("rows.csv").column("Df", new double[] {1e5, -3, 1e6, 1e7})
                .column("N", new double[] {1e8, 1e8, 1e9, 1e9}).column("DT", new double[] {1e7, 1e7, 2e7, 3e7})
                .build();
        assertThatThrownBy(() -> Fitter.fit(EffectiveDataLaw.INSTANCE, data, FitSpec.defaults()))
                .isInstanceOf(DataException.class).hasMessageContaining("row 2").hasMessageContaining("Df");
    }

    @Test
    void effectiveDataLossLawRecoversTheTransferWithInnerPinned() {
        double[] chinchilla = {1.69, 406.4, 410.7, 0.34, 0.28};
        EffectiveDataLossLaw law = EffectiveDataLossLaw.of(ChinchillaLaw.INSTANCE);
        assertThat(law.covariates()).containsExactly("N", "Df");
        assertThat(law.parameters().stream().map(p -> p.name()).toList()).containsExactly("E", "A", "B", "alpha",
                "beta", "kT", "alphaT", "betaT");
        double[] truth = law.theta(chinchilla, new double[] {50, 0.4, 0.3});
        SplittableRandom rng = new SplittableRandom(3);
        int n = 60;
        double[] size = new double[n];
        double[] df = new double[n];
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            size[i] = Math.pow(10, 7 + 3 * rng.nextDouble());
            df[i] = Math.pow(10, 5 + 4 * rng.nextDouble());
            loss[i] = law.value(truth, size[i], df[i]) * Math.exp(1e-4 * rng.nextGaussian());
        }
        // a fine-tuned model at (N, Df) has the loss of a from-scratch model trained on D_E = Df + D_T
        double de = 1e6 + 50 * Math.pow(1e6, 0.4) * Math.pow(1e8, 0.3);
        assertThat(law.value(truth, 1e8, 1e6)).isCloseTo(ChinchillaLaw.INSTANCE.value(chinchilla, 1e8, de),
                within(1e-12));
        Dataset data = Dataset.builder("synthetic").column("N", size).column("Df", df).column("loss", loss).build();
        FitSpec spec = law.pinInner(FitSpec.defaults().withLoss(Loss.squared()).withResidual(ResidualSpace.LOG)
                .withStarts(Starts.sobol(24, 0)).withThreads(1), chinchilla);
        FitResult fit = Fitter.fit(law, data, spec);
        assertThat(fit.estimate("alphaT")).isCloseTo(0.4, within(0.02));
        assertThat(fit.estimate("betaT")).isCloseTo(0.3, within(0.02));
        assertThat(fit.estimate("A")).isEqualTo(406.4);
    }

    @Test
    void wrapperNeedsNAndD() {
        assertThat(EffectiveDataLossLaw.of(KaplanNDLaw.INSTANCE).covariates()).containsExactly("N", "Df");
        assertThatThrownBy(() -> EffectiveDataLossLaw.of(RectifiedLaw.INSTANCE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs N and D");
    }
}
