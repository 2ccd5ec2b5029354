/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.datasets.Datasets;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Starts;
import org.junit.jupiter.api.Test;

/**
 * A whole fit gives the same bits whether the JIT compiler has compiled the vectorised kernels or not: the Epoch
 * objective from 4 Sobol starts, fitted here after warm-up (C2) and in a child JVM run with {@code -Xint} (every
 * Vector API call through its Java fallback). With the Vector API's own exp and log this fails (they are SVML when
 * compiled and {@code Math.exp} when interpreted); with {@code fit.internal.VectorMath} it must hold.
 */
class InterpretedFitDeterminismTest {

    private static List<String> fitBits() {
        Dataset data = Datasets.chinchilla().withoutLargest("loss", 5);
        FitResult fit = Fitter.fit(ChinchillaLaw.INSTANCE, data, FitSpec.epoch().withStarts(Starts.sobol(4, 7))
                .withThreads(1));
        List<String> out = new ArrayList<>();
        out.add(fit.status() + " " + Long.toHexString(Double.doubleToRawLongBits(fit.objective())));
        for (double t : fit.theta()) {
            out.add(Long.toHexString(Double.doubleToRawLongBits(t)));
        }
        out.add(Simd.describe());
        return out;
    }

    /**
     * Entry point of the interpreted child JVM.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        fitBits().forEach(System.out::println);
    }

    @Test
    void sameBitsInterpretedAndCompiled() throws IOException, InterruptedException {
        assertThat(Simd.ENABLED).as(Simd.describe()).isTrue();
        for (int i = 0; i < 30; i++) {
            fitBits();
        }
        List<String> compiled = fitBits();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xint", "--add-modules", "jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), InterpretedFitDeterminismTest.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> interpreted = new String(child.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
                .lines().toList();
        assertThat(child.waitFor()).isZero();
        assertThat(interpreted).isEqualTo(compiled);
    }
}
