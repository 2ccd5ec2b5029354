/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.FitStatus;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Starts;
import org.junit.jupiter.api.Test;

/**
 * Few-cluster coverage study: a sweep of G model sizes (G = 5, 7, 12; N log-spaced over 5e7 .. 1.3e10), each trained
 * at 8 token multipliers D/N = 2^m, m = 1..8; every model size shares a random offset u_g ~ N(0, 1%) on the log loss
 * (seed, learning-rate and data-order effects common to a run family) on top of independent 0.5% noise per row.
 * Truth E 1.8, A 480, B 2100, alpha 0.35, beta 0.37. Each data set is fitted with Hoffmann's protocol (sum of
 * Huber(1e-3) on log residuals, two starts); for every method the share of replicates whose 95% interval covers the
 * truth of alpha, beta, E and the compute-optimal loss at 10x the largest fitted compute.
 *
 * <p>CI (smoke): 3 replicates per G, 30 resamples; asserts that every method produced intervals and that the
 * default's are all usable. Full ({@code -Dscaling.full=true}): 200 replicates per G, 400 resamples (override with
 * {@code -Dscaling.clusters.replicates}, {@code -Dscaling.clusters.resamples}); table in docs/uncertainty.md and
 * {@code target/cluster-coverage-study.md}; the chosen default for run-grouped data (whole-cluster resampling with
 * percentile intervals: 94-99% in the 100-replicate run) must cover at least 92% of every quantity at every G.
 */
class ClusterCoverageStudyTest {

    static final double[] TRUTH = {1.8, 480, 2100, 0.35, 0.37};
    static final int MULTIPLIERS = 8;
    static final double CLUSTER_SD = 0.01;
    static final double ROW_SD = 0.005;
    static final String DEFAULT = "cluster percentile";

    /** The clustered data set of replicate r with g clusters. */
    static Dataset generate(int g, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = g * MULTIPLIERS;
        double[] nn = new double[n];
        double[] dd = new double[n];
        double[] loss = new double[n];
        String[] group = new String[n];
        for (int k = 0, i = 0; k < g; k++) {
            double offset = CLUSTER_SD * rng.nextGaussian();
            for (int m = 1; m <= MULTIPLIERS; m++, i++) {
                nn[i] = Math.pow(10, 7.7 + 2.4 * k / (g - 1));
                dd[i] = nn[i] * Math.pow(2, m);
                loss[i] = ChinchillaLaw.INSTANCE.value(TRUTH, nn[i], dd[i])
                        * Math.exp(offset + ROW_SD * rng.nextGaussian());
                group[i] = "N" + k;
            }
        }
        return Dataset.builder("synthetic:clustered(G=" + g + ", seed=" + seed + ")").column("N", nn)
                .column("D", dd).column("loss", loss).textColumn("model", group).groups("model").build();
    }

    static double largestCompute() {
        double n = Math.pow(10, 7.7 + 2.4);
        return 6 * n * n * Math.pow(2, MULTIPLIERS);
    }

    static FitSpec spec() {
        return FitSpec.epoch().withStarts(Starts.of(List.of(EpochFixtures.HOFFMANN_START,
                new double[] {1.5, 200, 2000, 0.4, 0.4}))).withThreads(1);
    }

