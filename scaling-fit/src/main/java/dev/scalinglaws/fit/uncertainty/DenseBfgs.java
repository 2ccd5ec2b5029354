/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

/**
 * A small dense BFGS minimiser with an Armijo backtracking line search (Nocedal and Wright 2006, Alg. 6.1) for the
 * few-dimensional penalised problems of the profile likelihood. Not API; not thread-safe (use one per call).
 */
final class DenseBfgs {

    /** A smooth function with gradient. */
    interface Function {
        /** Value at x; writes the gradient into g. Non-finite values mark undefined points. */
        double valueAndGradient(double[] x, double[] g);
    }

    private DenseBfgs() {
    }

    /**
     * Minimises f from x (overwritten with the minimiser).
     *
     * @return the final value
     */
    static double minimize(Function f, double[] x, int maxIterations, double gtol) {
        int n = x.length;
        double[] g = new double[n];
        double[] gNew = new double[n];
        double[] xNew = new double[n];
        double[] d = new double[n];
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            h[i][i] = 1;
        }
        double fx = f.valueAndGradient(x, g);
        if (!Double.isFinite(fx)) {
            return fx;
        }
        boolean scaled = false;
        for (int it = 0; it < maxIterations; it++) {
            double gmax = 0;
            for (double v : g) {
                gmax = Math.max(gmax, Math.abs(v));
            }
            if (gmax <= gtol) {
                break;
            }
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s -= h[i][j] * g[j];
                }
                d[i] = s;
            }
            double dg = 0;
            for (int i = 0; i < n; i++) {
                dg += d[i] * g[i];
            }
            if (!(dg < 0)) {
                for (int i = 0; i < n; i++) {
                    java.util.Arrays.fill(h[i], 0);
                    h[i][i] = 1;
                    d[i] = -g[i];
                }
                dg = 0;
                for (int i = 0; i < n; i++) {
                    dg += d[i] * g[i];
                }
            }
            double step = scaled ? 1 : Math.min(1, 1 / Math.sqrt(-dg));
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int ls = 0; ls < 60; ls++) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * d[i];
                }
                fNew = f.valueAndGradient(xNew, gNew);
                if (Double.isFinite(fNew) && fNew <= fx + 1e-4 * step * dg) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                break;
            }
            double[] s = new double[n];
            double[] y = new double[n];
            double sy = 0;
            for (int i = 0; i < n; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
                sy += s[i] * y[i];
            }
            double decrease = fx - fNew;
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            if (sy > 1e-300) {
                if (!scaled) {
                    double yy = 0;
                    for (double v : y) {
                        yy += v * v;
                    }
                    for (int i = 0; i < n; i++) {
                        java.util.Arrays.fill(h[i], 0);
                        h[i][i] = sy / yy;
                    }
                    scaled = true;
                }
                double[] hy = new double[n];
                double yhy = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        hy[i] += h[i][j] * y[j];
                    }
                    yhy += y[i] * hy[i];
                }
                double rho = 1 / sy;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        h[i][j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
                    }
                }
            }
            if (decrease <= 1e-15 * Math.max(Math.abs(fx), 1e-300) && it > 5) {
                break;
            }
        }
        return fx;
    }
}
