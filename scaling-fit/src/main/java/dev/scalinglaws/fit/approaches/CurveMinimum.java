/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.approaches;

import java.util.Locale;

/**
 * How the minimum of one isoFLOP curve (loss against ln N at a fixed budget) is located.
 *
 * <ul>
 *   <li>{@link #PARABOLA} (default): Hoffmann et al. 2022 (arXiv:2203.15556, Approach 2) fit a parabola in ln N to
 *       each isoFLOP curve. Here the parabola L = c0 + c1 x + c2 x^2, x = ln N, is fitted by least squares to the
 *       points near the curve's lowest point: the lowest point and {@code window} sampled sizes on each side. The
 *       minimiser is x* = -c1 / (2 c2), L* = c0 - c1^2 / (4 c2). It is an edge (no minimum) when the lowest point
 *       is the smallest or largest sampled size, when c2 &lt;= 0, or when x* lies outside the sampled sizes. A narrow
 *       window (1: three points) follows the curve's asymmetry least; a wider one averages more noise.</li>
 *   <li>{@link #AKIMA}: Porian et al. 2024's protocol (arXiv:2406.19146, code {@code interp_flop}): an Akima spline
 *       (Akima 1970, J. ACM 17(4), the end-point rule of SciPy's {@code Akima1DInterpolator}) of ln loss against
 *       ln N through every point of the curve, evaluated on a geometric grid of (n - 1) * 25 sizes between the
 *       smallest and largest N; N* is the grid size of least loss; a minimum on the first or last grid point is an
 *       edge.</li>
 * </ul>
 */
public enum CurveMinimum {
    /** A least-squares parabola in ln N through the points near the lowest point. */
    PARABOLA,
    /** Porian et al.'s Akima spline of ln loss in ln N on a fine geometric grid. */
    AKIMA;

    /** Points per sampled interval of the Akima grid (Porian et al.'s {@code interp_num_multiplier}). */
    static final int AKIMA_GRID = 25;

    /**
     * The method by name, case-insensitive.
     *
     * @param name {@code parabola} or {@code akima}
     * @return the method
     */
    public static CurveMinimum byName(String name) {
        for (CurveMinimum m : values()) {
            if (m.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "unknown isoFLOP minimum method '%s'; choose parabola or akima", name));
    }

    /**
     * Locates the minimum of one curve. Allocation: scratch only (the caller's arrays are not changed).
     *
     * @param x      ln N, strictly increasing
     * @param loss   loss at each x
     * @param weight multiplicity of each point (a bootstrap resample), or null for 1
     * @param window parabola: sampled sizes on each side of the lowest point
     * @param out    receives {x*, L*}; x* is NaN for an edge
     */
    void locate(double[] x, double[] loss, double[] weight, int n, int window, double[] out) {
        if (this == PARABOLA) {
            parabola(x, loss, weight, n, window, out);
        } else {
            akima(x, loss, n, out);
        }
    }

