/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.scalinglaws.core.ScalingLaw;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries for scaling-law experiments: the designs of the literature and synthetic samples drawn from any
 * law and parameter vector under a {@link NoiseModel}.
 *
 * <ul>
 *   <li>{@link #chinchillaGrid()}: Hoffmann et al. 2022 (arXiv:2203.15556) approach 3: several model sizes, each
 *       trained at several tokens-per-parameter ratios;</li>
 *   <li>{@link #isoFlopGrid()}: Hoffmann et al.'s approach 2: for each of a few compute budgets C, model sizes
 *       spread around the compute-optimal one, with D = C / 6N;</li>
 *   <li>{@link #checkpointTrajectories()}: intermediate checkpoints of a few training runs (D grows along each run;
 *       the model is the group);</li>
 *   <li>{@link #kaplanNSweep()}: Kaplan et al. 2020 (arXiv:2001.08361) section 3: model sizes over six decades at a
 *       fixed, large token count.</li>
 * </ul>
 * Every design has columns N, D and C = 6ND (the N sweep has N and D), and all but the N sweep group their rows.
 *
 * <p>Designs are assembled with {@link Combinators} from a handful of integers and log-scale reals, so they shrink
 * towards fewer, smaller models and fewer points; noise shrinks towards zero. Nothing inside a generator uses its own
 * random number generator: jqwik's seed reproduces every draw.
 *
 * <p>Stateless and thread-safe.
 */
public final class Sweeps {

    /** Tokens per parameter of a compute-optimal model (Hoffmann et al. 2022), used to centre isoFLOP curves. */
    public static final double OPTIMAL_TOKENS_PER_PARAMETER = 20;
    /** The fixed token count of the N sweep: about WebText2's 2.3e10 tokens (Kaplan et al. 2020, section 2.3). */
    public static final double KAPLAN_TOKENS = 2.3e10;

    private Sweeps() {
    }

    /**
     * Chinchilla-style grids: 4 to 8 model sizes from 1e7..1e9 parameters upwards by factors of 2 to 4, each trained
     * at 3 to 6 tokens-per-parameter ratios from 2..20 upwards by factors of 2 to 4. Grouped by model size.
     *
     * @return designs with columns N, D, C
     */
    public static Arbitrary<Design> chinchillaGrid() {
        return Combinators.combine(Arbitraries.integers().between(4, 8), Draws.between(7, 9),
                        Draws.between(Math.log10(2), Math.log10(4)), Arbitraries.integers().between(3, 6),
                        Draws.between(Math.log10(2), Math.log10(20)), Draws.between(Math.log10(2), Math.log10(4)))
                .as((models, log10N0, log10NStep, ratios, log10M0, log10MStep) -> {
                    List<double[]> rows = new ArrayList<>();
                    List<Integer> groups = new ArrayList<>();
                    for (int m = 0; m < models; m++) {
                        double n = Math.pow(10, log10N0 + m * log10NStep);
                        for (int r = 0; r < ratios; r++) {
                            rows.add(new double[] {n, n * Math.pow(10, log10M0 + r * log10MStep)});
                            groups.add(m);
                        }
                    }
                    return nd(String.format(Locale.ROOT, "chinchilla-grid %dx%d", models, ratios), rows, groups);
                });
    }

    /**
     * IsoFLOP grids: 3 to 6 budgets from 1e17..1e20 FLOPs upwards by factors of 10^0.5 to 10, each with 5 to 9 model
     * sizes spread evenly in log N over +-0.5..1.2 decades around the size that trains
     * {@link #OPTIMAL_TOKENS_PER_PARAMETER} tokens per parameter; D = C / 6N. Grouped by budget.
     *
     * @return designs with columns N, D, C
     */
    public static Arbitrary<Design> isoFlopGrid() {
        return Combinators.combine(Arbitraries.integers().between(3, 6), Draws.between(17, 20), Draws.between(0.5, 1),
                        Arbitraries.integers().between(5, 9), Draws.between(0.5, 1.2))
                .as((budgets, log10C0, log10CStep, points, halfWidth) -> {
                    List<double[]> rows = new ArrayList<>();
                    List<Integer> groups = new ArrayList<>();
                    for (int b = 0; b < budgets; b++) {
                        double c = Math.pow(10, log10C0 + b * log10CStep);
                        double log10Mid = 0.5 * Math.log10(c / (6 * OPTIMAL_TOKENS_PER_PARAMETER));
                        for (int k = 0; k < points; k++) {
                            double n = Math.pow(10, log10Mid - halfWidth + 2 * halfWidth * k / (points - 1));
                            rows.add(new double[] {n, c / (6 * n)});
                            groups.add(b);
                        }
                    }
                    return nd(String.format(Locale.ROOT, "isoflop %dx%d", budgets, points), rows, groups);
                });
    }

    /**
     * Checkpoint trajectories: 3 to 6 runs of model sizes from 1e7..1e9 upwards by factors of 2 to 4, each logged at
     * 6 to 12 checkpoints spaced evenly in log D from 0.5..2 to 20..200 tokens per parameter. Grouped by run.
     *
     * @return designs with columns N, D, C
     */
    public static Arbitrary<Design> checkpointTrajectories() {
        return Combinators.combine(Arbitraries.integers().between(3, 6), Draws.between(7, 9),
                        Draws.between(Math.log10(2), Math.log10(4)), Arbitraries.integers().between(6, 12),
                        Draws.between(Math.log10(0.5), Math.log10(2)), Draws.between(Math.log10(20), Math.log10(200)))
                .as((runs, log10N0, log10NStep, checkpoints, log10First, log10Last) -> {
                    List<double[]> rows = new ArrayList<>();
                    List<Integer> groups = new ArrayList<>();
                    for (int r = 0; r < runs; r++) {
                        double n = Math.pow(10, log10N0 + r * log10NStep);
                        for (int k = 0; k < checkpoints; k++) {
                            double m = Math.pow(10, log10First + (log10Last - log10First) * k / (checkpoints - 1));
                            rows.add(new double[] {n, n * m});
                            groups.add(r);
                        }
                    }
                    return nd(String.format(Locale.ROOT, "checkpoints %dx%d", runs, checkpoints), rows, groups);
                });
    }

    /**
     * Kaplan's N sweep: 6 to 12 model sizes evenly spaced in log N from 1e3..1e5 to 1e8..3e9 parameters, each
     * trained on {@link #KAPLAN_TOKENS} tokens. Ungrouped.
     *
     * @return designs with columns N, D
     */
    public static Arbitrary<Design> kaplanNSweep() {
        return Combinators.combine(Arbitraries.integers().between(6, 12), Draws.between(3, 5), Draws.between(8, 9.5))
                .as((sizes, log10Min, log10Max) -> {
                    double[] n = new double[sizes];
                    double[] d = new double[sizes];
                    for (int k = 0; k < sizes; k++) {
                        n[k] = Math.pow(10, log10Min + (log10Max - log10Min) * k / (sizes - 1));
                        d[k] = KAPLAN_TOKENS;
                    }
                    Map<String, double[]> cols = new LinkedHashMap<>();
                    cols.put("N", n);
                    cols.put("D", d);
                    return new Design(String.format(Locale.ROOT, "kaplan-n-sweep %d", sizes), cols, null);
                });
    }

    /**
     * A design of independent points from a covariate domain, for laws whose covariates are not N and D.
     *
     * @param covariates column names, in the order of the points
     * @param point      an arbitrary covariate point (one value per covariate)
     * @param minRows    fewest rows
     * @param maxRows    most rows
     * @return designs of {@code minRows..maxRows} points, ungrouped
     */
    public static Arbitrary<Design> points(List<String> covariates, Arbitrary<double[]> point, int minRows,
                                           int maxRows) {
        List<String> names = List.copyOf(covariates);
        return point.list().ofMinSize(minRows).ofMaxSize(maxRows)
                .map(rows -> Design.ofPoints(String.format(Locale.ROOT, "points %d", rows.size()), names, rows));
    }

    /**
     * Space-filling designs for laws whose covariates are not N and D: two corners drawn from a covariate domain span
     * a box (widened upwards to at least three decades, or a width of 1 where the box reaches 0 or below), and the
     * rows form a rank-1 lattice in it, row i taking covariate j at the quantile ((i g_j mod n) + 1/2) / n of its
     * side (log scale for positive sides) with generators g_j coprime to n, so that every covariate takes n distinct
     * values and no two covariates move together. Independent random points would do neither reliably: jqwik favours the ends of a
     * range, so a plain list of points often repeats one value.
     *
     * @param covariates column names, in the order of the corners
     * @param corner     an arbitrary covariate point
     * @param minRows    fewest rows, &gt;= 2
     * @param maxRows    most rows
     * @return designs of {@code minRows..maxRows} rows, ungrouped
     */
    public static Arbitrary<Design> lattice(List<String> covariates, Arbitrary<double[]> corner, int minRows,
                                            int maxRows) {
        if (minRows < 2 || maxRows < minRows) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "need 2 <= minRows <= maxRows: %d, %d",
                    minRows, maxRows));
        }
        List<String> names = List.copyOf(covariates);
        return Combinators.combine(corner, corner, Arbitraries.integers().between(minRows, maxRows))
                .as((a, b, n) -> box(names, a, b, n));
    }

    /**
     * A {@link #lattice lattice} in a fixed box.
     *
     * @param covariates column names
     * @param lo         the box's lower corner
     * @param hi         the box's upper corner
     * @param minRows    fewest rows, &gt;= 2
     * @param maxRows    most rows
     * @return designs of {@code minRows..maxRows} rows, ungrouped
     */
    public static Arbitrary<Design> lattice(List<String> covariates, double[] lo, double[] hi, int minRows,
                                            int maxRows) {
        double[] a = lo.clone();
        double[] b = hi.clone();
        if (a.length != covariates.size() || b.length != covariates.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%d covariates but corners of %d and %d",
                    covariates.size(), a.length, b.length));
        }
        List<String> names = List.copyOf(covariates);
        return Arbitraries.integers().between(minRows, maxRows).map(n -> box(names, a, b, n));
    }

    private static Design box(List<String> names, double[] a, double[] b, int n) {
        int[] generators = generators(names.size(), n);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] row = new double[names.size()];
            for (int j = 0; j < row.length; j++) {
                row[j] = side(a[j], b[j], (Math.floorMod((long) i * generators[j], n) + 0.5) / n);
            }
            rows.add(row);
        }
        return Design.ofPoints(String.format(Locale.ROOT, "lattice %d", n), names, rows);
    }

    /** The point at quantile q of the side spanned by a and b, widened as {@link #lattice} says. */
    private static double side(double a, double b, double q) {
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        if (lo > 0) {
            double l = Math.log(lo);
            double h = Math.log(hi);
            if (h - l < Math.log(1000)) {
                // upwards: a box shrunk to the lower end of a domain stays inside it
                h = l + Math.log(1000);
            }
            return Math.exp(l + q * (h - l));
        }
        if (hi - lo < 1) {
            // upwards, like the log sides: a fine-tuning size D = 0 stays non-negative
            hi = lo + 1;
        }
        return lo + q * (hi - lo);
    }

    /** 1 for the first covariate, then the smallest odd numbers coprime to n (distinct). */
    private static int[] generators(int k, int n) {
        int[] g = new int[k];
        int candidate = 1;
        for (int j = 0; j < k; j++) {
            while (gcd(candidate, n) != 1 && candidate < n) {
                candidate += 2;
            }
            g[j] = candidate % n == 0 ? 1 : candidate;
            candidate += 2;
        }
        return g;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /**
     * Each covariate log-uniform on [lo, hi], independently.
     *
     * @param dimension number of covariates
     * @param lo        lower end, &gt; 0
     * @param hi        upper end
     * @return an arbitrary point
     */
    public static Arbitrary<double[]> logUniformPoint(int dimension, double lo, double hi) {
        if (!(lo > 0) || !(hi >= lo)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "need 0 < lo <= hi: %s, %s", lo, hi));
        }
        return Draws.logBetween(lo, hi).list().ofSize(dimension).map(Draws::toArray);
    }

    /**
     * A scalar uniform on [lo, hi] (12 decimals of the unit interval; shrinks towards lo), for parameter and
     * covariate domains.
     *
     * @param lo lower end
     * @param hi upper end
     * @return the arbitrary
     */
    public static Arbitrary<Double> uniform(double lo, double hi) {
        return Draws.between(lo, hi);
    }

    /**
     * A scalar log-uniform on [lo, hi], lo &gt; 0 (shrinks towards lo), for scale parameters and covariates.
     *
     * @param lo lower end
     * @param hi upper end
     * @return the arbitrary
     */
    public static Arbitrary<Double> logUniform(double lo, double hi) {
        if (!(lo > 0) || !(hi >= lo)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "need 0 < lo <= hi: %s, %s", lo, hi));
        }
        return Draws.logBetween(lo, hi);
    }

    /**
     * Synthetic samples: designs drawn from {@code designs}, the law at {@code theta} on each, and errors from the
     * noise model.
     *
     * @param law     the law
     * @param theta   the true parameters
     * @param designs designs holding the law's covariates
     * @param noise   the noise model
     * @return an arbitrary sample
     */
    public static Arbitrary<Sample> samples(ScalingLaw law, double[] theta, Arbitrary<Design> designs,
                                            NoiseModel noise) {
        return samples(law, Arbitraries.just(theta).map(double[]::clone), designs, noise);
    }

    /**
     * Synthetic samples with the truth itself drawn from an arbitrary (for example a parameter domain).
     *
     * @param law     the law
     * @param thetas  arbitrary true parameters
     * @param designs designs holding the law's covariates
     * @param noise   the noise model
     * @return an arbitrary sample
     */
    public static Arbitrary<Sample> samples(ScalingLaw law, Arbitrary<double[]> thetas, Arbitrary<Design> designs,
                                            NoiseModel noise) {
        return Combinators.combine(thetas, designs).as(Sample.Truth::new)
                .flatMap(t -> noise.errors(t.design()).map(e -> new Sample(law, t.theta(), t.design(), e)));
    }

    private static Design nd(String kind, List<double[]> rows, List<Integer> groups) {
        double[] n = new double[rows.size()];
        double[] d = new double[rows.size()];
        double[] c = new double[rows.size()];
        int[] g = new int[rows.size()];
        for (int i = 0; i < n.length; i++) {
            n[i] = rows.get(i)[0];
            d[i] = rows.get(i)[1];
            c[i] = 6 * n[i] * d[i];
            g[i] = groups.get(i);
        }
        Map<String, double[]> cols = new LinkedHashMap<>();
        cols.put("N", n);
        cols.put("D", d);
        cols.put("C", c);
        return new Design(kind, cols, g);
    }
}
