/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.fit.FitResult;
import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * {@link BootstrapPrediction} against the code {@code scaling predict --interval bootstrap} ran before it moved into
 * the library, bit for bit, and the shape of its intervals: the prediction interval holds the confidence interval,
 * is positive for a log-residual fit and is at least t s wide on each side in log space.
 */
class BootstrapPredictionLibraryTest {

    private static final List<double[]> POINTS = List.of(new double[] {7e10, 1.4e12}, new double[] {1e9, 2e10},
            new double[] {4e11, 8e12});

    @Test
    void isTheFormerCommandsPredictionBitForBit() {
        FitResult fit = EpochFixtures.fit();
        Dataset data = EpochFixtures.data();
        BootstrapOptions options = BootstrapOptions.defaults().withResamples(30).withBestStarts(0).withSeed(4)
                .withMethod(IntervalMethod.PERCENTILE).withLevel(0.9).withThreads(1);
        BootstrapResult r = Bootstrap.run(fit, data, options,
                BootstrapPrediction.quantities(ChinchillaLaw.INSTANCE, POINTS));
        List<BootstrapPrediction> predictions = BootstrapPrediction.of(fit, data, r, POINTS.size());
        assertThat(predictions).hasSize(3);

        // the former PredictCommand.bootstrapIntervals (log residuals)
        AsymptoticCovariance cov = AsymptoticCovariance.of(fit, data, AsymptoticCovariance.Form.SMOOTHED_SANDWICH);
        int dof = cov.degreesOfFreedom();
        double t = TDistribution.of(dof).inverseCumulativeProbability(0.5 + 0.9 / 2);
        double s = Prediction.of(fit, data, AsymptoticCovariance.Form.SMOOTHED_SANDWICH).residualScale();
        double ts = t * s;
        for (int k = 0; k < POINTS.size(); k++) {
            Interval c = r.interval("prediction " + k);
            double[] conf = c.ok() ? new double[] {c.lower(), c.upper()} : new double[] {Double.NaN, Double.NaN};
            double m = Math.log(c.estimate());
            double pl = m - Math.hypot(Math.max(0, m - Math.log(conf[0])), ts);
            double pu = m + Math.hypot(Math.max(0, Math.log(conf[1]) - m), ts);
            BootstrapPrediction p = predictions.get(k);
            assertThat(p.confidence()).isEqualTo(c);
            assertThat(p.confidenceBounds()).containsExactly(conf);
            assertThat(p.predictionLower()).isEqualTo(Math.exp(pl));
            assertThat(p.predictionUpper()).isEqualTo(Math.exp(pu));

            assertThat(c.ok()).isTrue();
            assertThat(c.estimate()).isCloseTo(fit.predict(POINTS.get(k)), withinPercentage(1e-9));
            assertThat(p.predictionLower()).isPositive().isLessThanOrEqualTo(conf[0] * (1 + 1e-12));
            assertThat(p.predictionUpper()).isGreaterThanOrEqualTo(conf[1] * (1 - 1e-12));
            assertThat(Math.log(p.predictionUpper()) - m).isGreaterThanOrEqualTo(ts * (1 - 1e-12));
            assertThat(m - Math.log(p.predictionLower())).isGreaterThanOrEqualTo(ts * (1 - 1e-12));
        }
    }

    @Test
    void aPointMustHaveTheLawsCovariates() {
        assertThatThrownBy(() -> BootstrapPrediction.quantities(ChinchillaLaw.INSTANCE,
                List.of(new double[] {7e10}))).isInstanceOf(IllegalArgumentException.class);
        assertThat(BootstrapPrediction.quantities(ChinchillaLaw.INSTANCE, POINTS)).extracting(DerivedQuantity::name)
                .containsExactly("prediction 0", "prediction 1", "prediction 2");
    }
}
