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
 */
public record Goodness(int n, int freeParameters, double rmseLog, double logLikelihood, double aic, double aicc,
                       double bic) implements java.io.Serializable {
}
