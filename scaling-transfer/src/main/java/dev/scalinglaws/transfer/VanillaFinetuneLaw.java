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
 * The vanilla fine-tuning power law, the baseline of Lin et al. 2024 ("Selecting Large Language Model to Fine-tune
 * via Rectified Scaling Law", arXiv:2402.02314, eq. 2):
 *
 * <pre>
 *   L(D) = B / D^beta + E
 *   ln L = logsumexp( ln B - beta ln D,  ln E )
 * </pre>
 *
 * evaluated in log-sum-exp form. It has no pre-power phase and no finite zero-shot loss. (Lin et al.'s code also fits
 * the variant (B/D^beta + E)^alpha; see {@code docs/transfer.md}.)
 *
 * <p>Parameters {@code B, E} (positive, linear) and {@code beta} in [0, 5]; covariate {@code D} &gt; 0. Immutable and
 * thread-safe.
 */
public final class VanillaFinetuneLaw extends AbstractScalingLaw {

    /** The shared instance ({@code vanilla-finetune}). */
    public static final VanillaFinetuneLaw INSTANCE = new VanillaFinetuneLaw();

    /** Index of B in theta. */
    public static final int B = 0;
    /** Index of E in theta. */
    public static final int E = 1;
    /** Index of beta in theta. */
    public static final int BETA = 2;

    private VanillaFinetuneLaw() {
        super("vanilla-finetune", "L = B / D^beta + E",
                "Lin et al. 2024, Selecting Large Language Model to Fine-tune via Rectified Scaling Law, "
                        + "arXiv:2402.02314 (vanilla baseline)", "loss",
                List.of("D"),
                List.of(Parameter.positive("B", true, "power-law coefficient"),
                        Parameter.positive("E", true, "irreducible fine-tuning loss"),
                        new Parameter("beta", 0, 5, false, false, "fine-tuning data exponent")));
    }

    /** B in [1e-2, 1e4], E in [0.05, 5], beta in [0.01, 1.5]. */
    @Override
    public double[] startRange(int j) {
        return switch (j) {
            case B -> new double[] {1e-2, 1e4};
            case E -> new double[] {0.05, 5};
            default -> new double[] {0.01, 1.5};
        };
    }

    @Override
    public void evaluateLog(double[] theta, Columns x, int from, int to, double[] logValue, double[][] jacobian) {
        double lnB = Math.log(theta[B]);
        double lnE = Math.log(theta[E]);
        double beta = theta[BETA];
        double[] lnD = x.logColumn(0);
        for (int i = from; i < to; i++) {
            int k = i - from;
            double t1 = lnB - beta * lnD[i];
            double m = Math.max(t1, lnE);
            double x1 = Math.exp(t1 - m);
            double x2 = Math.exp(lnE - m);
            double s = x1 + x2;
            logValue[k] = m + Math.log(s);
            if (jacobian != null) {
                double w1 = x1 / s;
                jacobian[B][k] = w1 / theta[B];
                jacobian[E][k] = x2 / s / theta[E];
                jacobian[BETA][k] = -w1 * lnD[i];
            }
        }
    }
}
