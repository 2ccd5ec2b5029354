/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.datasets.Datasets;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.transfer.FineTuning;
import dev.scalinglaws.transfer.RectifiedLaw;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The 90 fine-tuning curves of Lin et al. 2024 (3 datasets x 30 models, 14 non-zero sizes each) fitted as a batch
 * with the rectified law under {@link FineTuning#linProtocol()} (squared log residuals), one after the other on one
 * thread: the workload of {@code RectifiedGoldenTest}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class LinCurvesBenchmark {

    private List<Dataset> curves;
    private FitSpec spec;

    /** Splits the bundled long-format table into its 90 curves once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        Dataset all = Datasets.linFinetune();
        String[] dataset = all.textColumn("dataset");
        String[] model = all.textColumn("model");
        curves = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String key = dataset[i] + "/" + model[i];
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        for (String key : keys) {
            curves.add(all.filter(i -> (dataset[i] + "/" + model[i]).equals(key)));
        }
        if (curves.size() != 90) {
            throw new IllegalStateException("expected 90 curves, found " + curves.size());
        }
        spec = FineTuning.linProtocol().withThreads(1);
    }

    /**
     * Fits all 90 curves.
     *
     * @param bh consumes every result
     */
    @Benchmark
    public void rectifiedBatch(Blackhole bh) {
        for (Dataset curve : curves) {
            FitResult fit = FineTuning.fit(RectifiedLaw.INSTANCE, curve, spec, FineTuning.ZeroShot.EXCLUDE);
            bh.consume(fit);
        }
    }
}
