/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.fit.uncertainty.Bootstrap;
import dev.scalinglaws.fit.uncertainty.BootstrapOptions;
import dev.scalinglaws.fit.uncertainty.BootstrapResult;
import dev.scalinglaws.fit.uncertainty.IntervalMethod;
import org.junit.jupiter.api.Test;

/**
 * {@link Parallelism}: the same seed gives the same bits on the calling thread alone, on the common pool and on an
 * executor of the caller's; a loop nested in a worker of another does not fan out again; no pool is started.
 */
class ParallelismTest {

    private static Dataset data() {
        return SyntheticRecoveryTest.synthetic(ChinchillaLaw.INSTANCE, SyntheticRecoveryTest.CHINCHILLA, 3L);
    }

    @Test
    void fitsAndBootstrapsAreBitIdenticalWhateverTheExecutor() throws Exception {
        Dataset data = data();
        FitSpec spec = FitSpec.defaults().withStarts(Starts.sobol(24, 1));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        ForkJoinPool forkJoin = new ForkJoinPool(2);
        try {
            List<Parallelism> settings = List.of(Parallelism.sequential(), Parallelism.threads(2),
                    Parallelism.defaults(), Parallelism.of(pool, 4), Parallelism.of(forkJoin, 3));
            FitResult reference = Fitter.fit(ChinchillaLaw.INSTANCE, data, spec.withParallelism(settings.get(0)));
            BootstrapOptions options = BootstrapOptions.defaults().withResamples(12).withBestStarts(0).withSeed(9)
                    .withMethod(IntervalMethod.PERCENTILE);
            BootstrapResult referenceBoot = Bootstrap.run(reference, options.withParallelism(settings.get(0)),
                    List.of());
            for (Parallelism p : settings) {
                FitResult fit = Fitter.fit(ChinchillaLaw.INSTANCE, data, spec.withParallelism(p));
                assertThat(Double.doubleToRawLongBits(fit.objective())).as("%s", p)
                        .isEqualTo(Double.doubleToRawLongBits(reference.objective()));
                assertThat(fit.theta()).as("%s", p).containsExactly(reference.theta());
                assertThat(fit.parameters()).as("%s", p).isEqualTo(reference.parameters());
                BootstrapResult boot = Bootstrap.run(fit, options.withParallelism(p), List.of());
                for (String name : referenceBoot.names()) {
                    assertThat(boot.replicates(name)).as("%s %s", p, name)
                            .containsExactly(referenceBoot.replicates(name));
                }
            }
        } finally {
            pool.shutdown();
            forkJoin.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aFitInsideALoopWorkerDoesNotFanOutAgain() {
        Dataset data = data();
        AtomicInteger tasks = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            java.util.concurrent.Executor counting = command -> {
                tasks.incrementAndGet();
                pool.execute(command);
            };
            Parallelism p = Parallelism.of(counting, 4);
            FitSpec spec = FitSpec.defaults().withStarts(Starts.sobol(16, 0)).withParallelism(p);
            FitResult[] fits = new FitResult[6];
            p.forEach(fits.length, i -> fits[i] = Fitter.fit(ChinchillaLaw.INSTANCE, data, spec));
            // the outer loop asked for its three helpers; the six fits inside it ran on their workers alone
            assertThat(tasks.get()).isEqualTo(3);
            for (FitResult f : fits) {
                assertThat(f.theta()).containsExactly(fits[0].theta());
            }
            // a fit called directly does use the executor
            Fitter.fit(ChinchillaLaw.INSTANCE, data, spec);
            assertThat(tasks.get()).isEqualTo(6);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aFailingBodyIsRethrownOnTheCallingThread() {
        assertThatThrownBy(() -> Parallelism.threads(2).forEach(10, i -> {
            if (i == 7) {
                throw new ArithmeticException("item 7");
            }
        })).isInstanceOf(ArithmeticException.class).hasMessage("item 7");
        assertThatThrownBy(() -> Parallelism.threads(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Parallelism.threads(3)).isEqualTo(Parallelism.threads(3)).isNotEqualTo(Parallelism.threads(2));
    }
}
