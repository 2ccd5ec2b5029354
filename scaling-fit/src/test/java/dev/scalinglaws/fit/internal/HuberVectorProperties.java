/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link HuberVector}, the vectorised loss accumulation of {@link Objective}, equals the scalar definition
 * SUM w_i rho(r_i), w_i psi(r_i) for Huber thresholds and least squares (delta = +infinity), for any number of rows
 * (whole vectors plus a remainder); rows of weight zero contribute nothing, even with a NaN residual.
 */
class HuberVectorProperties {

    @Property(tries = 300)
    void accumulateMatchesTheScalarDefinition(@ForAll @IntRange(min = 1, max = 300) int rows, @ForAll long seed) {
        assertThat(Simd.ENABLED).as(Simd.describe()).isTrue();
        SplittableRandom random = new SplittableRandom(seed);
        double delta = new double[] {1e-3, 0.5, Double.POSITIVE_INFINITY}[random.nextInt(3)];
        int from = random.nextInt(5);
        double[] value = new double[rows];
        double[] target = new double[from + rows];
        double[] weights = new double[from + rows];
        for (int k = 0; k < rows; k++) {
            value[k] = random.nextDouble(-2, 2);
            target[from + k] = random.nextDouble(-2, 2);
            weights[from + k] = random.nextInt(4) == 0 ? 0 : random.nextDouble(0, 3);
            if (weights[from + k] == 0 && random.nextBoolean()) {
                value[k] = Double.NaN;
            }
        }
        double[] weightedPsi = new double[rows];
        double sum = HuberVector.accumulate(delta, value, target, weights, from, from + rows, weightedPsi);
        double expected = 0;
        double scale = 0;
        double[] y = new double[rows];
        double dot = 0;
        double dotScale = 0;
        for (int k = 0; k < rows; k++) {
            double w = weights[from + k];
            double r = value[k] - target[from + k];
            double a = Math.abs(r);
            double rho = w == 0 ? 0 : w * (a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta));
            double psi = w == 0 ? 0 : w * Math.max(-delta, Math.min(delta, r));
            expected += rho;
            scale += Math.abs(rho);
            assertThat(weightedPsi[k]).as("w psi, row %d", k).isCloseTo(psi,
                    org.assertj.core.data.Offset.offset(1e-15 * Math.abs(psi) + 1e-300));
            y[k] = random.nextDouble(-1, 1);
            dot += psi * y[k];
            dotScale += Math.abs(psi * y[k]);
        }
        assertThat(Math.abs(sum - expected)).as("sum %s vs %s", sum, expected).isLessThanOrEqualTo(1e-13 * scale);
        double vectorDot = HuberVector.dot(weightedPsi, y, weights, from, rows);
        assertThat(Math.abs(vectorDot - dot)).isLessThanOrEqualTo(1e-13 * dotScale + 1e-300);
    }
}
