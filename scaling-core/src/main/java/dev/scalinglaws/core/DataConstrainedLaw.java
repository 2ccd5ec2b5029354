/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import java.util.List;

/**
 * The data-constrained law of Muennighoff et al. 2023, "Scaling Data-Constrained Language Models" (NeurIPS 2023,
 * arXiv:2305.16264, eq. 5 and Appendix A): Chinchilla's law in an effective model size N' and effective data D' that
 * discount repeated tokens and excess parameters by exponential decay,
 *
 * <pre>
 *   R_D = max(D/U - 1, 0)                                  repetitions of the U unique tokens
 *   U_N = min(N, N_opt(C(U)))                              C(U) = 6 (G U)^(1/b), N_opt(C) = G (C/6)^a
 *       = min(N, G^(1 + a/b) U^(a/b))                      G = (alpha A / (beta B))^(1/(alpha+beta)),
 *                                                          a = beta/(alpha+beta), b = alpha/(alpha+beta)
 *   R_N = max(N/U_N - 1, 0)                                excess parameters
 *   D'  = U + U RDstar (1 - exp(-R_D / RDstar))
 *   N'  = U_N + U_N RNstar (1 - exp(-R_N / RNstar))
 *   L   = E + A / N'^alpha + B / D'^beta
 * </pre>
 *
 * evaluated as ln L = logsumexp(ln A - alpha ln N', ln B - beta ln D', ln E) with ln N' and ln D' computed in log
 * space (ln U_N = (ln(alpha A / (beta B)) + beta ln U) / alpha is never exponentiated), so that nothing overflows.
 * U_N depends on A, B, alpha and beta: the Jacobian includes that path (the min is continuously differentiable, since
 * d ln N' / d ln U_N vanishes at U_N = N). Where a row has fewer tokens than unique tokens (D &lt; U) the unique tokens
 * actually seen, min(U, D), take U's place, so that D' = D there.
 *
 * <p>Published (the paper's repository, notebook {@code utils/parametric_fit.ipynb}, 182 C4 runs with outliers
 * removed): RDstar 15.387756 and RNstar 5.309743 with the five Chinchilla constants fixed at A 520.825,
 * B 1487.72, E 1.869144, alpha = beta = 0.3526596.
 *
 * <p>Covariates {@code N, D, U}; parameters {@code E, A, B, alpha, beta, RDstar, RNstar}, all strictly positive (the
 * exponents too: the compute-optimal frontier inside U_N needs alpha, beta &gt; 0). Immutable and thread-safe.
 */
public final class DataConstrainedLaw extends AbstractScalingLaw {

    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final DataConstrainedLaw INSTANCE = new DataConstrainedLaw();

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
    /** Index of RDstar in theta. */
    public static final int RD_STAR = 5;
    /** Index of RNstar in theta. */
    public static final int RN_STAR = 6;

    private DataConstrainedLaw() {
        super("data-constrained", "L = E + A/N'^alpha + B/D'^beta, D' = U + U RDstar (1 - exp(-R_D/RDstar)), "
                        + "N' = U_N + U_N RNstar (1 - exp(-R_N/RNstar)), R_D = D/U - 1, R_N = N/U_N - 1",
                "Muennighoff et al. 2023, Scaling Data-Constrained Language Models, arXiv:2305.16264", "loss",
                List.of("N", "D", "U"),
                List.of(Parameter.positive("E", true, "irreducible loss"),
                        Parameter.positive("A", false, "model-size term coefficient"),
                        Parameter.positive("B", false, "data term coefficient"),
                        Parameter.positive("alpha", false, "model-size exponent"),
                        Parameter.positive("beta", false, "data exponent"),
                        Parameter.positive("RDstar", false, "repetitions of the data at which their value decays by "
                                + "1/e"),
                        Parameter.positive("RNstar", false, "excess parameters (in units of U_N) at which their value "
                                + "decays by 1/e")));
    }

    /** E in [e^-1, e], A and B in [1, e^10], alpha and beta in [0.05, 1], RDstar and RNstar in [0.5, 50]. */
    @Override
    public double[] startRange(int j) {
        return switch (j) {
            case E -> new double[] {Math.exp(-1), Math.exp(1)};
            case A, B -> new double[] {1, Math.exp(10)};
            case ALPHA, BETA -> new double[] {0.05, 1};
            default -> new double[] {0.5, 50};
        };
    }

