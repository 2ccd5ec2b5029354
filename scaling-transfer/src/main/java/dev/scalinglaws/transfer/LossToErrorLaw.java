/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer;

import java.util.List;

import dev.scalinglaws.core.AbstractScalingLaw;
import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.Parameter;

/**
 * Perplexity to downstream error (Gadre et al. 2024, "Language models scale reliably with over-training and on
 * downstream tasks", arXiv:2403.08540, eq. 5):
 *
 * <pre>
 *   Err(L) = eps - k exp(-gamma L)
 * </pre>
 *
 * the average top-1 error over a task set as a function of the validation loss L. eps is the error of a useless
 * model (L to infinity); Err reaches 0 at L = ln(k/eps)/gamma. Published (C4, 17-task subset): eps 0.850, k 2.08,
 * gamma 0.756. The two-stage chain (N, D) to L to Err: {@link OvertrainingErrorChain}.
 *
 * <p>The value can be zero or negative during a search, so {@link #positiveResponse()} is false and fits use
 * {@link dev.scalinglaws.fit.ResidualSpace#LINEAR} residuals (as Gadre et al. did). Covariate {@code loss} (&gt; 0),
 * response {@code error}. Parameters {@code eps} (linear), {@code k} (positive, linear), {@code gamma} (positive).
 * Immutable and thread-safe.
 */
public final class LossToErrorLaw extends AbstractScalingLaw {

    /** The shared instance ({@code loss-to-error}). */
    public static final LossToErrorLaw INSTANCE = new LossToErrorLaw();

    /** Index of eps in theta. */
    public static final int EPS = 0;
    /** Index of k in theta. */
    public static final int K = 1;
    /** Index of gamma in theta. */
    public static final int GAMMA = 2;

    /** Gadre et al.'s published fit (C4, 17 tasks): {eps, k, gamma} = {0.850, 2.08, 0.756}. */
    public static final List<Double> PUBLISHED_C4 = List.of(0.850, 2.08, 0.756);

    private LossToErrorLaw() {
        super("loss-to-error", "Err = eps - k exp(-gamma L)",
                "Gadre et al. 2024, Language models scale reliably with over-training and on downstream tasks, "
                        + "arXiv:2403.08540", "error",
                List.of("loss"),
                List.of(new Parameter("eps", -10, 10, false, true, "error of a useless model (L to infinity)"),
                        Parameter.positive("k", true, "scale of the improvement"),
                        Parameter.positive("gamma", false, "rate of improvement with decreasing loss")));
    }

    @Override
    public boolean positiveResponse() {
        return false;
    }

    /** eps in [0.3, 1], k in [0.05, 20], gamma in [0.05, 3]. */
    @Override
    public double[] startRange(int j) {
        return switch (j) {
            case EPS -> new double[] {0.3, 1};
            case K -> new double[] {0.05, 20};
            default -> new double[] {0.05, 3};
        };
    }

    @Override
    public void evaluate(double[] theta, Columns x, int from, int to, double[] value, double[][] jacobian) {
        double eps = theta[EPS];
        double k = theta[K];
        double gamma = theta[GAMMA];
        double[] loss = x.rawColumn(0);
        for (int i = from; i < to; i++) {
            int r = i - from;
            double decay = Math.exp(-gamma * loss[i]);
            value[r] = eps - k * decay;
            if (jacobian != null) {
                jacobian[EPS][r] = 1;
                jacobian[K][r] = -decay;
                jacobian[GAMMA][r] = k * loss[i] * decay;
            }
        }
    }
}
