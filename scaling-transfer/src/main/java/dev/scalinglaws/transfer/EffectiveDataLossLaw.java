/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.scalinglaws.core.AbstractScalingLaw;
import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.Parameter;
import dev.scalinglaws.core.ScalingLaw;

/**
 * A fine-tuning loss law built from a from-scratch law L(N, D) by substituting the effective data of Hernandez et al.
 * 2021 ("Scaling Laws for Transfer", arXiv:2102.01293):
 *
 * <pre>
 *   L_ft(N, Df) = L(N, D_E),   D_E = Df + D_T,   D_T = kT Df^alphaT N^betaT
 * </pre>
 *
 * The parameters are the inner law's (same names) followed by {@code kT, alphaT, betaT} (the k, alpha, beta of
 * {@link EffectiveDataLaw}, renamed so that they cannot clash with the inner law's). Pin the inner parameters with
 * {@link #pinInner} to fit only the transfer, or leave them free to fit everything at once.
 *
 * <p>The Jacobian is analytic in every parameter: the inner law supplies d ln L / d theta_inner, and the chain rule
 * through D_E needs d ln L / d ln D, which is exact for {@link ChinchillaLaw} (-beta B D^-beta / L) and otherwise a
 * central difference of the inner log value in ln D (step 1e-5, relative error about 1e-10).
 *
 * <p>Covariates {@code N} and {@code Df} (&gt; 0; the inner law's {@code D} is replaced by {@code Df}). This wrapper
 * allocates its working columns per call; it is meant for fitting and prediction, not for benchmark loops. Immutable
 * and thread-safe if the inner law is.
 */
public final class EffectiveDataLossLaw extends AbstractScalingLaw {

    private static final double STEP = 1e-5;

    /** The loss law L(N, D) whose D is replaced by the effective data. */
    private final ScalingLaw inner;
    /** Index of N among the covariates (the same in the inner law and here). */
    private final int innerN;
    /** Index of D among the inner law's covariates, and of Df among these. */
    private final int innerD;
    /** Number of the inner law's parameters. */
    private final int p;

    private EffectiveDataLossLaw(ScalingLaw inner, List<String> covariates, List<Parameter> parameters, int innerN,
                                 int innerD) {
        super(inner.name() + "+effective-data",
                "L(N, Df + kT Df^alphaT N^betaT) with L: " + inner.formula(),
                "Hernandez et al. 2021, Scaling Laws for Transfer, arXiv:2102.01293; inner law: " + inner.citation(),
                inner.response(), covariates, parameters);
        this.inner = inner;
        this.innerN = innerN;
        this.innerD = innerD;
        this.p = inner.parameterCount();
    }

