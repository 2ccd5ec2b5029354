/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The {@code scaling} command line (picocli): {@code fit}, {@code predict}, {@code optimal}, {@code backtest},
 * {@code select}, {@code shape}, {@code datasets} and {@code plot}, with tables, JSON ({@code docs/schema/}) and CSV
 * output, XChart plots and progress bars on stderr.
 *
 * <p>One class per command; each capability that another module will provide has one method that throws
 * "not available yet" today ({@code FitCommand.intervals}, {@code PredictCommand.intervals},
 * {@code OptimalCommand.transferAllocation}, {@code BacktestCommand.backtest}, {@code SelectCommand.select}).
 * Only {@link dev.scalinglaws.cli.ScalingCommand} is public. The contract and the user documentation are
 * {@code docs/cli.md}.
 */
package dev.scalinglaws.cli;
