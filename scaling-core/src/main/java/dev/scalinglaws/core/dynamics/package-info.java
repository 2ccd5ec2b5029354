/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Training dynamics: Kaplan et al.'s law of loss in model size and minimum steps ({@link
 * dev.scalinglaws.core.dynamics.KaplanStepsLaw}, {@code kaplan-ns}), the critical batch size ({@link
 * dev.scalinglaws.core.dynamics.CriticalBatchLaw}, {@code critical-batch}), the step / example trade-off ({@link
 * dev.scalinglaws.core.dynamics.StepTradeoff}), predictions of steps, tokens and whole loss trajectories ({@link
 * dev.scalinglaws.core.dynamics.TrainingDynamics}), the compute-efficient frontier ({@link
 * dev.scalinglaws.core.dynamics.ComputeEfficientFrontier}) and checkpoint-level data ({@link
 * dev.scalinglaws.core.dynamics.Checkpoints}).
 *
 * <p>References: J. Kaplan et al., "Scaling Laws for Neural Language Models", arXiv:2001.08361 (2020); S. McCandlish
 * et al., "An Empirical Model of Large-Batch Training", arXiv:1812.06162 (2018); H. Su et al., "Unraveling the
 * Mystery of Scaling Laws: Part I", arXiv:2403.06563 (2024).
 *
 * <p>All types in this package are immutable or stateless, and thread-safe.
 */
package dev.scalinglaws.core.dynamics;