    /**
     * Wraps a law with covariates {@code N} and {@code D}.
     *
     * @param inner the from-scratch law L(N, D)
     * @return the fine-tuning law in (N, Df)
     * @throws IllegalArgumentException if the inner law lacks N or D, or already has a parameter named kT, alphaT
     *                                  or betaT
     */
    public static EffectiveDataLossLaw of(ScalingLaw inner) {
        Objects.requireNonNull(inner, "inner");
        int n = inner.covariates().indexOf("N");
        int d = inner.covariates().indexOf("D");
        if (n < 0 || d < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "law %s has covariates %s; the effective-data substitution needs N and D", inner.name(),
                    inner.covariates()));
        }
        List<String> cov = new ArrayList<>(inner.covariates());
        cov.set(d, "Df");
        List<Parameter> params = new ArrayList<>(inner.parameters());
        params.add(Parameter.positive("kT", false, "effective-data coefficient k"));
        params.add(Parameter.free("alphaT", "effective-data exponent of Df"));
        params.add(Parameter.free("betaT", "effective-data exponent of N"));
        return new EffectiveDataLossLaw(inner, cov, params, n, d);
    }

    /**
     * @return the inner law L(N, D)
     */
    public ScalingLaw inner() {
        return inner;
    }

    /**
     * A full parameter vector from the inner law's parameters and the effective-data parameters.
     *
     * @param innerTheta    the inner law's parameters
     * @param effectiveData {k, alpha, beta} of {@link EffectiveDataLaw}
     * @return theta of this law
     */
    public double[] theta(double[] innerTheta, double[] effectiveData) {
        if (innerTheta.length != p || effectiveData.length != 3) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "expected %d inner parameters and 3 effective-data parameters, got %d and %d", p,
                    innerTheta.length, effectiveData.length));
        }
        double[] t = new double[p + 3];
        System.arraycopy(innerTheta, 0, t, 0, p);
        System.arraycopy(effectiveData, 0, t, p, 3);
        return t;
    }

    /**
     * Pins every inner parameter at the given values, so that a fit estimates only kT, alphaT, betaT.
     *
     * @param spec       a fit spec
     * @param innerTheta the inner law's parameters
     * @return the spec with pins
     */
    public dev.scalinglaws.fit.FitSpec pinInner(dev.scalinglaws.fit.FitSpec spec, double[] innerTheta) {
        dev.scalinglaws.fit.FitSpec s = spec;
        for (int j = 0; j < p; j++) {
            s = s.withPin(inner.parameters().get(j).name(), innerTheta[j]);
        }
        return s;
    }

    @Override
    public double[] startRange(int j) {
        if (j < p) {
            return inner.startRange(j);
        }
        return j == p ? new double[] {1, 1e8} : new double[] {0, 1};
    }

    @Override
    public void evaluateLog(double[] theta, Columns x, int from, int to, double[] logValue, double[][] jacobian) {
        int n = to - from;
        double lnK = Math.log(theta[p]);
        double alphaT = theta[p + 1];
        double betaT = theta[p + 2];
        int covariates = x.count();
        double[][] cols = new double[covariates][n];
        double[] transferred = new double[n];
        double[] effective = new double[n];
        for (int i = from; i < to; i++) {
            int k = i - from;
            for (int c = 0; c < covariates; c++) {
                cols[c][k] = x.value(c, i);
            }
            double df = x.value(innerD, i);
            transferred[k] = Math.exp(lnK + alphaT * x.logValue(innerD, i) + betaT * x.logValue(innerN, i));
            effective[k] = df + transferred[k];
            cols[innerD][k] = effective[k];
        }
        Columns innerX = Columns.of(cols);
        double[][] innerJac = jacobian == null ? null : new double[p][];
        if (jacobian != null) {
            for (int j = 0; j < p; j++) {
                innerJac[j] = jacobian[j].length >= n ? jacobian[j] : new double[n];
            }
        }
        double[] innerValue = new double[n];
        inner.evaluateLog(theta, innerX, 0, n, innerValue, innerJac);
        System.arraycopy(innerValue, 0, logValue, 0, n);
        if (jacobian == null) {
            return;
        }
        double[] slope = dataSlope(theta, innerX, innerValue, n);
        for (int k = 0; k < n; k++) {
            int i = from + k;
            double share = transferred[k] / effective[k];
            double s = slope[k] * share;
            jacobian[p][k] = s / theta[p];
            jacobian[p + 1][k] = s * x.logValue(innerD, i);
            jacobian[p + 2][k] = s * x.logValue(innerN, i);
        }
    }

    /** d ln L / d ln D for the inner law at its covariates. */
    private double[] dataSlope(double[] theta, Columns innerX, double[] innerLog, int n) {
        double[] slope = new double[n];
        if (inner instanceof ChinchillaLaw) {
            double lnB = Math.log(theta[ChinchillaLaw.B]);
            double beta = theta[ChinchillaLaw.BETA];
            for (int k = 0; k < n; k++) {
                slope[k] = -beta * Math.exp(lnB - beta * innerX.logValue(innerD, k) - innerLog[k]);
            }
            return slope;
        }
        int covariates = innerX.count();
        double[][] up = new double[covariates][];
        double[][] down = new double[covariates][];
        for (int c = 0; c < covariates; c++) {
            up[c] = innerX.rawColumn(c).clone();
            down[c] = innerX.rawColumn(c).clone();
        }
        for (int k = 0; k < n; k++) {
            up[innerD][k] *= Math.exp(STEP);
            down[innerD][k] *= Math.exp(-STEP);
        }
        double[] vUp = new double[n];
        double[] vDown = new double[n];
        inner.evaluateLog(theta, Columns.of(up), 0, n, vUp, null);
        inner.evaluateLog(theta, Columns.of(down), 0, n, vDown, null);
        for (int k = 0; k < n; k++) {
            slope[k] = (vUp[k] - vDown[k]) / (2 * STEP);
        }
        return slope;
    }

    /** Equal when the inner laws are equal (the substitution is otherwise fixed). */
    @Override
    public boolean equals(Object o) {
        return o instanceof EffectiveDataLossLaw e && inner.equals(e.inner);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash("effective-data", inner);
    }
}
