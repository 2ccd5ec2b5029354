/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.dynamics;

import java.util.Locale;

/**
 * The trade-off between optimisation steps and training examples at a batch size B (Kaplan et al. 2020,
 * arXiv:2001.08361, eqs. 5.1-5.5, after McCandlish et al. 2018, arXiv:1812.06162):
 *
 * <pre>
 *   (S / S_min - 1)(E / E_min - 1) = 1,      E = B S,   B_crit = E_min / S_min
 *   S_min(S) = S / (1 + B_crit(L) / B)         (steps at B &gt;&gt; B_crit)
 *   E_min(E) = E / (1 + B / B_crit(L))         (examples at B &lt;&lt; B_crit)
 *   C_min(C) = C / (1 + B / B_crit(L)),        C = 6 N B S
 * </pre>
 *
 * Batch sizes, examples and critical batch sizes are in the same unit (tokens in Kaplan et al.). One PF-day is
 * {@value #FLOP_PER_PF_DAY} FLOP. Stateless and thread-safe.
 */
public final class StepTradeoff {

    /** FLOP in one petaflop/s-day: 1e15 x 86,400. */
    public static final double FLOP_PER_PF_DAY = 8.64e19;

    private StepTradeoff() {
    }

    /**
     * S_min = S / (1 + B_crit / B): the steps a run that took {@code steps} at batch size {@code batch} would have
     * needed with a batch much larger than the critical one.
     *
     * @param steps         steps taken, S &gt;= 0
     * @param batch         batch size B &gt; 0
     * @param criticalBatch B_crit(L) &gt; 0 at the loss reached
     * @return S_min
     */
    public static double minimumSteps(double steps, double batch, double criticalBatch) {
        check(batch, criticalBatch);
        return steps / (1 + criticalBatch / batch);
    }

    /**
     * S = S_min (1 + B_crit / B): the inverse of {@link #minimumSteps}.
     *
     * @param minimumSteps  S_min
     * @param batch         B &gt; 0
     * @param criticalBatch B_crit &gt; 0
     * @return steps needed at batch B
     */
    public static double steps(double minimumSteps, double batch, double criticalBatch) {
        check(batch, criticalBatch);
        return minimumSteps * (1 + criticalBatch / batch);
    }

    /**
     * E_min = E / (1 + B / B_crit): the examples (tokens) needed with a batch much smaller than the critical one.
     *
     * @param examples      examples processed E = B S
     * @param batch         B &gt; 0
     * @param criticalBatch B_crit &gt; 0
     * @return E_min
     */
    public static double minimumExamples(double examples, double batch, double criticalBatch) {
        check(batch, criticalBatch);
        return examples / (1 + batch / criticalBatch);
    }

    /**
     * E = E_min (1 + B / B_crit): the inverse of {@link #minimumExamples}.
     *
     * @param minimumExamples E_min
     * @param batch           B &gt; 0
     * @param criticalBatch   B_crit &gt; 0
     * @return examples needed at batch B
     */
    public static double examples(double minimumExamples, double batch, double criticalBatch) {
        check(batch, criticalBatch);
        return minimumExamples * (1 + batch / criticalBatch);
    }

    /**
     * C_min = C / (1 + B / B_crit): the compute the same loss would have needed at a batch much smaller than the
     * critical one.
     *
     * @param compute       compute spent C (FLOP or PF-days; the result is in the same unit)
     * @param batch         B &gt; 0
     * @param criticalBatch B_crit &gt; 0
     * @return C_min
     */
    public static double minimumCompute(double compute, double batch, double criticalBatch) {
        check(batch, criticalBatch);
        return compute / (1 + batch / criticalBatch);
    }

    /**
     * C = 6 N B S: training FLOP of a run of {@code steps} steps of {@code batch} tokens on N non-embedding
     * parameters.
     *
     * @param parameters N
     * @param batch      B in tokens
     * @param steps      S
     * @return C in FLOP
     */
    public static double compute(double parameters, double batch, double steps) {
        return 6 * parameters * batch * steps;
    }

    /**
     * (S / S_min - 1)(E / E_min - 1): equal to 1 on the trade-off curve.
     *
     * @param steps           S
     * @param minimumSteps    S_min
     * @param examples        E
     * @param minimumExamples E_min
     * @return the left-hand side of eq. 5.1
     */
    public static double tradeoff(double steps, double minimumSteps, double examples, double minimumExamples) {
        return (steps / minimumSteps - 1) * (examples / minimumExamples - 1);
    }

    /**
     * @param flop compute in FLOP
     * @return compute in PF-days
     */
    public static double toPfDays(double flop) {
        return flop / FLOP_PER_PF_DAY;
    }

    /**
     * @param pfDays compute in PF-days
     * @return compute in FLOP
     */
    public static double toFlop(double pfDays) {
        return pfDays * FLOP_PER_PF_DAY;
    }

    private static void check(double batch, double criticalBatch) {
        if (!(batch > 0) || !(criticalBatch > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "batch size and critical batch size must be positive: B = %s, Bcrit = %s", batch, criticalBatch));
        }
    }
}
