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
 * Kaplan et al.'s critical batch size as a function of the loss reached (Kaplan et al. 2020, arXiv:2001.08361,
 * eq. 1.4, following McCandlish et al. 2018, arXiv:1812.06162):
 *
 * <pre>
 *   Bcrit(L) = Bstar / L^(1 / alphaB)
 *   ln Bcrit = ln Bstar - (ln L) / alphaB
 * </pre>
 *
 * Bcrit is in tokens when Bstar is. Published: Bstar 2e8 tokens (eq. 1.4; 2.1e8 in Table 5), alphaB 0.21, so that Bcrit roughly doubles for
 * every 13% decrease in loss ((1/0.87)^(1/0.21) = 1.94). Su et al. 2024 (arXiv:2403.06563) re-estimate both
 * constants for their set-up.
 *
 * <p>Parameters {@code Bstar} and {@code alphaB} (both positive); covariate {@code loss}; response {@code Bcrit}.
 * Immutable and thread-safe.
 */
public final class CriticalBatchLaw extends AbstractScalingLaw {

    /** The shared instance, registered as {@code critical-batch}. */
    public static final CriticalBatchLaw INSTANCE = new CriticalBatchLaw();

    /** Index of {@code Bstar} in theta. */
    public static final int BSTAR = 0;
    /** Index of {@code alphaB} in theta. */
    public static final int ALPHA_B = 1;

    private CriticalBatchLaw() {
        super("critical-batch", "Bcrit = Bstar / L^(1 / alphaB)",
                "Kaplan et al. 2020, Scaling Laws for Neural Language Models, arXiv:2001.08361, eq. 1.4", "Bcrit",
                List.of("loss"),
                List.of(Parameter.positive("Bstar", false, "critical batch size at L = 1 (tokens)"),
                        Parameter.positive("alphaB", false, "Bcrit grows as L^(-1/alphaB)")));
    }

    /** Bstar in [1e3, 1e12], alphaB in [0.05, 1]. */
    @Override
    public double[] startRange(int j) {
        return j == BSTAR ? new double[] {1e3, 1e12} : new double[] {0.05, 1};
    }

    @Override
    public void evaluateLog(double[] theta, Columns x, int from, int to, double[] logValue, double[][] jacobian) {
        double bstar = theta[BSTAR];
        double alphaB = theta[ALPHA_B];
        double lnBstar = Math.log(bstar);
        double inv = 1.0 / alphaB;
        double[] lnL = x.logColumn(0);
        for (int i = from; i < to; i++) {
            int k = i - from;
            logValue[k] = lnBstar - lnL[i] * inv;
            if (jacobian != null) {
                jacobian[BSTAR][k] = 1.0 / bstar;
                jacobian[ALPHA_B][k] = lnL[i] * inv * inv;
            }
        }
    }
}
