/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.approaches;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import dev.scalinglaws.core.DataException;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.fit.uncertainty.Interval;

/**
 * Hoffmann et al.'s Approach 1, the lower envelope of the training curves (Hoffmann et al. 2022, "Training
 * Compute-Optimal Large Language Models", arXiv:2203.15556, Section 3.1): every checkpoint of a run of N parameters
 * that has seen T tokens spent C = 6 N T FLOPs; at each C the run of lowest loss is the compute-optimal one, and
 *
 * <pre>
 *   N_opt(C) = k C^a,   D_opt(C) = C / (6 N_opt) = k' C^b
 * </pre>
 *
 * are fitted through the envelope. The grid: {@code gridPoints} values of C spaced evenly in ln C between the
 * smallest and largest checkpoint compute, of which those covered by at least two runs are kept (Hoffmann et al. used
 * 1,500 values; a run's loss at C is interpolated linearly in ln C and ln loss between its two nearest checkpoints).
 * The fit is least squares of ln N_opt on ln C over the grid points. Its intervals come from a bootstrap over runs
 * (runs drawn with replacement, the envelope and the fit recomputed; percentile intervals; resample r draws from a
 * {@link SplittableRandom} seeded by (seed, r)), because the grid points are not independent observations.
 *
 * <p>Stateless and thread-safe.
 */
public final class Envelope {

    private Envelope() {
    }

    /** One run's checkpoints: compute (increasing) and loss. */
    private record Run(String name, double n, double[] lnC, double[] lnLoss) {
    }

