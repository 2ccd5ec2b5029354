/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.bench;

import java.util.Locale;
import java.util.SplittableRandom;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaw;

/**
 * Synthetic benchmark inputs: n training runs with N log-uniform in [5e7, 2e10] and D log-uniform in [1e9, 1e12]
 * (the span of the Chinchilla runs), C = 6ND, and a response drawn from the law at a published parameter vector
 * with multiplicative log-normal noise (sd 0.02 in log space, plus 2% outliers at sd 0.3) so that the Huber loss
 * sees both its quadratic and its linear regime. Every draw comes from {@link SplittableRandom} seeded with
 * {@code seed}: the same (law, n, seed) always gives the same data.
 *
 * <p>Not API; used by the benchmarks and the race only.
 */
final class Synthetic {

    /** The seed every benchmark uses. */
    static final long SEED = 20240404L;

    private Synthetic() {
    }

    /**
     * A published (or representative) parameter vector for a built-in law, in the law's theta order.
     *
     * @param law a built-in law
     * @return natural parameters
     */
    static double[] truth(ScalingLaw law) {
        return switch (law.name()) {
            // Kaplan et al. 2020, Table 5 / eq. 1.1-1.3 (C in FLOPs: 3.1e8 PF-days * 8.64e19)
            case "kaplan-n" -> new double[] {8.8e13, 0.076};
            case "kaplan-d" -> new double[] {5.4e13, 0.095};
            case "kaplan-c" -> new double[] {3.1e8 * 8.64e19, 0.050};
            case "kaplan-nd" -> new double[] {8.8e13, 5.4e13, 0.076, 0.095};
            // Epoch AI's replication of Chinchilla (Besiroglu et al. 2024): E, A, B, alpha, beta
            case "chinchilla" -> new double[] {1.82, 482.01, 2085.43, 0.3478, 0.3658};
            // Gadre et al. 2024 shape with Chinchilla-like magnitudes: E, a, b, eta
            case "overtraining" -> new double[] {1.8, 1.0e4, 3.0e4, 0.17};
            default -> throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "no benchmark parameters for law %s", law.name()));
        };
    }

    /**
     * A start near the truth (every parameter moved by 5%), so that residuals are not all zero and an optimiser has
     * work to do.
     *
     * @param law a built-in law
     * @return natural parameters
     */
    static double[] nearTruth(ScalingLaw law) {
        double[] t = truth(law);
        for (int j = 0; j < t.length; j++) {
            t[j] *= (j % 2 == 0) ? 1.05 : 0.95;
        }
        return t;
    }

    /**
     * A dataset of n rows with columns N, D, C and loss.
     *
     * @param law  the law generating the response
     * @param n    rows
     * @param seed seed
     * @return the dataset
     */
    static Dataset dataset(ScalingLaw law, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] nn = new double[n];
        double[] dd = new double[n];
        double[] cc = new double[n];
        for (int i = 0; i < n; i++) {
            nn[i] = Math.exp(Math.log(5e7) + rng.nextDouble() * (Math.log(2e10) - Math.log(5e7)));
            dd[i] = Math.exp(Math.log(1e9) + rng.nextDouble() * (Math.log(1e12) - Math.log(1e9)));
            cc[i] = 6 * nn[i] * dd[i];
        }
        Dataset covariates = Dataset.builder("synthetic:" + law.name() + ":" + n).column("N", nn).column("D", dd)
                .column("C", cc).build();
        Columns x = covariates.covariates(law);
        double[] logLoss = new double[n];
        law.evaluateLog(truth(law), x, 0, n, logLoss, null);
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            double noise = rng.nextDouble() < 0.02 ? 0.3 * gaussian(rng) : 0.02 * gaussian(rng);
            loss[i] = Math.exp(logLoss[i] + noise);
        }
        return Dataset.builder("synthetic:" + law.name() + ":" + n).column("N", nn).column("D", dd).column("C", cc)
                .column("loss", loss).build();
    }

    /** The Chinchilla law's synthetic data (the layout of the 10^4 .. 10^6-point fits). */
    static Dataset chinchilla(int n) {
        return dataset(ChinchillaLaw.INSTANCE, n, SEED);
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller (one value per call; determinism matters here, not speed)
        double u1 = 1 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
