/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import java.util.List;

/**
 * Kaplan et al.'s single-variable power laws (Kaplan et al. 2020, "Scaling Laws for Neural Language Models",
 * arXiv:2001.08361, eqs. 1.1-1.3):
 *
 * <pre>
 *   L(X) = (Xc / X)^alphaX,   ln L = alphaX (ln Xc - ln X),   X one of N, D, C
 * </pre>
 *
 * Published constants: alphaN 0.076, Nc 8.8e13 (non-embedding parameters); alphaD 0.095, Dc 5.4e13 tokens;
 * alphaC 0.050, Cc 3.1e8 PF-days.
 *
 * <p>Parameters {@code Xc} (positive) and {@code alphaX}. Immutable and thread-safe.
 */
public final class KaplanLaw extends AbstractScalingLaw {

    /** L(N) = (Nc/N)^alphaN. */
    public static final KaplanLaw N = new KaplanLaw("kaplan-n", "N", "non-embedding parameters");
    /** L(D) = (Dc/D)^alphaD. */
    public static final KaplanLaw D = new KaplanLaw("kaplan-d", "D", "training tokens");
    /** L(C) = (Cc/C)^alphaC. */
    public static final KaplanLaw C = new KaplanLaw("kaplan-c", "C", "training compute");

    private KaplanLaw(String name, String covariate, String what) {
        super(name, "L = (" + covariate + "c / " + covariate + ")^alpha" + covariate,
                "Kaplan et al. 2020, Scaling Laws for Neural Language Models, arXiv:2001.08361", "loss",
                List.of(covariate),
                List.of(Parameter.positive(covariate + "c", false, "scale of " + what + " at which L = 1"),
                        Parameter.free("alpha" + covariate, "power-law exponent in " + what)));
    }

    /** Xc in [1, 1e30], alphaX in [0, 1]. */
    @Override
    public double[] startRange(int j) {
        return j == 0 ? new double[] {1, 1e30} : new double[] {0, 1};
    }

    @Override
    public void evaluateLog(double[] theta, Columns x, int from, int to, double[] logValue, double[][] jacobian) {
        double scale = theta[0];
        double alpha = theta[1];
        double lnScale = Math.log(scale);
        double[] lnX = x.logColumn(0);
        for (int i = from; i < to; i++) {
            double u = lnScale - lnX[i];
            logValue[i - from] = alpha * u;
            if (jacobian != null) {
                jacobian[0][i - from] = alpha / scale;
                jacobian[1][i - from] = u;
            }
        }
    }
}