    /**
     * Fits the envelope.
     *
     * @param data       checkpoint rows with columns {@code runColumn}, {@code N}, {@code tokens} (or {@code D})
     *                   and {@code loss}
     * @param runColumn  the column naming each row's run
     * @param gridPoints grid values of C (at least 10)
     * @param resamples  bootstrap resamples over runs (0 for none)
     * @param seed       seed
     * @param level      interval level
     * @param compute    a compute budget at which to report N_opt with its interval, or NaN for none
     * @param group      label, or null
     * @return the envelope and its fits
     */
    public static EnvelopeResult fit(Dataset data, String runColumn, int gridPoints, int resamples, long seed,
                                     double level, double compute, String group) {
        if (gridPoints < 10) {
            throw new IllegalArgumentException("the compute grid needs at least 10 points: " + gridPoints);
        }
        String tokens = data.has("tokens") ? "tokens" : "D";
        for (String col : List.of(runColumn, "N", tokens, "loss")) {
            if (!data.has(col)) {
                throw new DataException(data.source(), -1, col, null, String.format(Locale.ROOT,
                        "the training-curve envelope needs columns %s, N, tokens (or D) and loss (columns: %s)",
                        runColumn, String.join(", ", data.columnNames())));
            }
        }
        List<Run> runs = runs(data, runColumn, tokens);
        List<String> notes = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Run r : runs) {
            lo = Math.min(lo, r.lnC[0]);
            hi = Math.max(hi, r.lnC[r.lnC.length - 1]);
        }
        double[] grid = new double[gridPoints];
        for (int g = 0; g < gridPoints; g++) {
            grid[g] = lo + (hi - lo) * g / (gridPoints - 1);
        }
        List<EnvelopeResult.Point> points = envelope(runs, grid);
        notes.add(String.format(Locale.ROOT, "%d rows in %d runs; %d of %d grid values of C (evenly spaced in ln C "
                + "from %.3g to %.3g) are covered by at least two runs", data.size(), runs.size(), points.size(),
                gridPoints, Math.exp(lo), Math.exp(hi)));
        long winners = points.stream().map(EnvelopeResult.Point::run).distinct().count();
        if (points.size() < 3 || winners < 2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%sthe envelope has %d grid points and %d "
                    + "winning runs; fitting N_opt(C) needs at least 3 points and 2 runs of different size",
                    group == null ? "" : group + ": ", points.size(), winners));
        }
        double[] c = new double[points.size()];
        double[] n = new double[points.size()];
        double[] d = new double[points.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = points.get(i).compute();
            n[i] = points.get(i).n();
            d[i] = points.get(i).d();
        }
        PowerFit nFit = PowerFit.fit("N_opt", c, n, null, level);
        double b0 = PowerFit.fit("D_opt", c, d, null, level).exponent().estimate();
        double a0 = nFit.exponent().estimate();
        double k0 = nFit.coefficient().estimate();
        double[] as = new double[resamples];
        double[] bs = new double[resamples];
        double[] ks = new double[resamples];
        double[] ns = new double[resamples];
        int ok = 0;
        for (int r = 0; r < resamples; r++) {
            SplittableRandom rng = new SplittableRandom(IsoFlop.mix(seed, 0x656e76L, r));
            boolean[] in = new boolean[runs.size()];
            for (int i = 0; i < runs.size(); i++) {
                in[rng.nextInt(runs.size())] = true;
            }
            List<Run> sample = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                if (in[i]) {
                    sample.add(runs.get(i));
                }
            }
            List<EnvelopeResult.Point> env = envelope(sample, grid);
            if (env.size() < 3 || env.stream().map(EnvelopeResult.Point::run).distinct().count() < 2) {
                continue;
            }
            double[] line = line(env);
            as[ok] = line[1];
            ks[ok] = Math.exp(line[0]);
            bs[ok] = 1 - line[1];
            ns[ok] = Math.exp(line[0] + line[1] * Math.log(compute));
            ok++;
        }
        int failed = resamples - ok;
        if (failed > 0) {
            notes.add(String.format(Locale.ROOT, "%d of %d resamples had fewer than 2 winning runs and were "
                    + "dropped", failed, resamples));
        }
        notes.add(String.format(Locale.ROOT, "%d distinct runs are best somewhere on the grid", winners));
        return new EnvelopeResult(group, points, nFit, percentile("a", a0, as, ok, level, resamples),
                percentile("b", b0, bs, ok, level, resamples), percentile("k", k0, ks, ok, level, resamples),
                Double.isNaN(compute) ? null : percentile("N_opt", nFit.value(compute), ns, ok, level, resamples),
                runs.size(), data.size(), resamples, failed, notes);
    }

    private static Interval percentile(String name, double estimate, double[] values, int count, double level,
                                       int resamples) {
        if (resamples == 0 || count < Math.max(20, resamples / 2)) {
            return new Interval(name, estimate, Double.NaN, Double.NaN, level, "bootstrap-runs-percentile",
                    Interval.Status.TOO_MANY_FAILURES);
        }
        double[] v = Arrays.copyOf(values, count);
        Arrays.sort(v);
        return new Interval(name, estimate, quantile(v, (1 - level) / 2), quantile(v, (1 + level) / 2), level,
                "bootstrap-runs-percentile", Interval.Status.OK);
    }

    /** Hyndman and Fan's type 7 quantile of sorted values (the library's one implementation). */
    private static double quantile(double[] sorted, double p) {
        return dev.scalinglaws.fit.internal.Quantiles.type7(sorted, p);
    }

    /** Ordinary least squares of ln N on ln C: {intercept, slope}. */
    private static double[] line(List<EnvelopeResult.Point> env) {
        double sx = 0, sy = 0;
        int m = env.size();
        for (EnvelopeResult.Point p : env) {
            sx += Math.log(p.compute());
            sy += Math.log(p.n());
        }
        double mx = sx / m, my = sy / m, sxx = 0, sxy = 0;
        for (EnvelopeResult.Point p : env) {
            double dx = Math.log(p.compute()) - mx;
            sxx += dx * dx;
            sxy += dx * (Math.log(p.n()) - my);
        }
        double slope = sxy / sxx;
        return new double[] {my - slope * mx, slope};
    }

    private static List<EnvelopeResult.Point> envelope(List<Run> runs, double[] grid) {
        List<EnvelopeResult.Point> out = new ArrayList<>();
        for (double g : grid) {
            int covering = 0;
            Run best = null;
            double bestLoss = Double.POSITIVE_INFINITY;
            for (Run r : runs) {
                double[] x = r.lnC;
                if (g < x[0] || g > x[x.length - 1]) {
                    continue;
                }
                covering++;
                int j = Arrays.binarySearch(x, g);
                double v;
                if (j >= 0) {
                    v = r.lnLoss[j];
                } else {
                    int i = -j - 2;
                    double t = (g - x[i]) / (x[i + 1] - x[i]);
                    v = r.lnLoss[i] + t * (r.lnLoss[i + 1] - r.lnLoss[i]);
                }
                if (v < bestLoss) {
                    bestLoss = v;
                    best = r;
                }
            }
            if (covering >= 2) {
                double c = Math.exp(g);
                out.add(new EnvelopeResult.Point(c, best.n, c / (6 * best.n), Math.exp(bestLoss), best.name));
            }
        }
        return out;
    }

    private static List<Run> runs(Dataset data, String runColumn, String tokens) {
        String[] name = data.textColumn(runColumn);
        double[] n = data.column("N");
        double[] t = data.column(tokens);
        double[] loss = data.column("loss");
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        for (int i = 0; i < name.length; i++) {
            for (double[] col : List.of(n, t, loss)) {
                if (!(col[i] > 0) || col[i] == Double.POSITIVE_INFINITY) {
                    throw new DataException(data.source(), data.rowNumber(i), col == n ? "N" : col == t ? tokens
                            : "loss", Double.toString(col[i]), "the envelope needs finite, positive values");
                }
            }
            rows.computeIfAbsent(name[i], k -> new ArrayList<>()).add(i);
        }
        List<Run> out = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : rows.entrySet()) {
            List<Integer> idx = new ArrayList<>(e.getValue());
            idx.sort((p, q) -> Double.compare(t[p], t[q]));
            double size = n[idx.get(0)];
            for (int i : idx) {
                if (n[i] != size) {
                    throw new DataException(data.source(), data.rowNumber(i), "N", Double.toString(n[i]),
                            String.format(Locale.ROOT, "run %s has more than one N (%s and %s)", e.getKey(), size,
                                    n[i]));
                }
            }
            double[] lnC = new double[idx.size()];
            double[] lnL = new double[idx.size()];
            int k = 0;
            for (int i : idx) {
                double lc = Math.log(6 * n[i] * t[i]);
                if (k > 0 && lc <= lnC[k - 1]) {
                    lnL[k - 1] = Math.min(lnL[k - 1], Math.log(loss[i]));
                    continue;
                }
                lnC[k] = lc;
                lnL[k] = Math.log(loss[i]);
                k++;
            }
            out.add(new Run(e.getKey(), size, Arrays.copyOf(lnC, k), Arrays.copyOf(lnL, k)));
        }
        return out;
    }
}
