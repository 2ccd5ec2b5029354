/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/** Invariances of the nested-model comparison. */
class ShapeEffectProperties {

    /**
     * LR is non-negative (the models are nested) and unchanged when the metric is rescaled and shifted (both models
     * have a free intercept and a free amplitude), so accuracy and error rates give the same verdict.
     */
    @Property(tries = 60)
    void likelihoodRatioIsNonNegativeAndAffineInvariant(
            @ForAll @IntRange(min = 6, max = 40) int runs,
            @ForAll @DoubleRange(min = -0.05, max = 0.05) double gamma,
            @ForAll @DoubleRange(min = -4, max = -1) double log10Noise,
            @ForAll @DoubleRange(min = -100, max = 100) double scale,
            @ForAll @DoubleRange(min = -10, max = 10) double shift,
            @ForAll long seed,
            @ForAll boolean logLinear) {
        if (Math.abs(scale) < 1e-3) {
            scale = 1;
        }
        double noise = Math.pow(10, log10Noise);
        Random random = new Random(seed);
        double[] n = new double[runs];
        double[] layers = new double[runs];
        double[] y = new double[runs];
        double[] z = new double[runs];
        for (int i = 0; i < runs; i++) {
            n[i] = Math.pow(10, 6 + 4 * random.nextDouble());
            layers[i] = 2 + random.nextInt(60);
            y[i] = 0.2 + 30 * Math.pow(n[i], -0.25) + gamma * Math.log(layers[i]) + noise * random.nextGaussian();
            z[i] = scale * y[i] + shift;
        }
        layers[0] = layers[1] + 1;
        ShapeEffectAnalysis analysis = ShapeEffectAnalysis.defaults().withResamples(0)
                .withSizeLaw(logLinear ? SizeLaw.LOG_LINEAR : SizeLaw.POWER_LAW);
        ShapeEffectReport a = analysis.test(n, layers, y);
        ShapeEffectReport b = analysis.test(n, layers, z);
        Statistics.label("shape matters").collect(a.shapeMatters());
        Statistics.label("few runs").collect(runs < 10);
        // LR = n ln(RSS_size / RSS_shape) is clamped at 0, so test the nesting it rests on: the fit with the shape
        // term (started at the size-only optimum) never ends above the size-only fit
        assertThat(a.withShape().rss()).isLessThanOrEqualTo(a.sizeOnly().rss() * (1 + 1e-9));
        assertThat(a.wilksPValue()).isBetween(0.0, 1.0);
        assertThat(b.likelihoodRatio()).isCloseTo(a.likelihoodRatio(),
                org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, a.likelihoodRatio())));
    }
}
