/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Transfer and fine-tuning laws: {@code dev.scalinglaws.transfer} (transfer gap, effective data transferred, the
 * rectified law and Accept-then-Stop, the loss-to-error chain) and {@code .shape} (shape effects on downstream
 * metrics). Its laws are registered with {@link dev.scalinglaws.core.ScalingLaws} as a
 * {@link dev.scalinglaws.core.LawProvider}.
 */
@SuppressWarnings("requires-automatic")
module dev.scalinglaws.transfer {
    requires transitive dev.scalinglaws.core;
    requires transitive dev.scalinglaws.fit;
    requires org.apache.commons.statistics.distribution;
    requires commons.math3;

    exports dev.scalinglaws.transfer;
    exports dev.scalinglaws.transfer.shape;

    provides dev.scalinglaws.core.LawProvider with dev.scalinglaws.transfer.TransferLaws;
}
