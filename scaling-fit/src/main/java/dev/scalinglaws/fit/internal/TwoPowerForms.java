/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.internal;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.KaplanNDLaw;
import dev.scalinglaws.core.OvertrainingLaw;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.core.dynamics.KaplanStepsLaw;

/**
 * The laws that {@link TwoPowerVector} evaluates, L = (E + exp(c1 - s1 u) + exp(c2 - s2 v))^p with u and v the law's
 * two log covariates (columns 0 and 1), each as a map from its parameters theta to the coefficients
 * (E, c1, s1, c2, s2, p) and back from the kernel's sums (G0, G1, G2, H1, H2, K) to the gradient in theta (chain rule:
 * d/dE = p G0, d/dc_k = p G_k, d/ds_k = -p H_k, d/dp = K):
 *
 * <ul>
 *   <li>Chinchilla (Hoffmann et al. 2022): theta = (E, A, B, alpha, beta); (E, ln A, alpha, ln B, beta, 1).</li>
 *   <li>Over-training (Gadre et al. 2024), covariates N, D: theta = (E, a, b, eta); a M^eta C^-eta =
 *       a 6^-eta N^-2eta, so (E, ln a - eta ln 6, 2 eta, ln b - eta ln 6, 2 eta, 1).</li>
 *   <li>Kaplan L(N, S) (Kaplan et al. 2020, eq. 1.6): theta = (Nc, Sc, alphaN, alphaS);
 *       (0, alphaN ln Nc, alphaN, alphaS ln Sc, alphaS, 1).</li>
 *   <li>Kaplan L(N, D) (Kaplan et al. 2020, eq. 1.5): theta = (Nc, Dc, alphaN, alphaD), rho = alphaN / alphaD;
 *       (0, rho ln Nc, rho, ln Dc, 1, alphaD).</li>
 * </ul>
 */
public final class TwoPowerForms {

    private static final double LN6 = Math.log(6);

    private TwoPowerForms() {
    }

    /** A law in the two-power form. */
    public interface Form {
        /**
         * The kernel's coefficients at theta.
         *
         * @param theta        the law's parameters
         * @param coefficients output (E, c1, s1, c2, s2, p)
         */
        void coefficients(double[] theta, double[] coefficients);

        /**
         * Adds the gradient with respect to theta, from the kernel's sums.
         *
         * @param theta    the law's parameters
         * @param sums     the kernel's output (objective, G0, G1, G2, H1, H2, K)
         * @param gradient output, added to
         */
        void pullBack(double[] theta, double[] sums, double[] gradient);
    }

    /**
     * The form of a law, or null if the law has none.
     *
     * @param law a law
     * @return its form or null
     */
    public static Form of(ScalingLaw law) {
        if (law == ChinchillaLaw.INSTANCE) {
            return CHINCHILLA;
        }
        if (law == OvertrainingLaw.INSTANCE) {
            return OVERTRAINING;
        }
        if (law == KaplanNDLaw.INSTANCE) {
            return KAPLAN_ND;
        }
        return law == KaplanStepsLaw.INSTANCE ? KAPLAN_STEPS : null;
    }

    private static final Form CHINCHILLA = new Form() {
        @Override
        public void coefficients(double[] theta, double[] c) {
            c[0] = theta[0];
            c[1] = Math.log(theta[1]);
            c[2] = theta[3];
            c[3] = Math.log(theta[2]);
            c[4] = theta[4];
            c[5] = 1;
        }

        @Override
        public void pullBack(double[] theta, double[] s, double[] g) {
            g[0] += s[TwoPowerVector.G0];
            g[1] += s[TwoPowerVector.G1] / theta[1];
            g[2] += s[TwoPowerVector.G2] / theta[2];
            g[3] -= s[TwoPowerVector.H1];
            g[4] -= s[TwoPowerVector.H2];
        }
    };

    private static final Form OVERTRAINING = new Form() {
        @Override
        public void coefficients(double[] theta, double[] c) {
            double eta = theta[3];
            c[0] = theta[0];
            c[1] = Math.log(theta[1]) - eta * LN6;
            c[2] = 2 * eta;
            c[3] = Math.log(theta[2]) - eta * LN6;
            c[4] = 2 * eta;
            c[5] = 1;
        }

        @Override
        public void pullBack(double[] theta, double[] s, double[] g) {
            g[0] += s[TwoPowerVector.G0];
            g[1] += s[TwoPowerVector.G1] / theta[1];
            g[2] += s[TwoPowerVector.G2] / theta[2];
            g[3] += -LN6 * (s[TwoPowerVector.G1] + s[TwoPowerVector.G2])
                    - 2 * (s[TwoPowerVector.H1] + s[TwoPowerVector.H2]);
        }
    };

    private static final Form KAPLAN_STEPS = new Form() {
        @Override
        public void coefficients(double[] theta, double[] c) {
            c[0] = 0;
            c[1] = theta[2] * Math.log(theta[0]);
            c[2] = theta[2];
            c[3] = theta[3] * Math.log(theta[1]);
            c[4] = theta[3];
            c[5] = 1;
        }

        @Override
        public void pullBack(double[] theta, double[] s, double[] g) {
            g[0] += s[TwoPowerVector.G1] * theta[2] / theta[0];
            g[1] += s[TwoPowerVector.G2] * theta[3] / theta[1];
            g[2] += s[TwoPowerVector.G1] * Math.log(theta[0]) - s[TwoPowerVector.H1];
            g[3] += s[TwoPowerVector.G2] * Math.log(theta[1]) - s[TwoPowerVector.H2];
        }
    };

    private static final Form KAPLAN_ND = new Form() {
        @Override
        public void coefficients(double[] theta, double[] c) {
            double rho = theta[2] / theta[3];
            c[0] = 0;
            c[1] = rho * Math.log(theta[0]);
            c[2] = rho;
            c[3] = Math.log(theta[1]);
            c[4] = 1;
            c[5] = theta[3];
        }

        @Override
        public void pullBack(double[] theta, double[] s, double[] g) {
            double alphaN = theta[2];
            double alphaD = theta[3];
            // d/drho = p (G1 ln Nc - H1) with p = alphaD; rho = alphaN / alphaD
            double dRho = alphaD * (s[TwoPowerVector.G1] * Math.log(theta[0]) - s[TwoPowerVector.H1]);
            g[0] += s[TwoPowerVector.G1] * alphaN / theta[0];
            g[1] += alphaD * s[TwoPowerVector.G2] / theta[1];
            g[2] += dRho / alphaD;
            g[3] += s[TwoPowerVector.K] - dRho * alphaN / (alphaD * alphaD);
        }
    };
}
