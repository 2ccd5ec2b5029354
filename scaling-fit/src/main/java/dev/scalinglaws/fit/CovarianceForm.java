/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

/**
 * The estimator of a fit's asymptotic covariance (see {@link Covariance} for the formulas).
 */
public enum CovarianceForm {
    /** s^2 (J'WJ)^-1: valid for least squares with constant variance (Seber and Wild 1989, sec. 2.1). */
    GAUSS_NEWTON,
    /** n/(n-p) B^-1 M B^-1: robust to the loss and to heteroskedasticity (Huber 1967; White 1980). */
    SANDWICH,
    /**
     * The sandwich with Huber's kinked psi' replaced by its Gaussian-kernel smoothing
     * psi'_h(r) = Phi((delta - r)/h) - Phi((-delta - r)/h), h = 0.9 min(sd, IQR/1.349) n^(-1/5) (Silverman's
     * rule on the residuals): Powell's (1991) kernel estimate of the bread of a median-type estimator
     * (Koenker 2005, Quantile Regression, sec. 3.4). Identical to {@link #SANDWICH} for smooth losses. The
     * library's recommended form, and the one behind {@link FitResult#parameters()}' standard errors.
     */
    SMOOTHED_SANDWICH
}
