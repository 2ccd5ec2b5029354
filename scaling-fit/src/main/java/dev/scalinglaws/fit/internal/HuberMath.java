/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.internal;

/**
 * Huber's loss (Huber 1964, "Robust Estimation of a Location Parameter") with threshold delta, the one scalar
 * definition that the fitting losses and the vectorised kernels' scalar rows share (the kernels' vector loops write
 * the same formula out lane-wise: a method call there would cost C2 its inlining budget):
 *
 * <pre>
 *   rho(r) = r^2 / 2 if |r| &lt;= delta, else delta (|r| - delta / 2);   psi(r) = rho'(r) = clip(r, -delta, delta)
 * </pre>
 *
 * delta = +infinity gives least squares. Has no Vector API types, so it loads without the incubator module.
 */
public final class HuberMath {

    private HuberMath() {
    }

    /**
     * Huber's rho.
     *
     * @param r     residual
     * @param delta threshold
     * @return rho(r)
     */
    public static double rho(double r, double delta) {
        double a = Math.abs(r);
        return a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta);
    }

    /**
     * Huber's psi = rho'.
     *
     * @param r     residual
     * @param delta threshold
     * @return r clipped to [-delta, delta]
     */
    public static double psi(double r, double delta) {
        return r > delta ? delta : (r < -delta ? -delta : r);
    }
}
