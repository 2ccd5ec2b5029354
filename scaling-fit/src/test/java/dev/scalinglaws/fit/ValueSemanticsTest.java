/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.fit.uncertainty.AsymptoticCovariance;
import dev.scalinglaws.fit.uncertainty.DerivedQuantity;
import dev.scalinglaws.fit.uncertainty.Interval;
import dev.scalinglaws.fit.uncertainty.Prediction;
import org.junit.jupiter.api.Test;

/**
 * Value types compare by value: arrays by content, the wall time left out of a fit's identity, and a fit that has
 * been serialised equals the original (with its problem).
 */
class ValueSemanticsTest {

    private static Dataset data() {
        return SyntheticRecoveryTest.synthetic(ChinchillaLaw.INSTANCE, SyntheticRecoveryTest.CHINCHILLA, 4L);
    }

    @Test
    void twoRunsOfOneFitAreEqualWhateverTheirWallTime() throws Exception {
        FitSpec spec = FitSpec.defaults().withStarts(Starts.sobol(8, 0)).withBound("alpha", 0, 1).withThreads(1);
        FitResult a = Fitter.fit(ChinchillaLaw.INSTANCE, data(), spec);
        FitResult b = Fitter.fit(ChinchillaLaw.INSTANCE, data(), FitSpec.defaults().withStarts(Starts.sobol(8, 0))
                .withBound("alpha", 0, 1).withThreads(1));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        FitResult slower = new FitResult(a.law(), a.parameters(), a.objective(), a.status(), a.convergence(),
                a.identifiability(), a.goodness(), a.residuals(), a.scale(), a.warnings(), a.dataSource(), a.spec(),
                a.seconds() + 5, a.problem(), a.diagnostics());
        assertThat(slower).isEqualTo(a).hasSameHashCodeAs(a);
        FitResult other = Fitter.fit(ChinchillaLaw.INSTANCE, data(), spec.withPin("E", 1.8));
        assertThat(a).isNotEqualTo(other);
        assertThat(a.spec()).isEqualTo(b.spec()).hasSameHashCodeAs(b.spec()).isNotEqualTo(other.spec());
        assertThat(a.identifiability()).isEqualTo(b.identifiability())
                .hasSameHashCodeAs(b.identifiability());
        assertThat(a.problem()).isEqualTo(b.problem()).hasSameHashCodeAs(b.problem());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(a);
        }
        FitResult back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (FitResult) in.readObject();
        }
        assertThat(back).isEqualTo(a);
        // the deserialised fit keeps a working problem: uncertainty needs no data
        assertThat(AsymptoticCovariance.standardErrors(back)).isEqualTo(a.parameters());
    }

    @Test
    void intervalsNameTheirMethodByType() {
        FitResult fit = Fitter.fit(ChinchillaLaw.INSTANCE, data(), FitSpec.defaults().withStarts(Starts.sobol(8, 0))
                .withThreads(1));
        AsymptoticCovariance cov = AsymptoticCovariance.of(fit, AsymptoticCovariance.Form.SMOOTHED_SANDWICH);
        Interval alpha = cov.interval(DerivedQuantity.parameter(ChinchillaLaw.INSTANCE, "alpha"), 0.95);
        assertThat(alpha.method()).isEqualTo(Interval.Method.ASYMPTOTIC_SMOOTHED_SANDWICH);
        assertThat(alpha.label()).isEqualTo("asymptotic-smoothed-sandwich");
        Interval e = cov.interval(DerivedQuantity.parameter(ChinchillaLaw.INSTANCE, "E"), 0.95);
        assertThat(e.label()).isEqualTo("asymptotic-smoothed-sandwich-log");
        Prediction.Result p = Prediction.of(fit, AsymptoticCovariance.Form.GAUSS_NEWTON).at(0.9, 1e10, 2e11);
        assertThat(p.prediction().method()).isEqualTo(Interval.Method.PREDICTION_GAUSS_NEWTON);
        assertThat(p).isEqualTo(Prediction.of(fit, AsymptoticCovariance.Form.GAUSS_NEWTON).at(0.9, 1e10, 2e11));
        for (String label : List.of("bootstrap-case-bca", "bootstrap-wild-mammen-percentile", "profile-scaled",
                "prediction-asymptotic-sandwich-log", "asymptotic-gauss-newton")) {
            assertThat(Interval.Method.fromLabel(label).prefix()).isNotEmpty();
        }
        assertThat(Interval.Method.fromLabel("bootstrap-cluster-basic")).isEqualTo(Interval.Method.BOOTSTRAP_BASIC);
        assertThatThrownBy(() -> Interval.Method.fromLabel("guess")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Interval("x", 1, 0, 2, 0.9, "my-own-method", Interval.Status.OK).method())
                .isEqualTo(Interval.Method.EXTERNAL);
    }

    @Test
    void correlationsAreTyped() {
        FitResult fit = Fitter.fit(ChinchillaLaw.INSTANCE, data(), FitSpec.defaults().withStarts(Starts.sobol(8, 0))
                .withThreads(1));
        Identifiability id = fit.identifiability();
        List<Identifiability.Correlation> all = id.correlationsAbove(0);
        assertThat(all).hasSize(10);
        assertThat(id.correlationsAbove(0.99)).hasSameSizeAs(id.highCorrelations());
        for (Identifiability.Correlation c : all) {
            assertThat(c.value()).isBetween(-1.0, 1.0);
            assertThat(id.parameters()).contains(c.first(), c.second());
        }
    }
}
