/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer;

import java.util.List;

import dev.scalinglaws.core.LawProvider;
import dev.scalinglaws.core.ScalingLaw;

/**
 * Contributes the transfer and fine-tuning laws to {@link dev.scalinglaws.core.ScalingLaws}:
 * {@code transfer-gap}, {@code effective-data}, {@code rectified}, {@code vanilla-finetune}, {@code loss-to-error}.
 *
 * <p>Stateless and thread-safe.
 */
public final class TransferLaws implements LawProvider {

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public TransferLaws() {
    }

    @Override
    public List<ScalingLaw> laws() {
        return List.of(TransferGapLaw.INSTANCE, EffectiveDataLaw.INSTANCE, RectifiedLaw.INSTANCE,
                VanillaFinetuneLaw.INSTANCE, LossToErrorLaw.INSTANCE);
    }
}
