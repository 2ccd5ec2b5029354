/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.spark;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.apache.spark.sql.SparkSession;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Parallelism;
import dev.scalinglaws.fit.Starts;
import dev.scalinglaws.fit.uncertainty.Bootstrap;
import dev.scalinglaws.fit.uncertainty.BootstrapOptions;
import dev.scalinglaws.fit.uncertainty.BootstrapResult;
import dev.scalinglaws.fit.uncertainty.IntervalMethod;

/**
 * The bootstrap benchmark of bench/spark-bootstrap.sh: a B-resample percentile bootstrap of an R-row Chinchilla fit,
 * on one thread, on all local threads, and on Spark (local[T] with T = 1 and 2, or the given master), checking that
 * every run gives the same bits. Prints resamples per second. Not part of the API.
 */
final class BootstrapThroughput {

    private BootstrapThroughput() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int resamples = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        SplittableRandom rnd = new SplittableRandom(1);
        double[] n = new double[rows];
        double[] d = new double[rows];
        double[] loss = new double[rows];
        for (int i = 0; i < rows; i++) {
            n[i] = Math.exp(Math.log(1e7) + rnd.nextDouble() * Math.log(1e3));
            d[i] = n[i] * Math.exp(Math.log(2) + rnd.nextDouble() * Math.log(50));
            loss[i] = (1.8 + 480 * Math.pow(n[i], -0.35) + 2100 * Math.pow(d[i], -0.37))
                    * Math.exp(0.01 * rnd.nextGaussian());
        }
        Dataset data = Dataset.builder("synthetic").column("N", n).column("D", d).column("loss", loss).build();
        FitResult fit = Fitter.fit(ChinchillaLaw.INSTANCE, data, FitSpec.defaults()
                .withStarts(Starts.parse("sobol:16", 0)));
        BootstrapOptions options = BootstrapOptions.defaults().withResamples(resamples).withSeed(7)
                .withMethod(IntervalMethod.PERCENTILE).withBestStarts(0).withStartFromOptimum(true);
        System.out.printf(Locale.ROOT, "bootstrap of a %d-row chinchilla fit, %d resamples (percentile, refits from the"
                + " optimum)%n", rows, resamples);
        BootstrapResult one = time("local, 1 thread", resamples,
                () -> Bootstrap.run(fit, options.withParallelism(Parallelism.sequential()), List.of()));
        int cores = Runtime.getRuntime().availableProcessors();
        BootstrapResult all = time("local, " + cores + " threads", resamples,
                () -> Bootstrap.run(fit, options.withParallelism(Parallelism.threads(cores)), List.of()));
        check(one, all);
        for (int t = 1; t <= cores; t++) {
            SparkSession spark = SparkSession.builder().master("local[" + t + "]").appName("bootstrap-bench")
                    .config("spark.ui.enabled", "false").getOrCreate();
            int threads = t;
            BootstrapResult s = time("spark local[" + t + "]", resamples,
                    () -> DistributedBootstrap.run(spark, fit, options, List.of(), 4 * threads));
            check(one, s);
            spark.stop();
        }
    }

    private static BootstrapResult time(String label, int resamples, java.util.function.Supplier<BootstrapResult> run) {
        long t0 = System.nanoTime();
        BootstrapResult r = run.get();
        double s = (System.nanoTime() - t0) * 1e-9;
        System.out.printf(Locale.ROOT, "%-22s %8.2f s  %8.1f resamples/s  (%d failed)%n", label, s, resamples / s,
                r.failed());
        return r;
    }

    private static void check(BootstrapResult a, BootstrapResult b) {
        for (String name : a.names()) {
            if (!java.util.Arrays.equals(a.replicates(name), b.replicates(name))) {
                throw new IllegalStateException("replicates of " + name + " differ");
            }
        }
    }
}
