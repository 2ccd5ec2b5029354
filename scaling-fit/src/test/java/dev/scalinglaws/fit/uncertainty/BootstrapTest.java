/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;

import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.Parallelism;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    private static final List<DerivedQuantity> DERIVED = List.of(DerivedQuantity.allocationExponentA());

    @Test
    void bitIdenticalForOneTwoAndEightThreadsForEveryScheme() {
        FitResult fit = EpochFixtures.fit();
        for (ResamplingScheme scheme : List.of(ResamplingScheme.CASE, ResamplingScheme.RESIDUAL,
                ResamplingScheme.WILD_RADEMACHER, ResamplingScheme.WILD_MAMMEN)) {
            BootstrapOptions o = BootstrapOptions.defaults().withResamples(24).withBestStarts(0)
                    .withMethod(IntervalMethod.PERCENTILE).withScheme(scheme).withSeed(42);
            BootstrapResult one = Bootstrap.run(fit, EpochFixtures.data(), o.withThreads(1), DERIVED);
            BootstrapResult two = Bootstrap.run(fit, EpochFixtures.data(), o.withThreads(2), DERIVED);
            BootstrapResult eight = Bootstrap.run(fit, EpochFixtures.data(), o.withThreads(8), DERIVED);
            for (String name : one.names()) {
                assertThat(two.replicates(name)).as(scheme + " " + name).containsExactly(one.replicates(name));
                assertThat(eight.replicates(name)).as(scheme + " " + name).containsExactly(one.replicates(name));
            }
            assertThat(one.failed()).isEqualTo(eight.failed());
            // a different seed gives different resamples
            BootstrapResult other = Bootstrap.run(fit, EpochFixtures.data(), o.withSeed(43).withThreads(2), DERIVED);
            assertThat(other.replicates("alpha")).isNotEqualTo(one.replicates("alpha"));
        }
    }

    @Test
    void bcaBasicAndPercentileBracketTheEstimate() {
        FitResult fit = EpochFixtures.fit();
        BootstrapResult r = Bootstrap.run(fit, EpochFixtures.data(), BootstrapOptions.defaults().withResamples(100)
                .withBestStarts(0).withSeed(1).withThreads(2), DERIVED);
        assertThat(r.failed()).isLessThanOrEqualTo(5);
        for (IntervalMethod m : IntervalMethod.values()) {
            Interval a = r.interval("a", m, 0.9);
            assertThat(a.ok()).as(a.toString()).isTrue();
            assertThat(a.lower()).isLessThan(a.estimate());
            assertThat(a.upper()).isGreaterThan(a.estimate());
        }
        assertThat(r.jackknifeFailures()).isZero();
    }

    @Test
    void interruptionCancelsPromptlyWithoutLeakingThreads() throws Exception {
        FitResult fit = EpochFixtures.fit();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        Thread caller = new Thread(() -> {
            try {
                Bootstrap.run(fit, EpochFixtures.data(), BootstrapOptions.defaults().withResamples(1_000_000)
                        .withBestStarts(0).withParallelism(Parallelism.of(pool, 2))
                        .withMethod(IntervalMethod.PERCENTILE)
                        .withProgress(done -> {
                            if (done >= 20) {
                                running.countDown();
                            }
                        }), List.of());
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        caller.start();
        assertThat(running.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("the bootstrap started").isTrue();
        caller.interrupt();
        caller.join(30_000);
        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(CancellationException.class);
        // the run waited for its helpers: none is running, so the pool stops at once
        pool.shutdown();
        assertThat(pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).as("helpers ended").isTrue();
    }

    @Test
    void clusterResamplingNeedsGroups() {
        assertThatThrownBy(() -> Bootstrap.run(EpochFixtures.fit(), EpochFixtures.data(),
                BootstrapOptions.defaults().withScheme(ResamplingScheme.CLUSTER).withBestStarts(0), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group");
    }

    @Test
    void optionsValidate() {
        assertThatThrownBy(() -> BootstrapOptions.defaults().withResamples(1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BootstrapOptions.defaults().withLevel(1.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bootstrap.run(EpochFixtures.fit(), EpochFixtures.data(),
                BootstrapOptions.defaults().withStartFromOptimum(false).withBestStarts(0), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start");
    }
}
