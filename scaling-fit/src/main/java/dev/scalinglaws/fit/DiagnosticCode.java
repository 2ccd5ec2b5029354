/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

/**
 * What a {@link Diagnostic} says. The thresholds behind each code are documented on {@link FitDiagnostics}.
 */
public enum DiagnosticCode {
    /**
     * The design cannot determine the parameters: an exactly collinear design (D proportional to N: ln D an affine
     * function of ln N), a covariate with a single value, fewer distinct design points than free parameters, or a
     * singular scaled Gauss-Newton matrix at the optimum. Severity error; the fit's status becomes
     * {@link FitStatus#NOT_IDENTIFIABLE}.
     */
    NOT_IDENTIFIABLE,
    /** A free parameter sits on, or within tolerance of, a bound (for example E at its lower bound 0). */
    AT_BOUND,
    /** Rows whose residual is extreme on a robust (MAD) scale; the message names them. */
    OUTLIER,
    /**
     * A parameter the data determine only weakly: relative standard error above 1, more than 1% disagreement among
     * starts that end within 1e-6 of the best objective, or an interval spanning more than two orders of magnitude.
     */
    WEAKLY_DETERMINED,
    /** The fitted irreducible loss E lies above the lowest observed loss by more than the noise allows. */
    IRREDUCIBLE_ABOVE_DATA,
    /**
     * The residuals of the largest-scale rows (top compute decile, or largest budget) all have one sign and a mean
     * beyond the noise: the law misfits where it will be extrapolated.
     */
    FRONTIER_BIAS,
    /** Two parameters whose estimates are correlated beyond 0.99 (information: typical of scaling laws). */
    HIGH_CORRELATION,
    /** More bootstrap refits failed than the tolerance allows. */
    REFITS_FAILED,
    /** A cluster bootstrap with few clusters: intervals rest on few independent units. */
    FEW_CLUSTERS,
    /** A prediction or held-out point beyond the fitted data's range. */
    EXTRAPOLATION
}
