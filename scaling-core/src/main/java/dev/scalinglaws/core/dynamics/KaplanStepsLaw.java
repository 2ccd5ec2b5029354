/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.dynamics;

import java.util.List;

import dev.scalinglaws.core.AbstractScalingLaw;
import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.Parameter;

/**
 * Kaplan et al.'s law of loss in model size and (minimum) optimisation steps (Kaplan et al. 2020, "Scaling Laws
 * for Neural Language Models", arXiv:2001.08361, eq. 1.6):
 *
 * <pre>
 *   L(N, S) = (Nc / N)^alphaN + (Sc / S)^alphaS
 *   ln L    = logsumexp( alphaN (ln Nc - ln N),  alphaS (ln Sc - ln S) )
 * </pre>
 *
 * where N is the number of non-embedding parameters and S = S_min is the number of steps the run would have needed
 * at a batch size much larger than the critical batch size (see {@link StepTradeoff#minimumSteps}); with raw steps
 * taken at batch B, convert first ({@link Checkpoints#withMinimumSteps}). Published: alphaN 0.077, alphaS 0.76,
 * Nc 6.5e13, Sc 2.1e3. Su et al. 2024 (arXiv:2403.06563) confirm the form up to 33B parameters.
 *
 * <p>Parameters {@code Nc, Sc} (positive) and {@code alphaN, alphaS}; covariates {@code N, S}; response
 * {@code loss}. The log form never overflows for N, S up to 1e300. Immutable and thread-safe.
 */
public final class KaplanStepsLaw extends AbstractScalingLaw {

    /** The shared instance, registered as {@code kaplan-ns}. */
    public static final KaplanStepsLaw INSTANCE = new KaplanStepsLaw();

    /** Index of {@code Nc} in theta. */
    public static final int NC = 0;
    /** Index of {@code Sc} in theta. */
    public static final int SC = 1;
    /** Index of {@code alphaN} in theta. */
    public static final int ALPHA_N = 2;
    /** Index of {@code alphaS} in theta. */
    public static final int ALPHA_S = 3;

    private KaplanStepsLaw() {
        super("kaplan-ns", "L = (Nc / N)^alphaN + (Sc / S)^alphaS",
                "Kaplan et al. 2020, Scaling Laws for Neural Language Models, arXiv:2001.08361, eq. 1.6", "loss",
                List.of("N", "S"),
                List.of(Parameter.positive("Nc", false, "parameter scale"),
                        Parameter.positive("Sc", false, "step scale (S = S_min)"),
                        Parameter.free("alphaN", "exponent in N"),
                        Parameter.free("alphaS", "exponent in S_min")));
    }

    /** Nc in [1e8, 1e20], Sc in [1, 1e6], alphaN in [0.01, 0.5], alphaS in [0.1, 2]. */
    @Override
    public double[] startRange(int j) {
        switch (j) {
            case NC:
                return new double[] {1e8, 1e20};
            case SC:
                return new double[] {1, 1e6};
            case ALPHA_N:
                return new double[] {0.01, 0.5};
            default:
                return new double[] {0.1, 2};
        }
    }

    @Override
    public void evaluateLog(double[] theta, Columns x, int from, int to, double[] logValue, double[][] jacobian) {
        double nc = theta[NC];
        double sc = theta[SC];
        double alphaN = theta[ALPHA_N];
        double alphaS = theta[ALPHA_S];
        double lnNc = Math.log(nc);
        double lnSc = Math.log(sc);
        double[] lnN = x.logColumn(0);
        double[] lnS = x.logColumn(1);
        for (int i = from; i < to; i++) {
            double v1 = lnNc - lnN[i];
            double v2 = lnSc - lnS[i];
            double u1 = alphaN * v1;
            double u2 = alphaS * v2;
            double m = Math.max(u1, u2);
            double e1 = Math.exp(u1 - m);
            double e2 = Math.exp(u2 - m);
            double s = e1 + e2;
            int k = i - from;
            logValue[k] = m + Math.log(s);
            if (jacobian != null) {
                double w1 = e1 / s;
                double w2 = e2 / s;
                jacobian[NC][k] = w1 * alphaN / nc;
                jacobian[SC][k] = w2 * alphaS / sc;
                jacobian[ALPHA_N][k] = w1 * v1;
                jacobian[ALPHA_S][k] = w2 * v2;
            }
        }
    }
}
