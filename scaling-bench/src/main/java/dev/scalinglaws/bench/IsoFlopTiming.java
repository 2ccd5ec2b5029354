/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.bench;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.datasets.Datasets;
import dev.scalinglaws.fit.approaches.IsoFlop;
import dev.scalinglaws.fit.approaches.IsoFlopOptions;

/**
 * The fit time of {@code scaling isoflop --dataset isoflop-porian2024 --by config --resamples 1000} (issue 16: under
 * 3 s): {@link IsoFlop#fit} on each of the 11 configurations of the 1,264 Porian et al. points, with the default
 * options (1,000 resamples per budget), timed from the loaded dataset to the last result, cold (first run in a fresh
 * JVM) and then warm, as wall time and as process CPU time (the latter is robust to a loaded machine). A diagnostic,
 * not a JMH benchmark: {@code java --add-modules jdk.incubator.vector -cp scaling-bench/target/benchmarks.jar
 * dev.scalinglaws.bench.IsoFlopTiming [runs]}.
 */
public final class IsoFlopTiming {

    private IsoFlopTiming() {
    }

    /**
     * Runs the timing.
     *
     * @param args optional number of runs (default 5)
     */
    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Dataset d = Datasets.porianIsoflop();
        String[] config = d.textColumn("config");
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            long c0 = os.getProcessCpuTime();
            double sum = 0;
            for (String c : new LinkedHashSet<>(List.of(config))) {
                sum += IsoFlop.fit(d.filter(i -> config[i].equals(c)), IsoFlopOptions.defaults(), c).a().estimate();
            }
            System.out.printf(Locale.ROOT, "run %d: wall %.3f s, process CPU %.3f s (sum of a %.6f), load %.2f%n", r,
                    (System.nanoTime() - t0) * 1e-9, (os.getProcessCpuTime() - c0) * 1e-9, sum,
                    os.getSystemLoadAverage());
        }
    }
}
