/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.dynamics;

import java.util.Locale;

import dev.scalinglaws.core.Dataset;

/**
 * Checkpoint-level training data: every row is one checkpoint (step, tokens, loss) of a run, and the run is the
 * row's group ({@link Dataset#withGroups}), so that cluster resampling and leave-run-out backtests treat a run's
 * checkpoints as one unit. Fits use every checkpoint; the helpers here drop a warm-up prefix and derive the
 * S_min covariate of {@link KaplanStepsLaw}.
 *
 * <p>Stateless and thread-safe.
 */
public final class Checkpoints {

    /** Default column of the step count. */
    public static final String STEP = "step";
    /** Default column of tokens processed. */
    public static final String TOKENS = "tokens";
    /** Default column of the batch size in tokens. */
    public static final String BATCH = "batch";

    private Checkpoints() {
    }

    /**
     * The checkpoints with the named column as their run, checking that every row has one.
     *
     * @param data      checkpoint rows
     * @param runColumn column identifying the run (model) of each row
     * @return the data grouped by run
     */
    public static Dataset byRun(Dataset data, String runColumn) {
        Dataset d = data.withGroups(runColumn);
        String[] labels = d.textColumn(runColumn);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == null || labels[i].isBlank()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s row %d: checkpoint has no run in column '%s'", d.source(), d.rowNumber(i), runColumn));
            }
        }
        return d;
    }

    /**
     * Drops the warm-up prefix of every run: the checkpoints that had processed fewer than {@code minimumTokens}
     * tokens. Groups and weights are kept.
     *
     * @param data          checkpoint rows
     * @param tokensColumn  column of tokens processed
     * @param minimumTokens first tokens count kept
     * @return the rows with {@code tokens >= minimumTokens}
     */
    public static Dataset withoutWarmup(Dataset data, String tokensColumn, double minimumTokens) {
        if (Double.isNaN(minimumTokens)) {
            throw new IllegalArgumentException("warm-up threshold is NaN");
        }
        double[] tokens = data.column(tokensColumn);
        return data.filter(i -> tokens[i] >= minimumTokens);
    }

    /**
     * Adds the column {@code S} = S_min = step / (1 + Bcrit(L)/B) at the observed loss (Kaplan et al. 2020, eq.
     * 5.4, which is how they obtained S_min for fitting eq. 1.6).
     *
     * @param data        checkpoint rows with columns {@code loss}, {@code stepColumn} and {@code batchColumn}
     * @param stepColumn  steps taken
     * @param batchColumn batch size in tokens
     * @param bstar       Bstar of {@link CriticalBatchLaw}
     * @param alphaB      alphaB of {@link CriticalBatchLaw}
     * @return the data with a column {@code S}
     */
    public static Dataset withMinimumSteps(Dataset data, String stepColumn, String batchColumn, double bstar,
                                           double alphaB) {
        double[] steps = data.column(stepColumn);
        double[] batch = data.column(batchColumn);
        double[] loss = data.column("loss");
        double[] smin = new double[steps.length];
        double[] theta = {bstar, alphaB};
        for (int i = 0; i < smin.length; i++) {
            double bcrit = CriticalBatchLaw.INSTANCE.value(theta, loss[i]);
            smin[i] = StepTradeoff.minimumSteps(steps[i], batch[i], bcrit);
        }
        return data.withColumn("S", smin);
    }
}
