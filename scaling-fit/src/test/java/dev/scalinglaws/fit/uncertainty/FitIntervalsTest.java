/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.DerivedParameter;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.core.ScalingLaws;
import dev.scalinglaws.core.TiedLaw;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Starts;
import org.junit.jupiter.api.Test;

/**
 * {@link Uncertainty#report} gives, bit for bit, the intervals {@code scaling fit} computed before the dispatch moved
 * into the library: the reference below is the command's former code (a, b, G and M* by name, a tied law's quantities
 * composed with its expansion by hand), run side by side with the library on the Epoch fit and on a tied law.
 */
class FitIntervalsTest {

    /** The command line's former {@code FitCommand.derivedQuantity}. */
    private static DerivedQuantity formerCliQuantity(ScalingLaw law, String name) {
        DerivedQuantity q = switch (name) {
            case "a" -> DerivedQuantity.allocationExponentA();
            case "b" -> DerivedQuantity.allocationExponentB();
            case "G" -> DerivedQuantity.allocationConstantG();
            case "Mstar" -> DerivedQuantity.optimalMultiplier();
            default -> throw new IllegalStateException(name);
        };
        if (law instanceof TiedLaw t) {
            return DerivedQuantity.of(name, theta -> q.value(t.expand(theta)));
        }
        return DerivedQuantity.of(name, q::value);
    }

    /** The command line's former asymptotic branch of {@code FitCommand.intervals}. */
    private static Map<String, Interval> formerAsymptotic(FitResult fit, Dataset data, List<String> derived,
                                                          double level) {
        AsymptoticCovariance cov = AsymptoticCovariance.of(fit, data, AsymptoticCovariance.Form.SMOOTHED_SANDWICH);
        Map<String, Interval> out = new LinkedHashMap<>();
        for (var p : fit.law().parameters()) {
            out.put(p.name(), cov.interval(DerivedQuantity.parameter(fit.law(), p.name()), level));
        }
        for (String d : derived) {
            out.put(d, cov.interval(formerCliQuantity(fit.law(), d), level));
        }
        return out;
    }

