/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.internal;

/**
 * Whether the laws evaluate with the vectorised kernels of {@link TwoPowerVector} and friends.
 *
 * <p>They need the Java Vector API, an incubator module in Java 17 that the JVM resolves only on request:
 * {@code java --add-modules jdk.incubator.vector ...} (the {@code scaling} launcher, the benchmarks and the test
 * runs pass it). Without it, or with {@code -Dscalinglaws.simd=false}, every law runs its scalar loop. The two paths
 * agree to a few units in the last place (the vector exp and log are {@link VectorMath}'s, the scalar ones
 * {@code Math.exp} and {@code Math.log}); each is deterministic on its own: the same bits whatever the thread count
 * and whether or not the JIT compiler has compiled the kernel yet.
 */
public final class Simd {

    /** True when the vector kernels are in use (decided once, at class initialisation). */
    public static final boolean ENABLED = decide();

    private Simd() {
    }

    /** Whether the user left the vector kernels on ({@code -Dscalinglaws.simd=false} turns them off). */
    private static boolean requested() {
        return Boolean.parseBoolean(System.getProperty("scalinglaws.simd", "true"));
    }

    private static boolean decide() {
        if (!requested()) {
            return false;
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            // links the kernel class (and so the Vector API) once; any failure means: stay scalar
            return TwoPowerVector.lanes() >= 2;
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }

    /**
     * A one-line description for logs and benchmark records, e.g. {@code "vector (8 x double)"} or
     * {@code "scalar (jdk.incubator.vector not resolved; add --add-modules jdk.incubator.vector)"}.
     *
     * @return what the kernels run on
     */
    public static String describe() {
        if (ENABLED) {
            return "vector (" + TwoPowerVector.lanes() + " x double)";
        }
        if (!requested()) {
            return "scalar (-Dscalinglaws.simd=false)";
        }
        return "scalar (jdk.incubator.vector not resolved; add --add-modules jdk.incubator.vector)";
    }
}
