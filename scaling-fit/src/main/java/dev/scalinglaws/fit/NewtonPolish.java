/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import dev.scalinglaws.fit.internal.CompiledProblem;
import dev.scalinglaws.fit.internal.Objective;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Newton's method on the stationarity condition grad S(u) = 0 at a fitted optimum ({@link Fitter#refine}). A
 * minimiser stops where it can no longer decrease S, which in a flat valley leaves the parameters uncertain to about
 * sqrt(eps S / lambda_min); solving grad S = 0 instead places them to about eps |grad terms| / lambda_min, so two
 * fits of the same function evaluated with different rounding (a built-in law and the same law as a formula, or the
 * rows in another order) agree to near machine precision. The Hessian is the central difference of the exact
 * gradient (step 1e-6 max(1, |u_j|), symmetrised); the step is taken in the optimiser's coordinates (log scale for
 * positive parameters). An iteration is kept only while it lowers the gradient's largest component without raising
 * S by more than 1e-12 relative, so the polish never moves a fit away from its optimum.
 */
final class NewtonPolish {

    private static final int MAX_ITERATIONS = 20;

    private NewtonPolish() {
    }

    /**
     * The polished parameters, or null when the fit is not a candidate (a coordinate on its bound, a singular
     * Hessian, or no improvement). For losses without a fitted scale.
     *
     * @param c     the compiled problem
     * @param theta the fitted parameters (natural units, the law's order)
     * @return the polished parameters (natural units, the law's order), or null
     */
    static double[] polish(CompiledProblem c, double[] theta) {
        Objective f = c.newObjective();
        double[] u = f.toCoordinates(theta, 0);
        double[] lower = c.lower();
        double[] upper = c.upper();
        for (int k = 0; k < u.length; k++) {
            if (!(u[k] > lower[k] && u[k] < upper[k])) {
                return null;
            }
        }
        int d = u.length;
        double[] x = u.clone();
        double[] g = new double[d];
        double value = f.valueAndGradient(x, g);
        double norm = maxAbs(g);
        boolean moved = false;
        for (int it = 0; it < MAX_ITERATIONS && Double.isFinite(value) && norm > 0; it++) {
            double[] step;
            try {
                step = new LUDecomposition(new Array2DRowRealMatrix(hessian(f, x), false)).getSolver()
                        .solve(new ArrayRealVector(g, false)).toArray();
            } catch (SingularMatrixException e) {
                break;
            }
            double[] y = x.clone();
            boolean inside = true;
            for (int k = 0; k < d; k++) {
                y[k] -= step[k];
                inside &= y[k] > lower[k] && y[k] < upper[k];
            }
            if (!inside) {
                break;
            }
            double[] gy = new double[d];
            double vy = f.valueAndGradient(y, gy);
            double ny = maxAbs(gy);
            if (!(Double.isFinite(vy) && vy <= value + 1e-12 * Math.abs(value) && ny < norm)) {
                break;
            }
            x = y;
            g = gy;
            value = vy;
            norm = ny;
            moved = true;
        }
        if (!moved) {
            return null;
        }
        double[] polished = new double[theta.length];
        f.toTheta(x, polished);
        return polished;
    }

    private static double[][] hessian(Objective f, double[] x) {
        int d = x.length;
        double[][] h = new double[d][d];
        double[] gp = new double[d];
        double[] gm = new double[d];
        for (int j = 0; j < d; j++) {
            double step = 1e-6 * Math.max(1, Math.abs(x[j]));
            double[] up = x.clone();
            double[] um = x.clone();
            up[j] += step;
            um[j] -= step;
            f.valueAndGradient(up, gp);
            f.valueAndGradient(um, gm);
            for (int i = 0; i < d; i++) {
                h[i][j] = (gp[i] - gm[i]) / (2 * step);
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double m = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = m;
                h[j][i] = m;
            }
        }
        return h;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
