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

    @Test
    void aTargetLossWithOneCovariateHeldIsReachedOnTheContour() {
        double[] theta = {1.82, 482, 2085, 0.35, 0.37};
        ChinchillaLaw law = ChinchillaLaw.INSTANCE;
        ComputeOptimal.Allocation a = OptimalAllocation.atLoss(law, theta, 2.2, Map.of("N", 7e9));
        assertThat(a.N()).isEqualTo(7e9);
        assertThat(a.compute()).isEqualTo(6 * a.N() * a.D());
        // the least D that reaches the target: at D the law is at most 2.2, a hair below D it is above
        assertThat(a.loss()).isLessThanOrEqualTo(2.2).isCloseTo(2.2, within(1e-12));
        assertThat(law.value(theta, 7e9, a.D() * (1 - 1e-9))).isGreaterThan(2.2);
        ComputeOptimal.Allocation byD = OptimalAllocation.atLoss(law, theta, 2.2, Map.of("D", a.D()));
        assertThat(byD.N()).isCloseTo(7e9, within(7e9 * 1e-9));
        // nothing held: the compute-optimal frontier
        assertThat(OptimalAllocation.atLoss(law, theta, 2.2, Map.of()))
                .isEqualTo(ComputeOptimal.computeForLoss(law, theta, 2.2));
        // the quantities drop the covariate held and are NaN where the target is not reached
        Map<String, DerivedQuantity> q = OptimalAllocation.quantitiesForLoss(law, 2.2, Map.of("N", 7e9));
        assertThat(q.keySet()).containsExactly("compute", "D", "tokensPerParameter");
        assertThat(q.get("D").value(theta)).isEqualTo(a.D());
        assertThat(OptimalAllocation.quantitiesForLoss(law, 1.0, Map.of("N", 7e9)).get("D").value(theta)).isNaN();
        assertThat(OptimalAllocation.quantitiesForLoss(law, 2.2, Map.of()).keySet())
                .containsExactly("compute", "N", "D", "tokensPerParameter");
    }

    @Test
    void anUnreachableTargetIsATypedErrorWithTheFloor() {
        double[] theta = {1.82, 482, 2085, 0.35, 0.37};
        assertThatThrownBy(() -> OptimalAllocation.atLoss(ChinchillaLaw.INSTANCE, theta, 1.0, Map.of("N", 7e9)))
                .isInstanceOfSatisfying(OptimalAllocation.LossNotReachedException.class, e -> {
                    assertThat(e.held()).isEqualTo("N");
                    assertThat(e.value()).isEqualTo(7e9);
                    assertThat(e.target()).isEqualTo(1.0);
                    // E + A / N^alpha: the floor with D unlimited
                    assertThat(e.floor()).isCloseTo(1.82 + 482 / Math.pow(7e9, 0.35), within(1e-9));
                });
        assertThatThrownBy(() -> OptimalAllocation.atLoss(ChinchillaLaw.INSTANCE, theta, 2.2,
                Map.of("N", 7e9, "D", 1e12))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OptimalAllocation.atLoss(ChinchillaLaw.INSTANCE, theta, 2.2, Map.of("N", -1.0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allocationIntervalsNeedOnlyTheFit() {
        FitResult fit = EpochFixtures.fit();
        Map<String, DerivedQuantity> q = OptimalAllocation.quantitiesForLoss(fit.law(), 2.2, Map.of("N", 7e9));
        Map<String, Interval> iv = OptimalAllocation.asymptoticIntervals(fit, q, 0.9);
        assertThat(iv.keySet()).containsExactly("compute", "D", "tokensPerParameter");
        for (Interval i : iv.values()) {
            assertThat(i.ok()).as(i.name()).isTrue();
            assertThat(i.label()).isEqualTo("asymptotic-smoothed-sandwich-log");
            assertThat(i.lower()).isLessThan(i.estimate());
            assertThat(i.upper()).isGreaterThan(i.estimate());
        }
        BootstrapResult boot = OptimalAllocation.bootstrap(fit, q, BootstrapOptions.defaults().withResamples(16)
                .withBestStarts(0).withSeed(1).withThreads(1).withMethod(IntervalMethod.PERCENTILE));
        assertThat(boot.replicates("D")).hasSize(16);
        assertThat(boot.interval("D").lower()).isLessThan(boot.interval("D").upper());
    }
}
