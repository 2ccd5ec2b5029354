/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

/**
 * How a bootstrap interval is read off the replicates theta*_1..B of a quantity with full-data estimate theta^
 * (Efron and Tibshirani 1993, ch. 13-14; Davison and Hinkley 1997, ch. 5). Quantiles are Hyndman and Fan's type 7.
 */
public enum IntervalMethod {
    /** [q(alpha/2), q(1 - alpha/2)] of the replicates (Efron 1979). */
    PERCENTILE,
    /** Basic (reverse percentile): [2 theta^ - q(1 - alpha/2), 2 theta^ - q(alpha/2)] (Davison and Hinkley, 5.6). */
    BASIC,
    /**
     * Bias-corrected and accelerated (Efron 1987, JASA 82, 171-185): quantiles at
     * Phi(z0 + (z0 + z)/(1 - a (z0 + z))) for z = z_{alpha/2}, z_{1-alpha/2}, with bias correction
     * z0 = Phi^-1(#{theta* &lt; theta^}/B) (ties count one half) and acceleration from the jackknife,
     * a = SUM d_i^3 / (6 (SUM d_i^2)^(3/2)), d_i = mean(theta_(.)) - theta_(i).
     */
    BCA,
    /**
     * Hesterberg's expanded percentile interval (Hesterberg 2015, Am. Stat. 69, 371-386, sec. 5.2): the percentile
     * interval at the widened level alpha'/2 = Phi(-sqrt(m/(m-1)) t_{m-1, 1-alpha/2}), m the number of independent
     * units resampled (clusters for clustered schemes, rows otherwise). It corrects the percentile interval's
     * narrowness in small samples (the bootstrap variance has divisor m, and a normal rather than Student quantile);
     * with m = 7 clusters a 95% interval uses the 0.4% and 99.6% quantiles.
     */
    EXPANDED_PERCENTILE;

    /** {@return the {@link Interval.Method} of the intervals this reads off the replicates} */
    public Interval.Method intervalMethod() {
        return switch (this) {
            case PERCENTILE -> Interval.Method.BOOTSTRAP_PERCENTILE;
            case BASIC -> Interval.Method.BOOTSTRAP_BASIC;
            case BCA -> Interval.Method.BOOTSTRAP_BCA;
            case EXPANDED_PERCENTILE -> Interval.Method.BOOTSTRAP_EXPANDED_PERCENTILE;
        };
    }
}
