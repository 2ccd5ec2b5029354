/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.fit.FitResult;
import org.junit.jupiter.api.Test;

/**
 * The façade dispatches each method to the class that implements it and gives the same intervals as calling that
 * class directly; the law's standard derived quantities come with every report.
 */
class UncertaintyTest {

    @Test
    void dispatchesByMethodAndCoversTheLawsDerivedQuantities() {
        FitResult fit = EpochFixtures.fit();
        Uncertainty u = Uncertainty.of(fit);
        assertThat(u.quantities()).extracting(DerivedQuantity::name)
                .containsExactly("E", "A", "B", "alpha", "beta", "a", "b", "G");
        Map<String, Interval> asymptotic = u.intervals(Interval.Method.ASYMPTOTIC_SMOOTHED_SANDWICH, 0.9);
        AsymptoticCovariance cov = AsymptoticCovariance.of(fit, EpochFixtures.data(),
                AsymptoticCovariance.Form.SMOOTHED_SANDWICH);
        assertThat(asymptotic.get("alpha")).isEqualTo(
                cov.interval(DerivedQuantity.parameter(ChinchillaLaw.INSTANCE, "alpha"), 0.9));
        assertThat(asymptotic.get("a")).isEqualTo(cov.interval(DerivedQuantity.allocationExponentA(), 0.9));
        Interval profile = u.interval(DerivedQuantity.allocationExponentA(), Interval.Method.PROFILE_SCALED, 0.9);
        assertThat(profile).isEqualTo(ProfileLikelihood.of(fit, EpochFixtures.data())
                .interval(DerivedQuantity.allocationExponentA(), 0.9));
        assertThat(profile.method()).isEqualTo(Interval.Method.PROFILE_SCALED);
        assertThatThrownBy(() -> u.interval(DerivedQuantity.allocationExponentA(), Interval.Method.BOOTSTRAP_BCA,
                0.9)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> u.interval(DerivedQuantity.allocationExponentA(),
                Interval.Method.PREDICTION_SANDWICH, 0.9)).isInstanceOf(IllegalArgumentException.class);

        BootstrapOptions options = BootstrapOptions.defaults().withResamples(12).withBestStarts(0).withSeed(5)
                .withMethod(IntervalMethod.PERCENTILE).withThreads(1);
        Uncertainty withBoot = u.withBootstrap(options);
        Interval g = withBoot.interval(DerivedQuantity.allocationConstantG(), Interval.Method.BOOTSTRAP_PERCENTILE,
                0.8);
        BootstrapResult direct = Bootstrap.run(fit, EpochFixtures.data(), options,
                DerivedQuantity.standard(ChinchillaLaw.INSTANCE));
        assertThat(g).isEqualTo(direct.interval("G", IntervalMethod.PERCENTILE, 0.8));
        assertThat(withBoot.intervals(Interval.Method.BOOTSTRAP_PERCENTILE, 0.8)).hasSize(8);

        Prediction.Result p = u.prediction(0.95, 7e10, 1.4e12);
        assertThat(p.confidence().contains(p.estimate())).isTrue();
        List<double[]> points = List.of(new double[] {7e10, 1.4e12}, new double[] {1e9, 2e10});
        List<BootstrapPrediction> boot = u.bootstrapPredictions(options, points);
        assertThat(boot).hasSize(2);
        Interval c = boot.get(0).confidence();
        assertThat(c.method()).isEqualTo(Interval.Method.BOOTSTRAP_PERCENTILE);
        assertThat(c.estimate()).isEqualTo(fit.predict(7e10, 1.4e12));
        // the prediction interval widens the confidence interval on both sides
        assertThat(boot.get(0).predictionLower()).isLessThan(c.lower());
        assertThat(boot.get(0).predictionUpper()).isGreaterThan(c.upper());
        // the façade gives what the (fit, data) entry points give, bit for bit
        BootstrapResult r = Bootstrap.run(fit, EpochFixtures.data(), options,
                BootstrapPrediction.quantities(fit.law(), points));
        assertThat(boot).isEqualTo(BootstrapPrediction.of(fit, EpochFixtures.data(), r, 2));
        assertThat(u.bootstrapPredictions(r, 2)).isEqualTo(boot);
        assertThat(u.prediction().at(0.95, 7e10, 1.4e12).prediction())
                .isEqualTo(Prediction.of(fit, EpochFixtures.data(), AsymptoticCovariance.Form.SMOOTHED_SANDWICH)
                        .at(0.95, 7e10, 1.4e12).prediction());
        assertThat(u.covariance().interval(DerivedQuantity.allocationConstantG(), 0.9, true))
                .isEqualTo(AsymptoticCovariance.of(fit, EpochFixtures.data(),
                        AsymptoticCovariance.Form.SMOOTHED_SANDWICH)
                        .interval(DerivedQuantity.allocationConstantG(), 0.9, true));
    }
}
