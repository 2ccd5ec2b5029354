/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import java.util.List;

/**
 * Kaplan et al.'s joint law in model size and data (Kaplan et al. 2020, arXiv:2001.08361, eq. 1.5):
 *
 * <pre>
 *   L(N, D) = [ (Nc / N)^(alphaN / alphaD) + Dc / D ]^alphaD
 *   ln L    = alphaD * logsumexp( (alphaN / alphaD)(ln Nc - ln N),  ln Dc - ln D )
 * </pre>
 *
 * Published (Table 2): alphaN 0.076, alphaD 0.103, Nc 6.4e13, Dc 1.8e13.
 *
 * <p>Parameters {@code Nc, Dc, alphaN, alphaD}. Immutable and thread-safe.
 */
public final class KaplanNDLaw extends AbstractScalingLaw {

    /** The shared instance. */
    public static final KaplanNDLaw INSTANCE = new KaplanNDLaw();

    private KaplanNDLaw() {
        super("kaplan-nd", "L = [ (Nc / N)^(alphaN / alphaD) + Dc / D ]^alphaD",
                "Kaplan et al. 2020, Scaling Laws for Neural Language Models, arXiv:2001.08361, eq. 1.5", "loss",
                List.of("N", "D"),
                List.of(Parameter.positive("Nc", false, "parameter scale"),
                        Parameter.positive("Dc", false, "token scale"),
                        Parameter.free("alphaN", "exponent in N"),
                        Parameter.positive("alphaD", false, "exponent in D (also the outer power)")));
    }

    /** Nc, Dc in [1, 1e30], exponents in [0.01, 1]. */
    @Override
    public double[] startRange(int j) {
        return j < 2 ? new double[] {1, 1e30} : new double[] {0.01, 1};
    }

    @Override
    public void evaluateLog(double[] theta, Columns x, int from, int to, double[] logValue, double[][] jacobian) {
        double nc = theta[0];
        double dc = theta[1];
        double alphaN = theta[2];
        double alphaD = theta[3];
        double lnNc = Math.log(nc);
        double lnDc = Math.log(dc);
        double ratio = alphaN / alphaD;
        double[] lnN = x.logColumn(0);
        double[] lnD = x.logColumn(1);
        for (int i = from; i < to; i++) {
            double v = lnNc - lnN[i];
            double u1 = ratio * v;
            double u2 = lnDc - lnD[i];
            double m = Math.max(u1, u2);
            double e1 = Math.exp(u1 - m);
            double e2 = Math.exp(u2 - m);
            double s = e1 + e2;
            double lse = m + Math.log(s);
            int k = i - from;
            logValue[k] = alphaD * lse;
            if (jacobian != null) {
                double w1 = e1 / s;
                double w2 = e2 / s;
                jacobian[0][k] = w1 * alphaN / nc;
                jacobian[1][k] = alphaD * w2 / dc;
                jacobian[2][k] = w1 * v;
                jacobian[3][k] = lse - w1 * u1;
            }
        }
    }
}
