/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Fitting scaling laws and their uncertainty: {@code dev.scalinglaws.fit} (the problem, its evaluation, the fitter
 * and its result) and {@code .uncertainty} (asymptotic, profile and bootstrap intervals, prediction, backtests).
 * The optimisers and kernels in {@code dev.scalinglaws.fit.internal} are not exported. The Vector API is optional:
 * the vector kernels run only when the JVM resolves {@code jdk.incubator.vector}.
 */
@SuppressWarnings("requires-automatic")
module dev.scalinglaws.fit {
    requires transitive dev.scalinglaws.core;
    requires org.apache.commons.statistics.distribution;
    requires commons.math3;
    requires ejml.core;
    requires ejml.ddense;
    requires static jdk.incubator.vector;

    exports dev.scalinglaws.fit;
    exports dev.scalinglaws.fit.uncertainty;
    exports dev.scalinglaws.fit.approaches;
}
