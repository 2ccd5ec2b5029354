/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Starts;
import dev.scalinglaws.fit.uncertainty.Bootstrap;
import dev.scalinglaws.fit.uncertainty.BootstrapOptions;
import dev.scalinglaws.fit.uncertainty.BootstrapResult;
import dev.scalinglaws.fit.uncertainty.DerivedQuantity;
import dev.scalinglaws.fit.uncertainty.IntervalMethod;
import dev.scalinglaws.fit.uncertainty.ResamplingScheme;

/** The distributed bootstrap gives the local bootstrap's bits for any number of partitions. */
class DistributedBootstrapTest {

    private static FitResult fit() {
        var rows = GroupFitsTest.synthetic(1, 5);
        Dataset data = Dataset.builder("synthetic")
                .column("N", rows.stream().mapToDouble(r -> r.getDouble(1)).toArray())
                .column("D", rows.stream().mapToDouble(r -> r.getDouble(2)).toArray())
                .column("loss", rows.stream().mapToDouble(r -> r.getDouble(3)).toArray()).build();
        return Fitter.fit(ChinchillaLaw.INSTANCE, data, FitSpec.defaults().withStarts(Starts.parse("sobol:16", 1)));
    }

    @Test
    void bitIdenticalToTheLocalBootstrapForAnyPartitioning() {
        FitResult fit = fit();
        BootstrapOptions options = BootstrapOptions.defaults().withResamples(60).withSeed(17)
                .withScheme(ResamplingScheme.CASE).withMethod(IntervalMethod.BCA);
        BootstrapResult local = Bootstrap.run(fit, options, List.of());
        for (int partitions : new int[] {1, 3, 7}) {
            BootstrapResult spark = DistributedBootstrap.run(LocalSpark.get(), fit, options, List.of(), partitions);
            assertThat(spark.names()).isEqualTo(local.names());
            assertThat(spark.failed()).isEqualTo(local.failed());
            for (String name : local.names()) {
                assertThat(spark.replicates(name)).as("%s with %d partitions", name, partitions)
                        .isEqualTo(local.replicates(name));
                assertThat(spark.interval(name)).isEqualTo(local.interval(name));
            }
        }
    }

    @Test
    void quantitiesMustBeSerializable() {
        FitResult fit = fit();
        DerivedQuantity lambda = DerivedQuantity.of("sum", t -> t[3] + t[4]);
        assertThatThrownBy(() -> DistributedBootstrap.run(LocalSpark.get(), fit, BootstrapOptions.defaults()
                .withResamples(10), List.of(lambda), 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sum");
    }
}
