/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.approaches;

import java.util.List;
import java.util.Locale;

import dev.scalinglaws.fit.uncertainty.Interval;

/**
 * The outcome of {@link IsoFlop#fit}: every isoFLOP curve with its minimum, the allocation laws N*(C) = k C^a and
 * D*(C) = k' C^b through the minima of the used curves, the compute-optimal loss L*(C) = E + A C^-alpha, and notes
 * for the user (how budgets were grouped, which curves were excluded and why).
 *
 * <p>Immutable.
 *
 * @param group       the group label (a value of the grouping column), or null for the whole data
 * @param options     the options used
 * @param budgets     every curve, in increasing C
 * @param nFit        N*(C) = k C^a, weighted by 1 / sd(ln N*)^2
 * @param dFit        D*(C) = k' C^b, same weights
 * @param lossFit     L*(C) = E + A C^-alpha, or null when fewer than 4 curves were used
 * @param rows        input rows
 * @param diagnostics notes: grouping, exclusions, a + b
 * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
 *         undocumented; the serialized form is exactly the components, documented above)
 */
public record IsoFlopResult(String group, IsoFlopOptions options, List<Budget> budgets, PowerFit nFit, PowerFit dFit,
                            LossFit lossFit, int rows, List<String> diagnostics) implements java.io.Serializable {

    /**
     * Copies the lists.
     *
     * @param group       the group label, or null for the whole data
     * @param options     the options used
     * @param budgets     every curve, in increasing C; copied
     * @param nFit        N*(C) = k C^a
     * @param dFit        D*(C) = k' C^b
     * @param lossFit     L*(C) = E + A C^-alpha, or null when fewer than 4 curves were used
     * @param rows        input rows
     * @param diagnostics notes for the user; copied
     * @throws NullPointerException if budgets or diagnostics is null or holds null
     */
    public IsoFlopResult {
        budgets = List.copyOf(budgets);
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * The compute-optimal loss L*(C) = E + A C^-alpha fitted through the curves' minima (squared log residuals,
     * {@link dev.scalinglaws.core.SaturatingPowerLaw}), with Gauss-Newton Wald intervals.
     *
     * @param e     E
     * @param a     A
     * @param alpha alpha
     * @param converged whether the fit converged
     * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
     *         undocumented; the serialized form is exactly the components, documented above)
     */
    public record LossFit(Interval e, Interval a, Interval alpha, boolean converged) implements java.io.Serializable {
    }

    /** {@return the exponent a of N*(C)} */
    public Interval a() {
        return nFit.exponent();
    }

    /** {@return the exponent b of D*(C)} */
    public Interval b() {
        return dFit.exponent();
    }

    /** {@return the coefficient k of N*(C)} */
    public Interval k() {
        return nFit.coefficient();
    }

    /** {@return a + b (point estimates): 1 when every D = C / 6N (then b = 1 - a by construction)} */
    public double exponentSum() {
        return a().estimate() + b().estimate();
    }

    /** {@return the curves that entered the fits, in increasing C} */

    public List<Budget> usedBudgets() {
        return budgets.stream().filter(Budget::used).toList();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "isoflop%s: %d of %d curves used; %s; %s", group == null ? "" : " " + group,
                usedBudgets().size(), budgets.size(), nFit, dFit);
    }
}
