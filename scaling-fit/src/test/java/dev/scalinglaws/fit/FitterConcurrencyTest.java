/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.KaplanLaw;
import dev.scalinglaws.core.KaplanNDLaw;
import dev.scalinglaws.core.OvertrainingLaw;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.core.ScalingLaws;
import dev.scalinglaws.datasets.Datasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Concurrency guarantees (GitHub issue 10): laws are immutable and thread-safe; fits running at once on many threads
 * give exactly the sequential results; the result does not depend on the number of multistart workers; and an
 * interrupted multistart stops promptly, throws a {@link CancellationException} and leaves no worker threads behind.
 * No test sleeps: threads meet at latches, and every wait has a timeout.
 */
class FitterConcurrencyTest {

    private static final long TIMEOUT_SECONDS = 60;

    private static Dataset chinchilla() {
        return Datasets.chinchilla().withoutLargest("loss", 5);
    }

    /** A fit problem: law, data and spec. */
    private record Problem(ScalingLaw law, Dataset data, FitSpec spec) {
        FitResult fit() {
            return Fitter.fit(law, data, spec);
        }
    }

    private static List<Problem> problems() {
        Dataset c = chinchilla();
        FitSpec quick = FitSpec.defaults().withStarts(Starts.sobol(16, 0)).withThreads(1);
        return List.of(
                new Problem(ChinchillaLaw.INSTANCE, c, quick),
                new Problem(KaplanNDLaw.INSTANCE, c, quick.withLoss(Loss.squared())),
                new Problem(OvertrainingLaw.INSTANCE, c, quick.withStarts(Starts.latinHypercube(8, 7))),
                new Problem(KaplanLaw.N, c, quick.withLoss(Loss.huberLikelihood(1e-3))));
    }

    /** Bit-for-bit equality of what a user reads from a result. */
    private static void assertIdentical(FitResult actual, FitResult expected) {
        assertThat(actual.status()).isEqualTo(expected.status());
        assertThat(Double.doubleToLongBits(actual.objective())).as("objective " + actual)
                .isEqualTo(Double.doubleToLongBits(expected.objective()));
        assertThat(bits(actual.theta())).as("theta " + actual).isEqualTo(bits(expected.theta()));
        assertThat(bits(actual.residuals())).isEqualTo(bits(expected.residuals()));
        assertThat(Double.doubleToLongBits(actual.scale())).isEqualTo(Double.doubleToLongBits(expected.scale()));
        ConvergenceReport a = actual.convergence();
        ConvergenceReport e = expected.convergence();
        assertThat(List.of(a.starts(), a.converged(), a.atBest(), a.failed()))
                .isEqualTo(List.of(e.starts(), e.converged(), e.atBest(), e.failed()));
        assertThat(List.of(a.iterations(), a.evaluations())).isEqualTo(List.of(e.iterations(), e.evaluations()));
    }

    private static long[] bits(double[] v) {
        return Arrays.stream(v).mapToLong(Double::doubleToLongBits).toArray();
    }

    @Test
    void lawsEvaluatedFromEightThreadsAtOnceMatchSequentialEvaluation() throws Exception {
        double[] n = new double[512];
        double[] d = new double[512];
        for (int i = 0; i < n.length; i++) {
            n[i] = 1e6 * Math.pow(1.03, i);
            d[i] = 2e8 * Math.pow(1.05, i);
        }
        List<ScalingLaw> laws = ScalingLaws.builtIn();
        double[][] expected = new double[laws.size()][];
        for (int l = 0; l < laws.size(); l++) {
            expected[l] = evaluate(laws.get(l), n, d);
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int t = 0; t < 8; t++) {
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    for (int rep = 0; rep < 50; rep++) {
                        for (int l = 0; l < laws.size(); l++) {
                            double[] v = evaluate(laws.get(l), n, d);
                            if (!Arrays.equals(bits(v), bits(expected[l]))) {
                                throw new AssertionError("law " + laws.get(l).name() + " differs on another thread");
                            }
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "law-eval-" + t);
            th.start();
            threads.add(th);
        }
        start.countDown();
        for (Thread th : threads) {
            th.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            assertThat(th.isAlive()).isFalse();
        }
        assertThat(failure.get()).isNull();
    }

    /** Values and Jacobian of a law at a fixed theta inside its start ranges, on shared columns. */
    private static double[] evaluate(ScalingLaw law, double[] n, double[] d) {
        int p = law.parameterCount();
        double[] theta = new double[p];
        for (int j = 0; j < p; j++) {
            double[] r = law.startRange(j);
            theta[j] = law.parameters().get(j).positive() ? Math.sqrt(r[0] * r[1]) : 0.5 * (r[0] + r[1]);
        }
        double[][] cols = new double[law.covariates().size()][];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = c % 2 == 0 ? n : d;
        }
        Columns x = Columns.of(cols);
        double[] value = new double[n.length];
        double[][] jac = new double[p][n.length];
        law.evaluateLog(theta, x, 0, n.length, value, jac);
        double[] out = Arrays.copyOf(value, n.length * (p + 1));
        for (int j = 0; j < p; j++) {
            System.arraycopy(jac[j], 0, out, n.length * (j + 1), n.length);
        }
        return out;
    }

