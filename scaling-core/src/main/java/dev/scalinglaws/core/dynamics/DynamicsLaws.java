/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.dynamics;

import java.util.List;

import dev.scalinglaws.core.LawProvider;
import dev.scalinglaws.core.ScalingLaw;

/**
 * Contributes the training-dynamics laws of this package to {@link dev.scalinglaws.core.ScalingLaws}:
 * {@code kaplan-ns} ({@link KaplanStepsLaw}), {@code critical-batch} ({@link CriticalBatchLaw}) and
 * {@code kaplan-trajectory} ({@link KaplanTrajectoryLaw}), in that order (Kaplan et al., arXiv:2001.08361, eqs. 1.6,
 * 1.4 and 1.6 with 5.4).
 *
 * <p>The registry finds them through {@link java.util.ServiceLoader} like any other provider, so that the core
 * package does not name the laws of its sub-package (the dependency runs from {@code dynamics} to {@code core} only);
 * {@link dev.scalinglaws.core.ScalingLaws#builtIn()} counts a provider of a {@code dev.scalinglaws.core} package as
 * built in. Stateless and thread-safe.
 */
public final class DynamicsLaws implements LawProvider {

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public DynamicsLaws() {
    }

    @Override
    public List<ScalingLaw> laws() {
        return List.of(KaplanStepsLaw.INSTANCE, CriticalBatchLaw.INSTANCE, KaplanTrajectoryLaw.INSTANCE);
    }
}
