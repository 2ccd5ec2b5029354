/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

/**
 * Goodness of fit.
 *
 * @param n              rows used (non-zero weight)
 * @param freeParameters parameters fitted (pinned ones excluded; a fitted likelihood scale included)
 * @param rmseLog        sqrt(mean (ln f_i - ln y_i)^2) over used rows, no degrees-of-freedom correction
 * @param logLikelihood  maximised log-likelihood where the loss defines one (squared: Gaussian with the variance
 *                       profiled out; huber-mle: the Huber density), NaN otherwise. Plain {@code huber},
 *                       {@code soft-l1} and {@code cauchy} give NaN on purpose: their fits fix the residual scale
 *                       at 1 (delta is in residual units), and profiling a scale at their estimate would not be a
 *                       maximised likelihood, so AIC/BIC would be biased; fit {@code huber-mle} to compare models
 * @param aic            Akaike information criterion -2 lnL + 2k, NaN without a likelihood
 * @param aicc           AIC with the small-sample correction 2k(k+1)/(n-k-1)
 * @param bic            Bayesian information criterion -2 lnL + k ln n
 * @param rSquaredLog    coefficient of determination of the log response, 1 - SUM w (ln y - ln f)^2 /
 *                       SUM w (ln y - mean_w ln y)^2 over used rows (NaN where the response is not positive)
 * @param rSquaredLinear coefficient of determination of the response itself, 1 - SUM w (y - f)^2 /
 *                       SUM w (y - mean_w y)^2, as Muennighoff et al. 2023 (arXiv:2305.16264) report it
 * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
 *         undocumented; the serialized form is exactly the components, documented above)
 */
public record Goodness(int n, int freeParameters, double rmseLog, double logLikelihood, double aic, double aicc,
                       double bic, double rSquaredLog, double rSquaredLinear) implements java.io.Serializable {

    /**
     * Goodness of fit without the coefficients of determination (both NaN).
     *
     * @param n              rows used
     * @param freeParameters parameters fitted
     * @param rmseLog        root mean squared log residual
     * @param logLikelihood  maximised log-likelihood or NaN
     * @param aic            AIC or NaN
     * @param aicc           corrected AIC or NaN
     * @param bic            BIC or NaN
     */
    public Goodness(int n, int freeParameters, double rmseLog, double logLikelihood, double aic, double aicc,
                    double bic) {
        this(n, freeParameters, rmseLog, logLikelihood, aic, aicc, bic, Double.NaN, Double.NaN);
    }

    /**
     * The weighted coefficient of determination 1 - SUM w (y - f)^2 / SUM w (y - ybar)^2 over rows of positive weight.
     *
     * @param observed observed values
     * @param fitted   fitted values
     * @param weights  row weights
     * @return R^2, NaN if a used value is not finite or the observed values do not vary
     */
    public static double rSquared(double[] observed, double[] fitted, double[] weights) {
        double sw = 0;
        double mean = 0;
        for (int i = 0; i < observed.length; i++) {
            if (weights[i] > 0) {
                sw += weights[i];
                mean += weights[i] * observed[i];
            }
        }
        mean /= sw;
        double rss = 0;
        double tss = 0;
        for (int i = 0; i < observed.length; i++) {
            if (weights[i] > 0) {
                double r = observed[i] - fitted[i];
                double t = observed[i] - mean;
                rss += weights[i] * r * r;
                tss += weights[i] * t * t;
            }
        }
        return tss > 0 && Double.isFinite(rss) ? 1 - rss / tss : Double.NaN;
    }
}
