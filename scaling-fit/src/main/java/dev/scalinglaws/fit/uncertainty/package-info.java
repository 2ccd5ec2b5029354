/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Uncertainty for fitted scaling laws: asymptotic covariance (Gauss-Newton, sandwich, smoothed sandwich) with the
 * delta method ({@link dev.scalinglaws.fit.uncertainty.AsymptoticCovariance}); parallel, seeded bootstrap (case,
 * cluster, residual, wild) with percentile, basic and BCa intervals
 * ({@link dev.scalinglaws.fit.uncertainty.Bootstrap}); profile likelihood for parameters and derived scalars
 * ({@link dev.scalinglaws.fit.uncertainty.ProfileLikelihood}); intervals for derived quantities
 * ({@link dev.scalinglaws.fit.uncertainty.DerivedQuantity}); prediction at any covariate point with the distance
 * outside the data ({@link dev.scalinglaws.fit.uncertainty.Prediction}); backtests
 * ({@link dev.scalinglaws.fit.uncertainty.Backtest}). The one entry point to all of them for a fit is
 * {@link dev.scalinglaws.fit.uncertainty.Uncertainty}: every parameter and declared derived quantity by one method
 * ({@link dev.scalinglaws.fit.uncertainty.FitIntervals}, from
 * {@link dev.scalinglaws.fit.uncertainty.Uncertainty#report}), bootstrapped confidence and prediction intervals at
 * points ({@link dev.scalinglaws.fit.uncertainty.BootstrapPrediction}), and intervals of training-dynamics
 * predictions ({@link dev.scalinglaws.fit.uncertainty.DynamicsIntervals}).
 *
 * <p>Every random choice traces back to an explicit seed; bootstrap output is bit-identical for any thread count.
 * A number that is not finite is reported through {@link dev.scalinglaws.fit.uncertainty.Interval.Status}, never as
 * a successful interval. See {@code docs/uncertainty.md} for measured coverage and the recommended defaults.
 */
package dev.scalinglaws.fit.uncertainty;
