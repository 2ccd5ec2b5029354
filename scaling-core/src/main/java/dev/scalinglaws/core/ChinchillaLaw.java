/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import java.util.List;

/**
 * The Chinchilla law (Hoffmann et al. 2022, "Training Compute-Optimal Large Language Models", arXiv:2203.15556,
 * Approach 3, eq. 10):
 *
 * <pre>
 *   L(N, D) = E + A / N^alpha + B / D^beta
 *   ln L    = logsumexp( ln A - alpha ln N,  ln B - beta ln D,  ln E )
 * </pre>
 *
 * evaluated in the log-sum-exp form so that nothing overflows for N, D up to 1e30 and beyond.
 * Published: Hoffmann eq. 10 E 1.69, A 406.4, B 410.7, alpha 0.34, beta 0.28; Epoch AI's replication
 * (Besiroglu et al. 2024, arXiv:2404.10102) A 482.01, B 2085.43, E 1.82, alpha 0.3478, beta 0.3658.
 * Compute-optimal allocation: {@link ComputeOptimal#chinchilla}.
 *
 * <p>{@link LinearStructure}: L = E * 1 + A * N^-alpha + B * D^-beta, coefficients (E, A, B).
 *
 * <p>Parameters {@code E, A, B} (positive, linear) and {@code alpha, beta} (exponents, unbounded by default so that
 * Hoffmann's grid of starts, which includes 0, can be used). Immutable and thread-safe.
 */
public final class ChinchillaLaw extends AbstractScalingLaw implements LinearStructure {

    /** The shared instance. */
    public static final ChinchillaLaw INSTANCE = new ChinchillaLaw();

    /** Index of E in theta. */
    public static final int E = 0;
    /** Index of A in theta. */
    public static final int A = 1;
    /** Index of B in theta. */
    public static final int B = 2;
    /** Index of alpha in theta. */
    public static final int ALPHA = 3;
    /** Index of beta in theta. */
    public static final int BETA = 4;

    private ChinchillaLaw() {
        super("chinchilla", "L = E + A/N^alpha + B/D^beta",
                "Hoffmann et al. 2022, Training Compute-Optimal Large Language Models, arXiv:2203.15556", "loss",
                List.of("N", "D"),
                List.of(Parameter.positive("E", true, "irreducible loss"),
                        Parameter.positive("A", true, "model-size term coefficient"),
                        Parameter.positive("B", true, "data term coefficient"),
                        Parameter.free("alpha", "model-size exponent"),
                        Parameter.free("beta", "data exponent")));
    }

    /** Hoffmann's grid box: E in [e^-1, e], A and B in [1, e^25], alpha and beta in [0, 2]. */
    @Override
    public double[] startRange(int j) {
        return switch (j) {
            case E -> new double[] {Math.exp(-1), Math.exp(1)};
            case A, B -> new double[] {1, Math.exp(25)};
            default -> new double[] {0, 2};
        };
    }

    @Override
    public void evaluateLog(double[] theta, Columns x, int from, int to, double[] logValue, double[][] jacobian) {
        double lnE = Math.log(theta[E]);
        double lnA = Math.log(theta[A]);
        double lnB = Math.log(theta[B]);
        double alpha = theta[ALPHA];
        double beta = theta[BETA];
        double[] lnN = x.logColumn(0);
        double[] lnD = x.logColumn(1);
        if (jacobian == null) {
            for (int i = from; i < to; i++) {
                double t1 = lnA - alpha * lnN[i];
                double t2 = lnB - beta * lnD[i];
                double s;
                double m;
                // the largest term contributes exp(0) = 1 exactly: two exponentials per row, not three
                if (t1 >= t2 && t1 >= lnE) {
                    m = t1;
                    s = 1 + Math.exp(t2 - m) + Math.exp(lnE - m);
                } else if (t2 >= lnE) {
                    m = t2;
                    s = Math.exp(t1 - m) + 1 + Math.exp(lnE - m);
                } else {
                    m = lnE;
                    s = Math.exp(t1 - m) + Math.exp(t2 - m) + 1;
                }
                logValue[i - from] = m + Math.log(s);
            }
            return;
        }
        double invE = 1 / theta[E];
        double invA = 1 / theta[A];
        double invB = 1 / theta[B];
        double[] jE = jacobian[E];
        double[] jA = jacobian[A];
        double[] jB = jacobian[B];
        double[] jAlpha = jacobian[ALPHA];
        double[] jBeta = jacobian[BETA];
        for (int i = from; i < to; i++) {
            double t1 = lnA - alpha * lnN[i];
            double t2 = lnB - beta * lnD[i];
            double m;
            double x1;
            double x2;
            double x3;
            // the largest term contributes exp(0) = 1 exactly: two exponentials per row, not three
            if (t1 >= t2 && t1 >= lnE) {
                m = t1;
                x1 = 1;
                x2 = Math.exp(t2 - m);
                x3 = Math.exp(lnE - m);
            } else if (t2 >= lnE) {
                m = t2;
                x1 = Math.exp(t1 - m);
                x2 = 1;
                x3 = Math.exp(lnE - m);
            } else {
                m = lnE;
                x1 = Math.exp(t1 - m);
                x2 = Math.exp(t2 - m);
                x3 = 1;
            }
            double s = x1 + x2 + x3;
            int k = i - from;
            logValue[k] = m + Math.log(s);
            double inv = 1 / s;
            double w1 = x1 * inv;
            double w2 = x2 * inv;
            jE[k] = x3 * inv * invE;
            jA[k] = w1 * invA;
            jB[k] = w2 * invB;
            jAlpha[k] = -w1 * lnN[i];
            jBeta[k] = -w2 * lnD[i];
        }
    }

    /** (E, A, B). */
    @Override
    public int[] linearParameters() {
        return new int[] {E, A, B};
    }

    /** phi = (1, N^-alpha, D^-beta). */
    @Override
    public void basis(double[] theta, Columns x, int from, int to, double[][] basis) {
        double alpha = theta[ALPHA];
        double beta = theta[BETA];
        double[] lnN = x.logColumn(0);
        double[] lnD = x.logColumn(1);
        double[] b0 = basis[0];
        double[] b1 = basis[1];
        double[] b2 = basis[2];
        for (int i = from; i < to; i++) {
            int k = i - from;
            b0[k] = 1;
            b1[k] = Math.exp(-alpha * lnN[i]);
            b2[k] = Math.exp(-beta * lnD[i]);
        }
    }

    /**
     * The compute-optimal allocation N_opt = G (C/6)^a, D_opt = G^-1 (C/6)^b: the exponents a = beta/(alpha+beta),
     * b = alpha/(alpha+beta) and the constant G = (alpha A/(beta B))^(1/(alpha+beta)) (Hoffmann et al. 2022,
     * arXiv:2203.15556, eq. 4; {@link ComputeOptimal#exponents}).
     */
    @Override
    public java.util.List<DerivedParameter> derivedParameters() {
        return DERIVED;
    }

    private static final java.util.List<DerivedParameter> DERIVED = java.util.List.of(
            DerivedParameter.of("a", "N_opt exponent beta/(alpha+beta): N_opt = G (C/6)^a",
                    t -> ComputeOptimal.exponents(t).a()),
            DerivedParameter.of("b", "D_opt exponent alpha/(alpha+beta): D_opt = G^-1 (C/6)^b",
                    t -> ComputeOptimal.exponents(t).b()),
            DerivedParameter.of("G", "allocation constant (alpha A/(beta B))^(1/(alpha+beta))",
                    t -> ComputeOptimal.exponents(t).G()));
}
