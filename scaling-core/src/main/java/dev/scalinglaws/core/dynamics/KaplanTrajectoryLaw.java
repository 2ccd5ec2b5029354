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
 * The loss at every checkpoint of runs at any batch size: Kaplan et al.'s L(N, S_min) (eq. 1.6) with S_min given
 * implicitly by the step trade-off (eq. 5.4) at the critical batch size of eq. 1.4 (Kaplan et al. 2020,
 * arXiv:2001.08361; Su et al. 2024, arXiv:2403.06563, who fit the same constants from checkpoints):
 *
 * <pre>
 *   L(N, B, S) = (Nc / N)^alphaN + (Sc / S_min)^alphaS,   where   S_min (1 + Bcrit(L) / B) = S,
 *   Bcrit(L)   = Bstar / L^(1 / alphaB)
 * </pre>
 *
 * Fitting this law to all checkpoints of runs at two or more batch sizes estimates the six constants of {@link
 * TrainingDynamics} at once. Per row, ln S_min solves F(x) = x + ln(1 + Bcrit(L(N, e^x)) / B) - ln S = 0, which is
 * increasing in x for alphaS &gt; 0; a safeguarded Newton iteration on a bracket finds it. The Jacobian follows from
 * the implicit function theorem: with D = dF/dx = 1 + sigma w_S alphaS / alphaB (sigma = Bcrit / (B + Bcrit), w_S =
 * the S term's share of L), d ln L / d theta_L = (partial ln L / partial theta_L) / D for the four loss parameters,
 * d ln L / d Bstar = w_S alphaS sigma / (Bstar D) and d ln L / d alphaB = w_S alphaS sigma ln L / (alphaB^2 D).
 *
 * <p>Parameters {@code Nc, Sc, alphaN, alphaS, Bstar, alphaB} (the order of {@link TrainingDynamics#PARAMETER_NAMES});
 * covariates {@code N}, {@code batch} (tokens per step), {@code step}; response {@code loss}. Immutable and
 * thread-safe; evaluation allocates nothing.
 */
public final class KaplanTrajectoryLaw extends AbstractScalingLaw {

    /** The shared instance, registered as {@code kaplan-trajectory}. */
    public static final KaplanTrajectoryLaw INSTANCE = new KaplanTrajectoryLaw();

    private static final int MAX_ITERATIONS = 200;

    private KaplanTrajectoryLaw() {
        super("kaplan-trajectory",
                "L = (Nc / N)^alphaN + (Sc / Smin)^alphaS, Smin (1 + Bstar / (L^(1 / alphaB) batch)) = step",
                "Kaplan et al. 2020, Scaling Laws for Neural Language Models, arXiv:2001.08361, eqs. 1.4, 1.6, 5.4",
                "loss", List.of("N", "batch", "step"),
                List.of(Parameter.positive("Nc", false, "parameter scale"),
                        Parameter.positive("Sc", false, "step scale (S = S_min)"),
                        Parameter.free("alphaN", "exponent in N"),
                        Parameter.free("alphaS", "exponent in S_min"),
                        Parameter.positive("Bstar", false, "critical batch size at L = 1 (tokens)"),
                        Parameter.positive("alphaB", false, "Bcrit grows as L^(-1/alphaB)")));
    }

    /** As {@link KaplanStepsLaw} and {@link CriticalBatchLaw}. */
    @Override
    public double[] startRange(int j) {
        return j < 4 ? KaplanStepsLaw.INSTANCE.startRange(j) : CriticalBatchLaw.INSTANCE.startRange(j - 4);
    }

    @Override
    public void evaluateLog(double[] theta, Columns x, int from, int to, double[] logValue, double[][] jacobian) {
        double nc = theta[0];
        double sc = theta[1];
        double alphaN = theta[2];
        double alphaS = theta[3];
        double bstar = theta[4];
        double alphaB = theta[5];
        double lnNc = Math.log(nc);
        double lnSc = Math.log(sc);
        double lnBstar = Math.log(bstar);
        double invAlphaB = 1.0 / alphaB;
        double[] lnN = x.logColumn(0);
        double[] lnB = x.logColumn(1);
        double[] lnS = x.logColumn(2);
        for (int i = from; i < to; i++) {
            int k = i - from;
            double v1 = lnNc - lnN[i];
            double u1 = alphaN * v1;
            double c = lnBstar - lnB[i];
            double target = lnS[i];
            double hi = target;
            double lo = target - 1;
            double step = 1;
            while (residual(lo, u1, alphaS, lnSc, c, invAlphaB, target) >= 0 && step < 1e6) {
                step *= 2;
                lo = target - step;
            }
            double xs = hi;
            for (int it = 0; it < MAX_ITERATIONS; it++) {
                double u2 = alphaS * (lnSc - xs);
                double m = Math.max(u1, u2);
                double e1 = Math.exp(u1 - m);
                double e2 = Math.exp(u2 - m);
                double ell = m + Math.log(e1 + e2);
                double r = c - ell * invAlphaB;
                double f = xs + softplus(r) - target;
                if (f == 0) {
                    break;
                }
                if (f < 0) {
                    lo = xs;
                } else {
                    hi = xs;
                }
                double w2 = e2 / (e1 + e2);
                double slope = 1 + sigmoid(r) * w2 * alphaS * invAlphaB;
                double next = xs - f / slope;
                if (!(next > lo && next < hi)) {
                    next = 0.5 * (lo + hi);
                }
                double tol = 1e-14 * Math.max(1, Math.abs(xs));
                if (Math.abs(next - xs) <= tol || hi - lo <= tol) {
                    xs = next;
                    break;
                }
                xs = next;
            }
            double v2 = lnSc - xs;
            double u2 = alphaS * v2;
            double m = Math.max(u1, u2);
            double e1 = Math.exp(u1 - m);
            double e2 = Math.exp(u2 - m);
            double s = e1 + e2;
            double ell = m + Math.log(s);
            logValue[k] = ell;
            if (jacobian != null) {
                double w1 = e1 / s;
                double w2 = e2 / s;
                double sigma = sigmoid(c - ell * invAlphaB);
                double d = 1 + sigma * w2 * alphaS * invAlphaB;
                double invD = 1.0 / d;
                jacobian[0][k] = w1 * alphaN / nc * invD;
                jacobian[1][k] = w2 * alphaS / sc * invD;
                jacobian[2][k] = w1 * v1 * invD;
                jacobian[3][k] = w2 * v2 * invD;
                double common = w2 * alphaS * sigma * invD;
                jacobian[4][k] = common / bstar;
                jacobian[5][k] = common * ell * invAlphaB * invAlphaB;
            }
        }
    }

    private static double residual(double xs, double u1, double alphaS, double lnSc, double c, double invAlphaB,
                                   double target) {
        double u2 = alphaS * (lnSc - xs);
        double m = Math.max(u1, u2);
        double ell = m + Math.log(Math.exp(u1 - m) + Math.exp(u2 - m));
        return xs + softplus(c - ell * invAlphaB) - target;
    }

    private static double softplus(double r) {
        return r > 30 ? r + Math.log1p(Math.exp(-r)) : Math.log1p(Math.exp(r));
    }

    private static double sigmoid(double r) {
        return r >= 0 ? 1 / (1 + Math.exp(-r)) : Math.exp(r) / (1 + Math.exp(r));
    }
}
