/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.internal;

import java.util.function.DoubleUnaryOperator;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.AllowedSolution;
import org.apache.commons.math3.analysis.solvers.BracketingNthOrderBrentSolver;

/**
 * The one bracketing root search of scaling-core: the tightest bracket [lo, hi] of the sign change of an increasing
 * function, r(lo) &lt; 0 &lt;= r(hi), down to adjacent doubles. Commons Math's {@link BracketingNthOrderBrentSolver}
 * (order 5) chooses the points; the function it sees records the tightest bracket evaluated and never reports a
 * zero (an exact zero counts as the upper side, NaN too, as in a bisection on the sign), so the solver stops only
 * when its bracket meets the relative accuracy 2^-52. Not API: the package is not exported.
 */
public final class Brackets {

    /** At most this many evaluations; a bracket of width w needs about log2(w / ulp) / 2 of them. */
    public static final int MAX_EVALUATIONS = 400;

    private Brackets() {
    }

    /**
     * The tightest bracket of the sign change of r on [lo, hi].
     *
     * @param r  an increasing function with r(lo) &lt; 0 and r(hi) &gt;= 0 (or NaN), which the caller has checked
     * @param lo the lower end
     * @param hi the upper end
     * @return {lower, upper}: r(lower) &lt; 0, r(upper) &gt;= 0 or NaN, adjacent doubles or as near as 400
     *         evaluations get
     */
    public static double[] signChange(DoubleUnaryOperator r, double lo, double hi) {
        double[] bracket = {lo, hi};
        UnivariateFunction g = x -> {
            double v = r.applyAsDouble(x);
            if (v < 0) {
                bracket[0] = Math.max(bracket[0], x);
                return Math.min(v, -Double.MIN_NORMAL);
            }
            bracket[1] = Math.min(bracket[1], x);
            return Double.isNaN(v) ? 1 : Math.max(v, Double.MIN_NORMAL);
        };
        new BracketingNthOrderBrentSolver(Math.ulp(1.0), Double.MIN_VALUE, 0, 5).solve(MAX_EVALUATIONS, g, lo, hi,
                AllowedSolution.ANY_SIDE);
        return bracket;
    }
}
