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
 * The rectified fine-tuning law with a pre-power phase (Lin et al. 2024, "Selecting Large Language Model to
 * Fine-tune via Rectified Scaling Law", ICML 2024, arXiv:2402.02314, eq. 4):
 *
 * <pre>
 *   L(D) = B / (Dl + D^beta) + E
 * </pre>
 *
 * with D the number of fine-tuning examples and Dl &gt;= 0 the "pre-learned data size". Where D^beta &lt;&lt; Dl the
 * curve is flat (pre-power phase); where D^beta &gt;&gt; Dl it is the vanilla power law B / D^beta + E. The zero-shot
 * loss is the explicit limit {@link #zeroShotLoss(double[]) L(0) = B / Dl + E}.
 *
 * <p>Parameters {@code B, E} (positive, linear), {@code Dl} and {@code beta}. {@code Dl} is optimised in log space
 * with the lower bound {@value #DL_FLOOR}: because every fitted size has D &gt;= 1 and so D^beta &gt;= 1 for beta
 * &gt;= 0, a value of Dl at that floor changes L by less than one part in 1e30 relative to Dl = 0, so the floor
 * stands for "no pre-power phase" while keeping the well-scaled log-space search (Lin et al.'s own fit is also
 * parametrised so that Dl &gt; 0). {@code beta} is searched in [0, 5].
 *
 * <p>Covariate {@code D}. The registered instance {@link #INSTANCE} takes logarithms of D, so a row with D = 0 (the
 * zero-shot point) or a negative D is rejected with a {@link dev.scalinglaws.core.DataException}; exclude zero-shot
 * rows with {@link FineTuning#withoutZeroShot} or fit them on purpose with {@link #INCLUDING_ZERO_SHOT}, which
 * accepts D = 0 (there D^beta = 0 and L = B / Dl + E). Immutable and thread-safe.
 */
public final class RectifiedLaw extends AbstractScalingLaw {

    /** The lower bound of Dl: the stand-in for Dl = 0 (see the class comment). */
    public static final double DL_FLOOR = 1e-30;

    /** The registered law ({@code rectified}): D must be positive. */
    public static final RectifiedLaw INSTANCE = new RectifiedLaw(true);

    /** The same law accepting D = 0 rows (the zero-shot point); negative D is still rejected by its fitting helpers. */
    public static final RectifiedLaw INCLUDING_ZERO_SHOT = new RectifiedLaw(false);

    /** Index of B in theta. */
    public static final int B = 0;
    /** Index of E in theta. */
    public static final int E = 1;
    /** Index of Dl in theta. */
    public static final int DL = 2;
    /** Index of beta in theta. */
    public static final int BETA = 3;

    /** Whether D must be strictly positive (false for {@link #INCLUDING_ZERO_SHOT}). */
    private final boolean positiveCovariates;

    private RectifiedLaw(boolean positiveCovariates) {
        super("rectified", "L = B / (Dl + D^beta) + E",
                "Lin et al. 2024, Selecting Large Language Model to Fine-tune via Rectified Scaling Law, "
                        + "arXiv:2402.02314", "loss",
                List.of("D"),
                List.of(Parameter.positive("B", true, "power-phase coefficient"),
                        Parameter.positive("E", true, "irreducible fine-tuning loss"),
                        Parameter.positive("Dl", false, "pre-learned data size (0 = no pre-power phase)")
                                .withBounds(DL_FLOOR, Double.POSITIVE_INFINITY),
                        new Parameter("beta", 0, 5, false, false, "fine-tuning data exponent")));
        this.positiveCovariates = positiveCovariates;
    }

    /** Each of the two variants deserialises as itself (they share the registered name). */
    @Override
    protected Object readResolve() {
        return positiveCovariates ? INSTANCE : INCLUDING_ZERO_SHOT;
    }

    @Override
    public boolean requiresPositiveCovariates() {
        return positiveCovariates;
    }

    /** B in [1e-2, 1e4], E in [0.05, 5], Dl in [1e-3, 1e5], beta in [0.05, 1.5]. */
    @Override
    public double[] startRange(int j) {
        return switch (j) {
            case B -> new double[] {1e-2, 1e4};
            case E -> new double[] {0.05, 5};
            case DL -> new double[] {1e-3, 1e5};
            default -> new double[] {0.05, 1.5};
        };
    }

    /**
     * The zero-shot loss L(0) = B / Dl + E.
     *
     * @param theta parameters (B, E, Dl, beta)
     * @return L(0), +Infinity if Dl = 0
     */
    public static double zeroShotLoss(double[] theta) {
        return theta[B] / theta[DL] + theta[E];
    }

    /**
     * The size where the power phase starts, D* = Dl^(1/beta) (there D^beta = Dl: half-way between the phases).
     *
     * @param theta parameters (B, E, Dl, beta)
     * @return D*
     */
    public static double transitionSize(double[] theta) {
        return Math.pow(theta[DL], 1 / theta[BETA]);
    }

    @Override
    public void evaluate(double[] theta, Columns x, int from, int to, double[] value, double[][] jacobian) {
        double b = theta[B];
        double e = theta[E];
        double dl = theta[DL];
        double beta = theta[BETA];
        double[] d = x.rawColumn(0);
        double[] lnD = x.logColumn(0);
        for (int i = from; i < to; i++) {
            int k = i - from;
            double power = d[i] == 0 ? 0 : Math.exp(beta * lnD[i]);
            double s = dl + power;
            double inv = 1 / s;
            value[k] = b * inv + e;
            if (jacobian != null) {
                jacobian[B][k] = inv;
                jacobian[E][k] = 1;
                jacobian[DL][k] = -b * inv * inv;
                jacobian[BETA][k] = power == 0 ? 0 : -b * inv * inv * power * lnD[i];
            }
        }
    }
}
