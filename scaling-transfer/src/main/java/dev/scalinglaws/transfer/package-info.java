/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Transfer, fine-tuning and downstream laws, each a {@link dev.scalinglaws.core.ScalingLaw} fitted by the common
 * {@link dev.scalinglaws.fit.Fitter} and registered by name through {@link dev.scalinglaws.transfer.TransferLaws}:
 *
 * <ul>
 *   <li>{@link dev.scalinglaws.transfer.TransferGapLaw} ({@code transfer-gap}) and its decisions in
 *       {@link dev.scalinglaws.transfer.TransferGap} (optimal data split, data-scarcity floor, marginal value);</li>
 *   <li>{@link dev.scalinglaws.transfer.EffectiveDataLaw} ({@code effective-data}) and the fine-tuning loss law
 *       {@link dev.scalinglaws.transfer.EffectiveDataLossLaw};</li>
 *   <li>{@link dev.scalinglaws.transfer.RectifiedLaw} ({@code rectified}) and
 *       {@link dev.scalinglaws.transfer.VanillaFinetuneLaw} ({@code vanilla-finetune}), fitted per curve by
 *       {@link dev.scalinglaws.transfer.FineTuning}; model selection by
 *       {@link dev.scalinglaws.transfer.AcceptThenStop} and {@link dev.scalinglaws.transfer.ModelSelection};</li>
 *   <li>{@link dev.scalinglaws.transfer.LossToErrorLaw} ({@code loss-to-error}) and the two-stage
 *       {@link dev.scalinglaws.transfer.OvertrainingErrorChain} with its joint bootstrap.</li>
 * </ul>
 *
 * Golden comparisons with the papers: {@code docs/transfer.md}.
 */
package dev.scalinglaws.transfer;
