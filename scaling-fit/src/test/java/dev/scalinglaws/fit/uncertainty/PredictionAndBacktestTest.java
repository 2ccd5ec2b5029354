/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.Fitter;
import org.junit.jupiter.api.Test;

class PredictionAndBacktestTest {

    static final double[] TRUTH = {1.8, 480, 2100, 0.35, 0.37};

    @Test
    void logSpaceIntervalsAndExtrapolationDistance() {
        Dataset d = SyntheticChinchilla.generate(TRUTH, 0.01, 3);
        FitResult fit = Fitter.fit(ChinchillaLaw.INSTANCE, d, SyntheticChinchilla.spec(TRUTH));
        Prediction p = Prediction.of(fit, d, AsymptoticCovariance.Form.SMOOTHED_SANDWICH);
        assertThat(p.residualScale()).isCloseTo(0.01, within(0.003));
        Prediction.Result inside = p.at(0.95, 1e9, 1e10);
        assertThat(inside.extrapolation().inside()).isTrue();
        assertThat(inside.confidence().lower()).isLessThan(inside.estimate());
        assertThat(inside.prediction().lower()).isLessThan(inside.confidence().lower());
        assertThat(inside.prediction().upper()).isGreaterThan(inside.confidence().upper());
        // prediction half-width in log space is about t * s = 1.99 * 0.01
        assertThat(Math.log(inside.prediction().upper() / inside.estimate())).isCloseTo(0.02, within(0.006));
        // one decade beyond the largest N, D inside the range
        double maxN = Math.pow(10, 7.7 + 0.3 * 8);
        Prediction.Result out = p.at(0.95, 10 * maxN, 1e10);
        assertThat(out.extrapolation().decades()).isCloseTo(1.0, within(1e-9));
        assertThat(out.extrapolation().logDistance()[1]).isZero();
        assertThat(out.confidence().width()).isGreaterThan(inside.confidence().width());
    }

    @Test
    void holdoutLargestAndLeaveOneGroupOutOnSyntheticData() {
        Dataset d = SyntheticChinchilla.generate(TRUTH, 0.01, 5);
        Backtest.Result largest = Backtest.holdoutLargest(ChinchillaLaw.INSTANCE, d, SyntheticChinchilla.spec(TRUTH),
                Backtest.Ordering.COMPUTE, 8, 0.95, AsymptoticCovariance.Form.SMOOTHED_SANDWICH);
        assertThat(largest.points()).hasSize(8);
        assertThat(largest.meanAbsoluteRelativeError()).isLessThan(0.03);
        assertThat(largest.coverage()).isGreaterThanOrEqualTo(0.75);
        assertThat(largest.points()).allMatch(pt -> pt.prediction().extrapolation().maxLogDistance() > 0
                || pt.prediction().extrapolation().inside());
        Backtest.Result byN = Backtest.holdoutLargest(ChinchillaLaw.INSTANCE, d, SyntheticChinchilla.spec(TRUTH),
                Backtest.Ordering.PARAMETERS, 8, 0.95, AsymptoticCovariance.Form.SMOOTHED_SANDWICH);
        assertThat(byN.points()).allMatch(pt -> pt.point()[0] > 1e10);
        Backtest.Result logo = Backtest.leaveOneGroupOut(ChinchillaLaw.INSTANCE, d, SyntheticChinchilla.spec(TRUTH),
                0.95, AsymptoticCovariance.Form.SMOOTHED_SANDWICH);
        assertThat(logo.points()).hasSize(d.size());
        assertThat(logo.coverage()).isGreaterThan(0.8);
        assertThat(logo.meanIntervalScore()).isPositive();
        System.out.printf("holdout by compute: ARE %.4f coverage %.2f score %.4g; LOGO: ARE %.4f coverage %.2f "
                        + "score %.4g%n", largest.meanAbsoluteRelativeError(), largest.coverage(),
                largest.meanIntervalScore(), logo.meanAbsoluteRelativeError(), logo.coverage(),
                logo.meanIntervalScore());
    }

    @Test
    void clusterBootstrapResamplesWholeGroups() {
        Dataset d = SyntheticChinchilla.generate(TRUTH, 0.01, 9);
        FitResult fit = Fitter.fit(ChinchillaLaw.INSTANCE, d, SyntheticChinchilla.spec(TRUTH));
        BootstrapOptions o = BootstrapOptions.defaults().withScheme(ResamplingScheme.CLUSTER).withResamples(60)
                .withBestStarts(0).withSeed(3);
        BootstrapResult one = Bootstrap.run(fit, d, o.withThreads(1), List.of(DerivedQuantity.allocationExponentA()));
        BootstrapResult two = Bootstrap.run(fit, d, o.withThreads(2), List.of(DerivedQuantity.allocationExponentA()));
        assertThat(two.replicates("a")).containsExactly(one.replicates("a"));
        Interval a = one.interval("a");
        System.out.println(a + " failed " + one.failed() + " " + one.failuresByStatus());
        // 9 groups: the jackknife has 9 deletions
        assertThat(one.interval("a", IntervalMethod.PERCENTILE, 0.9).ok()).isEqualTo(
                one.failed() <= 3);
    }
}
