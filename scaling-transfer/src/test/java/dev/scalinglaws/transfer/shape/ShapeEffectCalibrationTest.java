/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * False-positive rate and power of {@link ShapeEffectAnalysis} on synthetic runs where shape does not and does
 * matter. The design: 24 runs, 8 sizes N = 1e7 .. 1e10 (log-spaced) x 3 depths per size, layers =
 * round(6 (N / 1e7)^0.12 2^j), j = 0, 1, 2 (deeper families at larger N, as in practice, so ln depth and ln N are
 * correlated but not collinear); metric = 0.25 + 40 N^-0.3 + gamma ln(layers) + 0.01 z, z standard normal from
 * {@code java.util.Random(1000 + replicate)}; bootstrap seed = replicate.
 *
 * <p>CI runs a few replicates; {@code -Dscaling.full=true} runs the study whose table is in {@code docs/shape.md}:
 * <pre>mvn -B -o -pl scaling-transfer test -Dtest=ShapeEffectCalibrationTest -Dscaling.full=true</pre>
 */
class ShapeEffectCalibrationTest {

    private static final boolean FULL = Boolean.getBoolean("scaling.full");
    private static final double[] SIZES = new double[8];
    private static final double[] LAYERS = new double[24];
    private static final double[] N = new double[24];

    static {
        for (int i = 0; i < 8; i++) {
            SIZES[i] = 1e7 * Math.pow(1000, i / 7.0);
            for (int j = 0; j < 3; j++) {
                N[3 * i + j] = SIZES[i];
                LAYERS[3 * i + j] = Math.round(6 * Math.pow(SIZES[i] / 1e7, 0.12) * Math.pow(2, j));
            }
        }
    }

    static double[] metric(double gamma, int replicate, SizeLaw truth) {
        Random random = new Random(1000 + replicate);
        double[] y = new double[N.length];
        for (int i = 0; i < y.length; i++) {
            double size = truth == SizeLaw.POWER_LAW ? 0.25 + 40 * Math.pow(N[i], -0.3) : 1.2 - 0.04 * Math.log(N[i]);
            y[i] = size + gamma * Math.log(LAYERS[i]) + 0.01 * random.nextGaussian();
        }
        return y;
    }

    /** Rejection rates {Wilks, bootstrap, AIC prefers shape} over replicates. */
    static double[] rejectionRates(SizeLaw law, double gamma, int replicates, int resamples) {
        int wilks = 0;
        int bootstrap = 0;
        int aic = 0;
        for (int r = 0; r < replicates; r++) {
            ShapeEffectReport report = ShapeEffectAnalysis.defaults().withSizeLaw(law).withResamples(resamples)
                    .withSeed(r).test(N, LAYERS, metric(gamma, r, law));
            wilks += report.wilksPValue() < 0.05 ? 1 : 0;
            bootstrap += report.bootstrapPValue() < 0.05 ? 1 : 0;
            aic += report.aicDifference() > 0 ? 1 : 0;
        }
        return new double[] {(double) wilks / replicates, (double) bootstrap / replicates, (double) aic / replicates};
    }

    @Test
    void falsePositiveRateNearNominalAndPowerGrowsWithEffect() {
        int nullReplicates = FULL ? 1000 : 40;
        int altReplicates = FULL ? 500 : 20;
        int resamples = FULL ? 199 : 99;
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "| size law | gamma | replicates | Wilks reject | bootstrap reject | AIC prefers shape |%n"
                        + "|---|---|---|---|---|---|%n"));
        for (SizeLaw law : SizeLaw.values()) {
            for (double gamma : new double[] {0, -0.005, -0.01, -0.02}) {
                int reps = gamma == 0 ? nullReplicates : altReplicates;
                double[] rates = rejectionRates(law, gamma, reps, resamples);
                table.append(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.3f |%n", law, gamma, reps,
                        rates[0], rates[1], rates[2]));
                if (gamma == 0) {
                    assertThat(rates[1]).as("bootstrap false-positive rate, %s", law)
                            .isLessThanOrEqualTo(FULL ? 0.07 : 0.15);
                    if (FULL) {
                        assertThat(rates[1]).isGreaterThanOrEqualTo(0.03);
                    }
                }
                if (gamma == -0.02) {
                    assertThat(rates[1]).as("bootstrap power, %s", law).isGreaterThanOrEqualTo(0.8);
                }
            }
        }
        System.out.printf(Locale.ROOT, "shape-effect calibration (%d resamples per test):%n%s", resamples, table);
    }
}
