/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The {@code scaling} command line (picocli): {@code fit}, {@code predict}, {@code optimal}, {@code backtest},
 * {@code select}, {@code shape}, {@code datasets} and {@code plot}, with tables, JSON ({@code docs/schema/}) and CSV
 * output, XChart plots and progress bars on stderr.
 *
 * <p>One class per command (with helpers such as {@code PredictDynamics} for a command's second mode). The
 * commands are a thin shell: the statistics they print come from the library (intervals from
 * {@code dev.scalinglaws.fit.uncertainty.Uncertainty}, {@code BootstrapPrediction} and {@code DynamicsIntervals},
 * iso-loss points from {@code dev.scalinglaws.core.IsoLoss}); they parse options, read data and format. Only
 * {@link dev.scalinglaws.cli.ScalingCommand} is public. The contract and the user documentation are
 * {@code docs/cli.md}.
 */
package dev.scalinglaws.cli;
