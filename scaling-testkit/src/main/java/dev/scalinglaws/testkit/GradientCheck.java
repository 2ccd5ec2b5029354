/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.Parameter;
import dev.scalinglaws.core.ScalingLaw;

/**
 * Compares a law's analytic Jacobian with Richardson-extrapolated finite differences under an explicit error model.
 *
 * <p>For each parameter j the function g(u) (the log value ln f, or the value f) is differentiated along the fitting
 * coordinate u_j: ln theta_j for positive parameters, theta_j otherwise. With step h = 1e-3 (times max(1, |theta_j|)
 * on the linear scale) the estimate is R = (4 D(h/2) - D(h)) / 3 from central differences D (or second-order
 * one-sided ones where the central stencil would leave the parameter's bounds), whose truncation error is O(h^4). The
 * analytic value a is accepted when
 * <pre>
 *   |a - R| &lt;= rtol max(|a|, |R|) + 10 |R(h) - R(h/2)| + 20 sigma / h
 * </pre>
 * where |R(h) - R(h/2)| estimates the remaining truncation error (or, where the differences D(h), D(h/2), D(h/4)
 * do not converge at the h^2 rate Richardson assumes, as at a kink, that plus |D(h) - D(h/2)| + |D(h/2) - D(h/4)|)
 * and sigma is the evaluation noise of g, measured rather than assumed: the standard deviation implied by the k-th
 * differences (k = 4..6) of g on a stencil of spacing
 * 1e-6 (for a smooth g they are pure rounding noise), the ECnoise estimator of Moré and Wild (2011, SIAM J. Sci.
 * Comput. 33, 1292-1314), floored at 4 eps S, where S, the scale of the terms g is computed from, is the largest of
 * |g|, every |dg/du_j| (for a coefficient c of a term, d f / d ln c is the term itself) and, in log space, 1 (ln f is
 * the log of a sum at least as large as its largest term). The floor covers rounding that is invisible on the fine
 * stencil: a term far below ulp(1) of a sum changes the rounded sum only once per many steps, so g is a staircase
 * whose steps the differences of step h see and those of spacing 1e-6 do not. A law that loses digits to cancellation
 * (large terms that nearly cancel, an implicit equation solved to a tolerance) thus gets a tolerance that reflects
 * the digits it actually has, and a law that keeps them gets a tight one.
 *
 * <p>Where the central comparison fails, a second look allows for a kink of the second derivative (a C^1 law such as
 * data-constrained, whose U_N = min(N, ...) switches branch): a stencil straddling it can converge at a rate that
 * mimics h^2 and be off by more than its estimate says. The derivative is then accepted if a clean stencil agrees:
 * the one-sided ones (of step h, then h/8 and h/64, with the central one) whose differences converge at the expected
 * rate (4- to 8-fold per halving one-sided, where an h^3 term remains) or to within the noise, so that nothing widens
 * their tolerance. A stencil that does not reach the kink measures the law's derivative; a wrong gradient at a smooth
 * point disagrees with every clean stencil.
 *
 * <p>Stateless and thread-safe.
 */
public final class GradientCheck {

    /** Base step in fitting coordinates. */
    public static final double STEP = 1e-3;
    private static final double NOISE_STEP = 1e-6;
    private static final int NOISE_ORDER = 6;
    private static final double EPS = Math.ulp(1.0);

    private GradientCheck() {
    }

    /** Where the law is differentiated. */
    public enum Space {
        /** ln f via {@link ScalingLaw#evaluateLog}. */
        LOG,
        /** f via {@link ScalingLaw#evaluate}. */
        LINEAR
    }

