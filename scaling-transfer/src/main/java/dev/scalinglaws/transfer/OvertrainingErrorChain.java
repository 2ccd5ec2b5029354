/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.OvertrainingLaw;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Loss;
import dev.scalinglaws.fit.Parallelism;
import dev.scalinglaws.fit.ResidualSpace;
import dev.scalinglaws.fit.Starts;
import dev.scalinglaws.fit.uncertainty.Resampling;

/**
 * The two-stage prediction of downstream error from model size and data (Gadre et al. 2024, "Language models scale
 * reliably with over-training and on downstream tasks", arXiv:2403.08540):
 *
 * <pre>
 *   (N, D)  --OvertrainingLaw-->  L = E + (a M^eta + b M^-eta) C^-eta  --LossToErrorLaw-->  Err = eps - k exp(-gamma L)
 * </pre>
 *
 * The loss law is fitted on the runs marked for it (columns {@code N}, {@code D}, {@code loss}), the error law on the
 * runs marked for it (covariate = their observed {@code loss}, response {@code error}); a prediction at (N, D) feeds
 * the fitted loss into the fitted error law.
 *
 * <p>Uncertainty: {@link #bootstrap} is a joint case bootstrap over runs. Resample i draws as many runs as there are
 * (with replacement) from all runs, using a {@link SplittableRandom} seeded with {@code mix(seed, i)} (SplitMix64's
 * finaliser of seed + (i + 1) times the golden gamma); both laws are refitted on the drawn runs (multiplicities as row
 * weights, so a run drawn twice counts twice in each fit it belongs to), and the chain's prediction is stored at index
 * i. Results are reduced in index order, so they are identical for any thread count. A resample whose fit fails
 * (fewer distinct runs than free parameters, or a fit that does not converge) is counted in
 * {@link Bootstrap#failed()} and left out of the percentiles, never silently dropped.
 *
 * <p>Defaults follow the paper: unweighted least squares on linear residuals for both laws; the loss law from 128
 * Sobol starts plus the published C4 constants, the error law from 64 Sobol starts plus the published constants.
 * Immutable and thread-safe.
 */
public final class OvertrainingErrorChain {

    /** Gadre et al.'s published over-training fit (C4): {E, a, b, eta} = {1.51, 141, 190, 0.121}. */
    public static final List<Double> PUBLISHED_LOSS_C4 = List.of(1.51, 141.0, 190.0, 0.121);

    private final FitSpec lossSpec;
    private final FitSpec errorSpec;

    private OvertrainingErrorChain(FitSpec lossSpec, FitSpec errorSpec) {
        this.lossSpec = Objects.requireNonNull(lossSpec, "lossSpec");
        this.errorSpec = Objects.requireNonNull(errorSpec, "errorSpec");
    }

    /**
     * The paper's protocol (see the class comment); one thread per fit.
     *
     * @return the chain
     */
    public static OvertrainingErrorChain defaults() {
        FitSpec base = FitSpec.defaults().withResidual(ResidualSpace.LINEAR).withLoss(Loss.squared()).withThreads(1);
        List<double[]> lossStarts = new ArrayList<>(Starts.sobol(128, 0).points(OvertrainingLaw.INSTANCE));
        lossStarts.add(PUBLISHED_LOSS_C4.stream().mapToDouble(Double::doubleValue).toArray());
        List<double[]> errorStarts = new ArrayList<>(Starts.sobol(64, 0).points(LossToErrorLaw.INSTANCE));
        errorStarts.add(LossToErrorLaw.PUBLISHED_C4.stream().mapToDouble(Double::doubleValue).toArray());
        return new OvertrainingErrorChain(base.withStarts(Starts.of(lossStarts)),
                base.withStarts(Starts.of(errorStarts)));
    }

    /**
     * @param spec how to fit the loss law
     * @return a new chain
     */
    public OvertrainingErrorChain withLossSpec(FitSpec spec) {
        return new OvertrainingErrorChain(spec, errorSpec);
    }

    /**
     * @param spec how to fit the error law
     * @return a new chain
     */
    public OvertrainingErrorChain withErrorSpec(FitSpec spec) {
        return new OvertrainingErrorChain(lossSpec, spec);
    }

