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
 * A fine-tuning law in pre-training data p and fine-tuning data f with a "transfer gap" G, after Barnett 2024 ("An
 * Empirical Study of Scaling Laws for Transfer", arXiv:2408.16947):
 *
 * <pre>
 *   L(p, f) = (A p^-alpha + G) f^-beta + E
 *   ln L    = logsumexp( ln A - alpha ln p - beta ln f,  ln G - beta ln f,  ln E )
 * </pre>
 *
 * As p grows, L tends to the data-scarcity floor G f^-beta + E: the part of the fine-tuning-limited loss that no
 * amount of pre-training removes. Low G: pre-training is the cheap way to improve; high G: fine-tuning data is.
 * Allocation, floor and marginal values: {@link TransferGap}.
 *
 * <p><b>Provenance of the form.</b> This is the form given in the project's {@code docs/laws.md}. It has
 * <em>not yet been checked equation by equation against the paper</em> (only its abstract could be consulted), and
 * no published per-dataset constants are shipped. Evaluation is confined to {@link #evaluateLog} and the two terms
 * it names, so a corrected form is a local change.
 *
 * <p>Covariates {@code Dp} (pre-training tokens) and {@code Df} (fine-tuning tokens), both &gt; 0. Parameters
 * {@code A, E} (positive, linear), {@code G} (linear, &gt;= 0, searched in natural units so that G = 0 is reachable)
 * and {@code alpha, beta} in [0, 3]. Immutable and thread-safe.
 */
public final class TransferGapLaw extends AbstractScalingLaw {

    /** The shared instance ({@code transfer-gap}). */
    public static final TransferGapLaw INSTANCE = new TransferGapLaw();

    /** Index of A in theta. */
    public static final int A = 0;
    /** Index of G in theta. */
    public static final int G = 1;
    /** Index of E in theta. */
    public static final int E = 2;
    /** Index of alpha in theta. */
    public static final int ALPHA = 3;
    /** Index of beta in theta. */
    public static final int BETA = 4;

    private TransferGapLaw() {
        super("transfer-gap", "L = (A Dp^-alpha + G) Df^-beta + E",
                "Barnett 2024, An Empirical Study of Scaling Laws for Transfer, arXiv:2408.16947 "
                        + "(form as given in docs/laws.md, not yet verified against the paper)", "loss",
                List.of("Dp", "Df"),
                List.of(Parameter.positive("A", true, "pre-training coefficient"),
                        new Parameter("G", 0, Double.POSITIVE_INFINITY, false, true,
                                "transfer gap: fine-tuning-limited loss that pre-training cannot remove"),
                        Parameter.positive("E", true, "irreducible loss"),
                        new Parameter("alpha", 0, 3, false, false, "pre-training data exponent"),
                        new Parameter("beta", 0, 3, false, false, "fine-tuning data exponent")));
    }

    /** A in [1, 1e6], G in [0, 10], E in [0.1, 5], exponents in [0.05, 1]. */
    @Override
    public double[] startRange(int j) {
        return switch (j) {
            case A -> new double[] {1, 1e6};
            case G -> new double[] {0, 10};
            case E -> new double[] {0.1, 5};
            default -> new double[] {0.05, 1};
        };
    }

    @Override
    public void evaluateLog(double[] theta, Columns x, int from, int to, double[] logValue, double[][] jacobian) {
        double lnA = Math.log(theta[A]);
        double g = theta[G];
        double lnG = g > 0 ? Math.log(g) : Double.NEGATIVE_INFINITY;
        double lnE = Math.log(theta[E]);
        double alpha = theta[ALPHA];
        double beta = theta[BETA];
        double[] lnP = x.logColumn(0);
        double[] lnF = x.logColumn(1);
        for (int i = from; i < to; i++) {
            int k = i - from;
            double t1 = lnA - alpha * lnP[i] - beta * lnF[i];
            double t2 = lnG - beta * lnF[i];
            double m = Math.max(Math.max(t1, t2), lnE);
            double x1 = Math.exp(t1 - m);
            double x2 = g > 0 ? Math.exp(t2 - m) : 0;
            double x3 = Math.exp(lnE - m);
            double s = x1 + x2 + x3;
            double lnL = m + Math.log(s);
            logValue[k] = lnL;
            if (jacobian != null) {
                double w1 = x1 / s;
                double w2 = x2 / s;
                jacobian[A][k] = w1 / theta[A];
                // d lnL / dG = f^-beta / L, finite at G = 0
                jacobian[G][k] = Math.exp(-beta * lnF[i] - lnL);
                jacobian[E][k] = x3 / s / theta[E];
                jacobian[ALPHA][k] = -w1 * lnP[i];
                jacobian[BETA][k] = -(w1 + w2) * lnF[i];
            }
        }
    }
}
