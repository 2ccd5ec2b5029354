/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import dev.scalinglaws.core.DataException;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Loss;
import dev.scalinglaws.fit.ResidualSpace;
import dev.scalinglaws.fit.Starts;
import org.junit.jupiter.api.Test;

/** The loss-to-error law. */
class LossToErrorTest {

    @Test
    void recoversSyntheticParametersWithLinearResiduals() {
        double[] truth = {0.85, 2.08, 0.756};
        SplittableRandom rng = new SplittableRandom(9);
        int n = 30;
        double[] loss = new double[n];
        double[] error = new double[n];
        for (int i = 0; i < n; i++) {
            loss[i] = 2.2 + 3 * rng.nextDouble();
            error[i] = LossToErrorLaw.INSTANCE.value(truth, loss[i]) + 1e-4 * rng.nextGaussian();
        }
        Dataset data = Dataset.builder("synthetic").column("loss", loss).column("error", error).build();
        FitSpec spec = FitSpec.defaults().withResidual(ResidualSpace.LINEAR).withLoss(Loss.squared())
                .withStarts(Starts.sobol(32, 0)).withThreads(1);
        FitResult fit = Fitter.fit(LossToErrorLaw.INSTANCE, data, spec);
        assertThat(fit.estimate("eps")).isCloseTo(0.85, within(0.01));
        assertThat(fit.estimate("k")).isCloseTo(2.08, within(0.1));
        assertThat(fit.estimate("gamma")).isCloseTo(0.756, within(0.02));
        // log residuals are refused: the law can be non-positive during a search
        assertThatThrownBy(() -> Fitter.fit(LossToErrorLaw.INSTANCE, data, spec.withResidual(ResidualSpace.LOG)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("linear residuals");
    }

    @Test
    void badLossValuesAreNamed() {
        Dataset data = Dataset.builder("evals.csv").column("loss", new double[] {3, 2.5, Double.NaN, 2.8})
                .column("error", new double[] {0.7, 0.6, 0.5, 0.65}).build();
        assertThatThrownBy(() -> Fitter.fit(LossToErrorLaw.INSTANCE, data,
                FitSpec.defaults().withResidual(ResidualSpace.LINEAR)))
                .isInstanceOf(DataException.class).hasMessageContaining("row 3").hasMessageContaining("loss");
    }
}
