/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import java.util.concurrent.CancellationException;

import dev.scalinglaws.fit.internal.Multistart;

/**
 * Thrown when the thread running a fit (or a multistart or bootstrap inside it) is interrupted: the work stops
 * promptly, worker threads are released, and no partial result is returned as if it were complete. The message says
 * how much had finished.
 *
 * <p>Unchecked; the interrupt flag of the calling thread is left set.
 */
public class FitCancelledException extends CancellationException {

    private static final long serialVersionUID = 1L;

    /** Units of work finished before the cancellation. */
    private final int finished;
    /** Units of work requested. */
    private final int total;

    /**
     * @param message  the whole message, saying what was cancelled and how far it got
     * @param finished units of work (starts, resamples) finished
     * @param total    units of work requested
     */
    public FitCancelledException(String message, int finished, int total) {
        super(message);
        this.finished = finished;
        this.total = total;
    }

    /**
     * The cancellation of an interrupted multistart, with its message and counts.
     *
     * @param e the engine's cancellation
     * @return the exception to throw (its cause is {@code e})
     */
    static FitCancelledException of(Multistart.CancellationExceptionWithPartial e) {
        FitCancelledException out = new FitCancelledException(e.getMessage(), e.finished(), e.total());
        out.initCause(e);
        return out;
    }

    /** {@return the units of work finished before the cancellation} */
    public int finished() {
        return finished;
    }

    /** {@return the units of work requested} */
    public int total() {
        return total;
    }
}
