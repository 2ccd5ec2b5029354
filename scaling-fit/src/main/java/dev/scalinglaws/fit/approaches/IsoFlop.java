/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.approaches;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import dev.scalinglaws.core.DataException;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.SaturatingPowerLaw;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.FitStatus;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Loss;
import dev.scalinglaws.fit.ResidualSpace;
import dev.scalinglaws.fit.Starts;
import dev.scalinglaws.fit.uncertainty.AsymptoticCovariance;
import dev.scalinglaws.fit.uncertainty.DerivedQuantity;

/**
 * Hoffmann et al.'s Approach 2, isoFLOP profiles (Hoffmann et al. 2022, "Training Compute-Optimal Large Language
 * Models", arXiv:2203.15556, Section 3.2): at each FLOP budget C several model sizes N are trained with
 * D = C / 6N tokens; the minimum of each curve of loss against ln N gives N*(C); then
 *
 * <pre>
 *   N*(C) = k C^a,   D*(C) = k' C^b,   a + b = 1 when D = C / 6N
 * </pre>
 *
 * are fitted through the minima. Steps:
 * <ol>
 *   <li>Budgets: rows whose C agree within {@link IsoFlopOptions#budgetTolerance()} (relative, from the smallest C
 *       of a group) form one curve at the geometric mean of their C. Where a size was sampled twice on a curve the
 *       lowest loss is kept.</li>
 *   <li>Per curve: the minimum by {@link CurveMinimum} (a parabola in ln N by default). A minimum at the smallest or
 *       largest sampled size is no minimum: the curve is flagged {@link Budget.Status#EDGE} and excluded unless
 *       {@link IsoFlopOptions#keepEdges()}.</li>
 *   <li>Uncertainty of ln N*: B bootstrap resamples of the curve, by default cases (its points drawn with
 *       replacement; the minimum located again with the multiplicities as weights), or Porian et al.'s seed noise
 *       (Gaussian noise added to every loss). sd(ln N*) is the standard deviation over the resamples with an
 *       interior minimum, floored at a third of the mean spacing of the sampled ln N (a minimum is not resolved
 *       more finely than the grid) and multiplied by B / valid (Porian et al. 2024, arXiv:2406.19146,
 *       {@code vectorized_interp_with_seed_noise}). With fewer than B / 2 valid resamples the curve is
 *       {@link Budget.Status#UNSTABLE} and excluded. Resample r of the curve at budget C draws from a
 *       {@link SplittableRandom} seeded by (seed, C, r), so results do not depend on grouping order or threads.</li>
 *   <li>N*(C) and D*(C) by {@link PowerFit} with weights 1 / sd(ln N*)^2; L*(C) = E + A C^-alpha by the fitter
 *       with squared log residuals.</li>
 * </ol>
 *
 * <p>Stateless and thread-safe.
 */
public final class IsoFlop {

    private IsoFlop() {
    }

    /**
     * Analyses isoFLOP data.
     *
     * @param data    rows with columns {@code C}, {@code N} and {@code loss} (C may be derived from N and D as 6ND)
     * @param options how
     * @return the analysis
     * @throws DataException for a missing column or a non-finite or non-positive value (naming the row)
     */
    public static IsoFlopResult fit(Dataset data, IsoFlopOptions options) {
        return fit(data, options, null);
    }

