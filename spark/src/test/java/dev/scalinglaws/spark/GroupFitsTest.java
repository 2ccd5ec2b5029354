/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Starts;

class GroupFitsTest {

    private static final FitSpec SPEC = FitSpec.defaults().withStarts(Starts.parse("sobol:16", 7)).withSeed(7);

    /** Rows of a Chinchilla-like sweep: 4 sizes x 5 token counts per group, each group with its own truth. */
    static List<Row> synthetic(int groups, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Row> rows = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            double e = 1.6 + 0.4 * rnd.nextDouble();
            double a = 300 + 300 * rnd.nextDouble();
            double b = 800 + 1500 * rnd.nextDouble();
            double alpha = 0.3 + 0.1 * rnd.nextDouble();
            double beta = 0.3 + 0.1 * rnd.nextDouble();
            for (double n : new double[] {1e7, 3e7, 1e8, 3e8}) {
                for (double tpp : new double[] {5, 10, 20, 40, 80}) {
                    double d = n * tpp;
                    double loss = (e + a * Math.pow(n, -alpha) + b * Math.pow(d, -beta))
                            * Math.exp(0.005 * rnd.nextGaussian());
                    rows.add(RowFactory.create("g" + (groups - g), n, d, loss));
                }
            }
        }
        return rows;
    }

    static StructType schema() {
        return new StructType().add("task", DataTypes.StringType).add("N", DataTypes.DoubleType)
                .add("D", DataTypes.DoubleType).add("loss", DataTypes.DoubleType);
    }

    @Test
    void groupFitsEqualLocalFitsInOrderOfFirstAppearance() {
        SparkSession spark = LocalSpark.get();
        List<Row> rows = synthetic(6, 11);
        // three partitions that keep the input order
        var rdd = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(rows, 3);
        var df = spark.createDataFrame(rdd, schema());
        List<Row> out = GroupFits.of(ChinchillaLaw.INSTANCE, SPEC).fit(df, "task").collectAsList();
        assertThat(out).hasSize(6);
        // order of first appearance in the input
        assertThat(out.stream().map(r -> r.getString(0)).toList())
                .containsExactly("g6", "g5", "g4", "g3", "g2", "g1");
        for (Row r : out) {
            String g = r.getString(0);
            List<Row> part = rows.stream().filter(x -> x.getString(0).equals(g)).toList();
            Dataset data = Dataset.builder("group")
                    .column("N", part.stream().mapToDouble(x -> x.getDouble(1)).toArray())
                    .column("D", part.stream().mapToDouble(x -> x.getDouble(2)).toArray())
                    .column("loss", part.stream().mapToDouble(x -> x.getDouble(3)).toArray()).build();
            FitResult local = Fitter.fit(ChinchillaLaw.INSTANCE, data, SPEC.withThreads(1));
            assertThat(r.<String>getAs("status")).isEqualTo(local.status().name());
            assertThat(r.<Double>getAs("objective")).isEqualTo(local.objective());
            assertThat(r.<Integer>getAs("rows")).isEqualTo(20);
            for (var p : local.parameters()) {
                assertThat(r.<Double>getAs(p.name())).as(g + " " + p.name()).isEqualTo(p.estimate());
                assertThat(r.<Double>getAs(p.name() + "_se")).isEqualTo(p.stdError());
                if (local.converged() && !local.hasWarnings()) {
                    // intervals of a clean fit bracket the estimate (a degenerate one may have none: NaN)
                    assertThat(r.<Double>getAs(p.name() + "_lower")).isLessThan(p.estimate());
                    assertThat(r.<Double>getAs(p.name() + "_upper")).isGreaterThan(p.estimate());
                }
            }
        }
    }

    @Test
    void badGroupsGetErrorRowsAndTheJobSucceeds() {
        SparkSession spark = LocalSpark.get();
        List<Row> rows = new ArrayList<>(synthetic(1, 3));
        rows.add(RowFactory.create("tiny", 1e8, 1e9, 3.0));
        rows.add(RowFactory.create("tiny", 2e8, 2e9, 2.9));
        for (double n : new double[] {1e7, 1e8, 1e9}) {
            for (double d : new double[] {1e9, 1e10}) {
                rows.add(RowFactory.create("negative", n, d, n == 1e8 ? -1.0 : 3.0));
            }
        }
        var df = spark.createDataFrame(rows, schema());
        List<Row> out = GroupFits.of(ChinchillaLaw.INSTANCE, SPEC).fit(df, "task").collectAsList();
        assertThat(out).extracting(r -> r.getString(0)).containsExactly("g1", "tiny", "negative");
        assertThat(out.get(0).<String>getAs("status")).isEqualTo("CONVERGED");
        for (Row bad : out.subList(1, 3)) {
            assertThat(bad.<String>getAs("status")).isEqualTo("ERROR");
            assertThat(bad.<String>getAs("message")).isNotBlank();
            assertThat(bad.<Double>getAs("E")).isNaN();
        }
        assertThat(out.get(2).<String>getAs("message")).contains("loss");
    }
}
