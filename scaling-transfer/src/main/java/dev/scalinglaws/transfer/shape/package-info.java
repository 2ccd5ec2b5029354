/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Shape effects on downstream metrics: a nested-model test of whether depth or aspect ratio explains a metric beyond
 * model size ({@link dev.scalinglaws.transfer.shape.ShapeEffectAnalysis}), after Tay et al. 2021, "Scale
 * Efficiently: Insights from Pre-training and Fine-tuning Transformers", arXiv:2109.10686. Shape accounting itself
 * (parameters, FLOPs, DeepNarrow, Pareto frontiers) lives in {@code dev.scalinglaws.core.shape}.
 *
 * <p>All public types are immutable and thread-safe.
 */
package dev.scalinglaws.transfer.shape;
