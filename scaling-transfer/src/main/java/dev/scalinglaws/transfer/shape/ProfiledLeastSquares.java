/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer.shape;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

import java.util.Arrays;

/**
 * Least squares for the nested models of {@link ShapeEffectAnalysis}: a QR (modified Gram-Schmidt, applied twice)
 * of the centred design for the linear coefficients; for the power law, the exponent is profiled on a log grid and
 * refined by Brent's method (golden section with parabolic steps). Holds workspaces: not thread-safe, one instance per
 * analysis call.
 */
final class ProfiledLeastSquares {

    static final double ALPHA_MIN = 0.005;
    static final double ALPHA_MAX = 4;
    private static final int GRID = 48;

    private final SizeLaw law;
    private final int n;
    private final double[] lnN;
    private final double[] centredShape;
    private final double meanLnN;
    private final double meanLnShape;
    private final double[][] q;
    private final double[][] r;
    private final double[] qty;
    private final double[] resid;
    private final double[] coef;

    /** A fit: natural-unit estimates, rss, fitted values, whether alpha sits on a bound. */
    record Fit(double[] estimates, double rss, double[] fitted, boolean onBound) {
    }

    ProfiledLeastSquares(SizeLaw law, double[] size, double[] shape) {
        this.law = law;
        this.n = size.length;
        this.lnN = new double[n];
        this.centredShape = new double[n];
        double sn = 0;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            lnN[i] = Math.log(size[i]);
            centredShape[i] = Math.log(shape[i]);
            sn += lnN[i];
            ss += centredShape[i];
        }
        meanLnN = sn / n;
        meanLnShape = ss / n;
        for (int i = 0; i < n; i++) {
            centredShape[i] -= meanLnShape;
        }
        q = new double[3][n];
        r = new double[3][3];
        qty = new double[3];
        resid = new double[n];
        coef = new double[3];
    }

    /** Fits the model with or without the shape term. */
    Fit fit(double[] y, boolean withShape, double extraAlpha) {
        if (law == SizeLaw.LOG_LINEAR) {
            double rss = rss(y, Double.NaN, withShape);
            double b0 = coef[0];
            double b1 = coef[1];
            double g = withShape ? coef[2] : 0;
            double a = b0 - b1 * meanLnN - g * meanLnShape;
            double[] est = withShape ? new double[] {a, b1, g} : new double[] {a, b1};
            return new Fit(est, rss, fitted(y), false);
        }
        double lnLo = Math.log(ALPHA_MIN);
        double lnHi = Math.log(ALPHA_MAX);
        double h = (lnHi - lnLo) / (GRID - 1);
        int best = 0;
        double bestRss = Double.POSITIVE_INFINITY;
        for (int k = 0; k < GRID; k++) {
            double v = rss(y, Math.exp(lnLo + k * h), withShape);
            if (v < bestRss) {
                bestRss = v;
                best = k;
            }
        }
        double a = Math.max(lnLo, lnLo + (best - 1) * h);
        double b = Math.min(lnHi, lnLo + (best + 1) * h);
        double bestLnAlpha = brentMinimum(y, withShape, a, b);
        double refined = rss(y, Math.exp(bestLnAlpha), withShape);
        if (!(refined <= bestRss)) {
            bestLnAlpha = lnLo + best * h;
        }
        if (extraAlpha > 0 && Double.isFinite(extraAlpha)) {
            double lnExtra = Math.log(extraAlpha);
            if (rss(y, extraAlpha, withShape) < rss(y, Math.exp(bestLnAlpha), withShape)) {
                bestLnAlpha = lnExtra;
            }
        }
        double alpha = Math.exp(bestLnAlpha);
        double rss = rss(y, alpha, withShape);
        double g = withShape ? coef[2] : 0;
        double e = coef[0] - g * meanLnShape;
        double amplitude = coef[1] * Math.exp(alpha * meanLnN);
        double[] est = withShape ? new double[] {e, amplitude, alpha, g} : new double[] {e, amplitude, alpha};
        boolean onBound = bestLnAlpha <= lnLo + 1e-9 || bestLnAlpha >= lnHi - 1e-9;
        return new Fit(est, rss, fitted(y), onBound);
    }

    private double[] fitted(double[] y) {
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = y[i] - resid[i];
        }
        return f;
    }

    /**
     * The ln alpha minimising the RSS on [lo, hi]: Brent's method (Commons Math's {@link BrentOptimizer}), stopping
     * when the bracket is about 4 (1e-11 |ln alpha| + 1e-11) wide, within the former golden section's 1e-9.
     */
    private double brentMinimum(double[] y, boolean withShape, double lo, double hi) {
        return new BrentOptimizer(1e-11, 1e-11).optimize(new MaxEval(500), GoalType.MINIMIZE,
                new SearchInterval(lo, hi), new UnivariateObjectiveFunction(u -> rss(y, Math.exp(u), withShape)))
                .getPoint();
    }

    /**
     * RSS of the linear least-squares fit at a given exponent; leaves coefficients of the centred design in
     * {@code coef} and residuals in {@code resid}. A column that is numerically a combination of the earlier ones
     * gets coefficient 0.
     */
    double rss(double[] y, double alpha, boolean withShape) {
        int p = withShape ? 3 : 2;
        for (int i = 0; i < n; i++) {
            q[0][i] = 1;
            q[1][i] = law == SizeLaw.LOG_LINEAR ? lnN[i] - meanLnN : Math.exp(-alpha * (lnN[i] - meanLnN));
            if (withShape) {
                q[2][i] = centredShape[i];
            }
        }
        boolean[] kept = new boolean[3];
        for (int j = 0; j < p; j++) {
            Arrays.fill(r[j], 0);
            double norm0 = Math.sqrt(dot(q[j], q[j]));
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < j; k++) {
                    if (!kept[k]) {
                        continue;
                    }
                    double c = dot(q[k], q[j]);
                    r[k][j] += c;
                    axpy(-c, q[k], q[j]);
                }
            }
            double norm = Math.sqrt(dot(q[j], q[j]));
            kept[j] = norm > 1e-10 * Math.max(norm0, 1e-300);
            r[j][j] = kept[j] ? norm : 0;
            if (kept[j]) {
                scale(1 / norm, q[j]);
            }
        }
        System.arraycopy(y, 0, resid, 0, n);
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < p; j++) {
                if (kept[j]) {
                    double c = dot(q[j], resid);
                    qty[j] = pass == 0 ? c : qty[j] + c;
                    axpy(-c, q[j], resid);
                } else {
                    qty[j] = 0;
                }
            }
        }
        for (int j = p - 1; j >= 0; j--) {
            if (!kept[j]) {
                coef[j] = 0;
                continue;
            }
            double s = qty[j];
            for (int k = j + 1; k < p; k++) {
                s -= r[j][k] * coef[k];
            }
            coef[j] = s / r[j][j];
        }
        if (!withShape) {
            coef[2] = 0;
        }
        return dot(resid, resid);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double c, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += c * x[i];
        }
    }

    private static void scale(double c, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= c;
        }
    }
}
