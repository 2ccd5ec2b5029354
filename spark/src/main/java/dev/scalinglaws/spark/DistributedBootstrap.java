/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.uncertainty.BootstrapOptions;
import dev.scalinglaws.fit.uncertainty.BootstrapPlan;
import dev.scalinglaws.fit.uncertainty.BootstrapResult;
import dev.scalinglaws.fit.uncertainty.DerivedQuantity;

/**
 * A bootstrap of one fit whose refits are spread over a Spark cluster: the resample indices 0..B-1 (and, for BCa
 * intervals, the jackknife deletions) are split into partitions, each task refits its indices with a
 * {@link BootstrapPlan} (the fit, with its data, ships once per task), and the driver assembles the replicates in
 * index order. Resample i depends only on (seed, i), so the result is bit-identical to the local
 * {@link dev.scalinglaws.fit.uncertainty.Bootstrap#run} with the same options, for any number of partitions and
 * executors (when the executors run the same numerical kernels as the driver; see docs/spark.md).
 */
public final class DistributedBootstrap {

    private DistributedBootstrap() {
    }

    /**
     * Bootstraps a fit on Spark.
     *
     * @param spark      the session
     * @param fit        the full-data fit (it must carry its problem)
     * @param options    options; its parallelism and progress hook are not used (Spark runs the refits)
     * @param quantities derived quantities to record besides the parameters; they must be serializable
     * @param partitions how many tasks share the resamples (at least 1)
     * @return the result, as {@link dev.scalinglaws.fit.uncertainty.Bootstrap#run} returns it
     * @throws IllegalArgumentException if a quantity is not serializable or partitions is below 1
     */
    public static BootstrapResult run(SparkSession spark, FitResult fit, BootstrapOptions options,
                                      List<DerivedQuantity> quantities, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        for (DerivedQuantity q : quantities) {
            if (!(q instanceof java.io.Serializable)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "derived quantity %s is not serializable, so it cannot be shipped to executors", q.name()));
            }
        }
        long t0 = System.nanoTime();
        BootstrapPlan plan = BootstrapPlan.of(fit, options, quantities);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<BootstrapPlan.Replicate> resamples = refits(jsc, plan, plan.resamples(), partitions, false);
        List<BootstrapPlan.Replicate> jackknife = plan.needsJackknife()
                ? refits(jsc, plan, plan.jackknifeSize(), partitions, true) : List.of();
        return plan.assemble(resamples, jackknife, (System.nanoTime() - t0) * 1e-9);
    }

    private static List<BootstrapPlan.Replicate> refits(JavaSparkContext jsc, BootstrapPlan plan, int n,
                                                        int partitions, boolean jackknife) {
        List<Integer> indices = IntStream.range(0, n).boxed().toList();
        return new ArrayList<>(jsc.parallelize(indices, Math.min(partitions, Math.max(1, n)))
                .mapPartitions(it -> {
                    List<BootstrapPlan.Replicate> out = new ArrayList<>();
                    while (it.hasNext()) {
                        int i = it.next();
                        out.add(jackknife ? plan.jackknife(i) : plan.resample(i));
                    }
                    return out.iterator();
                }).collect());
    }
}
