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
import dev.scalinglaws.core.ScalingLaws;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Loss;
import dev.scalinglaws.fit.Starts;
import org.junit.jupiter.api.Test;

/** The transfer-gap law and its decisions. */
class TransferGapTest {

    // A, G, E, alpha, beta
    static final double[] THETA = {300, 2.0, 1.2, 0.3, 0.25};

    @Test
    void recoversSyntheticParameters() {
        SplittableRandom rng = new SplittableRandom(11);
        int n = 80;
        double[] p = new double[n];
        double[] f = new double[n];
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = Math.pow(10, 6 + 5 * rng.nextDouble());
            f[i] = Math.pow(10, 3 + 4 * rng.nextDouble());
            loss[i] = TransferGapLaw.INSTANCE.value(THETA, p[i], f[i]) * Math.exp(1e-4 * rng.nextGaussian());
        }
        Dataset data = Dataset.builder("synthetic").column("Dp", p).column("Df", f).column("loss", loss).build();
        FitResult fit = Fitter.fit(ScalingLaws.byName("transfer-gap"), data, FitSpec.defaults()
                .withLoss(Loss.squared()).withStarts(Starts.sobol(64, 0)).withThreads(1));
        assertThat(fit.estimate("G")).isCloseTo(2.0, within(0.05));
        assertThat(fit.estimate("alpha")).isCloseTo(0.3, within(0.01));
        assertThat(fit.estimate("beta")).isCloseTo(0.25, within(0.005));
        assertThat(fit.estimate("E")).isCloseTo(1.2, within(0.01));
        assertThat(TransferGap.GAP.applyAsDouble(fit.theta())).isEqualTo(fit.estimate("G"));
    }

    @Test
    void withoutGapTheOptimalRatioIsConstant() {
        double[] theta = {300, 0, 1.2, 0.3, 0.25};
        double expected = 0.25 * 1.0 / (0.3 * 4.0);
        for (double budget : new double[] {1e6, 1e9, 1e12, 1e15}) {
            TransferGap.Allocation a = TransferGap.optimalAllocation(theta, budget, 1.0, 4.0);
            assertThat(a.finetunePerPretrain()).isCloseTo(expected, within(expected * 1e-9));
            assertThat(a.budget()).isCloseTo(budget, within(budget * 1e-12));
            assertThat(a.kktResidual()).isLessThan(1e-9);
        }
    }

    @Test
    void largerGapMovesBudgetToFineTuning() {
        double previous = 0;
        for (double g : new double[] {0, 0.1, 1, 10, 100}) {
            double[] theta = {300, g, 1.2, 0.3, 0.25};
            TransferGap.Allocation a = TransferGap.optimalAllocation(theta, 1e10, 1.0, 10.0);
            double share = 10.0 * a.finetune() / a.budget();
            assertThat(share).isGreaterThan(previous);
            previous = share;
        }
    }

    @Test
    void allocationSatisfiesBudgetAndKkt() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int t = 0; t < 200; t++) {
            double[] theta = {Math.pow(10, 1 + 4 * rng.nextDouble()), 10 * rng.nextDouble(),
                0.5 + rng.nextDouble(), 0.05 + 0.6 * rng.nextDouble(), 0.05 + 0.6 * rng.nextDouble()};
            double budget = Math.pow(10, 4 + 10 * rng.nextDouble());
            double cp = Math.pow(10, -2 + 4 * rng.nextDouble());
            double cf = Math.pow(10, -2 + 4 * rng.nextDouble());
            TransferGap.Allocation a = TransferGap.optimalAllocation(theta, budget, cp, cf);
            assertThat(cp * a.pretrain() + cf * a.finetune()).isCloseTo(budget, within(budget * 1e-9));
            assertThat(a.kktResidual()).isLessThan(1e-9);
            // the Lagrange condition as stated: f = beta c_p / (alpha c_f) (p + (G/A) p^(1+alpha))
            double f = theta[4] * cp / (theta[3] * cf) * (a.pretrain()
                    + theta[1] / theta[0] * Math.pow(a.pretrain(), 1 + theta[3]));
            assertThat(a.finetune()).isCloseTo(f, within(f * 1e-9));
            // no better split nearby on the budget line
            for (double s : new double[] {0.99, 1.01}) {
                double p = a.pretrain() * s;
                double ff = (budget - cp * p) / cf;
                if (ff > 0) {
                    assertThat(TransferGap.loss(theta, p, ff)).isGreaterThanOrEqualTo(a.loss() - 1e-12 * a.loss());
                }
            }
        }
    }

    @Test
    void floorAndMarginalValues() {
        double f = 1e4;
        double floor = TransferGap.dataScarcityFloor(THETA, f);
        assertThat(floor).isCloseTo(2.0 * Math.pow(f, -0.25) + 1.2, within(1e-12));
        assertThat(TransferGap.loss(THETA, 1e30, f)).isCloseTo(floor, within(1e-6));
        TransferGap.MarginalValue v = TransferGap.marginalValue(THETA, 1e8, f, 1.0, 100.0);
        double h = 1e-3;
        double dp = (TransferGap.loss(THETA, 1e8 * (1 + h), f) - TransferGap.loss(THETA, 1e8 * (1 - h), f))
                / (2 * h * 1e8);
        double df = (TransferGap.loss(THETA, 1e8, f * (1 + h)) - TransferGap.loss(THETA, 1e8, f * (1 - h)))
                / (2 * h * f);
        assertThat(v.lossPerPretrain()).isCloseTo(dp, within(Math.abs(dp) * 1e-5));
        assertThat(v.lossPerFinetune()).isCloseTo(df, within(Math.abs(df) * 1e-5));
        assertThat(v.finetuneOverPretrain()).isCloseTo((df / 100.0) / dp, within(1e-4 * Math.abs(df / 100 / dp)));
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> TransferGap.optimalAllocation(THETA, -5, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("budget");
        assertThatThrownBy(() -> TransferGap.optimalAllocation(new double[] {300, 2, 1.2, 0, 0.25}, 1e9, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha > 0");
        assertThatThrownBy(() -> TransferGap.marginalValue(THETA, 1e8, 1e4, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c_p");
        assertThatThrownBy(() -> TransferGap.dataScarcityFloor(THETA, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fine-tuning data");
        // a fine-tuning row without its pre-training size
        Dataset data = Dataset.builder("runs.csv").textColumn("Dp", new String[] {"1e9", "", "1e10", "1e11", "1e9",
            "1e10"}).column("Df", new double[] {1e3, 1e4, 1e5, 1e3, 1e4, 1e5})
                .column("loss", new double[] {3, 2.9, 2.5, 2.8, 2.7, 2.4}).build();
        assertThatThrownBy(() -> Fitter.fit(TransferGapLaw.INSTANCE, data, FitSpec.defaults()))
                .isInstanceOf(DataException.class).hasMessageContaining("row 2").hasMessageContaining("Dp");
        Dataset noColumn = Dataset.builder("runs.csv").column("Df", new double[] {1e3, 1e4, 1e5, 1e3, 1e4, 1e5})
                .column("loss", new double[] {3, 2.9, 2.5, 2.8, 2.7, 2.4}).build();
        assertThatThrownBy(() -> Fitter.fit(TransferGapLaw.INSTANCE, noColumn, FitSpec.defaults()))
                .isInstanceOf(DataException.class).hasMessageContaining("Dp");
        Dataset negative = Dataset.builder("runs.csv").column("Dp", new double[] {1e9, 1e9, 1e10, 1e11, 1e9, 1e10})
                .column("Df", new double[] {1e3, -1e4, 1e5, 1e3, 1e4, 1e5})
                .column("loss", new double[] {3, 2.9, 2.5, 2.8, 2.7, 2.4}).build();
        assertThatThrownBy(() -> Fitter.fit(TransferGapLaw.INSTANCE, negative, FitSpec.defaults()))
                .isInstanceOf(DataException.class).hasMessageContaining("row 2").hasMessageContaining("Df");
    }
}