    /**
     * The fitted curve of a located minimum at the given ln N (for plots): the parabola over its window (NaN
     * outside the window), or the Akima spline (NaN outside the sampled sizes).
     */
    double[] curve(double[] x, double[] loss, int window, double[] at) {
        int n = x.length;
        double[] out = new double[at.length];
        java.util.Arrays.fill(out, Double.NaN);
        if (this == AKIMA) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = Math.log(loss[i]);
            }
            double[] t = akimaSlopes(x, y, n);
            for (int k = 0; k < at.length; k++) {
                if (at[k] >= x[0] && at[k] <= x[n - 1]) {
                    int seg = 0;
                    while (seg < n - 2 && at[k] > x[seg + 1]) {
                        seg++;
                    }
                    out[k] = Math.exp(hermite(x, y, t, seg, at[k]));
                }
            }
            return out;
        }
        int best = 0;
        for (int i = 1; i < n; i++) {
            best = loss[i] < loss[best] ? i : best;
        }
        int lo = Math.max(0, best - window);
        int hi = Math.min(n - 1, best + window);
        org.apache.commons.math3.fitting.WeightedObservedPoints pts =
                new org.apache.commons.math3.fitting.WeightedObservedPoints();
        for (int i = lo; i <= hi; i++) {
            pts.add(x[i] - x[best], loss[i]);
        }
        if (hi - lo < 2) {
            return out;
        }
        double[] c = org.apache.commons.math3.fitting.PolynomialCurveFitter.create(2).fit(pts.toList());
        for (int k = 0; k < at.length; k++) {
            if (at[k] >= x[lo] && at[k] <= x[hi]) {
                double u = at[k] - x[best];
                out[k] = c[0] + c[1] * u + c[2] * u * u;
            }
        }
        return out;
    }

    private static void parabola(double[] x, double[] loss, double[] weight, int n, int window, double[] out) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (loss[i] < loss[best]) {
                best = i;
            }
        }
        out[0] = Double.NaN;
        out[1] = loss[best];
        if (best == 0 || best == n - 1) {
            return;
        }
        int lo = Math.max(0, best - window);
        int hi = Math.min(n - 1, best + window);
        // weighted least squares in centred coordinates u = x - x_best (normal equations, 3 x 3, solved by Cramer:
        // the system is tiny and this runs for every bootstrap resample, so no library call is worth its cost)
        double xc = x[best];
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, t0 = 0, t1 = 0, t2 = 0;
        for (int i = lo; i <= hi; i++) {
            double w = weight == null ? 1 : weight[i];
            double u = x[i] - xc;
            double u2 = u * u;
            s0 += w;
            s1 += w * u;
            s2 += w * u2;
            s3 += w * u2 * u;
            s4 += w * u2 * u2;
            t0 += w * loss[i];
            t1 += w * u * loss[i];
            t2 += w * u2 * loss[i];
        }
        double det = s0 * (s2 * s4 - s3 * s3) - s1 * (s1 * s4 - s3 * s2) + s2 * (s1 * s3 - s2 * s2);
        if (!(Math.abs(det) > 1e-300)) {
            return;
        }
        double c0 = (t0 * (s2 * s4 - s3 * s3) - s1 * (t1 * s4 - s3 * t2) + s2 * (t1 * s3 - s2 * t2)) / det;
        double c1 = (s0 * (t1 * s4 - t2 * s3) - t0 * (s1 * s4 - s3 * s2) + s2 * (s1 * t2 - t1 * s2)) / det;
        double c2 = (s0 * (s2 * t2 - s3 * t1) - s1 * (s1 * t2 - t1 * s2) + t0 * (s1 * s3 - s2 * s2)) / det;
        if (!(c2 > 0)) {
            return;
        }
        double u = -c1 / (2 * c2);
        if (!(u >= x[lo] - xc && u <= x[hi] - xc)) {
            return;
        }
        out[0] = xc + u;
        out[1] = c0 - c1 * c1 / (4 * c2);
    }

    private static void akima(double[] x, double[] loss, int n, double[] out) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.log(loss[i]);
        }
        double[] t = akimaSlopes(x, y, n);
        int grid = (n - 1) * AKIMA_GRID;
        double bestY = Double.POSITIVE_INFINITY;
        int bestK = -1;
        double bestX = Double.NaN;
        int seg = 0;
        double step = (x[n - 1] - x[0]) / (grid - 1);
        for (int k = 0; k < grid; k++) {
            double g = k == grid - 1 ? x[n - 1] : x[0] + k * step;
            while (seg < n - 2 && g > x[seg + 1]) {
                seg++;
            }
            double v = hermite(x, y, t, seg, g);
            if (v < bestY) {
                bestY = v;
                bestK = k;
                bestX = g;
            }
        }
        out[1] = Math.exp(bestY);
        out[0] = bestK == 0 || bestK == grid - 1 ? Double.NaN : bestX;
    }

    /** Akima's slopes at the knots with SciPy's end extrapolation and its fill value for flat neighbours. */
    static double[] akimaSlopes(double[] x, double[] y, int n) {
        double[] m = new double[n + 3];
        for (int i = 0; i < n - 1; i++) {
            m[i + 2] = (y[i + 1] - y[i]) / (x[i + 1] - x[i]);
        }
        m[1] = 2 * m[2] - m[3];
        m[0] = 2 * m[1] - m[2];
        m[n + 1] = 2 * m[n] - m[n - 1];
        m[n + 2] = 2 * m[n + 1] - m[n];
        double maxF = Double.NEGATIVE_INFINITY;
        double[] f1 = new double[n];
        double[] f2 = new double[n];
        for (int i = 0; i < n; i++) {
            f1[i] = Math.abs(m[i + 3] - m[i + 2]);
            f2[i] = Math.abs(m[i + 1] - m[i]);
            maxF = Math.max(maxF, f1[i] + f2[i]);
        }
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            double f12 = f1[i] + f2[i];
            t[i] = f12 > 1e-9 * maxF ? (f1[i] * m[i + 1] + f2[i] * m[i + 2]) / f12 : 0.5 * (m[i + 3] + m[i]);
        }
        return t;
    }

    /** The cubic Hermite interpolant on [x_seg, x_seg+1] at g. */
    static double hermite(double[] x, double[] y, double[] t, int seg, double g) {
        double h = x[seg + 1] - x[seg];
        double s = (g - x[seg]) / h;
        double s2 = s * s;
        double s3 = s2 * s;
        return (2 * s3 - 3 * s2 + 1) * y[seg] + (s3 - 2 * s2 + s) * h * t[seg] + (-2 * s3 + 3 * s2) * y[seg + 1]
                + (s3 - s2) * h * t[seg + 1];
    }
}