    /**
     * Analyses isoFLOP data of one group.
     *
     * @param data    rows with columns {@code C}, {@code N}, {@code loss}
     * @param options how
     * @param group   a label for the result (e.g. the value of a grouping column), or null
     * @return the analysis
     */
    public static IsoFlopResult fit(Dataset data, IsoFlopOptions options, String group) {
        Dataset d = data;
        if (!d.has("C") && d.has("N") && d.has("D")) {
            d = d.withComputeFromTokens();
        }
        double[] c = positive(d, "C");
        double[] n = positive(d, "N");
        double[] loss = positive(d, "loss");
        List<String> notes = new ArrayList<>();
        List<Budget> budgets = new ArrayList<>();
        Integer[] order = new Integer[c.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(c[p], c[q]));
        List<Double> computes = new ArrayList<>();
        List<double[][]> curves = new ArrayList<>();
        int groups = 0;
        int merged = 0;
        int duplicates = 0;
        for (int start = 0; start < order.length; ) {
            int end = start + 1;
            while (end < order.length && c[order[end]] / c[order[start]] - 1 <= options.budgetTolerance()) {
                end++;
            }
            double lnSum = 0;
            for (int i = start; i < end; i++) {
                lnSum += Math.log(c[order[i]]);
            }
            double budget = c[order[end - 1]] == c[order[start]] ? c[order[start]] : Math.exp(lnSum / (end - start));
            if (c[order[end - 1]] != c[order[start]]) {
                merged++;
                notes.add(String.format(Locale.ROOT, "budgets C = %.4g .. %.4g (%d rows) form one curve at C = %.4g",
                        c[order[start]], c[order[end - 1]], end - start, budget));
            }
            double[][] curve = distinctSizes(order, start, end, n, loss);
            duplicates += (end - start) - curve[0].length;
            computes.add(budget);
            curves.add(curve);
            groups++;
            start = end;
        }
        IsoFlopOptions o = options;
        if (!options.cases() && Double.isNaN(options.noise())) {
            double sigma = noiseEstimate(curves);
            if (Double.isNaN(sigma)) {
                notes.add("no curve has 5 sizes around an interior minimum, so the loss noise cannot be estimated: "
                        + "sd(ln N*) is the grid floor alone");
                o = options.withResamples(0);
            } else {
                notes.add(String.format(Locale.ROOT, "loss noise for the bootstrap: %.3g (estimated from the "
                        + "residuals of 5-point parabolas around each interior minimum)", sigma));
                o = options.withNoise(sigma);
            }
        }
        for (int g = 0; g < curves.size(); g++) {
            budgets.add(curve(computes.get(g), curves.get(g)[0], curves.get(g)[1], o));
        }
        notes.add(0, String.format(Locale.ROOT, "%d rows, %d isoFLOP curves (budgets equal within a relative %.3g "
                + "form one curve; %d curves merged distinct C values)", c.length, groups, options.budgetTolerance(),
                merged));
        if (duplicates > 0) {
            notes.add(String.format(Locale.ROOT, "%d rows repeat a size on their curve: the lowest loss per size was "
                    + "kept", duplicates));
        }
        for (Budget b : budgets) {
            if (b.status() != Budget.Status.OK) {
                notes.add(String.format(Locale.ROOT, "C = %.4g: %s%s", b.compute(), describe(b),
                        b.used() ? " (kept)" : " (excluded)"));
            }
        }
        List<Budget> used = budgets.stream().filter(Budget::used).toList();
        double[] cs = new double[used.size()];
        double[] ns = new double[used.size()];
        double[] ds = new double[used.size()];
        double[] ls = new double[used.size()];
        double[] w = new double[used.size()];
        int points = 0;
        for (int i = 0; i < cs.length; i++) {
            Budget b = used.get(i);
            cs[i] = b.compute();
            ns[i] = b.nStar();
            ds[i] = b.dStar();
            ls[i] = b.lStar();
            w[i] = 1 / (b.nStarLogStd() * b.nStarLogStd());
            points += b.points();
        }
        notes.add(String.format(Locale.ROOT, "%d of %d curves (%d points) used for N*(C) and D*(C)", used.size(),
                budgets.size(), points));
        if (used.size() < 3) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%sonly %d isoFLOP curves have an interior "
                    + "minimum; fitting N*(C) = k C^a with an interval needs at least 3",
                    group == null ? "" : group + ": ", used.size()));
        }
        PowerFit nFit = PowerFit.fit("N*", cs, ns, w, options.level());
        PowerFit dFit = PowerFit.fit("D*", cs, ds, w, options.level());
        notes.add(String.format(Locale.ROOT, "a + b = %.6f%s", nFit.exponent().estimate()
                + dFit.exponent().estimate(), " (D* = C / 6N*, so a + b = 1 by construction)"));
        IsoFlopResult.LossFit lossFit = used.size() >= 4 ? lossFit(cs, ls, options) : null;
        if (lossFit == null) {
            notes.add("L*(C) = E + A C^-alpha not fitted: it needs at least 4 curves");
        } else if (!lossFit.converged()) {
            notes.add("L*(C) = E + A C^-alpha: the fit did not converge; its numbers are the last iterate");
        }
        return new IsoFlopResult(group, options, budgets, nFit, dFit, lossFit, c.length, notes);
    }

    private static String describe(Budget b) {
        return switch (b.status()) {
            case EDGE -> String.format(Locale.ROOT, "minimum at the edge of the sampled sizes (N = %.4g .. %.4g, "
                    + "lowest loss at N = %.4g): not a minimum", b.n()[0], b.n()[b.points() - 1], b.nStar());
            case UNSTABLE -> String.format(Locale.ROOT, "only %d resamples had an interior minimum",
                    b.validResamples());
            case TOO_FEW_SIZES -> String.format(Locale.ROOT, "%d distinct sizes; a minimum needs at least 3",
                    b.points());
            default -> "ok";
        };
    }

    /** The curve's sizes (increasing) with the lowest loss per size. */
    private static double[][] distinctSizes(Integer[] order, int start, int end, double[] n, double[] loss) {
        Integer[] rows = Arrays.copyOfRange(order, start, end);
        Arrays.sort(rows, (p, q) -> Double.compare(n[p], n[q]));
        double[] sizes = new double[rows.length];
        double[] best = new double[rows.length];
        int k = 0;
        for (Integer r : rows) {
            if (k > 0 && sizes[k - 1] == n[r]) {
                best[k - 1] = Math.min(best[k - 1], loss[r]);
            } else {
                sizes[k] = n[r];
                best[k] = loss[r];
                k++;
            }
        }
        return new double[][] {Arrays.copyOf(sizes, k), Arrays.copyOf(best, k)};
    }

    /**
     * The fitted isoFLOP curve of a budget at the given sizes, as the options' method drew it (for plots): the
     * parabola over its window or the Akima spline; NaN where the method does not define it.
     *
     * @param budget  a budget of a result
     * @param options the options it was computed with
     * @param sizes   model sizes N
     * @return the fitted loss at each size
     */
    public static double[] fittedCurve(Budget budget, IsoFlopOptions options, double[] sizes) {
        double[] n = budget.n();
        double[] x = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            x[i] = Math.log(n[i]);
        }
        double[] at = new double[sizes.length];
        for (int i = 0; i < at.length; i++) {
            at[i] = Math.log(sizes[i]);
        }
        if (n.length < 3) {
            double[] out = new double[sizes.length];
            Arrays.fill(out, Double.NaN);
            return out;
        }
        return options.method().curve(x, budget.loss(), options.window(), at);
    }

    /** One curve: its minimum and the bootstrap of ln N*. Package-private for tests. */
    static Budget curve(double compute, double[] n, double[] loss, IsoFlopOptions o) {
        int m = n.length;
        if (m < 3) {
            return new Budget(compute, n, loss, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0,
                    Budget.Status.TOO_FEW_SIZES, false);
        }
        double[] x = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = Math.log(n[i]);
        }
        double[] out = new double[2];
        o.method().locate(x, loss, null, m, o.window(), out);
        double floor = 0.33 * (x[m - 1] - x[0]) / (m - 1);
        if (Double.isNaN(out[0])) {
            int best = 0;
            for (int i = 1; i < m; i++) {
                best = loss[i] < loss[best] ? i : best;
            }
            return new Budget(compute, n, loss, n[best], compute / (6 * n[best]), loss[best], floor, 0,
                    Budget.Status.EDGE, o.keepEdges());
        }
        int valid = 0;
        double mean = 0;
        double m2 = 0;
        double[] bx = new double[m];
        double[] by = new double[m];
        double[] bw = new double[m];
        int[] count = new int[m];
        double[] r = new double[2];
        for (int b = 0; b < o.resamples(); b++) {
            SplittableRandom rng = new SplittableRandom(mix(o.seed(), Double.doubleToLongBits(compute), b));
            int k;
            if (o.cases()) {
                Arrays.fill(count, 0);
                for (int i = 0; i < m; i++) {
                    count[rng.nextInt(m)]++;
                }
                k = 0;
                for (int i = 0; i < m; i++) {
                    if (count[i] > 0) {
                        bx[k] = x[i];
                        by[k] = loss[i];
                        bw[k] = count[i];
                        k++;
                    }
                }
                if (k < 3) {
                    continue;
                }
            } else {
                for (int i = 0; i < m; i++) {
                    bx[i] = x[i];
                    by[i] = loss[i] + o.noise() * gaussian(rng);
                    bw[i] = 1;
                }
                k = m;
            }
            o.method().locate(bx, by, bw, k, o.window(), r);
            if (!Double.isNaN(r[0])) {
                valid++;
                double delta = r[0] - mean;
                mean += delta / valid;
                m2 += delta * (r[0] - mean);
            }
        }
        double sd = valid > 1 ? Math.sqrt(m2 / valid) : 0;
        sd = Math.max(sd, floor) * (o.resamples() == 0 ? 1 : (double) o.resamples() / Math.max(valid, 1));
        boolean unstable = o.resamples() > 0 && valid < o.resamples() / 2.0;
        double nStar = Math.exp(out[0]);
        return new Budget(compute, n, loss, nStar, compute / (6 * nStar), out[1], sd, valid,
                unstable ? Budget.Status.UNSTABLE : Budget.Status.OK, !unstable);
    }

    /**
     * The loss noise: the pooled residual standard deviation of least-squares parabolas in ln N through the 5
     * sampled sizes around each curve's lowest interior point, sqrt(SUM RSS / SUM (5 - 3)). Curvature beyond the
     * parabola (an isoFLOP curve is asymmetric) inflates it, so the bootstrap errs on the wide side.
     *
     * @return the estimate, NaN when no curve qualifies
     */
    static double noiseEstimate(List<double[][]> curves) {
        double rss = 0;
        int dof = 0;
        for (double[][] c : curves) {
            int m = c[0].length;
            if (m < 5) {
                continue;
            }
            int best = 0;
            for (int i = 1; i < m; i++) {
                best = c[1][i] < c[1][best] ? i : best;
            }
            if (best == 0 || best == m - 1) {
                continue;
            }
            int lo = Math.max(0, Math.min(best - 2, m - 5));
            double[] x = new double[5];
            double[] y = new double[5];
            for (int i = 0; i < 5; i++) {
                x[i] = Math.log(c[0][lo + i]);
                y[i] = c[1][lo + i];
            }
            double[] coef = quadratic(x, y);
            if (coef == null) {
                continue;
            }
            for (int i = 0; i < 5; i++) {
                double u = x[i] - x[0];
                double r = y[i] - (coef[0] + coef[1] * u + coef[2] * u * u);
                rss += r * r;
            }
            dof += 2;
        }
        return dof == 0 || !(rss > 0) ? Double.NaN : Math.sqrt(rss / dof);
    }

    /** Least-squares quadratic in u = x - x[0]: {c0, c1, c2}, or null if singular. */
    private static double[] quadratic(double[] x, double[] y) {
        org.apache.commons.math3.fitting.WeightedObservedPoints pts =
                new org.apache.commons.math3.fitting.WeightedObservedPoints();
        for (int i = 0; i < x.length; i++) {
            pts.add(x[i] - x[0], y[i]);
        }
        try {
            return org.apache.commons.math3.fitting.PolynomialCurveFitter.create(2).fit(pts.toList());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static IsoFlopResult.LossFit lossFit(double[] c, double[] l, IsoFlopOptions o) {
        Dataset data = Dataset.builder("isoflop:L*").column("x", c).column("y", l).build();
        FitSpec spec = FitSpec.defaults().withResidual(ResidualSpace.LOG).withLoss(Loss.squared())
                .withStarts(Starts.sobol(64, o.seed())).withThreads(1).withSeed(o.seed());
        FitResult fit = Fitter.fit(SaturatingPowerLaw.INSTANCE, data, spec);
        AsymptoticCovariance cov = AsymptoticCovariance.of(fit, data, AsymptoticCovariance.Form.GAUSS_NEWTON);
        return new IsoFlopResult.LossFit(
                cov.interval(DerivedQuantity.parameter(SaturatingPowerLaw.INSTANCE, "E"), o.level()),
                cov.interval(DerivedQuantity.parameter(SaturatingPowerLaw.INSTANCE, "A"), o.level()),
                cov.interval(DerivedQuantity.parameter(SaturatingPowerLaw.INSTANCE, "alpha"), o.level()),
                fit.status() == FitStatus.CONVERGED);
    }

    private static double[] positive(Dataset d, String column) {
        if (!d.has(column)) {
            throw new DataException(d.source(), -1, column, null, String.format(Locale.ROOT,
                    "isoFLOP analysis needs column %s (columns: %s)", column, String.join(", ", d.columnNames())));
        }
        double[] v = d.column(column);
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] > 0) || v[i] == Double.POSITIVE_INFINITY) {
                throw new DataException(d.source(), d.rowNumber(i), column, Double.toString(v[i]),
                        "isoFLOP analysis needs finite, positive values");
            }
        }
        return v;
    }

    /** A standard normal deviate (Marsaglia's polar method; SplittableRandom has no nextGaussian in Java 17). */
    static double gaussian(SplittableRandom rng) {
        double u;
        double v;
        double s;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    /** A 64-bit seed from three keys (SplitMix64 finalisers). */
    static long mix(long a, long b, long c) {
        long h = splitmix(a ^ dev.scalinglaws.fit.internal.SplitMix.GOLDEN_GAMMA);
        h = splitmix(h ^ b);
        return splitmix(h ^ c);
    }

    private static long splitmix(long z) {
        return dev.scalinglaws.fit.internal.SplitMix.finalise(z);
    }
}
