/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import java.util.List;

/**
 * The generic power law
 *
 * <pre>
 *   y = k x^a,   ln y = ln k + a ln x
 * </pre>
 *
 * with covariate {@code x} and response {@code y} (map data columns onto them, e.g. x = C and y = N*). It is the
 * form of every compute-optimal allocation: Hoffmann et al.'s N_opt(C) = G (C/6)^a (Hoffmann et al. 2022, "Training
 * Compute-Optimal Large Language Models", arXiv:2203.15556, Approach 2) and Porian et al.'s N*(C) = k C^a (Porian et
 * al. 2024, "Resolving Discrepancies in Compute-Optimal Scaling of Language Models", arXiv:2406.19146). Fitted with
 * log residuals and squared loss it is ordinary (weighted) least squares of ln y on ln x.
 *
 * <p>Parameters {@code k} (positive, linear) and {@code a} (free). Immutable and thread-safe.
 */
public final class PowerLaw extends AbstractScalingLaw implements LinearStructure {

    private static final long serialVersionUID = 1L;

    /** The registered instance, named {@code power}. */
    public static final PowerLaw INSTANCE = new PowerLaw();

    private PowerLaw() {
        super("power", "y = k x^a", "generic power law; e.g. Hoffmann et al. 2022, arXiv:2203.15556, Approach 2",
                "y", List.of("x"),
                List.of(Parameter.positive("k", true, "coefficient: the value of y at x = 1"),
                        Parameter.free("a", "exponent")));
    }

    /** k in [1e-12, 1e12] (log-uniform), a in [-2, 2]. */
    @Override
    public double[] startRange(int j) {
        return j == 0 ? new double[] {1e-12, 1e12} : new double[] {-2, 2};
    }

    @Override
    public void evaluateLog(double[] theta, Columns x, int from, int to, double[] logValue, double[][] jacobian) {
        double k = theta[0];
        double a = theta[1];
        double lnK = Math.log(k);
        double[] lnX = x.logColumn(0);
        for (int i = from; i < to; i++) {
            logValue[i - from] = lnK + a * lnX[i];
            if (jacobian != null) {
                jacobian[0][i - from] = 1 / k;
                jacobian[1][i - from] = lnX[i];
            }
        }
    }

    @Override
    public int[] linearParameters() {
        return new int[] {0};
    }

    @Override
    public void basis(double[] theta, Columns x, int from, int to, double[][] basis) {
        double a = theta[1];
        double[] lnX = x.logColumn(0);
        for (int i = from; i < to; i++) {
            basis[0][i - from] = Math.exp(a * lnX[i]);
        }
    }
}
