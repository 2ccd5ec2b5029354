/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import dev.scalinglaws.fit.FitResult;
import org.junit.jupiter.api.Test;

/** The progress hook counts every resample once and changes nothing in the results. */
class BootstrapProgressTest {

    @Test
    void resultsAreBitIdenticalWithAndWithoutTheHookAndEveryResampleIsCountedOnce() {
        FitResult fit = EpochFixtures.fit();
        List<DerivedQuantity> derived = List.of(DerivedQuantity.allocationExponentA());
        BootstrapOptions o = BootstrapOptions.defaults().withResamples(40).withBestStarts(0)
                .withMethod(IntervalMethod.BCA).withSeed(7).withThreads(2);
        ConcurrentLinkedQueue<Integer> seen = new ConcurrentLinkedQueue<>();
        BootstrapOptions hooked = o.withProgress(seen::add).withLevel(0.9).withLevel(0.95);
        assertThat(hooked.progress()).as("withers keep the hook").isNotNull();
        assertThat(o.progress()).isNull();
        BootstrapResult plain = Bootstrap.run(fit, EpochFixtures.data(), o, derived);
        BootstrapResult withHook = Bootstrap.run(fit, EpochFixtures.data(), hooked, derived);
        for (String name : plain.names()) {
            assertThat(withHook.replicates(name)).as(name).containsExactly(plain.replicates(name));
            assertThat(withHook.interval(name)).as(name).isEqualTo(plain.interval(name));
        }
        assertThat(withHook.failed()).isEqualTo(plain.failed());
        assertThat(seen).hasSize(40);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 40).boxed().toList());
        // one thread: counts arrive in order
        ConcurrentLinkedQueue<Integer> serial = new ConcurrentLinkedQueue<>();
        Bootstrap.run(fit, EpochFixtures.data(), o.withThreads(1).withMethod(IntervalMethod.PERCENTILE)
                .withProgress(serial::add), derived);
        assertThat(serial).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 40).boxed().toList());
    }
}
