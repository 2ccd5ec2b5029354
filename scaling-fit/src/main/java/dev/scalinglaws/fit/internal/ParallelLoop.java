/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The library's one ordered parallel loop: body(i) for i in [0, n), on the calling thread helped by at most
 * {@code threads - 1} tasks of an executor (the caller's, or the common pool). Items are claimed in index order from
 * a shared counter; the body stores its result by index, so what is computed does not depend on who computed it.
 *
 * <p>The calling thread always works: helper tasks that have not started when it runs out of items are withdrawn
 * (so a busy executor never stalls the loop, and a loop nested in another's worker cannot deadlock). A loop started
 * on a thread that is already inside one of these loops, or on a {@code ForkJoinPool} worker (when the common pool
 * would help), runs on the calling thread alone: nested loops do not multiply the threads.
 *
 * <p>Cancellation: when the calling thread is interrupted, running helpers are interrupted, the loop waits for them
 * to stop and throws the exception made by the caller's {@link Cancelled} factory with the number of items
 * finished. The first failure of a body is rethrown on the calling thread once every helper has stopped. Not API.
 */
public final class ParallelLoop {

    private static final ThreadLocal<Boolean> INSIDE = new ThreadLocal<>();

    private ParallelLoop() {
    }

    /** The loop body. */
    @FunctionalInterface
    public interface Body {
        /**
         * Computes item i (and stores it by index).
         *
         * @param i index
         */
        void run(int i);
    }

    /** Makes the exception thrown when the calling thread is interrupted. */
    @FunctionalInterface
    public interface Cancelled {
        /**
         * @param finished items finished
         * @param total    items requested
         * @return the exception to throw
         */
        RuntimeException create(int finished, int total);
    }

    /**
     * Whether a loop started now on this thread would run on it alone.
     *
     * @param threads  threads at most, the calling one included
     * @param executor the caller's executor, or null for the common pool
     * @return true for a sequential loop
     */
    public static boolean sequentialHere(int threads, Executor executor) {
        return threads == 1 || Boolean.TRUE.equals(INSIDE.get())
                || (executor == null && ForkJoinTask.inForkJoinPool());
    }

    /**
     * Runs the loop.
     *
     * @param n         items
     * @param threads   threads at most, the calling one included (&gt;= 1)
     * @param executor  the executor helper tasks run on, or null for {@link ForkJoinPool#commonPool()}
     * @param body      the body
     * @param cancelled the exception for an interrupted calling thread
     */
    public static void run(int n, int threads, Executor executor, Body body, Cancelled cancelled) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable loop = () -> {
            int i;
            while (!stop.get() && (i = next.getAndIncrement()) < n) {
                if (Thread.currentThread().isInterrupted()) {
                    stop.set(true);
                    return;
                }
                body.run(i);
                finished.incrementAndGet();
            }
        };
        int helpers = sequentialHere(threads, executor) ? 0 : Math.max(0, Math.min(threads, n) - 1);
        if (helpers == 0) {
            runInside(loop, stop, failure);
        } else {
            Helper[] tasks = new Helper[helpers];
            CountDownLatch done = new CountDownLatch(helpers);
            Executor pool = executor == null ? ForkJoinPool.commonPool() : executor;
            for (int h = 0; h < helpers; h++) {
                tasks[h] = new Helper(loop, stop, failure, done);
                try {
                    pool.execute(tasks[h]);
                } catch (RejectedExecutionException e) {
                    tasks[h].withdraw();
                }
            }
            runInside(loop, stop, failure);
            for (Helper t : tasks) {
                t.withdraw();
            }
            boolean interrupted = Thread.currentThread().isInterrupted();
            while (true) {
                try {
                    if (interrupted) {
                        for (Helper t : tasks) {
                            t.interrupt();
                        }
                        done.await(10, TimeUnit.SECONDS);
                    } else {
                        done.await();
                    }
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    stop.set(true);
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
        if (Thread.currentThread().isInterrupted() || (stop.get() && finished.get() < n)) {
            throw cancelled.create(Math.min(finished.get(), n), n);
        }
    }

    private static void runInside(Runnable loop, AtomicBoolean stop, AtomicReference<Throwable> failure) {
        Boolean before = INSIDE.get();
        INSIDE.set(Boolean.TRUE);
        try {
            loop.run();
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
            stop.set(true);
        } finally {
            if (before == null) {
                INSIDE.remove();
            } else {
                INSIDE.set(before);
            }
        }
    }

    /** A helper task: runs the loop unless the calling thread withdrew it before it started. */
    private static final class Helper implements Runnable {
        private final Runnable loop;
        private final AtomicBoolean stop;
        private final AtomicReference<Throwable> failure;
        private final CountDownLatch done;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private Thread runner;

        Helper(Runnable loop, AtomicBoolean stop, AtomicReference<Throwable> failure, CountDownLatch done) {
            this.loop = loop;
            this.stop = stop;
            this.failure = failure;
            this.done = done;
        }

        @Override
        public void run() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            synchronized (this) {
                runner = Thread.currentThread();
            }
            try {
                runInside(loop, stop, failure);
            } finally {
                synchronized (this) {
                    runner = null;
                    // an interrupt meant for this loop must not leak into the executor's thread
                    Thread.interrupted();
                }
                done.countDown();
            }
        }

        /** Withdraws the task if it has not started (it then never runs the loop). */
        void withdraw() {
            if (claimed.compareAndSet(false, true)) {
                done.countDown();
            }
        }

        synchronized void interrupt() {
            if (runner != null) {
                runner.interrupt();
            }
        }
    }
}