    @Test
    void coverageWithFewClusters() throws IOException {
        boolean full = EpochFixtures.FULL;
        int replicates = Integer.getInteger("scaling.clusters.replicates", full ? 200 : 3);
        int resamples = Integer.getInteger("scaling.clusters.resamples", full ? 400 : 30);
        ChinchillaLaw law = ChinchillaLaw.INSTANCE;
        List<DerivedQuantity> quantities = List.of(DerivedQuantity.parameter(law, "alpha"),
                DerivedQuantity.parameter(law, "beta"), DerivedQuantity.parameter(law, "E"),
                DerivedQuantity.optimalLoss(law, 10 * largestCompute()));
        int q = quantities.size();
        double[] truth = new double[q];
        for (int k = 0; k < q; k++) {
            truth[k] = quantities.get(k).value(TRUTH);
        }
        List<String> methods = List.of("asymptotic smoothed sandwich (rows)", "bootstrap case BCa (rows)",
                DEFAULT, "cluster BCa", "cluster expanded percentile", "wild cluster (Webb) percentile",
                "wild cluster (Webb) BCa", "wild cluster (Webb) expanded percentile");
        int m = methods.size();
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%d replicates per G, %d resamples; cluster offset sd %.3g, row "
                + "noise sd %.3g (log loss)%n%n", replicates, resamples, CLUSTER_SD, ROW_SD));
        table.append("| G | method |");
        for (DerivedQuantity dq : quantities) {
            table.append(' ').append(dq.name()).append(" |");
        }
        table.append(" not OK |\n|---|---|").append("---|".repeat(q + 1)).append('\n');
        Map<String, double[]> worst = new LinkedHashMap<>();
        int defaultNotOk = 0;
        long t0 = System.nanoTime();
        for (int g : new int[] {5, 7, 12}) {
            int[][][] covered = new int[replicates][][];
            double[][][] widths = new double[replicates][][];
            Bootstrap.parallel(replicates, dev.scalinglaws.fit.Parallelism.defaults(), r -> {
                Dataset d = generate(g, 7919L * g + r);
                FitResult fit = Fitter.fit(law, d, spec());
                int[][] c = new int[m][q];
                double[][] w = new double[m][q];
                covered[r] = c;
                widths[r] = w;
                if (fit.status() != FitStatus.CONVERGED) {
                    for (int[] row : c) {
                        java.util.Arrays.fill(row, -1);
                    }
                    return;
                }
                List<List<Interval>> byMethod = new ArrayList<>();
                AsymptoticCovariance cov = AsymptoticCovariance.of(fit, d,
                        AsymptoticCovariance.Form.SMOOTHED_SANDWICH);
                List<Interval> asy = new ArrayList<>();
                for (DerivedQuantity dq : quantities) {
                    asy.add(cov.interval(dq, 0.95));
                }
                byMethod.add(asy);
                BootstrapOptions base = BootstrapOptions.defaults().withResamples(resamples).withThreads(1)
                        .withSeed(1000L + r);
                List<DerivedQuantity> derived = quantities.subList(3, q);
                BootstrapResult cases = Bootstrap.run(fit, d, base, derived);
                byMethod.add(intervals(cases, quantities, IntervalMethod.BCA));
                for (ResamplingScheme scheme : List.of(ResamplingScheme.CLUSTER, ResamplingScheme.WILD_CLUSTER)) {
                    BootstrapResult b = Bootstrap.run(fit, d, base.withScheme(scheme), derived);
                    for (IntervalMethod im : scheme == ResamplingScheme.CLUSTER
                            ? List.of(IntervalMethod.PERCENTILE, IntervalMethod.BCA, IntervalMethod.EXPANDED_PERCENTILE)
                            : List.of(IntervalMethod.PERCENTILE, IntervalMethod.BCA,
                            IntervalMethod.EXPANDED_PERCENTILE)) {
                        byMethod.add(intervals(b, quantities, im));
                    }
                }
                for (int i = 0; i < m; i++) {
                    for (int k = 0; k < q; k++) {
                        Interval iv = byMethod.get(i).get(k);
                        c[i][k] = !iv.ok() ? -1 : (iv.contains(truth[k]) ? 1 : 0);
                        w[i][k] = iv.width();
                    }
                }
            });
            for (int i = 0; i < m; i++) {
                int notOk = 0;
                table.append("| ").append(g).append(" | ").append(methods.get(i)).append(" |");
                double[] low = worst.computeIfAbsent(methods.get(i), x -> {
                    double[] v = new double[q];
                    java.util.Arrays.fill(v, 1);
                    return v;
                });
                for (int k = 0; k < q; k++) {
                    int hits = 0;
                    double width = 0;
                    for (int r = 0; r < replicates; r++) {
                        hits += covered[r][i][k] == 1 ? 1 : 0;
                        notOk += covered[r][i][k] == -1 ? 1 : 0;
                        width += Double.isFinite(widths[r][i][k]) ? widths[r][i][k] : 0;
                    }
                    double cv = (double) hits / replicates;
                    low[k] = Math.min(low[k], cv);
                    table.append(String.format(Locale.ROOT, " %.1f%% (w %.3g) |", 100 * cv, width / replicates));
                }
                table.append(' ').append(notOk).append(" |\n");
                if (methods.get(i).equals(DEFAULT)) {
                    defaultNotOk += notOk;
                }
            }
        }
        table.append(String.format(Locale.ROOT, "%n%.0f s%n", (System.nanoTime() - t0) * 1e-9));
        System.out.println(table);
        Path out = Path.of("target", "cluster-coverage-study.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table.toString());
        for (String method : methods) {
            assertThat(worst.get(method)).hasSize(q);
        }
        assertThat(defaultNotOk).as("the default's intervals are all usable").isZero();
        if (full) {
            for (int k = 0; k < q; k++) {
                assertThat(worst.get(DEFAULT)[k]).as(quantities.get(k).name()).isGreaterThanOrEqualTo(0.92);
            }
        }
    }

    private static List<Interval> intervals(BootstrapResult b, List<DerivedQuantity> quantities, IntervalMethod im) {
        List<Interval> l = new ArrayList<>();
        for (DerivedQuantity dq : quantities) {
            l.add(b.interval(dq.name(), im, 0.95));
        }
        return l;
    }
}
