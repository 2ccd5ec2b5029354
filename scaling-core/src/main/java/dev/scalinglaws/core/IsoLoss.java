/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import java.util.List;
import java.util.Locale;

/**
 * Points on an iso-loss contour of a law in (N, D): with one of N, D held fixed, the other at which the law reaches a
 * loss, L(N, x) = loss or L(x, D) = loss (e.g. Hoffmann et al. 2022, arXiv:2203.15556, figure 3's iso-loss
 * contours; the tokens a 7B model needs to reach a target loss).
 *
 * <p>The root is found by bisection on u = ln x in [lnLower, lnUpper], for a law that decreases in the free
 * covariate: while L(e^mid) &gt; loss the lower end moves up to mid, else the upper end moves down. Bisection,
 * rather than Brent's method, because it keeps the invariant L(e^lower) &gt; loss &gt;= L(e^upper) exactly and
 * needs only the sign; it stops when the two ends are adjacent doubles (or after 200 halvings), so the bracket is as
 * narrow as the arithmetic allows. A loss not bracketed leaves the bracket at an end: callers check
 * {@link Bracket#reached(double)} (the law at the upper end is at most the loss) and, if they need it, the lower end.
 *
 * <p>Stateless and thread-safe.
 */
public final class IsoLoss {

    /** At most this many halvings; a bracket of width w in ln x needs about log2(w / ulp) of them. */
    static final int MAX_HALVINGS = 200;

    private IsoLoss() {
    }

    /**
     * The final bracket of a bisection, in ln x.
     *
     * @param lnLower     ln x at the lower end (the law above the loss there, unless it is the starting end)
     * @param lnUpper     ln x at the upper end (the law at most the loss there when {@code reached})
     * @param lossAtUpper the law at the starting upper end e^lnUpper, before any halving
     */
    public record Bracket(double lnLower, double lnUpper, double lossAtUpper) {

        /** {@return e^lnUpper: the least x found at which the law is at most the loss} */
        public double upper() {
            return Math.exp(lnUpper);
        }

        /**
         * Whether the starting upper end reaches the loss, so that the bracket holds a root.
         *
         * @param loss the loss searched for
         * @return {@code lossAtUpper <= loss}
         */
        public boolean reached(double loss) {
            return lossAtUpper <= loss;
        }

        /** {@return e^((lnLower + lnUpper) / 2)} */
        public double midpoint() {
            return Math.exp(0.5 * (lnLower + lnUpper));
        }
    }

    /**
     * The tokens D at which L(n, D) = loss, with the parameters N fixed.
     *
     * @param law     a law in (N, D)
     * @param theta   its parameters
     * @param n       the fixed N
     * @param loss    the loss to reach
     * @param lnLower ln D at the lower end of the search
     * @param lnUpper ln D at the upper end
     * @return the bracket; {@link Bracket#reached(double)} says whether e^lnUpper reaches the loss
     */
    public static Bracket tokensForLoss(ScalingLaw law, double[] theta, double n, double loss, double lnLower,
                                        double lnUpper) {
        checkLaw(law);
        return bisect(x -> law.value(theta, n, x), loss, lnLower, lnUpper);
    }

    /**
     * The parameters N at which L(N, d) = loss, with the tokens D fixed.
     *
     * @param law     a law in (N, D)
     * @param theta   its parameters
     * @param d       the fixed D
     * @param loss    the loss to reach
     * @param lnLower ln N at the lower end of the search
     * @param lnUpper ln N at the upper end
     * @return the bracket
     */
    public static Bracket parametersForLoss(ScalingLaw law, double[] theta, double d, double loss, double lnLower,
                                            double lnUpper) {
        checkLaw(law);
        return bisect(x -> law.value(theta, x, d), loss, lnLower, lnUpper);
    }

    private static Bracket bisect(java.util.function.DoubleUnaryOperator f, double loss, double lnLower,
                                  double lnUpper) {
        if (!(lnLower < lnUpper)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the search needs lnLower < lnUpper, got [%s, %s]", lnLower, lnUpper));
        }
        double atUpper = f.applyAsDouble(Math.exp(lnUpper));
        double lo = lnLower;
        double hi = lnUpper;
        for (int it = 0; it < MAX_HALVINGS; it++) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) {
                break; // adjacent doubles: further halvings change nothing
            }
            if (f.applyAsDouble(Math.exp(mid)) > loss) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new Bracket(lo, hi, atUpper);
    }

    private static void checkLaw(ScalingLaw law) {
        if (!law.covariates().equals(List.of("N", "D"))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "iso-loss points need a law in (N, D); %s takes %s", law.name(), law.covariates()));
        }
    }
}
