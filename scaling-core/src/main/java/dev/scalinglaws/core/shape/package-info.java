/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Model shape: exact parameter and FLOP accounting of Transformer shapes ({@link
 * dev.scalinglaws.core.shape.TransformerShape}), the named T5 configurations of Tay et al. ({@link
 * dev.scalinglaws.core.shape.T5Configs}), the DeepNarrow strategy ({@link dev.scalinglaws.core.shape.DeepNarrow})
 * and the Pareto frontier of cost versus quality ({@link dev.scalinglaws.core.shape.ParetoFrontier}).
 *
 * <p>References: Y. Tay et al., "Scale Efficiently: Insights from Pre-training and Fine-tuning Transformers",
 * arXiv:2109.10686 (2021); J. Kaplan et al., "Scaling Laws for Neural Language Models", arXiv:2001.08361 (2020).
 *
 * <p>All types in this package are immutable and thread-safe.
 */
package dev.scalinglaws.core.shape;