    /**
     * @return the loss-law spec
     */
    public FitSpec lossSpec() {
        return lossSpec;
    }

    /**
     * @return the error-law spec
     */
    public FitSpec errorSpec() {
        return errorSpec;
    }

    /**
     * The two fits.
     *
     * @param loss  the over-training law's fit
     * @param error the loss-to-error law's fit
     */
    public record Fitted(FitResult loss, FitResult error) {

        /**
         * The predicted loss at (N, D).
         *
         * @param n parameters
         * @param d tokens
         * @return L(N, D)
         */
        public double predictLoss(double n, double d) {
            return loss.predict(n, d);
        }

        /**
         * The predicted error at (N, D): Err(L(N, D)).
         *
         * @param n parameters
         * @param d tokens
         * @return the error
         */
        public double predictError(double n, double d) {
            return error.predict(predictLoss(n, d));
        }

        /**
         * @return whether both fits converged
         */
        public boolean converged() {
            return loss.converged() && error.converged();
        }
    }

    /**
     * Fits both stages.
     *
     * @param runs       one row per training run: columns {@code N}, {@code D}, {@code loss}, {@code error}
     * @param forLoss    which runs the loss law is fitted on
     * @param forError   which runs the error law is fitted on
     * @return the fits
     */
    public Fitted fit(Dataset runs, boolean[] forLoss, boolean[] forError) {
        double[] ones = new double[runs.size()];
        Arrays.fill(ones, 1);
        return fitWeighted(runs, forLoss, forError, ones);
    }

