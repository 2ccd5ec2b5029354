/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Executor;

import dev.scalinglaws.fit.Parallelism;
import dev.scalinglaws.fit.internal.OptimizerStatus;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap's adapters to the engine: a refit's optimiser status is reported as the public status of the same
 * name, and a parallelism setting reaches the engine as its thread count and the caller's executor (null: the
 * common pool).
 */
class BootstrapStatusMappingTest {

    @Test
    void everyOptimizerStatusMapsToTheFitStatusOfTheSameName() {
        for (OptimizerStatus s : OptimizerStatus.values()) {
            assertThat(Bootstrap.statusOf(s).name()).isEqualTo(s.name());
        }
    }

    @Test
    void onlyAnExecutorOfTheCallersIsPassedOn() {
        Executor mine = Runnable::run;
        assertThat(Bootstrap.executorOf(Parallelism.of(mine, 3))).isSameAs(mine);
        assertThat(Bootstrap.executorOf(Parallelism.threads(3))).isNull();
        assertThat(Bootstrap.executorOf(Parallelism.sequential())).isNull();
    }
}
