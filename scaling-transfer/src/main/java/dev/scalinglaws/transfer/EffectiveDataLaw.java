/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer;

import java.util.List;
import java.util.Locale;

import dev.scalinglaws.core.AbstractScalingLaw;
import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.Parameter;

/**
 * Effective data transferred (Hernandez, Kaplan, Henighan and McCandlish 2021, "Scaling Laws for Transfer",
 * arXiv:2102.01293, eq. 1.1):
 *
 * <pre>
 *   D_T = k D_F^alpha N^beta
 *   ln D_T = ln k + alpha ln D_F + beta ln N
 * </pre>
 *
 * the extra target-domain data a from-scratch model of N non-embedding parameters would need to match a pre-trained
 * model fine-tuned on D_F (characters in the paper). Valid in the low-data regime only. The effective data is
 * D_E = D_F + D_T; see {@link #effectiveDataMultiplier}, {@link #fractionFromTransfer} and {@link EffectiveDataLossLaw}.
 * Published (Table 1): {@link #TEXT_TO_PYTHON} k 1.9e4, alpha 0.18, beta 0.38; {@link #TEXT_AND_CODE_TO_PYTHON}
 * k 2.1e5, alpha 0.096, beta 0.38.
 *
 * <p>Covariates {@code Df}, {@code N} (both &gt; 0); response {@code DT}. Parameters {@code k} (positive, linear) and
 * {@code alpha, beta}. Immutable and thread-safe.
 */
public final class EffectiveDataLaw extends AbstractScalingLaw {

    /** The shared instance ({@code effective-data}). */
    public static final EffectiveDataLaw INSTANCE = new EffectiveDataLaw();

    /** Index of k in theta. */
    public static final int K = 0;
    /** Index of alpha in theta. */
    public static final int ALPHA = 1;
    /** Index of beta in theta. */
    public static final int BETA = 2;

    /** Hernandez et al. Table 1, text to Python: {k, alpha, beta} = {1.9e4, 0.18, 0.38}. */
    public static final List<Double> TEXT_TO_PYTHON = List.of(1.9e4, 0.18, 0.38);

    /** Hernandez et al. Table 1, text and code to Python: {k, alpha, beta} = {2.1e5, 0.096, 0.38}. */
    public static final List<Double> TEXT_AND_CODE_TO_PYTHON = List.of(2.1e5, 0.096, 0.38);

    private EffectiveDataLaw() {
        super("effective-data", "DT = k Df^alpha N^beta",
                "Hernandez et al. 2021, Scaling Laws for Transfer, arXiv:2102.01293", "DT",
                List.of("Df", "N"),
                List.of(Parameter.positive("k", true, "transfer coefficient"),
                        Parameter.free("alpha", "fine-tuning data exponent"),
                        Parameter.free("beta", "model-size exponent")));
    }

    /** k in [1, 1e8], exponents in [0, 1]. */
    @Override
    public double[] startRange(int j) {
        return j == K ? new double[] {1, 1e8} : new double[] {0, 1};
    }

    @Override
    public void evaluateLog(double[] theta, Columns x, int from, int to, double[] logValue, double[][] jacobian) {
        double lnK = Math.log(theta[K]);
        double alpha = theta[ALPHA];
        double beta = theta[BETA];
        double[] lnF = x.logColumn(0);
        double[] lnN = x.logColumn(1);
        for (int i = from; i < to; i++) {
            int k = i - from;
            logValue[k] = lnK + alpha * lnF[i] + beta * lnN[i];
            if (jacobian != null) {
                jacobian[K][k] = 1 / theta[K];
                jacobian[ALPHA][k] = lnF[i];
                jacobian[BETA][k] = lnN[i];
            }
        }
    }

    /**
     * D_T = k D_F^alpha N^beta.
     *
     * @param theta parameters (k, alpha, beta)
     * @param df    fine-tuning data, &gt; 0
     * @param n     non-embedding parameters, &gt; 0
     * @return the effective data transferred
     */
    public static double transferred(double[] theta, double df, double n) {
        check(df, n);
        return Math.exp(Math.log(theta[K]) + theta[ALPHA] * Math.log(df) + theta[BETA] * Math.log(n));
    }

    /**
     * The effective-data multiplier (D_F + D_T) / D_F = 1 + D_T / D_F.
     *
     * @param theta parameters (k, alpha, beta)
     * @param df    fine-tuning data, &gt; 0
     * @param n     non-embedding parameters, &gt; 0
     * @return D_E / D_F
     */
    public static double effectiveDataMultiplier(double[] theta, double df, double n) {
        return 1 + transferred(theta, df, n) / df;
    }

    /**
     * The fraction of the effective data that comes from transfer, D_T / (D_F + D_T).
     *
     * @param theta parameters (k, alpha, beta)
     * @param df    fine-tuning data, &gt; 0
     * @param n     non-embedding parameters, &gt; 0
     * @return D_T / D_E in (0, 1)
     */
    public static double fractionFromTransfer(double[] theta, double df, double n) {
        double dt = transferred(theta, df, n);
        return dt / (df + dt);
    }

    /**
     * The factor by which D_F must grow to raise D_T as much as multiplying N by {@code sizeFactor} does:
     * sizeFactor^(beta / alpha). For text to Python, 10x N is worth 10^(0.38/0.18) = 129x fine-tuning data.
     *
     * @param theta      parameters (k, alpha, beta)
     * @param sizeFactor model-size factor, &gt; 0
     * @return the equivalent fine-tuning data factor
     */
    public static double equivalentDataFactor(double[] theta, double sizeFactor) {
        if (!(sizeFactor > 0) || Double.isInfinite(sizeFactor)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "model-size factor must be positive and finite: %s", sizeFactor));
        }
        return Math.pow(sizeFactor, theta[BETA] / theta[ALPHA]);
    }

    static void check(double df, double n) {
        if (!(df > 0) || Double.isInfinite(df)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "fine-tuning data Df must be positive and finite: %s", df));
        }
        if (!(n > 0) || Double.isInfinite(n)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "model size N must be positive and finite: %s", n));
        }
    }
}
