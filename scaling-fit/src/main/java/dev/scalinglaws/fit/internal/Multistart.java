/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.internal;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs one local optimisation per start, in parallel ({@link ParallelLoop}), and stores outcomes by start index so
 * that the reduction (lowest objective, earliest index on ties) does not depend on the number of threads or on
 * scheduling.
 *
 * <p>Stateless; thread-safe.
 */
public final class Multistart {

    private Multistart() {
    }

    /**
     * The outcome of one start.
     *
     * @param index       start index
     * @param x           final coordinates
     * @param value       final objective (+Infinity if non-finite)
     * @param status      local status
     * @param iterations  iterations
     * @param evaluations evaluations
     * @param gradientNorm final projected-gradient norm
     */
    public record Outcome(int index, double[] x, double value, OptimizerStatus status, int iterations, int evaluations,
                          double gradientNorm) {
    }

    /**
     * Runs every start.
     *
     * @param prototype objective (copied per worker)
     * @param starts    starting coordinates
     * @param lower     lower bounds in coordinates (or null)
     * @param upper     upper bounds in coordinates (or null)
     * @param optimizer the optimiser
     * @param threads   worker threads (1 = the calling thread)
     * @param progress  called with the number of finished starts (may be null)
     * @return outcomes in start order
     */
    public static Outcome[] run(Objective prototype, List<double[]> starts, double[] lower, double[] upper,
                                LbfgsB optimizer, int threads, IntConsumer progress) {
        return run(prototype, starts, lower, upper, (LocalOptimizer) optimizer, threads, progress);
    }

    /**
     * Runs every start with any local optimiser.
     *
     * @param prototype objective (copied per worker)
     * @param starts    starting coordinates
     * @param lower     lower bounds in coordinates (or null)
     * @param upper     upper bounds in coordinates (or null)
     * @param optimizer the local optimiser
     * @param threads   worker threads (1 = the calling thread)
     * @param progress  called with the number of finished starts (may be null)
     * @return outcomes in start order
     */
    public static Outcome[] run(Objective prototype, List<double[]> starts, double[] lower, double[] upper,
                                LocalOptimizer optimizer, int threads, IntConsumer progress) {
        return run(prototype, starts, lower, upper, optimizer, threads, null, progress);
    }

    /**
     * Runs every start on the {@link ParallelLoop}.
     *
     * @param prototype   objective (copied per start; never evaluated itself)
     * @param starts      starting coordinates
     * @param lower       lower bounds in coordinates (or null)
     * @param upper       upper bounds in coordinates (or null)
     * @param optimizer   the local optimiser
     * @param threads     threads at most, the calling one included (&gt;= 1)
     * @param executor    the executor helper tasks run on, or null for the common pool
     * @param progress    called with the number of finished starts (may be null)
     * @return outcomes in start order
     * @throws CancellationExceptionWithPartial if the calling thread is interrupted
     */
    public static Outcome[] run(Objective prototype, List<double[]> starts, double[] lower, double[] upper,
                                LocalOptimizer optimizer, int threads, Executor executor, IntConsumer progress) {
        int n = starts.size();
        Outcome[] out = new Outcome[n];
        AtomicInteger done = new AtomicInteger();
        ParallelLoop.run(n, threads, executor, i -> {
            // an evaluator per start: the buffers are the only state, and they are overwritten by every evaluation
            Objective f = prototype.copy();
            LbfgsB.Result r = optimizer.minimize(f, starts.get(i), lower, upper);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            double v = Double.isFinite(r.value()) ? r.value() : Double.POSITIVE_INFINITY;
            OptimizerStatus st = Double.isFinite(r.value()) ? r.status() : OptimizerStatus.NON_FINITE;
            out[i] = new Outcome(i, r.x(), v, st, r.iterations(), r.evaluations(), r.gradientNorm());
            int d = done.incrementAndGet();
            if (progress != null) {
                progress.accept(d);
            }
        }, (finished, total) -> new CancellationExceptionWithPartial("multistart interrupted", done.get(), total));
        return out;
    }

    /**
     * Index of the best outcome: lowest finite objective, earliest index on ties; -1 if none is finite.
     *
     * @param outcomes outcomes
     * @return index or -1
     */
    public static int best(Outcome[] outcomes) {
        int best = -1;
        for (int i = 0; i < outcomes.length; i++) {
            Outcome o = outcomes[i];
            if (o != null && Double.isFinite(o.value()) && (best < 0 || o.value() < outcomes[best].value())) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The failure of a worker task, rethrown as it was: an unchecked exception or error as itself, anything else
     * wrapped in an {@link IllegalStateException}.
     *
     * @param e the failed task's exception
     * @return the unchecked exception to throw (an {@link Error} is thrown directly)
     */
    public static RuntimeException propagate(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException re) {
            return re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(cause);
    }

    /**
     * Thrown when a multistart is interrupted; says how many starts had finished. The public packages translate it
     * into {@code dev.scalinglaws.fit.FitCancelledException} with the same message and counts.
     */
    public static final class CancellationExceptionWithPartial extends CancellationException {
        private static final long serialVersionUID = 1L;

        /** Starts finished before the cancellation. */
        private final int finished;
        /** Starts requested. */
        private final int total;

        /**
         * @param message  message
         * @param finished starts finished
         * @param total    starts requested
         */
        public CancellationExceptionWithPartial(String message, int finished, int total) {
            super(message + " after " + finished + " of " + total + " starts");
            this.finished = finished;
            this.total = total;
        }

        /** {@return the starts finished before the cancellation} */
        public int finished() {
            return finished;
        }

        /** {@return the starts requested} */
        public int total() {
            return total;
        }
    }
}
