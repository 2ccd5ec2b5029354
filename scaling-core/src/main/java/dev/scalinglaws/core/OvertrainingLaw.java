/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import java.util.List;

/**
 * The over-training law (Gadre et al. 2024, "Language models scale reliably with over-training and on downstream
 * tasks", arXiv:2403.08540): Chinchilla with equal exponents rewritten in compute C = 6ND and the token multiplier
 * M = D/N,
 *
 * <pre>
 *   L(C, M) = E + (a M^eta + b M^-eta) C^-eta
 *   ln L    = logsumexp( ln a + eta ln M - eta ln C,  ln b - eta ln M - eta ln C,  ln E )
 * </pre>
 *
 * equal to {@link ChinchillaLaw} with alpha = beta = 2 eta, A = a 6^-eta, B = b 6^-eta. For fixed M the loss is a
 * pure power law in C; the compute-optimal multiplier is M* = (b/a)^(1/(2 eta)). Published (C4): E 1.51, a 141,
 * b 190, eta 0.121.
 *
 * <p>{@link LinearStructure}: L = E * 1 + a * M^eta C^-eta + b * M^-eta C^-eta, coefficients (E, a, b).
 *
 * <p>Covariates are N and D (C and M are computed from them). Parameters {@code E, a, b, eta}. Immutable and
 * thread-safe.
 */
public final class OvertrainingLaw extends AbstractScalingLaw implements LinearStructure {

    /** The shared instance. */
    public static final OvertrainingLaw INSTANCE = new OvertrainingLaw();

    private static final double LN6 = Math.log(6);

    private OvertrainingLaw() {
        super("overtraining", "L = E + (a M^eta + b M^-eta) C^-eta, C = 6ND, M = D/N",
                "Gadre et al. 2024, Language models scale reliably with over-training and on downstream tasks, "
                        + "arXiv:2403.08540", "loss",
                List.of("N", "D"),
                List.of(Parameter.positive("E", true, "irreducible loss"),
                        Parameter.positive("a", true, "over-training coefficient (a = A 6^eta)"),
                        Parameter.positive("b", true, "under-training coefficient (b = B 6^eta)"),
                        Parameter.free("eta", "compute exponent (eta = alpha / 2)")));
    }

    /**
     * The compute-optimal token multiplier M* = (b/a)^(1/(2 eta)).
     *
     * @param theta parameters (E, a, b, eta)
     * @return M*
     */
    public static double optimalMultiplier(double[] theta) {
        return Math.pow(theta[2] / theta[1], 1 / (2 * theta[3]));
    }

    /** E in [e^-1, e], a and b in [1, e^15], eta in [0, 1]. */
    @Override
    public double[] startRange(int j) {
        return switch (j) {
            case 0 -> new double[] {Math.exp(-1), Math.exp(1)};
            case 1, 2 -> new double[] {1, Math.exp(15)};
            default -> new double[] {0, 1};
        };
    }

    @Override
    public void evaluateLog(double[] theta, Columns x, int from, int to, double[] logValue, double[][] jacobian) {
        double lnE = Math.log(theta[0]);
        double lnA = Math.log(theta[1]);
        double lnB = Math.log(theta[2]);
        double eta = theta[3];
        double[] lnN = x.logColumn(0);
        double[] lnD = x.logColumn(1);
        for (int i = from; i < to; i++) {
            double lnM = lnD[i] - lnN[i];
            double lnC = LN6 + lnN[i] + lnD[i];
            double t1 = lnA + eta * (lnM - lnC);
            double t2 = lnB - eta * (lnM + lnC);
            double m = Math.max(Math.max(t1, t2), lnE);
            double x1 = Math.exp(t1 - m);
            double x2 = Math.exp(t2 - m);
            double x3 = Math.exp(lnE - m);
            double s = x1 + x2 + x3;
            int k = i - from;
            logValue[k] = m + Math.log(s);
            if (jacobian != null) {
                double w1 = x1 / s;
                double w2 = x2 / s;
                jacobian[0][k] = x3 / s / theta[0];
                jacobian[1][k] = w1 / theta[1];
                jacobian[2][k] = w2 / theta[2];
                jacobian[3][k] = w1 * (lnM - lnC) - w2 * (lnM + lnC);
            }
        }
    }

    /** (E, a, b). */
    @Override
    public int[] linearParameters() {
        return new int[] {0, 1, 2};
    }

    /** phi = (1, M^eta C^-eta, M^-eta C^-eta) with C = 6ND, M = D/N. */
    @Override
    public void basis(double[] theta, Columns x, int from, int to, double[][] basis) {
        double eta = theta[3];
        double[] lnN = x.logColumn(0);
        double[] lnD = x.logColumn(1);
        for (int i = from; i < to; i++) {
            int k = i - from;
            double lnM = lnD[i] - lnN[i];
            double lnC = LN6 + lnN[i] + lnD[i];
            basis[0][k] = 1;
            basis[1][k] = Math.exp(eta * (lnM - lnC));
            basis[2][k] = Math.exp(-eta * (lnM + lnC));
        }
    }

    /** The compute-optimal token multiplier M* = (b/a)^(1/(2 eta)) ({@link #optimalMultiplier}). */
    @Override
    public java.util.List<DerivedParameter> derivedParameters() {
        return DERIVED;
    }

    private static final java.util.List<DerivedParameter> DERIVED = java.util.List.of(
            DerivedParameter.of("Mstar", "compute-optimal tokens per parameter (b/a)^(1/(2 eta))",
                    OvertrainingLaw::optimalMultiplier));
}
