/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/** Uniform and normal draws built from jqwik's uniform doubles. Not API. */
final class Draws {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Draws() {
    }

    /** u uniform on the open interval (-1, 1), 12 decimals, shrinking towards 0, without edge cases. */
    static Arbitrary<Double> uniform() {
        return Arbitraries.doubles().between(-1, false, 1, false).ofScale(12)
                .withDistribution(RandomDistribution.uniform()).withoutEdgeCases();
    }

    static Arbitrary<double[]> uniforms(int n) {
        return uniform().list().ofSize(n).map(Draws::toArray);
    }

    /** n standard normal variates (inverse CDF of (1 + u) / 2), shrinking towards 0. */
    static Arbitrary<double[]> normals(int n) {
        return uniforms(n).map(u -> {
            double[] z = new double[u.length];
            for (int i = 0; i < z.length; i++) {
                z[i] = u[i] == 0 ? 0 : STANDARD_NORMAL.inverseCumulativeProbability(0.5 + 0.5 * u[i]);
            }
            return z;
        });
    }

    static double[] scale(double[] z, double s) {
        double[] out = new double[z.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = s * z[i];
        }
        return out;
    }

    static double[] toArray(List<Double> values) {
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return a;
    }

    /**
     * Uniform on [lo, hi] with 12 decimals of the unit interval (jqwik's default scale of 2 would round the bounds);
     * shrinks towards lo.
     */
    static Arbitrary<Double> between(double lo, double hi) {
        if (lo == hi) {
            return Arbitraries.just(lo);
        }
        return Arbitraries.doubles().between(0, 1).ofScale(12).map(u -> u == 1 ? hi : lo + u * (hi - lo));
    }

    /** Log-uniform on [lo, hi], lo &gt; 0; shrinks towards lo. */
    static Arbitrary<Double> logBetween(double lo, double hi) {
        double a = Math.log(lo);
        double b = Math.log(hi);
        return between(a, b).map(v -> v == b ? hi : v == a ? lo : Math.exp(v));
    }
}
