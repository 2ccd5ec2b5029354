/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer.shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.fit.uncertainty.Resampling;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Does model shape explain a downstream metric beyond model size? (Tay et al. 2021, "Scale Efficiently",
 * arXiv:2109.10686: upstream loss follows parameter count almost regardless of shape, downstream quality does not.)
 *
 * <p>Two nested Gaussian least-squares models of the metric y of runs with size N and shape descriptor s
 * ({@link ShapeDescriptor}: depth or aspect ratio):
 *
 * <pre>
 *   size only:     y = f(N) + e,                 f(N) = E + A N^-alpha  or  a + b ln N
 *   size + shape:  y = f(N) + gamma ln s + e,    e ~ N(0, sigma^2)
 * </pre>
 *
 * compared by the likelihood ratio LR = n ln(RSS_size / RSS_shape) with (1) Wilks' chi-square(1) p-value, (2) AIC
 * (k counts sigma) and (3) a parametric-bootstrap p-value: B data sets y* = fitted_size + sigma_hat z, with
 * sigma_hat^2 = RSS_size / (n - k_size) and z standard normal, are refitted with both models, and
 * p = (1 + #{LR* &gt;= LR}) / (1 + B). Resample b draws from
 * {@code java.util.SplittableRandom(mix64(seed + 0x9E3779B97F4A7C15 (b + 1)))} (mix64: SplitMix64's finaliser) with
 * {@code RandomGenerator.nextGaussian()}, so results depend on nothing but (data, options).
 * For the power law, alpha is profiled over [0.005, 4] (log grid of 48 points, then Brent's method) and the
 * shape model is also evaluated at the size model's alpha, so that LR &gt;= 0 always.
 *
 * <p>The bootstrap p-value is the one to trust with few runs: the Wilks approximation is liberal for n around 20
 * (see {@code docs/shape.md} for measured false-positive rates). Immutable and thread-safe; each call allocates
 * its own workspaces.
 */
public final class ShapeEffectAnalysis {

    private final SizeLaw sizeLaw;
    private final int resamples;
    private final long seed;
    private final double significance;

    private ShapeEffectAnalysis(SizeLaw sizeLaw, int resamples, long seed, double significance) {
        if (sizeLaw == null) {
            throw new IllegalArgumentException("size law must not be null");
        }
        if (resamples < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "resamples must be non-negative: %d", resamples));
        }
        if (!(significance > 0 && significance < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "significance must lie in (0, 1): %s", significance));
        }
        this.sizeLaw = sizeLaw;
        this.resamples = resamples;
        this.seed = seed;
        this.significance = significance;
    }

    /**
     * @return power law in N, 999 bootstrap resamples, seed 0, significance 0.05
     */
    public static ShapeEffectAnalysis defaults() {
        return new ShapeEffectAnalysis(SizeLaw.POWER_LAW, 999, 0L, 0.05);
    }

    /**
     * @param value the law in N
     * @return new options
     */
    public ShapeEffectAnalysis withSizeLaw(SizeLaw value) {
        return new ShapeEffectAnalysis(value, resamples, seed, significance);
    }

    /**
     * @param value bootstrap resamples (0: Wilks only)
     * @return new options
     */
    public ShapeEffectAnalysis withResamples(int value) {
        return new ShapeEffectAnalysis(sizeLaw, value, seed, significance);
    }

    /**
     * @param value bootstrap seed
     * @return new options
     */
    public ShapeEffectAnalysis withSeed(long value) {
        return new ShapeEffectAnalysis(sizeLaw, resamples, value, significance);
    }

    /**
     * @param value significance level in (0, 1)
     * @return new options
     */
    public ShapeEffectAnalysis withSignificance(double value) {
        return new ShapeEffectAnalysis(sizeLaw, resamples, seed, value);
    }

    /**
     * @return the law in N
     */
    public SizeLaw sizeLaw() {
        return sizeLaw;
    }

    /**
     * @return bootstrap resamples
     */
    public int resamples() {
        return resamples;
    }

    /**
     * @return bootstrap seed
     */
    public long seed() {
        return seed;
    }

    /**
     * @return significance level
     */
    public double significance() {
        return significance;
    }

    /**
     * Tests runs given as columns of a dataset.
     *
     * @param data         one row per run
     * @param sizeColumn   N (parameters)
     * @param shapeColumn  shape descriptor (layers or d_model / layers)
     * @param metricColumn downstream metric
     * @return the report
     */
    public ShapeEffectReport test(Dataset data, String sizeColumn, String shapeColumn, String metricColumn) {
        return test(data.column(sizeColumn), data.column(shapeColumn), data.column(metricColumn));
    }

    /**
     * Tests whether shape explains the metric beyond size.
     *
     * @param size   N per run, &gt; 0
     * @param shape  shape descriptor per run, &gt; 0, not all equal
     * @param metric the downstream metric per run, finite
     * @return the report
     * @throws IllegalArgumentException naming the run and value of bad input, or too few runs
     */
    public ShapeEffectReport test(double[] size, double[] shape, double[] metric) {
        int n = size.length;
        if (shape.length != n || metric.length != n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "size, shape and metric differ in length: %d, %d, %d", n, shape.length, metric.length));
        }
        int kShape = sizeLaw.parameterNames().length + 1;
        if (n < kShape + 2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%d runs, but the size+shape model has %d coefficients: need at least %d runs", n, kShape,
                    kShape + 2));
        }
        boolean varies = false;
        for (int i = 0; i < n; i++) {
            check(size[i] > 0 && Double.isFinite(size[i]), "size", i, size[i]);
            check(shape[i] > 0 && Double.isFinite(shape[i]), "shape", i, shape[i]);
            check(Double.isFinite(metric[i]), "metric", i, metric[i]);
            varies |= shape[i] != shape[0];
        }
        if (!varies) {
            throw new IllegalArgumentException("the shape descriptor is the same for every run: nothing to test");
        }
        ProfiledLeastSquares ls = new ProfiledLeastSquares(sizeLaw, size, shape);
        ProfiledLeastSquares.Fit sizeOnly = ls.fit(metric, false, Double.NaN);
        ProfiledLeastSquares.Fit withShape = ls.fit(metric, true, alphaOf(sizeOnly));
        double lr = likelihoodRatio(n, sizeOnly.rss(), withShape.rss());
        double wilks = ChiSquaredDistribution.of(1).survivalProbability(lr);
        NestedFit nullFit = nested(sizeOnly, false, n);
        NestedFit altFit = nested(withShape, true, n);

        int kSize = kShape - 1;
        double sigma = Math.sqrt(sizeOnly.rss() / (n - kSize));
        double[] fitted = sizeOnly.fitted();
        double[] y = new double[n];
        int exceed = 0;
        int failed = 0;
        for (int b = 0; b < resamples; b++) {
            SplittableRandom random = new SplittableRandom(resampleSeed(seed, b));
            for (int i = 0; i < n; i++) {
                y[i] = fitted[i] + sigma * random.nextGaussian();
            }
            ProfiledLeastSquares.Fit f0 = ls.fit(y, false, Double.NaN);
            ProfiledLeastSquares.Fit f1 = ls.fit(y, true, alphaOf(f0));
            double lrStar = likelihoodRatio(n, f0.rss(), f1.rss());
            if (!Double.isFinite(lrStar)) {
                failed++;
            } else if (lrStar >= lr) {
                exceed++;
            }
        }
        int ok = resamples - failed;
        double bootstrap = ok > 0 ? (1.0 + exceed) / (1.0 + ok) : Double.NaN;
        return new ShapeEffectReport(sizeLaw, nullFit, altFit, lr, wilks, nullFit.aic() - altFit.aic(), bootstrap,
                resamples, failed, seed, significance);
    }

    /**
     * The seed of resample b: SplitMix64's finaliser (Stafford variant 13) of seed + 0x9E3779B97F4A7C15 (b + 1), so
     * that the streams of neighbouring resamples do not overlap.
     */
    static long resampleSeed(long seed, int b) {
        return Resampling.seed(seed, b);
    }

    private double alphaOf(ProfiledLeastSquares.Fit fit) {
        return sizeLaw == SizeLaw.POWER_LAW ? fit.estimates()[2] : Double.NaN;
    }

    private static double likelihoodRatio(int n, double rssSize, double rssShape) {
        if (!(rssShape > 0)) {
            return rssSize > 0 ? Double.POSITIVE_INFINITY : 0;
        }
        return Math.max(0, n * Math.log(rssSize / rssShape));
    }

    private NestedFit nested(ProfiledLeastSquares.Fit fit, boolean withShape, int n) {
        List<String> names = new ArrayList<>(List.of(sizeLaw.parameterNames()));
        String formula = sizeLaw.formula();
        if (withShape) {
            names.add("gamma");
            formula += " + gamma ln(shape)";
        }
        int k = names.size() + 1;
        double logL = -0.5 * n * (Math.log(2 * Math.PI * fit.rss() / n) + 1);
        return new NestedFit(formula, names, fit.estimates(), fit.rss(), n, logL, -2 * logL + 2 * k, fit.onBound());
    }

    private static void check(boolean ok, String what, int i, double value) {
        if (!ok) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "run %d: %s = %s must be %s", i + 1, what, value, what.equals("metric") ? "finite"
                            : "positive and finite"));
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ShapeEffectAnalysis[%s, resamples=%d, seed=%d, significance=%s]",
                sizeLaw, resamples, seed, significance);
    }
}
