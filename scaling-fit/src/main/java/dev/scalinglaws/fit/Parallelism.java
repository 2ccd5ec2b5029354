/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;

import dev.scalinglaws.fit.internal.ParallelLoop;

/**
 * Where the library's parallel loops (the starts of a multistart, the resamples of a bootstrap) run: on the calling
 * thread alone, or on the calling thread helped by at most {@code threads - 1} tasks of an {@link Executor}.
 *
 * <p>The library never starts a thread pool of its own. {@link #defaults()} helps the caller with the JVM's
 * {@link ForkJoinPool#commonPool()}, whose size is fixed (processors - 1 by default), so that any number of
 * concurrent fits share the same few threads; pass {@link #sequential()} or an executor of your own (a Spark
 * executor's task thread, a server's pool) to control it. A loop started on a thread that is already working for
 * one of the library's loops, or on a {@link ForkJoinPool} worker, runs on that thread alone: nested calls do not fan
 * out again.
 *
 * <p>Results never depend on this setting: each item is computed from its index alone, stored by index and reduced
 * in index order, so the same seed gives the same bits on one thread or many.
 *
 * <p>Immutable and thread-safe. Serializable: an explicit executor is not (it is transient) and a deserialised
 * value helps with the common pool.
 */
public final class Parallelism implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final transient Executor executor;
    /** Number of threads, the calling one included. */
    private final int threads;

    private Parallelism(Executor executor, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "threads must be at least 1: %d", threads));
        }
        this.executor = executor;
        this.threads = threads;
    }

    /** {@return the calling thread alone} */
    public static Parallelism sequential() {
        return new Parallelism(null, 1);
    }

    /** {@return the calling thread helped by the common pool, up to the number of available processors in all} */
    public static Parallelism defaults() {
        return threads(Runtime.getRuntime().availableProcessors());
    }

    /**
     * The calling thread helped by the common pool, up to {@code threads} threads in all (1: the calling thread
     * alone; the common pool's size bounds it too).
     *
     * @param threads threads at most, &gt;= 1
     * @return the setting
     */
    public static Parallelism threads(int threads) {
        return new Parallelism(null, threads);
    }

    /**
     * The calling thread helped by at most {@code threads - 1} tasks on an executor of yours.
     *
     * @param executor the executor (its tasks must be able to run while the calling thread waits for them)
     * @param threads  threads at most, calling thread included, &gt;= 1
     * @return the setting
     */
    public static Parallelism of(Executor executor, int threads) {
        if (executor == null) {
            throw new IllegalArgumentException("executor must not be null");
        }
        return new Parallelism(executor, threads);
    }

    /** {@return the executor helper tasks run on: the one given, or the common pool} */
    public Executor executor() {
        return executor == null ? ForkJoinPool.commonPool() : executor;
    }

    /** {@return whether an executor of the caller's was given (otherwise the common pool helps)} */
    public boolean hasExecutor() {
        return executor != null;
    }

    /** {@return the threads at most, the calling thread included} */
    public int threads() {
        return threads;
    }

    /**
     * Runs body(i) for every i in [0, n) under this setting, in the library's ordered parallel loop: the body must
     * store what it computes by index (so the outcome does not depend on the threads). The first failure of a body
     * is rethrown on the calling thread.
     *
     * @param n    items, &gt;= 0
     * @param body the body
     * @throws FitCancelledException if the calling thread is interrupted (running bodies are interrupted too)
     */
    public void forEach(int n, IntConsumer body) {
        if (n < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "n must be >= 0: %d", n));
        }
        ParallelLoop.run(n, threads, executor, body::accept, (finished, total) -> new FitCancelledException(
                String.format(Locale.ROOT, "interrupted after %d of %d items", finished, total), finished, total));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parallelism p && threads == p.threads && executor == p.executor;
    }

    @Override
    public int hashCode() {
        return 31 * threads + System.identityHashCode(executor);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Parallelism[threads=%d, %s]", threads,
                executor == null ? "common pool" : executor.toString());
    }
}
