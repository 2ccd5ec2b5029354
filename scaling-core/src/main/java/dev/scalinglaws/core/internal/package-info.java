/**
 * Implementation details of scaling-core that users must not depend on: they may change in any release.
 *
 * <p>{@link dev.scalinglaws.core.internal.Simd} decides whether the vectorised kernels (the Java Vector API,
 * incubating in Java 17: {@code --add-modules jdk.incubator.vector}) are used; the kernels themselves live in classes
 * that are loaded only when it says yes.
 */
package dev.scalinglaws.core.internal;