    /**
     * One parameter's comparison.
     *
     * @param parameter  the parameter
     * @param coordinate {@code "ln theta"} or {@code "theta"}
     * @param analytic   the law's derivative along the coordinate
     * @param numeric    the extrapolated finite difference
     * @param allowed    the tolerance from the error model
     * @param noise      the measured evaluation noise sigma
     * @param oneSided   whether a one-sided stencil was used
     */
    public record Entry(String parameter, String coordinate, double analytic, double numeric, double allowed,
                       double noise, boolean oneSided) {

        /**
         * {@return whether the analytic and numeric derivatives agree within the tolerance: |analytic - numeric|
         * &lt;= allowed}
         */


        public boolean agrees() {
            return Math.abs(analytic - numeric) <= allowed;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "d g / d %s(%s): analytic %.10g, finite differences %.10g, "
                            + "|difference| %.3g, allowed %.3g (noise %.2g%s)", coordinate, parameter, analytic,
                    numeric, Math.abs(analytic - numeric), allowed, noise, oneSided ? ", one-sided" : "");
        }
    }

    /**
     * Compares the analytic and numeric derivatives of g at one point.
     *
     * @param law   the law
     * @param theta parameters
     * @param point covariates in the law's order
     * @param space where to differentiate
     * @param rtol  relative tolerance (e.g. 1e-6)
     * @return one entry per parameter
     */
    public static List<Entry> compare(ScalingLaw law, double[] theta, double[] point, Space space, double rtol) {
        Columns x = columns(point);
        int p = law.parameterCount();
        double[] v = new double[1];
        double[][] jac = new double[p][1];
        evaluate(law, theta, x, space, v, jac);
        List<Parameter> ps = law.parameters();
        // the magnitude of the terms g is computed from: at least O(1) in log space (ln of a sum that is >= its
        // largest term), at least |g|, and at least every |dg/du_j| (the share a coefficient's term contributes)
        double scale = Math.max(Math.abs(v[0]), space == Space.LOG ? 1 : 0);
        for (int j = 0; j < p; j++) {
            double a = jac[j][0] * (ps.get(j).positive() && theta[j] > 0 ? theta[j] : 1);
            if (Double.isFinite(a)) {
                scale = Math.max(scale, Math.abs(a));
            }
        }
        Entry[] out = new Entry[p];
        for (int j = 0; j < p; j++) {
            Parameter par = ps.get(j);
            boolean logCoordinate = par.positive() && theta[j] > 0;
            double h = logCoordinate ? STEP : STEP * Math.max(1, Math.abs(theta[j]));
            double analytic = jac[j][0] * (logCoordinate ? theta[j] : 1);
            int direction = direction(par, theta[j], 2 * h, logCoordinate);
            Line g = new Line(law, theta, x, space, j, logCoordinate);
            Estimate e = estimate(g, par, logCoordinate, analytic, h, direction, v[0], scale, rtol);
            Entry accepted = e.entry();
            if (!accepted.agrees() && direction == 0) {
                accepted = nearKink(g, par, theta[j], logCoordinate, analytic, h, v[0], scale, rtol, accepted);
            }
            out[j] = accepted;
        }
        return List.of(out);
    }

    /**
     * A second look where the central stencil disagrees. It may straddle a kink (data-constrained's U_N = N, where
     * the law is C^1 but its second derivative jumps): its differences then converge at the h rate, or at a rate
     * that mimics h^2 by accident, and its estimate is off by more than its error model allows. A stencil that does
     * not reach the kink sees a smooth function and measures the law's derivative, so the derivative is accepted
     * when a clean stencil (differences converging at the h^2 rate, or to within the noise: nothing inflates its
     * error model) agrees: the one-sided stencils on either side, then all three with steps h/8 and h/64 (a kink
     * closer than the forward stencil's reach of 2h). A wrong gradient at a smooth point disagrees with every clean
     * stencil.
     */
    private static Entry nearKink(Line g, Parameter par, double t, boolean logCoordinate, double analytic, double h,
                                  double g0, double scale, double rtol, Entry central) {
        for (double step = h; step >= h / 64; step /= 8) {
            for (int side : new int[] {0, 1, -1}) {
                if (side == 0 && step == h) {
                    continue;
                }
                double reach = side * 2 * step;
                if (side != 0 && !par.admits(logCoordinate ? t * Math.exp(reach) : t + reach)) {
                    continue;
                }
                Estimate s = estimate(g, par, logCoordinate, analytic, step, side, g0, scale, rtol);
                if (s.clean() && s.entry().agrees()) {
                    return s.entry();
                }
            }
        }
        return central;
    }

    /**
     * One stencil's comparison, and whether it is clean: its differences converge at the h^2 rate (between 4- and
     * 8-fold per halving for a one-sided stencil, which also has an h^3 term) or agree to within the noise.
     */
    private record Estimate(Entry entry, boolean clean) {
    }

    /** One stencil's comparison: central (direction 0) or one-sided. */
    private static Estimate estimate(Line g, Parameter par, boolean logCoordinate, double analytic, double h,
                                     int direction, double g0, double scale, double rtol) {
        double d1 = difference(g, h, direction);
        double d2 = difference(g, h / 2, direction);
        double d4 = difference(g, h / 4, direction);
        double r1 = (4 * d2 - d1) / 3;
        double r2 = (4 * d4 - d2) / 3;
        double sigma = Math.max(noise(g, g0, direction), 4 * EPS * scale);
        // Richardson's estimate is trusted only where the differences converge at the h^2 rate it assumes
        // (successive errors shrinking about 4-fold; a one-sided difference also has an h^3 term, so 4- to 8-fold);
        // elsewhere (a kink such as data-constrained's U_N = N, a staircase of rounding) the raw differences between
        // the stencils bound the error instead
        double e1 = Math.abs(d1 - d2);
        double e2 = Math.abs(d2 - d4);
        boolean smooth = e2 == 0 ? e1 == 0 : e1 / e2 > 2.5 && e1 / e2 < (direction == 0 ? 6.5 : 10);
        double truncation = smooth ? Math.abs(r1 - r2) : Math.abs(r1 - r2) + e1 + e2;
        double allowed = rtol * Math.max(Math.abs(analytic), Math.abs(r2)) + 10 * truncation
                + 20 * sigma / h + Double.MIN_NORMAL;
        return new Estimate(new Entry(par.name(), logCoordinate ? "ln " + par.name() : par.name(), analytic, r2,
                allowed, sigma, direction != 0), smooth || e1 + e2 <= 20 * sigma / h);
    }

    /**
     * Asserts that every parameter's derivative agrees ({@link #compare}).
     *
     * @param law   the law
     * @param theta parameters
     * @param point covariates
     * @param space where to differentiate
     * @param rtol  relative tolerance
     * @throws AssertionError naming every parameter that disagrees
     */
    public static void assertAgrees(ScalingLaw law, double[] theta, double[] point, Space space, double rtol) {
        StringBuilder bad = new StringBuilder();
        for (Entry e : compare(law, theta, point, space, rtol)) {
            if (!e.agrees()) {
                bad.append("\n  ").append(e);
            }
        }
        if (bad.length() > 0) {
            throw new AssertionError(String.format(Locale.ROOT, "%s: analytic %s Jacobian disagrees with finite "
                            + "differences at theta %s, x %s:%s", law.name(), space == Space.LOG ? "log-space"
                            : "linear-space", Arrays.toString(theta), Arrays.toString(point), bad));
        }
    }

    /** 0 for a central stencil, +1 forward, -1 backward (when the central one would leave the bounds). */
    private static int direction(Parameter par, double t, double reach, boolean logCoordinate) {
        double down = logCoordinate ? t * Math.exp(-reach) : t - reach;
        double up = logCoordinate ? t * Math.exp(reach) : t + reach;
        boolean downOk = par.admits(down);
        boolean upOk = par.admits(up);
        if (downOk && upOk || !downOk && !upOk) {
            return 0;
        }
        return downOk ? -1 : 1;
    }

    private static double difference(Line g, double h, int direction) {
        if (direction == 0) {
            return (g.at(h) - g.at(-h)) / (2 * h);
        }
        double s = direction * h;
        return (-3 * g.at(0) + 4 * g.at(s) - g.at(2 * s)) / (2 * s);
    }

    /** ECnoise: sigma from the k-th differences of g on a fine stencil, the largest estimate over k = 4..6. */
    private static double noise(Line g, double g0, int direction) {
        int m = NOISE_ORDER + 1;
        double[] f = new double[m];
        double shift = direction == 0 ? -NOISE_STEP * NOISE_ORDER / 2.0 : 0;
        double sign = direction < 0 ? -1 : 1;
        for (int i = 0; i < m; i++) {
            f[i] = g.at(sign * (shift + i * NOISE_STEP));
        }
        double sigma = 2 * Math.ulp(Math.abs(g0));
        double gamma = 1;
        for (int k = 1; k <= NOISE_ORDER; k++) {
            for (int i = 0; i < m - k; i++) {
                f[i] = f[i + 1] - f[i];
            }
            // gamma_k = (k!)^2 / (2k)!
            gamma *= (double) k / (2 * (2 * k - 1));
            double ss = 0;
            for (int i = 0; i < m - k; i++) {
                ss += f[i] * f[i];
            }
            double est = Math.sqrt(gamma * ss / (m - k));
            // low orders still carry the slope and curvature (delta^k g^(k)); from k = 4 on they are rounding noise
            if (k >= 4 && Double.isFinite(est)) {
                sigma = Math.max(sigma, est);
            }
        }
        return sigma;
    }

    /** g along one fitting coordinate. */
    private static final class Line {
        private final ScalingLaw law;
        private final double[] theta;
        private final Columns x;
        private final Space space;
        private final int j;
        private final boolean log;
        private final double[] buffer = new double[1];

        Line(ScalingLaw law, double[] theta, Columns x, Space space, int j, boolean log) {
            this.law = law;
            this.theta = theta.clone();
            this.x = x;
            this.space = space;
            this.j = j;
            this.log = log;
        }

        double at(double du) {
            double[] t = theta.clone();
            t[j] = log ? theta[j] * Math.exp(du) : theta[j] + du;
            evaluate(law, t, x, space, buffer, null);
            return buffer[0];
        }
    }

    static void evaluate(ScalingLaw law, double[] theta, Columns x, Space space, double[] out, double[][] jac) {
        if (space == Space.LOG) {
            law.evaluateLog(theta, x, 0, 1, out, jac);
        } else {
            law.evaluate(theta, x, 0, 1, out, jac);
        }
    }

    static Columns columns(double[] point) {
        double[][] cols = new double[point.length][];
        for (int j = 0; j < point.length; j++) {
            cols[j] = new double[] {point[j]};
        }
        return Columns.of(cols);
    }
}