    @Test
    void asymptoticIntervalsAreTheFormerCommandsBitForBit() {
        FitResult fit = EpochFixtures.fit();
        FitIntervals iv = Uncertainty.of(fit).report(Interval.Method.ASYMPTOTIC_SMOOTHED_SANDWICH, 0.95);
        assertThat(iv.method()).isEqualTo(Interval.Method.ASYMPTOTIC_SMOOTHED_SANDWICH);
        assertThat(iv.method().prefix()).isEqualTo("asymptotic-smoothed-sandwich");
        assertThat(iv).isEqualTo(Uncertainty.of(fit).report(Interval.Method.ASYMPTOTIC_SMOOTHED_SANDWICH, 0.95))
                .isNotEqualTo(Uncertainty.of(fit).report(Interval.Method.ASYMPTOTIC_SMOOTHED_SANDWICH, 0.9));
        assertThat(iv.hashCode()).isEqualTo(Uncertainty.of(fit)
                .report(Interval.Method.ASYMPTOTIC_SMOOTHED_SANDWICH, 0.95).hashCode());
        assertThat(iv.intervals().keySet()).containsExactly("E", "A", "B", "alpha", "beta", "a", "b", "G");
        assertThat(iv.intervals()).isEqualTo(formerAsymptotic(fit, EpochFixtures.data(), List.of("a", "b", "G"),
                0.95));
        assertThat(iv.interval("a").ok()).isTrue();
        assertThat(iv.bootstrap()).isNull();
        assertThatThrownBy(() -> iv.interval("Mstar")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> iv.intervals().put("x", iv.interval("a")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aTiedLawHasItsBaseLawsDerivedQuantitiesOnItsOwnParameters() {
        TiedLaw law = ScalingLaws.tie(ChinchillaLaw.INSTANCE, Map.of("beta", "alpha"));
        double[] start = {EpochFixtures.HOFFMANN_START[0], EpochFixtures.HOFFMANN_START[1],
            EpochFixtures.HOFFMANN_START[2], EpochFixtures.HOFFMANN_START[3]};
        FitResult fit = Fitter.fit(law, EpochFixtures.data(), EpochFixtures.singleStartSpec()
                .withStarts(Starts.of(List.of(start))));
        // the tied law itself declares its base law's quantities (TiedLaw.derivedParameters)
        assertThat(law.derivedParameters()).extracting(DerivedParameter::name).containsExactly("a", "b", "G");
        assertThat(DerivedQuantity.standard(law)).extracting(DerivedQuantity::name).containsExactly("a", "b", "G");
        // alpha = beta: a = b = 1/2 exactly
        assertThat(Uncertainty.of(fit).derivedQuantities().get(0).value(fit.theta())).isEqualTo(0.5);
        FitIntervals iv = Uncertainty.of(fit).report(Interval.Method.ASYMPTOTIC_SMOOTHED_SANDWICH, 0.9);
        assertThat(iv.intervals()).isEqualTo(formerAsymptotic(fit, EpochFixtures.data(), List.of("a", "b", "G"),
                0.9));
    }

    @Test
    void profileLeavesPinnedParametersOutAndMatchesTheFormerCommand() {
        FitResult fit = Fitter.fit(ChinchillaLaw.INSTANCE, EpochFixtures.data(),
                EpochFixtures.singleStartSpec().withPin("E", EpochFixtures.HOFFMANN_START[0]));
        // the Epoch protocol's Huber loss is not a likelihood: asked for either profile, the report is the scaled one
        FitIntervals iv = Uncertainty.of(fit).report(Interval.Method.PROFILE_LIKELIHOOD, 0.8);
        assertThat(iv.method()).isEqualTo(Interval.Method.PROFILE_SCALED);
        assertThat(iv.intervals().keySet()).containsExactly("A", "B", "alpha", "beta", "a", "b", "G");
        ProfileLikelihood profile = ProfileLikelihood.of(fit, EpochFixtures.data());
        assertThat(iv.interval("alpha")).isEqualTo(profile.interval("alpha", 0.8));
        assertThat(iv.interval("G")).isEqualTo(profile.interval(formerCliQuantity(fit.law(), "G"), 0.8));
    }

    @Test
    void bootstrapRecordsTheDerivedQuantitiesAndMatchesTheFormerCommand() {
        FitResult fit = EpochFixtures.fit();
        BootstrapOptions options = BootstrapOptions.defaults().withResamples(24).withBestStarts(0).withSeed(3)
                .withMethod(IntervalMethod.PERCENTILE).withLevel(0.9).withThreads(1);
        FitIntervals iv = Uncertainty.of(fit).withBootstrap(options).report(Interval.Method.BOOTSTRAP_PERCENTILE, 0.9);
        assertThat(iv.method()).isEqualTo(IntervalMethod.PERCENTILE.intervalMethod());
        List<DerivedQuantity> former = new ArrayList<>();
        for (String d : List.of("a", "b", "G")) {
            former.add(formerCliQuantity(fit.law(), d));
        }
        BootstrapResult direct = Bootstrap.run(fit, EpochFixtures.data(), options, former);
        assertThat(iv.bootstrap().resamples()).isEqualTo(24);
        for (String name : List.of("E", "A", "B", "alpha", "beta", "a", "b", "G")) {
            assertThat(iv.interval(name)).as(name).isEqualTo(direct.interval(name));
            assertThat(iv.bootstrap().replicates(name)).as(name).isEqualTo(direct.replicates(name));
        }
        assertThat(iv.level()).isEqualTo(0.9);
        assertThatThrownBy(() -> Uncertainty.of(fit).report(Interval.Method.BOOTSTRAP_BCA, 0.9))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Uncertainty.of(fit).report(Interval.Method.PREDICTION_SANDWICH, 0.9))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUndefinedDerivedQuantityIsNaNNotAnError() {
        // a non-positive exponent leaves Chinchilla's allocation undefined: the law throws, the quantity is NaN
        double[] theta = {1.7, 400, 400, -0.1, 0.3};
        for (DerivedQuantity q : DerivedQuantity.standard(ChinchillaLaw.INSTANCE)) {
            assertThat(q.value(theta)).as(q.name()).isNaN();
        }
        assertThatThrownBy(() -> ChinchillaLaw.INSTANCE.derivedParameters().get(0).value(theta))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
