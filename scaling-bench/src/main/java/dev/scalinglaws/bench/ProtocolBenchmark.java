/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.bench;

import java.util.concurrent.TimeUnit;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Epoch AI's "replicate exactly" protocol end to end: {@code Fitter.fit(ChinchillaLaw.INSTANCE, epoch240,
 * FitSpec.epoch())}, 4,500 L-BFGS-B starts on Hoffmann's grid plus polish and reports, on 1 and 2 worker threads.
 * SciPy's time for the same protocol comes from {@code bench/race.sh}, which runs both in one session.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProtocolBenchmark {

    /** Multistart worker threads. */
    @Param({"1", "2"})
    public int threads;

    private Dataset data;
    private FitSpec spec;

    /** Loads the data once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        data = EpochData.bundled240();
        spec = FitSpec.epoch().withThreads(threads);
    }

    /**
     * The 4,500-start fit.
     *
     * @return the result
     */
    @Benchmark
    public FitResult hoffmannGrid() {
        return Fitter.fit(ChinchillaLaw.INSTANCE, data, spec);
    }
}
