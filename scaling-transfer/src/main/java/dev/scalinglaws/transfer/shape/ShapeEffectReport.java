/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer.shape;

import java.util.Locale;

/**
 * The outcome of a {@link ShapeEffectAnalysis}: the size-only and size-plus-shape fits, the likelihood-ratio
 * statistic with its chi-square(1) (Wilks) and parametric-bootstrap p-values, and the AIC difference.
 *
 * @param sizeLaw          the law in N
 * @param sizeOnly         fit of the null model (size only)
 * @param withShape        fit of the alternative (size plus gamma ln shape)
 * @param likelihoodRatio  LR = 2 (lnL_shape - lnL_size) = n ln(rss_size / rss_shape), &gt;= 0
 * @param wilksPValue      P(chi-square(1) &gt;= LR)
 * @param aicDifference    AIC_size - AIC_shape: positive when AIC prefers the shape term
 * @param bootstrapPValue  (1 + #{LR* &gt;= LR}) / (1 + successful resamples), NaN with no resamples
 * @param resamples        bootstrap resamples asked for
 * @param failedResamples  resamples whose LR* was not finite (excluded, never silently)
 * @param seed             bootstrap seed
 * @param significance     level at which {@link #shapeMatters()} decides
 */
public record ShapeEffectReport(SizeLaw sizeLaw, NestedFit sizeOnly, NestedFit withShape, double likelihoodRatio,
                                double wilksPValue, double aicDifference, double bootstrapPValue, int resamples,
                                int failedResamples, long seed, double significance) {

    /**
     * @return gamma, the change of the metric per unit of ln(shape) at fixed size
     */
    public double shapeCoefficient() {
        return withShape.estimate("gamma");
    }

    /**
     * @return the bootstrap p-value when resamples were drawn, else the Wilks p-value
     */
    public double pValue() {
        return resamples > failedResamples ? bootstrapPValue : wilksPValue;
    }

    /**
     * @return whether shape explains the metric beyond size: {@link #pValue()} below the significance level
     */
    public boolean shapeMatters() {
        return pValue() < significance;
    }

    /**
     * @return a one-sentence verdict with the numbers behind it
     */
    public String summary() {
        return String.format(Locale.ROOT,
                "shape %s beyond size (%s): gamma = %.4g per ln unit, LR = %.3f, Wilks p = %.4g, bootstrap p = %.4g "
                        + "(%d resamples, %d failed), AIC(size) - AIC(size+shape) = %.3f",
                shapeMatters() ? "matters" : "does not matter detectably", sizeLaw.formula(), shapeCoefficient(),
                likelihoodRatio, wilksPValue, bootstrapPValue, resamples, failedResamples, aicDifference);
    }
}
