/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** Every {@code FitSpec.withX} changes its own setting and keeps all others; validation still applies. */
class FitSpecWithersTest {

    /** Every setting, as one comparable value. */
    private static List<Object> settings(FitSpec s) {
        return List.of(s.residual(), s.loss(), s.starts().describe(), s.pins(), boundsText(s), s.threads(), s.seed(),
                s.maxIterations(), s.ftol(), s.gtol(), s.polish(), s.optimizer());
    }

    private static String boundsText(FitSpec s) {
        StringBuilder sb = new StringBuilder();
        s.bounds().forEach((k, v) -> sb.append(k).append('=').append(v[0]).append(',').append(v[1]).append(';'));
        return sb.toString();
    }

    @Test
    void defaultsAreDocumented() {
        FitSpec d = FitSpec.defaults();
        assertThat(settings(d)).isEqualTo(List.of(ResidualSpace.LOG, Loss.huber(1e-3), "sobol:128", Map.of(), "",
                Runtime.getRuntime().availableProcessors(), 0L, 15000, 2.220446049250313e-09, 1e-5, true,
                Optimizer.LBFGSB));
    }

    @Test
    void eachWitherChangesOnlyItsSetting() {
        FitSpec base = FitSpec.defaults().withThreads(3);
        List<Object> before = settings(base);
        check(base, before, s -> s.withResidual(ResidualSpace.LINEAR), 0, ResidualSpace.LINEAR);
        check(base, before, s -> s.withLoss(Loss.cauchy(0.5)), 1, Loss.cauchy(0.5));
        check(base, before, s -> s.withStarts(Starts.hoffmann()), 2, Starts.hoffmann().describe());
        check(base, before, s -> s.withPin("E", 1.5), 3, Map.of("E", 1.5));
        check(base, before, s -> s.withBound("alpha", 0.1, 0.9), 4, "alpha=0.1,0.9;");
        check(base, before, s -> s.withThreads(5), 5, 5);
        check(base, before, s -> s.withSeed(42L), 6, 42L);
        check(base, before, s -> s.withMaxIterations(77), 7, 77);
        check(base, before, s -> s.withPolish(false), 10, false);
        check(base, before, s -> s.withOptimizer(Optimizer.LEVENBERG_MARQUARDT), 11, Optimizer.LEVENBERG_MARQUARDT);
        List<Object> tol = settings(base.withTolerances(1e-7, 1e-8));
        assertThat(tol.get(8)).isEqualTo(1e-7);
        assertThat(tol.get(9)).isEqualTo(1e-8);
        assertThat(settings(base)).as("the original is unchanged").isEqualTo(before);
    }

    @Test
    void withersValidate() {
        assertThatThrownBy(() -> FitSpec.defaults().withThreads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be at least 1: 0");
        assertThatThrownBy(() -> FitSpec.defaults().withMaxIterations(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxIterations must be at least 1: 0");
        assertThatThrownBy(() -> FitSpec.defaults().withTolerances(-1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("tolerances must be non-negative");
        assertThatThrownBy(() -> FitSpec.defaults().withLoss(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("loss");
    }

    private static void check(FitSpec base, List<Object> before, Function<FitSpec, FitSpec> change, int index,
                              Object expected) {
        List<Object> after = settings(change.apply(base));
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i)).as("setting %d", i).isEqualTo(i == index ? expected : before.get(i));
        }
    }
}
