/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.shape.T5Configs;
import dev.scalinglaws.core.shape.TransformerShape;
import java.util.Random;
import org.apache.commons.statistics.distribution.FDistribution;
import org.junit.jupiter.api.Test;

class ShapeEffectAnalysisTest {

    private static final double[] N = new double[24];
    private static final double[] LAYERS = new double[24];

    static {
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 3; j++) {
                N[3 * i + j] = 1e7 * Math.pow(1000, i / 7.0);
                LAYERS[3 * i + j] = Math.round(6 * Math.pow(N[3 * i + j] / 1e7, 0.12) * Math.pow(2, j));
            }
        }
    }

    private static double[] powerLawMetric(double gamma, double noise, long seed) {
        Random random = new Random(seed);
        double[] y = new double[N.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = 0.25 + 40 * Math.pow(N[i], -0.3) + gamma * Math.log(LAYERS[i]) + noise * random.nextGaussian();
        }
        return y;
    }

    @Test
    void recoversTheGeneratingPowerLawWithAndWithoutShape() {
        double[] y = powerLawMetric(-0.02, 1e-6, 1);
        ShapeEffectReport report = ShapeEffectAnalysis.defaults().withResamples(0).test(N, LAYERS, y);
        NestedFit alt = report.withShape();
        assertThat(alt.estimate("E")).isCloseTo(0.25, within(1e-3));
        assertThat(alt.estimate("A")).isCloseTo(40, within(0.5));
        assertThat(alt.estimate("alpha")).isCloseTo(0.3, within(1e-3));
        assertThat(report.shapeCoefficient()).isCloseTo(-0.02, within(1e-4));
        assertThat(report.shapeMatters()).isTrue();
        assertThat(report.wilksPValue()).isLessThan(1e-10);
        assertThat(report.aicDifference()).isGreaterThan(100);
        assertThat(report.bootstrapPValue()).isNaN();
        assertThat(report.pValue()).isEqualTo(report.wilksPValue());
        assertThat(alt.names()).containsExactly("E", "A", "alpha", "gamma");
        assertThat(report.sizeOnly().names()).containsExactly("E", "A", "alpha");
        assertThat(alt.onBound()).isFalse();
        assertThat(report.summary()).startsWith("shape matters beyond size");
    }

    @Test
    void noShapeEffectIsNotFlagged() {
        double[] y = powerLawMetric(0, 0.01, 7);
        ShapeEffectReport report = ShapeEffectAnalysis.defaults().withResamples(199).withSeed(3).test(N, LAYERS, y);
        // the nested fit ends at or below the size-only fit, and LR is n ln of their RSS ratio (not only its clamp)
        assertThat(report.withShape().rss()).isLessThanOrEqualTo(report.sizeOnly().rss() * (1 + 1e-9));
        assertThat(report.likelihoodRatio()).isCloseTo(Math.max(0, N.length * Math.log(report.sizeOnly().rss()
                / report.withShape().rss())), within(1e-12));
        assertThat(report.shapeMatters()).as(report.summary()).isFalse();
        assertThat(report.failedResamples()).isZero();
    }

    @Test
    void logLinearMatchesOrdinaryLeastSquaresAndTheExactFTest() {
        // with a linear null model LR is a monotone function of F, so the parametric bootstrap must reproduce the
        // exact F(1, n - 3) p-value up to Monte Carlo error (sd below 0.011 with 2000 resamples)
        Random random = new Random(11);
        double[] y = new double[N.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = 1.2 - 0.04 * Math.log(N[i]) - 0.004 * Math.log(LAYERS[i]) + 0.01 * random.nextGaussian();
        }
        ShapeEffectReport report = ShapeEffectAnalysis.defaults().withSizeLaw(SizeLaw.LOG_LINEAR)
                .withResamples(2000).withSeed(5).test(N, LAYERS, y);
        double rss0 = report.sizeOnly().rss();
        double rss1 = report.withShape().rss();
        double f = (rss0 - rss1) / (rss1 / (N.length - 3));
        double exact = FDistribution.of(1, N.length - 3).survivalProbability(f);
        assertThat(report.bootstrapPValue()).isCloseTo(exact, within(0.035));
        assertThat(report.wilksPValue()).isLessThan(exact);
        assertThat(report.likelihoodRatio()).isCloseTo(N.length * Math.log(rss0 / rss1), within(1e-12));
        // normal equations residual check: the residuals are orthogonal to 1, ln N and ln layers
        NestedFit alt = report.withShape();
        double[] r = new double[N.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = y[i] - alt.estimate("a") - alt.estimate("b") * Math.log(N[i])
                    - alt.estimate("gamma") * Math.log(LAYERS[i]);
        }
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double rss = 0;
        for (int i = 0; i < r.length; i++) {
            s0 += r[i];
            s1 += r[i] * Math.log(N[i]);
            s2 += r[i] * Math.log(LAYERS[i]);
            rss += r[i] * r[i];
        }
        assertThat(s0).isCloseTo(0, within(1e-12));
        assertThat(s1).isCloseTo(0, within(1e-10));
        assertThat(s2).isCloseTo(0, within(1e-10));
        assertThat(rss).isCloseTo(rss1, within(1e-14));
    }

    @Test
    void bootstrapIsDeterministicInTheSeed() {
        double[] y = powerLawMetric(-0.005, 0.01, 2);
        ShapeEffectAnalysis analysis = ShapeEffectAnalysis.defaults().withResamples(99).withSeed(42);
        ShapeEffectReport a = analysis.test(N, LAYERS, y);
        ShapeEffectReport b = analysis.test(N, LAYERS, y);
        assertThat(a.bootstrapPValue()).isEqualTo(b.bootstrapPValue());
        assertThat(a.seed()).isEqualTo(42);
        ShapeEffectReport c = analysis.withSeed(43).test(N, LAYERS, y);
        assertThat(c.likelihoodRatio()).isEqualTo(a.likelihoodRatio());
    }

    @Test
    void acceptsADatasetAndShapeDescriptors() {
        double[] y = powerLawMetric(-0.02, 0.002, 3);
        Dataset data = Dataset.builder("runs").column("N", N).column("layers", LAYERS).column("score", y).build();
        ShapeEffectReport report = ShapeEffectAnalysis.defaults().withResamples(0)
                .test(data, "N", "layers", "score");
        assertThat(report.shapeMatters()).isTrue();
        assertThat(ShapeDescriptor.DEPTH.of(24, 1024)).isEqualTo(24);
        assertThat(ShapeDescriptor.ASPECT_RATIO.of(24, 1024)).isCloseTo(1024 / 24.0, within(1e-12));
        TransformerShape base = T5Configs.byName("base");
        assertThat(ShapeDescriptor.DEPTH.of(base)).isEqualTo(24);
        assertThat(ShapeDescriptor.ASPECT_RATIO.of(base)).isEqualTo(32);
        assertThat(ShapeDescriptor.DEPTH.of(new int[] {2, 4}, null)).containsExactly(2, 4);
    }

    @Test
    void rejectsBadInputWithExactMessages() {
        ShapeEffectAnalysis a = ShapeEffectAnalysis.defaults().withResamples(0);
        double[] y = powerLawMetric(0, 0.01, 4);
        double[] badN = N.clone();
        badN[4] = -1;
        assertThatThrownBy(() -> a.test(badN, LAYERS, y)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("run 5: size = -1.0 must be positive and finite");
        double[] flat = new double[N.length];
        java.util.Arrays.fill(flat, 12);
        assertThatThrownBy(() -> a.test(N, flat, y)).hasMessageContaining("same for every run");
        assertThatThrownBy(() -> a.test(new double[] {1, 2, 3}, new double[] {1, 2, 3}, new double[] {1, 2, 3}))
                .hasMessageContaining("need at least 6 runs");
        assertThatThrownBy(() -> a.withSignificance(1.5)).hasMessageContaining("(0, 1): 1.5");
        assertThatThrownBy(() -> a.withResamples(-1)).hasMessageContaining("non-negative: -1");
        assertThatThrownBy(() -> ShapeDescriptor.ASPECT_RATIO.of(0, 512)).hasMessageContaining("layers = 0");
    }
}
