/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * "Accept then Stop" (AtS) extrapolation of a fine-tuning curve (Lin et al. 2024, "Selecting Large Language Model to
 * Fine-tune via Rectified Scaling Law", arXiv:2402.02314, Algorithm 1): fit a straight line to (ln D, ln L) on the
 * power phase only, found by walking from the largest size downwards until the pre-power phase begins.
 *
 * <ol>
 *   <li>sort the points by D, largest first; fit a least-squares line to the k largest;</li>
 *   <li>take the next smaller point; its standardised residual is |r| / sd, where r is its residual from the current
 *       line and sd = sqrt(RSS / m) is the population standard deviation of the m residuals of the current fit
 *       (divisor m, not m - 2: the definition of the authors' code, numpy's {@code std()}; for k = 3 a line has one
 *       residual degree of freedom, so sd is the root mean square of three residuals that sum to zero). If
 *       |r| / sd &gt; delta, stop (the pre-power phase is reached); otherwise accept the point and refit;</li>
 *   <li>predict ln L at the target size from the line on the accepted points.</li>
 * </ol>
 *
 * If every residual of the current fit is exactly 0 (sd = 0), a point with r != 0 stops the walk and a point with
 * r = 0 is accepted (the IEEE result of |r| / 0 compared with delta, as in the reference code). Defaults k = 3,
 * delta = 5.
 *
 * <p>{@link #withReferenceCutoff(boolean)}: the authors' code (src/model_select.py, {@code _estimate_phase_transition})
 * also drops the smallest size when the walk accepts every point; off by default, documented in
 * {@code docs/transfer.md}.
 *
 * <p>Immutable and thread-safe.
 */
public final class AcceptThenStop {

    private static final AcceptThenStop DEFAULTS = new AcceptThenStop(3, 5, false);

    private final int k;
    private final double delta;
    private final boolean referenceCutoff;

    private AcceptThenStop(int k, double delta, boolean referenceCutoff) {
        if (k < 2) {
            throw new IllegalArgumentException("AtS needs k >= 2 points for its first line: " + k);
        }
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "AtS threshold delta must be positive and finite: %s", delta));
        }
        this.k = k;
        this.delta = delta;
        this.referenceCutoff = referenceCutoff;
    }

    /**
     * The paper's defaults.
     *
     * @return k = 3, delta = 5
     */
    public static AcceptThenStop defaults() {
        return DEFAULTS;
    }

    /**
     * @param value points in the first fit, &gt;= 2
     * @return a new instance
     */
    public AcceptThenStop withK(int value) {
        return new AcceptThenStop(value, delta, referenceCutoff);
    }

    /**
     * @param value stopping threshold on the standardised residual, &gt; 0
     * @return a new instance
     */
    public AcceptThenStop withDelta(double value) {
        return new AcceptThenStop(k, value, referenceCutoff);
    }

    /**
     * @param value whether to drop the smallest size when every point is accepted, as the authors' code does
     * @return a new instance
     */
    public AcceptThenStop withReferenceCutoff(boolean value) {
        return new AcceptThenStop(k, delta, value);
    }

    /**
     * @return points in the first fit
     */
    public int k() {
        return k;
    }

    /**
     * @return the stopping threshold
     */
    public double delta() {
        return delta;
    }

    /**
     * The outcome of AtS on one curve.
     *
     * @param model          the candidate's name
     * @param predictedLoss  exp of the line at ln(target)
     * @param acceptedPoints points in the final line (k or more)
     * @param smallestAccepted the smallest accepted size: where the power phase starts, as far as AtS can tell
     * @param slope          slope of ln L on ln D
     * @param intercept      intercept of ln L at ln D = 0
     */
    public record Prediction(String model, double predictedLoss, int acceptedPoints, double smallestAccepted,
                             double slope, double intercept) {
    }

    /**
     * Runs AtS on one curve.
     *
     * @param model  the candidate's name (for messages)
     * @param sizes  fine-tuning sizes, all &gt; 0 (zero-shot points must be left out)
     * @param losses losses, all &gt; 0
     * @param target the size to predict at, &gt; 0
     * @return the prediction
     * @throws IllegalArgumentException naming the model if it has fewer than k points, or a size or loss is not
     *                                  positive and finite
     */
    public Prediction predict(String model, double[] sizes, double[] losses, double target) {
        Objects.requireNonNull(model, "model");
        if (sizes.length != losses.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "model %s: %d sizes but %d losses", model, sizes.length, losses.length));
        }
        if (sizes.length < k) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "model %s: AtS needs at least k = %d fine-tuning sizes within the budget, got %d", model, k,
                    sizes.length));
        }
        if (!(target > 0) || Double.isInfinite(target)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "target size must be positive: %s", target));
        }
        int n = sizes.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (!(sizes[i] > 0) || Double.isInfinite(sizes[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "model %s: fine-tuning size %s must be positive and finite (leave the zero-shot point out)",
                        model, sizes[i]));
            }
            if (!(losses[i] > 0) || Double.isInfinite(losses[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "model %s: loss %s at size %s must be positive and finite", model, losses[i], sizes[i]));
            }
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(sizes[b], sizes[a]));
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.log(sizes[order[i]]);
            y[i] = Math.log(losses[order[i]]);
        }
        int m = k;
        double[] line = line(x, y, m);
        while (m < n) {
            double sd = Math.sqrt(line[2] / m);
            double r = Math.abs(y[m] - (line[1] + line[0] * x[m]));
            if (r / sd > delta) {
                break;
            }
            m++;
            line = line(x, y, m);
        }
        if (referenceCutoff && m == n && n > k) {
            m = n - 1;
            line = line(x, y, m);
        }
        double predicted = Math.exp(line[1] + line[0] * Math.log(target));
        return new Prediction(model, predicted, m, Math.exp(x[m - 1]), line[0], line[1]);
    }

    /** {slope, intercept, RSS} of the least-squares line on the first m points. */
    private static double[] line(double[] x, double[] y, int m) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < m; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= m;
        my /= m;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < m; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double rss = 0;
        for (int i = 0; i < m; i++) {
            double r = y[i] - intercept - slope * x[i];
            rss += r * r;
        }
        return new double[] {slope, intercept, rss};
    }
}
