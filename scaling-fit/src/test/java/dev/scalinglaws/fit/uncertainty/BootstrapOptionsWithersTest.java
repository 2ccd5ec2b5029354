/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.Test;

/** Every {@code BootstrapOptions.withX} changes its own setting and keeps all others; validation still applies. */
class BootstrapOptionsWithersTest {

    private static final IntConsumer HOOK = i -> { };

    /** Every setting, as one comparable value (extra starts as text, the hook by identity). */
    private static List<Object> settings(BootstrapOptions o) {
        List<String> starts = new ArrayList<>();
        for (double[] s : o.extraStarts()) {
            starts.add(Arrays.toString(s));
        }
        return Arrays.asList(o.resamples(), o.scheme(), o.method(), o.level(), o.seed(), o.threads(),
                o.startFromOptimum(), o.bestStarts(), starts, o.maxFailureFraction(), o.progress());
    }

    @Test
    void defaultsAreDocumented() {
        assertThat(settings(BootstrapOptions.defaults())).isEqualTo(Arrays.asList(2000, ResamplingScheme.CASE,
                IntervalMethod.BCA, 0.95, 0L, Runtime.getRuntime().availableProcessors(), true, 4, List.of(), 0.05,
                null));
    }

    @Test
    void eachWitherChangesOnlyItsSetting() {
        BootstrapOptions base = BootstrapOptions.defaults().withThreads(3);
        List<Object> before = settings(base);
        check(base, before, o -> o.withResamples(50), 0, 50);
        check(base, before, o -> o.withScheme(ResamplingScheme.WILD_MAMMEN), 1, ResamplingScheme.WILD_MAMMEN);
        check(base, before, o -> o.withMethod(IntervalMethod.BASIC), 2, IntervalMethod.BASIC);
        check(base, before, o -> o.withLevel(0.8), 3, 0.8);
        check(base, before, o -> o.withSeed(9L), 4, 9L);
        check(base, before, o -> o.withThreads(2), 5, 2);
        check(base, before, o -> o.withStartFromOptimum(false), 6, false);
        check(base, before, o -> o.withBestStarts(0), 7, 0);
        check(base, before, o -> o.withExtraStarts(List.of(new double[] {1, 2})), 8, List.of("[1.0, 2.0]"));
        check(base, before, o -> o.withMaxFailureFraction(0.5), 9, 0.5);
        check(base, before, o -> o.withProgress(HOOK), 10, HOOK);
        assertThat(settings(base.withProgress(HOOK).withSeed(1L)).get(10)).as("the hook survives other withers")
                .isSameAs(HOOK);
        assertThat(settings(base)).as("the original is unchanged").isEqualTo(before);
    }

    @Test
    void withersValidate() {
        BootstrapOptions d = BootstrapOptions.defaults();
        assertThatThrownBy(() -> d.withResamples(1)).hasMessage("resamples must be at least 2: 1");
        assertThatThrownBy(() -> d.withThreads(0)).hasMessage("threads must be at least 1: 0");
        assertThatThrownBy(() -> d.withBestStarts(-1)).hasMessage("bestStarts must be >= 0: -1");
        assertThatThrownBy(() -> d.withMaxFailureFraction(2)).hasMessage("maxFailureFraction must lie in [0, 1]: 2.0");
        assertThatThrownBy(() -> d.withLevel(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withScheme(null)).isInstanceOf(NullPointerException.class).hasMessage("scheme");
    }

    private static void check(BootstrapOptions base, List<Object> before,
                              Function<BootstrapOptions, BootstrapOptions> change, int index, Object expected) {
        List<Object> after = settings(change.apply(base));
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i)).as("setting %d", i).isEqualTo(i == index ? expected : before.get(i));
        }
    }
}
