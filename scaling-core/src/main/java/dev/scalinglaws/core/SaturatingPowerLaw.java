/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import java.util.List;

/**
 * The generic saturating power law
 *
 * <pre>
 *   y = E + A x^-alpha,   ln y = logaddexp(ln E, ln A - alpha ln x)
 * </pre>
 *
 * with covariate {@code x} and response {@code y}: an irreducible floor E plus a decaying power. It is the form of
 * the compute-optimal loss L*(C) = E + A C^-alpha of Porian et al. 2024 ("Resolving Discrepancies in
 * Compute-Optimal Scaling of Language Models", arXiv:2406.19146, Section 2) and of Kaplan-style single-variable
 * laws with an offset (Henighan et al. 2020, arXiv:2010.14701). Evaluated in log space as a log-sum-exp, so x up
 * to 1e30 neither overflows nor loses precision.
 *
 * <p>Parameters {@code E} and {@code A} (positive, linear) and {@code alpha} (free). Immutable and thread-safe.
 */
public final class SaturatingPowerLaw extends AbstractScalingLaw implements LinearStructure {

    private static final long serialVersionUID = 1L;

    /** The registered instance, named {@code saturating-power}. */
    public static final SaturatingPowerLaw INSTANCE = new SaturatingPowerLaw();

    private SaturatingPowerLaw() {
        super("saturating-power", "y = E + A x^-alpha",
                "generic saturating power law; e.g. Porian et al. 2024, arXiv:2406.19146, L*(C) = E + A C^-alpha",
                "y", List.of("x"),
                List.of(Parameter.positive("E", true, "floor: the limit of y as x grows"),
                        Parameter.positive("A", true, "coefficient of the decaying power"),
                        Parameter.free("alpha", "decay exponent")));
    }

    /** E in [1e-3, 1e3], A in [1e-3, 1e12] (log-uniform), alpha in [0, 2]. */
    @Override
    public double[] startRange(int j) {
        return switch (j) {
            case 0 -> new double[] {1e-3, 1e3};
            case 1 -> new double[] {1e-3, 1e12};
            default -> new double[] {0, 2};
        };
    }

    @Override
    public void evaluateLog(double[] theta, Columns x, int from, int to, double[] logValue, double[][] jacobian) {
        double e = theta[0];
        double a = theta[1];
        double alpha = theta[2];
        double lnE = Math.log(e);
        double lnA = Math.log(a);
        double[] lnX = x.logColumn(0);
        for (int i = from; i < to; i++) {
            double u = lnA - alpha * lnX[i];
            double m = Math.max(lnE, u);
            double we = Math.exp(lnE - m);
            double wa = Math.exp(u - m);
            double s = we + wa;
            logValue[i - from] = m + Math.log(s);
            if (jacobian != null) {
                double pe = we / s;
                double pa = wa / s;
                jacobian[0][i - from] = pe / e;
                jacobian[1][i - from] = pa / a;
                jacobian[2][i - from] = -pa * lnX[i];
            }
        }
    }

    @Override
    public int[] linearParameters() {
        return new int[] {0, 1};
    }

    @Override
    public void basis(double[] theta, Columns x, int from, int to, double[][] basis) {
        double alpha = theta[2];
        double[] lnX = x.logColumn(0);
        for (int i = from; i < to; i++) {
            basis[0][i - from] = 1;
            basis[1][i - from] = Math.exp(-alpha * lnX[i]);
        }
    }
}