    @Test
    void eightThreadsFittingDifferentAndIdenticalProblemsMatchSequentialFits() throws Exception {
        List<Problem> problems = problems();
        List<FitResult> sequential = new ArrayList<>();
        for (Problem p : problems) {
            sequential.add(p.fit());
        }
        int threads = 8;
        FitResult[] concurrent = new FitResult[threads];
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    concurrent[index] = problems.get(index % problems.size()).fit();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "fitting-" + t);
            th.start();
            workers.add(th);
        }
        start.countDown();
        for (Thread th : workers) {
            th.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            assertThat(th.isAlive()).isFalse();
        }
        assertThat(failure.get()).isNull();
        for (int t = 0; t < threads; t++) {
            assertIdentical(concurrent[t], sequential.get(t % problems.size()));
        }
    }

    @Test
    void resultIsBitIdenticalForOneTwoAndEightWorkerThreads() {
        Dataset data = chinchilla();
        FitSpec spec = FitSpec.defaults().withStarts(Starts.sobol(64, 3)).withSeed(11);
        FitResult one = Fitter.fit(ChinchillaLaw.INSTANCE, data, spec.withThreads(1));
        FitResult two = Fitter.fit(ChinchillaLaw.INSTANCE, data, spec.withThreads(2));
        FitResult eight = Fitter.fit(ChinchillaLaw.INSTANCE, data, spec.withThreads(8));
        assertIdentical(two, one);
        assertIdentical(eight, one);
        FitSpec lhs = spec.withStarts(Starts.latinHypercube(24, 5)).withLoss(Loss.huberLikelihood(1e-3));
        assertIdentical(Fitter.fit(KaplanNDLaw.INSTANCE, data, lhs.withThreads(8)),
                Fitter.fit(KaplanNDLaw.INSTANCE, data, lhs.withThreads(1)));
    }

    /**
     * Interrupting the thread that runs Hoffmann's 4,500-start multistart on the Chinchilla data: the fit ends with a
     * {@link CancellationException} saying how far it got, the thread's interrupt status is kept, and no helper task
     * of the executor outlives it. (How fast belongs to the benchmarks, not to a timed assertion.)
     */
    @ParameterizedTest(name = "threads = {0}")
    @ValueSource(ints = {1, 2, 4})
    void interruptingAMultistartCancelsPromptlyAndLeavesNoWorkers(int threads) throws Exception {
        Dataset data = chinchilla();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        FitSpec spec = FitSpec.epoch().withParallelism(Parallelism.of(pool, threads));
        CountDownLatch running = new CountDownLatch(1);
        AtomicReference<Object> outcome = new AtomicReference<>();
        AtomicReference<Boolean> interruptKept = new AtomicReference<>();
        Thread fitting = new Thread(() -> {
            try {
                outcome.set(Fitter.fit(ChinchillaLaw.INSTANCE, data, spec, done -> {
                    if (done >= 20) {
                        running.countDown();
                    }
                }));
            } catch (Throwable e) {
                outcome.set(e);
            }
            interruptKept.set(Thread.currentThread().isInterrupted());
        }, "interrupted-fit");
        fitting.start();
        assertThat(running.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("the multistart started").isTrue();
        fitting.interrupt();
        fitting.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        assertThat(fitting.isAlive()).as("still running after the interrupt").isFalse();
        assertThat(outcome.get()).isInstanceOf(CancellationException.class);
        assertThat(((Throwable) outcome.get()).getMessage()).matches("multistart interrupted after \\d+ of 4500 starts");
        assertThat(interruptKept.get()).as("interrupt status kept").isTrue();
        // the fit waited for its helpers: none is running, so the pool stops at once
        pool.shutdown();
        assertThat(pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("helpers ended").isTrue();
    }

    /** A thread already interrupted when it calls fit does no work and says so. */
    @ParameterizedTest(name = "threads = {0}")
    @ValueSource(ints = {1, 4})
    void aFitStartedOnAnInterruptedThreadIsCancelledAtOnce(int threads) throws Exception {
        Dataset data = chinchilla();
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread th = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                outcome.set(Fitter.fit(ChinchillaLaw.INSTANCE, data, FitSpec.epoch().withThreads(threads)));
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        th.start();
        th.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        assertThat(th.isAlive()).isFalse();
        assertThat(outcome.get()).isInstanceOf(CancellationException.class);
        String message = ((Throwable) outcome.get()).getMessage();
        assertThat(outcome.get()).isInstanceOf(FitCancelledException.class);
        // the calling thread starts nothing; with helpers, each may finish the one start it had already begun
        assertThat(message).matches("multistart interrupted after (about )?\\d+ of 4500 starts");
        int done = Integer.parseInt(message.replaceAll("\\D+(\\d+) of 4500.*", "$1"));
        assertThat(done).isLessThanOrEqualTo(threads == 1 ? 0 : 64);
    }
}