    @Override
    public void evaluateLog(double[] theta, Columns x, int from, int to, double[] logValue, double[][] jacobian) {
        double capE = theta[E];
        double capA = theta[A];
        double capB = theta[B];
        double alpha = theta[ALPHA];
        double beta = theta[BETA];
        double rd = theta[RD_STAR];
        double rn = theta[RN_STAR];
        double lnE = Math.log(capE);
        double lnA = Math.log(capA);
        double lnB = Math.log(capB);
        double lnRatio = Math.log(alpha) + lnA - Math.log(beta) - lnB;
        double[] lnNc = x.logColumn(0);
        double[] lnDc = x.logColumn(1);
        double[] lnUc = x.logColumn(2);
        for (int i = from; i < to; i++) {
            double lnN = lnNc[i];
            double lnD = lnDc[i];
            double lnU = Math.min(lnUc[i], lnD);
            // effective data
            double xD = lnD - lnU;
            double repD = Math.expm1(xD);
            double zD = repD / rd;
            double omD = -Math.expm1(-zD);
            double gD = 1 + rd * omD;
            double lnDp = lnU + Math.log(gD);
            // effective parameters
            double lnUNopt = (lnRatio + beta * lnU) / alpha;
            boolean active = lnUNopt < lnN;
            double lnUN = active ? lnUNopt : lnN;
            double xN = lnN - lnUN;
            double repN = Math.expm1(xN);
            double zN = repN / rn;
            double omN = -Math.expm1(-zN);
            double gN = 1 + rn * omN;
            double lnNp = lnUN + Math.log(gN);
            // log-sum-exp of the three terms
            double t1 = lnA - alpha * lnNp;
            double t2 = lnB - beta * lnDp;
            double m = Math.max(lnE, Math.max(t1, t2));
            double x1 = Math.exp(t1 - m);
            double x2 = Math.exp(t2 - m);
            double x3 = Math.exp(lnE - m);
            double s = x1 + x2 + x3;
            int k = i - from;
            logValue[k] = m + Math.log(s);
            if (jacobian == null) {
                continue;
            }
            double w1 = x1 / s;
            double w2 = x2 / s;
            double w3 = x3 / s;
            // d ln N' / d ln U_N (zero at U_N = N, so the min is C^1), only where the frontier is below N
            double kN = active ? 1 - Math.exp(xN - zN) / gN : 0;
            double viaUN = -alpha * w1 * kN;
            jacobian[E][k] = w3 / capE;
            jacobian[A][k] = w1 / capA + viaUN / (alpha * capA);
            jacobian[B][k] = w2 / capB - viaUN / (alpha * capB);
            jacobian[ALPHA][k] = -w1 * lnNp + viaUN * (1 - lnRatio - beta * lnU) / (alpha * alpha);
            jacobian[BETA][k] = -w2 * lnDp + viaUN * (lnU - 1 / beta) / alpha;
            jacobian[RD_STAR][k] = -beta * w2 * (omD - zExpMinusZ(zD)) / gD;
            jacobian[RN_STAR][k] = -alpha * w1 * (omN - zExpMinusZ(zN)) / gN;
        }
    }

    /** z e^-z, 0 for z = +infinity. */
    private static double zExpMinusZ(double z) {
        return z > 745 ? 0 : z * Math.exp(-z);
    }

    /**
     * ln U_N before the min with N: the compute-optimal model size of Chinchilla's law (the first five parameters)
     * for the compute at which the optimal data equals U, ln(G^(1 + a/b) U^(a/b)) = (ln(alpha A / (beta B)) +
     * beta ln U) / alpha.
     *
     * @param theta the parameters
     * @param u     unique tokens
     * @return ln N_opt(C(U))
     */
    public static double logOptimalParametersForUnique(double[] theta, double u) {
        double lnRatio = Math.log(theta[ALPHA]) + Math.log(theta[A]) - Math.log(theta[BETA]) - Math.log(theta[B]);
        return (lnRatio + theta[BETA] * Math.log(u)) / theta[ALPHA];
    }
}
