/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.fit.uncertainty.AsymptoticCovariance;
import org.junit.jupiter.api.Test;

/**
 * One fit, one problem, two threads computing standard errors and evaluations at once must each get the sequential
 * answer, bit for bit. Before {@link FitProblem}, the uncertainty code evaluated residuals and the Jacobian on the
 * compiled problem's objective prototype, whose instance buffers two threads overwrote: this test (then written
 * against {@code Fitter.Problem} and {@code AsymptoticCovariance.standardErrors(fit, problem)}) failed with 23 of
 * 200 wrong answers.
 */
class SharedProblemConcurrencyTest {

    @Test
    void twoThreadsOnOneProblemGetTheSequentialAnswer() throws Exception {
        Dataset small = SyntheticRecoveryTest.synthetic(ChinchillaLaw.INSTANCE, SyntheticRecoveryTest.CHINCHILLA, 5L);
        // 4,000 rows: long enough evaluations for the threads to overlap
        int[] rows = new int[small.size() * 20];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i % small.size();
        }
        Dataset data = small.rows(rows);
        FitSpec spec = FitSpec.defaults().withStarts(Starts.sobol(4, 0)).withThreads(1);
        FitResult fit = Fitter.fit(ChinchillaLaw.INSTANCE, data, spec);
        List<ParameterEstimate> expected = AsymptoticCovariance.standardErrors(fit);
        double[] expectedResiduals = fit.evaluation().residuals();
        assertThat(expected).isEqualTo(fit.parameters());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    int wrong = 0;
                    for (int k = 0; k < 100; k++) {
                        if (!AsymptoticCovariance.standardErrors(fit).equals(expected)) {
                            wrong++;
                        }
                        if (!java.util.Arrays.equals(fit.problem().evaluate(fit.theta()).residuals(),
                                expectedResiduals)) {
                            wrong++;
                        }
                    }
                    return wrong;
                }));
            }
            go.countDown();
            int wrong = 0;
            for (Future<Integer> f : futures) {
                wrong += f.get();
            }
            assertThat(wrong).isZero();
        } finally {
            pool.shutdown();
        }
    }
}
