/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;


import java.util.List;
import java.util.Locale;

import dev.scalinglaws.core.internal.Brackets;

/**
 * Points on an iso-loss contour of a law in (N, D): with one of N, D held fixed, the other at which the law reaches a
 * loss, L(N, x) = loss or L(x, D) = loss (e.g. Hoffmann et al. 2022, arXiv:2203.15556, figure 3's iso-loss
 * contours; the tokens a 7B model needs to reach a target loss).
 *
 * <p>The root is found on u = ln x in [lnLower, lnUpper], for a law that decreases in the free covariate, by
 * Commons Math's {@code BracketingNthOrderBrentSolver} (inverse polynomial interpolation of order up to 5 that keeps
 * a bracket, falling back to bisection) on h(u) = loss - L(e^u), through scaling-core's one bracketing search (at
 * most 400 evaluations). The bracket returned is the tightest the solver
 * evaluated: the greatest u at which L(e^u) &gt; loss and the least u at which L(e^u) &lt;= loss, so the invariant
 * L(e^lower) &gt; loss &gt;= L(e^upper) holds exactly . It stops
 * when the bracket is at most 2^-52 max(|lower|, |upper|) + 2^-1074 wide, that is within two doubles of the
 * narrowest the arithmetic allows (adjacent doubles unless the ends straddle a power of two). A loss not bracketed
 * leaves the bracket at an end, as a bisection would (the end and its neighbouring double inside [lnLower, lnUpper]):
 * callers check {@link Bracket#reached(double)} (the law at the upper end is at most the loss) and, if they need it,
 * the lower end.
 *
 * <p>Stateless and thread-safe.
 */
public final class IsoLoss {

    private IsoLoss() {
    }

    /**
     * The final bracket of the search, in ln x.
     *
     * @param lnLower     ln x at the lower end (the law above the loss there, unless it is the starting end)
     * @param lnUpper     ln x at the upper end (the law at most the loss there when {@code reached})
     * @param lossAtUpper the law at the starting upper end e^lnUpper, before the search
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
        return search(x -> law.value(theta, n, x), loss, lnLower, lnUpper);
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
        return search(x -> law.value(theta, x, d), loss, lnLower, lnUpper);
    }

    private static Bracket search(java.util.function.DoubleUnaryOperator f, double loss, double lnLower,
                                  double lnUpper) {
        if (!(lnLower < lnUpper)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the search needs lnLower < lnUpper, got [%s, %s]", lnLower, lnUpper));
        }
        double atUpper = f.applyAsDouble(Math.exp(lnUpper));
        if (!(atUpper <= loss)) {
            return new Bracket(Math.nextDown(lnUpper), lnUpper, atUpper); // not reached within the search
        }
        if (!(f.applyAsDouble(Math.exp(lnLower)) > loss)) {
            return new Bracket(lnLower, Math.nextUp(lnLower), atUpper); // reached already at the lower end
        }
        // L decreasing in x: loss - L(e^u) increases in u, negative while the loss is not reached (NaN: reached)
        double[] bracket = Brackets.signChange(u -> loss - f.applyAsDouble(Math.exp(u)), lnLower, lnUpper);
        return new Bracket(bracket[0], bracket[1], atUpper);
    }

    private static void checkLaw(ScalingLaw law) {
        if (!law.covariates().equals(List.of("N", "D"))) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "iso-loss points need a law in (N, D); %s takes %s", law.name(), law.covariates()));
        }
    }
}
