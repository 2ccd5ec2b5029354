/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * One immutable {@link CsvReader} and one {@link Dataset} shared by 8 threads at once: every thread reads the same
 * data and derives the same columns as a sequential run. No sleeping: threads start at a latch and are joined with a
 * timeout.
 */
class CsvReaderConcurrencyTest {

    @Test
    void aSharedReaderAndDatasetGiveTheSameAnswersOnEightThreads() throws Exception {
        StringBuilder sb = new StringBuilder("Model Size;Training FLOP;loss;run\n");
        for (int i = 1; i <= 3000; i++) {
            sb.append(1e7 * i).append(';').append(6e7 * i * 2e9).append(';').append(2 + 1.0 / i).append(";r")
                    .append(i % 17).append('\n');
        }
        String text = sb.toString();
        CsvReader reader = CsvReader.defaults().withColumn("N", "Model Size").withColumn("C", "Training FLOP");
        Dataset expected = reader.read(new StringReader(text), "runs.csv").withGroups("run");
        double[] expectedD = expected.withCovariatesFor(ChinchillaLaw.INSTANCE, null).column("D");
        int[] expectedGroups = expected.groupIndices();
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    for (int rep = 0; rep < 5; rep++) {
                        Dataset d = reader.read(new StringReader(text), "runs.csv");
                        check(Arrays.equals(d.column("loss"), expected.column("loss")), "loss");
                        check(Arrays.equals(d.textColumn("run"), expected.textColumn("run")), "run");
                        check(Arrays.equals(expected.withCovariatesFor(ChinchillaLaw.INSTANCE, null).column("D"),
                                expectedD), "shared dataset D");
                        check(Arrays.equals(expected.groupIndices(), expectedGroups), "groups");
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "csv-reader-" + t);
            th.start();
            threads.add(th);
        }
        start.countDown();
        for (Thread th : threads) {
            th.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(th.isAlive()).isFalse();
        }
        assertThat(failure.get()).isNull();
    }

    private static void check(boolean same, String what) {
        if (!same) {
            throw new AssertionError(what + " differs on another thread");
        }
    }
}