    private Fitted fitWeighted(Dataset runs, boolean[] forLoss, boolean[] forError, double[] multiplicity) {
        if (forLoss.length != runs.size() || forError.length != runs.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "run masks have %d and %d entries, the data %d rows", forLoss.length, forError.length,
                    runs.size()));
        }
        double[] wLoss = new double[runs.size()];
        double[] wError = new double[runs.size()];
        for (int i = 0; i < wLoss.length; i++) {
            wLoss[i] = forLoss[i] ? multiplicity[i] : 0;
            wError[i] = forError[i] ? multiplicity[i] : 0;
        }
        Dataset lossData = runs.filter(i -> forLoss[i]).withColumn("chain.weight", select(wLoss, forLoss))
                .withWeights("chain.weight");
        Dataset errorData = runs.filter(i -> forError[i]).withColumn("chain.weight", select(wError, forError))
                .withWeights("chain.weight");
        FitResult lossFit = Fitter.fit(OvertrainingLaw.INSTANCE, lossData, lossSpec);
        FitResult errorFit = Fitter.fit(LossToErrorLaw.INSTANCE, errorData, errorSpec);
        return new Fitted(lossFit, errorFit);
    }

    private static double[] select(double[] v, boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            if (b) {
                n++;
            }
        }
        double[] out = new double[n];
        for (int i = 0, j = 0; i < v.length; i++) {
            if (mask[i]) {
                out[j++] = v[i];
            }
        }
        return out;
    }

    /**
     * Bootstrap predictions of loss and error at points (N, D).
     *
     * @param seed        the seed
     * @param resamples   resamples requested
     * @param failed      resamples whose fits failed (excluded from the percentiles)
     * @param loss        loss[i][q]: resample i's predicted loss at point q (NaN for a failed resample)
     * @param error       error[i][q]: resample i's predicted error at point q (NaN for a failed resample)
     */
    public record Bootstrap(long seed, int resamples, int failed, double[][] loss, double[][] error) {

        /**
         * Deep copies.
         *
         * @param seed      the seed
         * @param resamples resamples requested
         * @param failed    failed resamples
         * @param loss      predicted losses by resample and point
         * @param error     predicted errors by resample and point
         */
        public Bootstrap {
            loss = deepCopy(loss);
            error = deepCopy(error);
        }

        /**
         * @return a copy of the predicted losses
         */
        @Override
        public double[][] loss() {
            return deepCopy(loss);
        }

        /**
         * @return a copy of the predicted errors
         */
        @Override
        public double[][] error() {
            return deepCopy(error);
        }

        /**
         * A percentile interval of the predicted error at point q over the successful resamples.
         *
         * @param q     point index
         * @param level coverage, e.g. 0.95
         * @return {lower, upper}
         */
        public double[] errorInterval(int q, double level) {
            return percentile(error, q, level);
        }

        /**
         * A percentile interval of the predicted loss at point q over the successful resamples.
         *
         * @param q     point index
         * @param level coverage, e.g. 0.95
         * @return {lower, upper}
         */
        public double[] lossInterval(int q, double level) {
            return percentile(loss, q, level);
        }

        private static double[] percentile(double[][] values, int q, double level) {
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("level must lie in (0, 1): " + level);
            }
            double[] v = Arrays.stream(values).mapToDouble(r -> r[q]).filter(Double::isFinite).sorted().toArray();
            if (v.length == 0) {
                return new double[] {Double.NaN, Double.NaN};
            }
            double a = (1 - level) / 2;
            return new double[] {Resampling.quantile(v, a), Resampling.quantile(v, 1 - a)};
        }

        private static double[][] deepCopy(double[][] m) {
            double[][] out = new double[m.length][];
            for (int i = 0; i < m.length; i++) {
                out[i] = m[i].clone();
            }
            return out;
        }

        /** Equal when every component is, arrays compared by content. */
        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Bootstrap o)) {
                return false;
            }
            return seed == o.seed && resamples == o.resamples && failed == o.failed
                    && java.util.Arrays.deepEquals(loss, o.loss) && java.util.Arrays.deepEquals(error, o.error);
        }

        /** Consistent with {@link #equals}. */
        @Override
        public int hashCode() {
            int h = 17;
            h = 31 * h + Long.hashCode(seed);
            h = 31 * h + resamples;
            h = 31 * h + failed;
            h = 31 * h + java.util.Arrays.deepHashCode(loss);
            h = 31 * h + java.util.Arrays.deepHashCode(error);
            return h;
        }
    }

    /**
     * The joint case bootstrap (see the class comment).
     *
     * @param runs      the runs (as for {@link #fit})
     * @param forLoss   runs of the loss fit
     * @param forError  runs of the error fit
     * @param points    prediction points {N, D}
     * @param resamples number of resamples, &gt;= 1
     * @param seed      seed
     * @param threads   worker threads, &gt;= 1 (the result does not depend on it)
     * @return the bootstrap predictions
     */
    public Bootstrap bootstrap(Dataset runs, boolean[] forLoss, boolean[] forError, double[][] points, int resamples,
                               long seed, int threads) {
        if (resamples < 1 || threads < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "resamples and threads must be >= 1: %d, %d", resamples, threads));
        }
        int n = runs.size();
        double[][] loss = new double[resamples][];
        double[][] error = new double[resamples][];
        // the library's ordered parallel loop: no pool of its own, results stored by index
        Parallelism.threads(threads).forEach(resamples, index -> {
            SplittableRandom rng = new SplittableRandom(mix(seed, index));
            double[] multiplicity = new double[n];
            for (int j = 0; j < n; j++) {
                multiplicity[rng.nextInt(n)]++;
            }
            double[] l = new double[points.length];
            double[] e = new double[points.length];
            Arrays.fill(l, Double.NaN);
            Arrays.fill(e, Double.NaN);
            try {
                Fitted f = fitWeighted(runs, forLoss, forError, multiplicity);
                if (f.converged()) {
                    for (int q = 0; q < points.length; q++) {
                        l[q] = f.predictLoss(points[q][0], points[q][1]);
                        e[q] = f.predictError(points[q][0], points[q][1]);
                    }
                }
            } catch (IllegalArgumentException tooFewRuns) {
                // counted as failed below (NaN predictions)
            }
            loss[index] = l;
            error[index] = e;
        });
        int failed = 0;
        for (int i = 0; i < resamples; i++) {
            if (points.length > 0 && !Double.isFinite(error[i][0])) {
                failed++;
            }
        }
        return new Bootstrap(seed, resamples, failed, loss, error);
    }

    /** SplitMix64 finaliser of seed + (i + 1) * golden gamma: a well-mixed seed per resample. */
    static long mix(long seed, long i) {
        return Resampling.seed(seed, i);
    }
}
