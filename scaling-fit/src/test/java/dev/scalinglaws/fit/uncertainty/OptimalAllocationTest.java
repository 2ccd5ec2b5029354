/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.ComputeOptimal;
import dev.scalinglaws.core.DataConstrainedLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.datasets.Datasets;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Starts;
import org.junit.jupiter.api.Test;

/** {@link OptimalAllocation}: the data-constrained optimum under C = 6ND with U held, and its intervals. */
class OptimalAllocationTest {

    private static final double[] NOTEBOOK = {1.869144, 520.825, 1487.72, 0.3526596, 0.3526596, 15.387756,
        5.309743};
    private static final DataConstrainedLaw LAW = DataConstrainedLaw.INSTANCE;

    @Test
    void withPlentyOfUniqueDataTheOptimumIsChinchillas() {
        double c = 1e21;
        ComputeOptimal.Allocation dc = OptimalAllocation.at(LAW, NOTEBOOK, c, Map.of("U", 1e20));
        ComputeOptimal.Allocation chin = ComputeOptimal.chinchilla(java.util.Arrays.copyOf(NOTEBOOK, 5), c);
        assertThat(6 * dc.N() * dc.D()).isCloseTo(c, within(c * 1e-10));
        assertThat(dc.N()).isCloseTo(chin.N(), within(chin.N() * 1e-4));
        assertThat(dc.loss()).isCloseTo(chin.loss(), within(1e-10));
    }

    @Test
    void scarceUniqueDataMeansSeveralEpochsAndAHigherLossThatIsAMinimum() {
        double c = 1e21;
        double u = 5e9;
        OptimalAllocation.Answer a = OptimalAllocation.answerAt(LAW, NOTEBOOK, c, Map.of("U", u));
        double n = a.allocation().N();
        double d = a.allocation().D();
        assertThat(a.estimates().get("epochs")).isCloseTo(d / u, within(1e-12 * d / u)).isGreaterThan(1);
        ComputeOptimal.Allocation plenty = OptimalAllocation.at(LAW, NOTEBOOK, c, Map.of("U", 1e20));
        assertThat(a.allocation().loss()).isGreaterThan(plenty.loss());
        // a minimum along the budget line: 1% more or fewer parameters lose
        for (double f : new double[] {0.99, 1.01}) {
            assertThat(LAW.value(NOTEBOOK, n * f, d / f, u)).isGreaterThan(a.allocation().loss());
        }
    }

    @Test
    void badCovariatesAreTypedErrors() {
        assertThatThrownBy(() -> OptimalAllocation.at(LAW, NOTEBOOK, 1e21, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("covariate U");
        assertThatThrownBy(() -> OptimalAllocation.at(LAW, NOTEBOOK, 1e21, Map.of("U", 1e9, "S", 2.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'S'");
        assertThatThrownBy(() -> OptimalAllocation.at(LAW, NOTEBOOK, 1e21, Map.of("U", -1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> OptimalAllocation.at(ChinchillaLaw.INSTANCE, NOTEBOOK, 1e21, Map.of("N", 1.0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void intervalsOfTheDecayConstantsFitContainTheEstimates() {
        Dataset data = Datasets.muennighoffClean();
        FitSpec spec = FitSpec.defaults().withThreads(1);
        for (int j = 0; j < 5; j++) {
            spec = spec.withPin(LAW.parameters().get(j).name(), NOTEBOOK[j]);
        }
        FitResult fit = Fitter.fit(LAW, data, spec.withStarts(Starts.of(List.of(NOTEBOOK))));
        double c = 1e21;
        Map<String, Double> u = Map.of("U", 5e9);
        OptimalAllocation.Answer asy = OptimalAllocation.asymptotic(fit, data, c, u, 0.95);
        assertThat(asy.intervals().keySet()).containsExactly("N", "D", "tokensPerParameter", "loss", "epochs");
        for (Map.Entry<String, Interval> e : asy.intervals().entrySet()) {
            double est = asy.estimates().get(e.getKey());
            assertThat(e.getValue().lower()).as(e.getKey()).isLessThanOrEqualTo(est);
            assertThat(e.getValue().upper()).as(e.getKey()).isGreaterThanOrEqualTo(est);
            assertThat(e.getValue().upper()).as(e.getKey()).isGreaterThan(e.getValue().lower());
        }
        OptimalAllocation.Answer boot = OptimalAllocation.bootstrap(fit, data, c, u, BootstrapOptions.defaults()
                .withResamples(60).withSeed(3).withThreads(2));
        Interval epochs = boot.intervals().get("epochs");
        assertThat(epochs.lower()).isLessThanOrEqualTo(boot.estimates().get("epochs"));
        assertThat(epochs.upper()).isGreaterThanOrEqualTo(boot.estimates().get("epochs"));
        // same seed, same answer
        OptimalAllocation.Answer again = OptimalAllocation.bootstrap(fit, data, c, u, BootstrapOptions.defaults()
                .withResamples(60).withSeed(3).withThreads(1));
        assertThat(again.intervals().get("epochs").lower()).isEqualTo(epochs.lower());
    }
}
