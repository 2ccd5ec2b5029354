/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.dynamics.KaplanStepsLaw;
import dev.scalinglaws.core.dynamics.TrainingDynamics;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Loss;
import dev.scalinglaws.fit.Starts;
import org.junit.jupiter.api.Test;

/**
 * {@link DynamicsIntervals} against the code {@code scaling predict --steps-to-loss/--trajectory} ran before it moved
 * into the library (the delta method on a kaplan-ns theta with a given critical batch; the percentile of each
 * prediction over the thetas of a bootstrap's finite refits), bit for bit, on simulated checkpoints.
 */
class DynamicsIntervalsTest {

    private static final double[] BATCH = DynamicsDeltaMethodTest.BATCH;

    private static FitResult fit(Dataset data) {
        return Fitter.fit(KaplanStepsLaw.INSTANCE, data, FitSpec.defaults().withLoss(Loss.squared()).withThreads(1)
                .withStarts(Starts.of(List.of(DynamicsDeltaMethodTest.lossTheta()))));
    }

    private static final ToDoubleFunction<TrainingDynamics> STEPS = d -> d.stepsToLoss(3e9, 524288, 2.4);
    private static final ToDoubleFunction<TrainingDynamics> LOSS = d -> d.lossAtStep(3e9, 524288, 1e5);
    /** Below the converged loss of a 1e9 model: unreachable. */
    private static final ToDoubleFunction<TrainingDynamics> UNREACHABLE = d -> d.stepsToLoss(1e9, 524288, 1.0);

    @Test
    void deltaIsTheFormerCommandsDeltaMethod() {
        Dataset data = DynamicsDeltaMethodTest.simulate(11);
        FitResult fit = fit(data);
        AsymptoticCovariance cov = AsymptoticCovariance.of(fit, data, AsymptoticCovariance.Form.SMOOTHED_SANDWICH);
        DynamicsIntervals iv = DynamicsIntervals.delta(cov, 0.9, BATCH);
        assertThat(iv.bootstrapped()).isFalse();
        assertThat(iv.resamples()).isZero();
        for (ToDoubleFunction<TrainingDynamics> p : List.of(STEPS, LOSS, UNREACHABLE)) {
            Interval former = cov.interval(DerivedQuantity.of("q",
                    theta -> p.applyAsDouble(TrainingDynamics.of(theta, BATCH))), 0.9, true);
            assertThat(iv.interval("q", p)).isEqualTo(former);
        }
        assertThat(iv.interval("q", STEPS).ok()).isTrue();
        assertThat(iv.interval("q", UNREACHABLE).ok()).isFalse();
        assertThatThrownBy(() -> DynamicsIntervals.delta(cov, 0.9, new double[] {2e8}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bootstrapIsTheFormerCommandsPercentileOverRefits() {
        Dataset data = DynamicsDeltaMethodTest.simulate(12);
        FitResult fit = fit(data);
        BootstrapOptions options = BootstrapOptions.defaults().withResamples(40).withScheme(ResamplingScheme.CASE)
                .withMethod(IntervalMethod.PERCENTILE).withLevel(0.8).withSeed(9).withThreads(1).withBestStarts(0);
        DynamicsIntervals iv = DynamicsIntervals.bootstrap(fit, data, options, BATCH);
        assertThat(iv.bootstrapped()).isTrue();
        assertThat(iv.resamples()).isEqualTo(40);
        // the former command: every refit with finite parameters, each prediction's percentile over them
        BootstrapResult r = Bootstrap.run(fit, data, options, List.of());
        List<double[]> thetas = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double[] t = new double[4];
            boolean ok = true;
            for (int j = 0; j < 4; j++) {
                t[j] = r.replicates(KaplanStepsLaw.INSTANCE.parameters().get(j).name())[i];
                ok &= Double.isFinite(t[j]);
            }
            if (ok) {
                thetas.add(t);
            }
        }
        assertThat(iv.failed()).isEqualTo(40 - thetas.size());
        for (ToDoubleFunction<TrainingDynamics> p : List.of(STEPS, LOSS)) {
            double[] v = thetas.stream().mapToDouble(t -> p.applyAsDouble(TrainingDynamics.of(t, BATCH)))
                    .filter(Double::isFinite).sorted().toArray();
            Interval i = iv.interval("q", p);
            assertThat(i.ok()).isTrue();
            assertThat(i.lower()).isEqualTo(Resampling.quantile(v, 0.1));
            assertThat(i.upper()).isEqualTo(Resampling.quantile(v, 0.9));
            assertThat(i.estimate()).isEqualTo(p.applyAsDouble(TrainingDynamics.of(fit.theta(), BATCH)));
            assertThat(i.label()).isEqualTo("bootstrap-case-percentile");
            assertThat(i.lower()).isLessThanOrEqualTo(i.upper());
        }
        // the façade: the same intervals from the fit alone, delta method and bootstrap
        DynamicsIntervals viaFacade = Uncertainty.of(fit).dynamics(options, BATCH);
        DynamicsIntervals delta = DynamicsIntervals.delta(AsymptoticCovariance.of(fit, data,
                AsymptoticCovariance.Form.SMOOTHED_SANDWICH), 0.8, BATCH);
        for (ToDoubleFunction<TrainingDynamics> p : List.of(STEPS, LOSS)) {
            assertThat(viaFacade.interval("q", p)).isEqualTo(iv.interval("q", p));
            assertThat(Uncertainty.of(fit).dynamics(0.8, BATCH).interval("q", p)).isEqualTo(delta.interval("q", p));
        }
        Interval none = iv.interval("unreachable", UNREACHABLE);
        assertThat(none.status()).isEqualTo(Interval.Status.TOO_MANY_FAILURES);
        assertThat(none.lower()).isNaN();
        assertThat(none.upper()).isNaN();
    }

    @Test
    void aQuantityOfSixParametersNeedsNoBatch() {
        double[] theta = TrainingDynamics.kaplan2020().theta();
        DerivedQuantity q = DynamicsIntervals.quantity("steps", STEPS, null);
        assertThat(q.value(theta)).isEqualTo(STEPS.applyAsDouble(TrainingDynamics.ofTheta(theta)));
        double[] four = {theta[0], theta[1], theta[2], theta[3]};
        DerivedQuantity withBatch = DynamicsIntervals.quantity("steps", STEPS, new double[] {theta[4], theta[5]});
        assertThat(withBatch.value(four)).isEqualTo(q.value(theta));
    }
}
