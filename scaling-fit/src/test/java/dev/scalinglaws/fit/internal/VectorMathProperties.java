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
import java.util.SplittableRandom;

import jdk.incubator.vector.DoubleVector;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/**
 * {@link VectorMath}: exp and log within 2 ulps of {@code Math.exp} and {@code Math.log} across their ranges, the
 * special values, and the same bits in an interpreted JVM ({@code -Xint}) as after C2 has compiled the code here.
 */
class VectorMathProperties {

    private static final int LANES = VectorMath.S.length();

    private static double exp(double x) {
        double[] in = new double[LANES];
        java.util.Arrays.fill(in, x);
        double[] out = new double[LANES];
        VectorMath.exp(DoubleVector.fromArray(VectorMath.S, in, 0)).intoArray(out, 0);
        return out[LANES - 1];
    }

    private static double log(double x) {
        double[] in = new double[LANES];
        java.util.Arrays.fill(in, x);
        double[] out = new double[LANES];
        VectorMath.log(DoubleVector.fromArray(VectorMath.S, in, 0)).intoArray(out, 0);
        return out[LANES - 1];
    }

    private static void assertWithinUlps(double actual, double expected, int ulps, String what) {
        if (Double.isNaN(expected) || Double.isInfinite(expected) || expected == 0) {
            assertThat(actual).as(what).isEqualTo(expected);
            return;
        }
        assertThat(Math.abs(actual - expected)).as("%s: %s vs %s", what, actual, expected)
                .isLessThanOrEqualTo(ulps * Math.ulp(expected));
    }

    @Property(tries = 3000)
    void expIsWithinTwoUlps(@ForAll @DoubleRange(min = -708.39, max = 709.78) double x) {
        assertWithinUlps(exp(x), Math.exp(x), 2, "exp(" + x + ")");
    }

    @Property(tries = 3000)
    void expIsWithinTwoUlpsNearZero(@ForAll @DoubleRange(min = -2, max = 2) double x) {
        assertWithinUlps(exp(x), Math.exp(x), 2, "exp(" + x + ")");
    }

    @Property(tries = 3000)
    void logIsWithinTwoUlps(@ForAll @DoubleRange(min = -745, max = 709.7) double lnX) {
        double x = Math.exp(lnX);
        assertWithinUlps(log(x), Math.log(x), 2, "log(" + x + ")");
    }

    @Property(tries = 3000)
    void logIsWithinTwoUlpsNearOne(@ForAll @DoubleRange(min = 0.5, max = 3) double x) {
        assertWithinUlps(log(x), Math.log(x), 2, "log(" + x + ")");
    }

    @Example
    void specialValues() {
        assertThat(exp(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(exp(-800)).isEqualTo(0.0);
        assertThat(exp(710)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(exp(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(exp(Double.NaN)).isNaN();
        assertThat(exp(0)).isEqualTo(1.0);
        assertThat(log(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(log(-1)).isNaN();
        assertThat(log(Double.NaN)).isNaN();
        assertThat(log(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(log(1)).isEqualTo(0.0);
        assertWithinUlps(log(Double.MIN_VALUE), Math.log(Double.MIN_VALUE), 2, "log(MIN_VALUE)");
        assertWithinUlps(log(Double.MAX_VALUE), Math.log(Double.MAX_VALUE), 2, "log(MAX_VALUE)");
        assertWithinUlps(log(3e-310), Math.log(3e-310), 2, "log(subnormal)");
    }

    /** The arguments both JVMs evaluate: a fixed pseudo-random spread over exp's and log's ranges. */
    static double[] arguments() {
        SplittableRandom random = new SplittableRandom(20261123);
        double[] x = new double[LANES * 512];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble(-40, 40);
        }
        return x;
    }

    /** exp and log of {@link #arguments()} as hexadecimal bit patterns, one line each. */
    static List<String> evaluateAll() {
        double[] x = arguments();
        double[] e = new double[x.length];
        double[] l = new double[x.length];
        for (int i = 0; i < x.length; i += LANES) {
            DoubleVector v = DoubleVector.fromArray(VectorMath.S, x, i);
            VectorMath.exp(v).intoArray(e, i);
            VectorMath.log(v.abs()).intoArray(l, i);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            out.add(Long.toHexString(Double.doubleToRawLongBits(e[i])) + " "
                    + Long.toHexString(Double.doubleToRawLongBits(l[i])));
        }
        return out;
    }

    /** Entry point of the interpreted child JVM. */
    public static void main(String[] args) {
        evaluateAll().forEach(System.out::println);
    }

    @Example
    void sameBitsInterpretedAndCompiled() throws IOException, InterruptedException {
        for (int i = 0; i < 3000; i++) {
            evaluateAll();
        }
        List<String> compiled = evaluateAll();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xint", "--add-modules", "jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), VectorMathProperties.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> interpreted = new String(child.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
                .lines().toList();
        assertThat(child.waitFor()).isZero();
        assertThat(interpreted).hasSize(compiled.size());
        assertThat(interpreted).isEqualTo(compiled);
    }
}
