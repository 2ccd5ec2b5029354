/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.Diagnostic;
import dev.scalinglaws.fit.DiagnosticCode;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.FitStatus;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Severity;

/**
 * Out-of-sample checks of a law: fit on some runs, predict the others, and score the predictions by absolute
 * relative error |f - y| / y, coverage of the prediction interval and the interval score of Gneiting and Raftery
 * (2007, JASA 102, 359-378, eq. 43). Splits: hold out the K largest runs by N or by compute C = 6ND (fit on the
 * smaller runs, predict the larger: the extrapolation that matters), leave one group out, or any explicit split.
 *
 * <p>Prediction intervals are those of {@link Prediction} with the chosen covariance form. A training fit that does
 * not converge is reported in {@link Point#fitStatus()}; its predictions are still scored, never dropped.
 *
 * <p>Stateless and thread-safe.
 */
public final class Backtest {

    private Backtest() {
    }

    /** What "largest" means for {@link #holdoutLargest}. */
    public enum Ordering {
        /** By the covariate N (model parameters). */
        PARAMETERS,
        /** By compute C = 6 N D (a {@code C} column, or derived from N and D). */
        COMPUTE
    }

    /**
     * Fits on all but the K largest rows and predicts those.
     *
     * @param law   the law
     * @param data  the data
     * @param spec  how to fit
     * @param by    ordering
     * @param k     rows held out, 1 &lt;= k &lt; rows
     * @param level nominal coverage of the prediction intervals
     * @param form  covariance estimator
     * @return the scored predictions
     */
    public static Result holdoutLargest(ScalingLaw law, Dataset data, FitSpec spec, Ordering by, int k, double level,
                                        AsymptoticCovariance.Form form) {
        if (k < 1 || k >= data.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "cannot hold out %d of %d rows", k, data.size()));
        }
        Dataset d = data.withCovariatesFor(law, null);
        double[] key;
        if (by == Ordering.PARAMETERS) {
            key = d.column("N");
        } else {
            key = d.has("C") ? d.column("C") : d.withComputeFromTokens().column("C");
        }
        Integer[] order = new Integer[d.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(key[b], key[a]));
        boolean[] test = new boolean[d.size()];
        for (int i = 0; i < k; i++) {
            test[order[i]] = true;
        }
        return split(law, d.filter(i -> !test[i]), d.filter(i -> test[i]), spec, level, form);
    }

    /**
     * Leave-one-group-out: for every group, fit on the others and predict its rows.
     *
     * @param law   the law
     * @param data  data with a group column
     * @param spec  how to fit
     * @param level nominal coverage
     * @param form  covariance estimator
     * @return the scored predictions of every row
     */
    public static Result leaveOneGroupOut(ScalingLaw law, Dataset data, FitSpec spec, double level,
                                          AsymptoticCovariance.Form form) {
        int[] g = data.groupIndices();
        if (g == null) {
            throw new IllegalArgumentException("leave-one-group-out needs a group column; the data " + data.source()
                    + " has none (Dataset.withGroups)");
        }
        int groups = data.groupLabels().size();
        List<Point> all = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (int h = 0; h < groups; h++) {
            int held = h;
            Result fold = split(law, data.filter(i -> g[i] != held), data.filter(i -> g[i] == held), spec, level,
                    form);
            all.addAll(fold.points());
            for (Diagnostic d : fold.diagnostics()) {
                if (!diagnostics.contains(d)) {
                    diagnostics.add(d);
                }
            }
        }
        return new Result(all, diagnostics);
    }

    /**
     * Fits on {@code train} and scores predictions of {@code test}.
     *
     * @param law   the law
     * @param train training rows
     * @param test  rows to predict
     * @param spec  how to fit
     * @param level nominal coverage
     * @param form  covariance estimator
     * @return the scored predictions
     */
    public static Result split(ScalingLaw law, Dataset train, Dataset test, FitSpec spec, double level,
                               AsymptoticCovariance.Form form) {
        FitResult fit = Fitter.fit(law, train, spec);
        Dataset t = test.withCovariatesFor(law, null);
        double[] y = t.response(law, false);
        double[][] cols = new double[law.covariates().size()][];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = t.column(law.covariates().get(j));
        }
        Prediction predictor = Prediction.of(fit, train, form);
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            double[] x = new double[cols.length];
            for (int j = 0; j < x.length; j++) {
                x[j] = cols[j][i];
            }
            Prediction.Result p = predictor.at(level, x);
            points.add(new Point(t.rowNumber(i), x, y[i], p, fit.status()));
        }
        List<Diagnostic> diagnostics = new ArrayList<>(fit.diagnostics());
        int below = 0;
        int above = 0;
        List<Integer> rows = new ArrayList<>();
        for (Point pt : points) {
            below += pt.observed() < pt.prediction().prediction().lower() ? 1 : 0;
            above += pt.observed() > pt.prediction().prediction().upper() ? 1 : 0;
            rows.add(pt.row());
        }
        if (points.size() >= 3 && (below == points.size() || above == points.size())) {
            diagnostics.add(new Diagnostic(DiagnosticCode.FRONTIER_BIAS, Severity.WARNING, String.format(Locale.ROOT,
                    "all %d held-out rows lie %s their %.3g%% prediction intervals: the law misfits beyond the "
                            + "training rows", points.size(), below > 0 ? "below" : "above", 100 * level),
                    List.of(), rows));
        }
        return new Result(points, diagnostics);
    }

    /**
     * One held-out row.
     *
     * @param row        1-based source row number
     * @param point      covariates (copied)
     * @param observed   measured response
     * @param prediction prediction with intervals and extrapolation distance
     * @param fitStatus  status of the training fit
     */
    public record Point(int row, double[] point, double observed, Prediction.Result prediction,
                        FitStatus fitStatus) {

        /**
         * Copies.
         *
         * @param row        1-based source row number
         * @param point      covariates (copied)
         * @param observed   measured response
         * @param prediction prediction with intervals and extrapolation distance
         * @param fitStatus  status of the training fit
         */
        public Point {
            point = point.clone();
        }

        /** {@return the covariates (copy)} */
        @Override
        public double[] point() {
            return point.clone();
        }

        /** {@return the absolute relative error |prediction - observed| / |observed|} */
        public double absoluteRelativeError() {
            return Math.abs(prediction.estimate() - observed) / Math.abs(observed);
        }

        /** {@return whether the prediction interval contains the observation} */
        public boolean covered() {
            return prediction.prediction().contains(observed);
        }

        /** {@return the Gneiting-Raftery interval score of the prediction interval} */
        public double intervalScore() {
            return prediction.prediction().score(observed);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "row %d %s observed %.5g predicted %.5g ARE %.4f PI [%.5g, %.5g] %s "
                            + "score %.4g %s", row, Arrays.toString(point), observed, prediction.estimate(),
                    absoluteRelativeError(), prediction.prediction().lower(), prediction.prediction().upper(),
                    covered() ? "covered" : "MISSED", intervalScore(), prediction.extrapolation());
        }

        /** Equal when every component is, arrays compared by content. */
        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Point o)) {
                return false;
            }
            return row == o.row && java.util.Arrays.equals(point, o.point)
                    && Double.compare(observed, o.observed) == 0 && java.util.Objects.equals(prediction, o.prediction)
                    && java.util.Objects.equals(fitStatus, o.fitStatus);
        }

        /** Consistent with {@link #equals}. */
        @Override
        public int hashCode() {
            int h = 17;
            h = 31 * h + row;
            h = 31 * h + java.util.Arrays.hashCode(point);
            h = 31 * h + Double.hashCode(observed);
            h = 31 * h + java.util.Objects.hashCode(prediction);
            h = 31 * h + java.util.Objects.hashCode(fitStatus);
            return h;
        }
    }

    /**
     * Scored predictions.
     *
     * @param points      every held-out row
     * @param diagnostics the training fits' diagnostics (each once), and {@code FRONTIER_BIAS} when every held-out
     *                    row (at least 3) of a split lies beyond its prediction interval on the same side
     */
    public record Result(List<Point> points, List<Diagnostic> diagnostics) {

        /**
         * Copies.
         *
         * @param points      every held-out row; copied
         * @param diagnostics the training fits' diagnostics and any {@code FRONTIER_BIAS}; copied
         */

        public Result {
            points = List.copyOf(points);
            diagnostics = List.copyOf(diagnostics);
        }

        /**
         * Scored predictions without diagnostics.
         *
         * @param points every held-out row
         */
        public Result(List<Point> points) {
            this(points, List.of());
        }

        /** {@return the mean absolute relative error} */
        public double meanAbsoluteRelativeError() {
            return points.stream().mapToDouble(Point::absoluteRelativeError).average().orElse(Double.NaN);
        }

        /** {@return the fraction of rows whose prediction interval covers the observation} */
        public double coverage() {
            return points.stream().mapToDouble(p -> p.covered() ? 1 : 0).average().orElse(Double.NaN);
        }

        /** {@return the mean interval score} */
        public double meanIntervalScore() {
            return points.stream().mapToDouble(Point::intervalScore).average().orElse(Double.NaN);
        }
    }
}
