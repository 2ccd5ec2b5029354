/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import dev.scalinglaws.fit.internal.LossKernel;

/**
 * Adapts a public {@link Loss} to the engine's {@link LossKernel} (same rho, psi, IRLS weight, fitted scale and
 * log normaliser: both evaluate the same formulas, which live in the kernel).
 */
final class LossKernels {

    private LossKernels() {
    }

    /**
     * @param loss a loss
     * @return its kernel
     */
    static LossKernel of(Loss loss) {
        if (loss instanceof Loss.Squared) {
            return LossKernel.squared();
        }
        if (loss instanceof Loss.Huber h) {
            return LossKernel.huber(h.delta());
        }
        if (loss instanceof Loss.HuberLikelihood h) {
            return LossKernel.huberLikelihood(h.delta());
        }
        if (loss instanceof Loss.SoftL1 s) {
            return LossKernel.softL1(s.delta());
        }
        if (loss instanceof Loss.Cauchy c) {
            return LossKernel.cauchy(c.delta());
        }
        throw new IllegalArgumentException("unknown loss " + loss);
    }
}
