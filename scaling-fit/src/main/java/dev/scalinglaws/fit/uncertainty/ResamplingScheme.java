/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

/**
 * How a bootstrap resample is drawn (Davison and Hinkley 1997, Bootstrap Methods and their Application, ch. 2, 3
 * and 6). Every scheme keeps the covariates; case and cluster schemes are row multiplicity weights (no data is
 * copied), the residual-based schemes build a new response y* from the fitted values f and the residuals r = f - y in
 * the fit's residual space (log or linear).
 */
public enum ResamplingScheme {
    /** Case (pairs) resampling: n rows drawn with replacement (Davison and Hinkley 1997, sec. 6.2.4). */
    CASE,
    /**
     * Cluster resampling: the G groups ({@link dev.scalinglaws.core.Dataset#groupIndices()}) drawn with replacement,
     * each bringing all its rows (Davison and Hinkley 1997, sec. 3.8). Needs a group column.
     */
    CLUSTER,
    /**
     * Model-based residual resampling: y*_i = f_i - e*_i with e* drawn with replacement from the centred residuals
     * scaled by sqrt(n/(n-p)) (Davison and Hinkley 1997, Alg. 6.1). Assumes exchangeable errors.
     */
    RESIDUAL,
    /**
     * Wild bootstrap with Rademacher multipliers: y*_i = f_i - r_i sqrt(n/(n-p)) v_i, v_i = +-1 with probability
     * 1/2 (Wu 1986, Ann. Statist. 14, 1261-1295; Liu 1988). Robust to heteroskedasticity.
     */
    WILD_RADEMACHER,
    /**
     * Wild bootstrap with Mammen's two-point multipliers v = -(sqrt5-1)/2 with probability (sqrt5+1)/(2 sqrt5),
     * else (sqrt5+1)/2, so that E v = 0, E v^2 = E v^3 = 1 (Mammen 1993, Ann. Statist. 21, 255-285).
     */
    WILD_MAMMEN,
    /**
     * Wild cluster bootstrap with Webb's six-point multipliers: one multiplier v_g per cluster (group), drawn from
     * {-sqrt(3/2), -1, -sqrt(1/2), sqrt(1/2), 1, sqrt(3/2)} with probability 1/6 each (E v = 0, E v^2 = 1,
     * E v^4 = 7/6),
     * and y*_i = f_i - c r~_i v_g(i), where r~ are the jackknife residuals f^(-g)_i - y_i (each cluster predicted by
     * the fit without it: the CV3-type transformation) and c = sqrt((G-1)/G) (Cameron, Gelbach and Miller 2008,
     * Rev. Econ. Stat. 90, 414; Webb 2023, Can. J. Econ. 56, 839; MacKinnon, Nielsen and Webb 2023, J. Appl.
     * Econometrics 38, 671). Keeps every cluster in every resample, so it stays usable with few clusters, where
     * resampling whole clusters (CLUSTER) leaves out a third of them each time; six points give 6^G distinct resamples
     * where Rademacher's two give only 2^G (128 for G = 7). Needs a group column.
     */
    WILD_CLUSTER;

    /**
     * {@return whether the scheme draws per cluster and needs {@link dev.scalinglaws.core.Dataset#groupIndices()}}
     */

    public boolean clustered() {
        return this == CLUSTER || this == WILD_CLUSTER;
    }
}
