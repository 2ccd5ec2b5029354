/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.ComputeOptimal;
import dev.scalinglaws.core.OvertrainingLaw;
import dev.scalinglaws.core.ScalingLaw;

/**
 * A scalar function g(theta) of a law's natural parameters, so that every interval method (delta method, bootstrap,
 * profile likelihood) applies to it: a parameter itself, Chinchilla's allocation exponents
 * a = beta/(alpha+beta) and b = alpha/(alpha+beta) and constant G = (alpha A/(beta B))^(1/(alpha+beta)), the
 * compute-optimal N_opt(C) = G (C/6)^a and D_opt(C) = G^-1 (C/6)^b and their ratio, the compute needed to reach a
 * target loss, the loss at any covariate point, and the over-training multiplier M* = (b/a)^(1/(2 eta))
 * (Hoffmann et al. 2022, arXiv:2203.15556; Gadre et al. 2024, arXiv:2403.08540).
 *
 * <p>{@link #gradient} defaults to central differences in natural (linear) units with the step
 * h_j = 1e-6 max(|theta_j|, 1e-4), which is accurate to about 1e-9 relative for the smooth functions here. A value
 * that cannot be computed (e.g. a target loss below the floor) is NaN, which callers report as a status, never as a
 * number.
 *
 * <p>Implementations must be immutable and thread-safe.
 */
public interface DerivedQuantity {

    /** {@return the quantity's name as reported, e.g. {@code "a"} or {@code "N_opt(C=1e24)"}} */
    String name();

    /**
     * The value at a parameter vector.
     *
     * @param theta natural parameters in the law's order
     * @return g(theta), NaN if undefined there
     */
    double value(double[] theta);

    /**
     * The gradient dg/dtheta by central differences.
     *
     * @param theta natural parameters
     * @return the gradient (NaN entries where g is undefined nearby)
     */
    default double[] gradient(double[] theta) {
        double[] g = new double[theta.length];
        double[] t = theta.clone();
        for (int j = 0; j < theta.length; j++) {
            double h = 1e-6 * Math.max(Math.abs(theta[j]), 1e-4);
            t[j] = theta[j] + h;
            double up = value(t);
            t[j] = theta[j] - h;
            double down = value(t);
            t[j] = theta[j];
            g[j] = (up - down) / (2 * h);
        }
        return g;
    }

    /**
     * A quantity from a name and a function.
     *
     * @param name     name
     * @param function g(theta)
     * @return the quantity
     */
    static DerivedQuantity of(String name, ToDoubleFunction<double[]> function) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(name, "name");
        return new DerivedQuantity() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double value(double[] theta) {
                return function.applyAsDouble(theta);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /**
     * One parameter of a law, with its exact gradient (a unit vector).
     *
     * @param law  the law
     * @param name the parameter's symbol
     * @return theta_j
     */
    static DerivedQuantity parameter(ScalingLaw law, String name) {
        int j = law.indexOf(name);
        return new DerivedQuantity() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double value(double[] theta) {
                return theta[j];
            }

            @Override
            public double[] gradient(double[] theta) {
                double[] g = new double[theta.length];
                g[j] = 1;
                return g;
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /**
     * The law's standard derived quantities ({@link ScalingLaw#derivedParameters()}), as quantities every interval
     * method accepts. A tied law ({@link dev.scalinglaws.core.TiedLaw}) has its base law's, composed with the
     * expansion of its parameters: g(theta) = g_base(expand(theta))
     * ({@link dev.scalinglaws.core.TiedLaw#derivedParameters}). Where a law leaves a quantity undefined (its function
     * throws an {@link IllegalArgumentException}, e.g. Chinchilla's a, b and G for a non-positive exponent), the
     * quantity's value is NaN, which every interval method counts as a failure rather than an error.
     *
     * @param law the law
     * @return one quantity per derived parameter, in the law's order
     */
    static java.util.List<DerivedQuantity> standard(ScalingLaw law) {
        java.util.List<DerivedQuantity> out = new java.util.ArrayList<>();
        for (dev.scalinglaws.core.DerivedParameter p : law.derivedParameters()) {
            out.add(of(p.name(), t -> guard(() -> p.value(t))));
        }
        return out;
    }

    /** {@return Chinchilla's N_opt exponent a = beta / (alpha + beta)} */
    static DerivedQuantity allocationExponentA() {
        return of("a", t -> t[ChinchillaLaw.BETA] / (t[ChinchillaLaw.ALPHA] + t[ChinchillaLaw.BETA]));
    }

    /** {@return Chinchilla's D_opt exponent b = alpha / (alpha + beta)} */
    static DerivedQuantity allocationExponentB() {
        return of("b", t -> t[ChinchillaLaw.ALPHA] / (t[ChinchillaLaw.ALPHA] + t[ChinchillaLaw.BETA]));
    }

    /** {@return Chinchilla's allocation constant G = (alpha A / (beta B))^(1/(alpha+beta))} */
    static DerivedQuantity allocationConstantG() {
        return of("G", t -> guard(() -> ComputeOptimal.exponents(t).G()));
    }

    /**
     * Compute-optimal parameters N_opt(C) of any law in (N, D) (closed form for Chinchilla).
     *
     * @param law     the law
     * @param compute training FLOPs C = 6ND
     * @return N_opt(C)
     */
    static DerivedQuantity optimalParameters(ScalingLaw law, double compute) {
        return atOptimum("N_opt", law, compute, ComputeOptimal.Allocation::N);
    }

    /**
     * Compute-optimal tokens D_opt(C).
     *
     * @param law     the law
     * @param compute training FLOPs
     * @return D_opt(C)
     */
    static DerivedQuantity optimalTokens(ScalingLaw law, double compute) {
        return atOptimum("D_opt", law, compute, ComputeOptimal.Allocation::D);
    }

    /**
     * Compute-optimal tokens per parameter D_opt / N_opt at C.
     *
     * @param law     the law
     * @param compute training FLOPs
     * @return D/N at the optimum
     */
    static DerivedQuantity tokensPerParameter(ScalingLaw law, double compute) {
        return atOptimum("D/N", law, compute, ComputeOptimal.Allocation::tokensPerParameter);
    }

    /**
     * The loss at the compute-optimal allocation for C.
     *
     * @param law     the law
     * @param compute training FLOPs
     * @return L(N_opt(C), D_opt(C))
     */
    static DerivedQuantity optimalLoss(ScalingLaw law, double compute) {
        return atOptimum("L_opt", law, compute, ComputeOptimal.Allocation::loss);
    }

    /**
     * The least compute whose optimal allocation reaches a target loss ({@link ComputeOptimal#computeForLoss}); NaN
     * if the target lies below the law's floor.
     *
     * @param law        the law
     * @param targetLoss the loss to reach
     * @return C(target)
     */
    static DerivedQuantity computeForLoss(ScalingLaw law, double targetLoss) {
        return of(String.format(Locale.ROOT, "C(L=%.4g)", targetLoss),
                t -> guard(() -> ComputeOptimal.computeForLoss(law, t, targetLoss).compute()));
    }

    /**
     * The law's value at a covariate point.
     *
     * @param law   the law
     * @param point covariate values in the law's order
     * @return f(point; theta)
     */
    static DerivedQuantity valueAt(ScalingLaw law, double... point) {
        double[] p = point.clone();
        StringBuilder sb = new StringBuilder("L(");
        for (int j = 0; j < p.length; j++) {
            sb.append(j == 0 ? "" : ",").append(law.covariates().get(j)).append('=')
                    .append(String.format(Locale.ROOT, "%.3g", p[j]));
        }
        return of(sb.append(')').toString(), t -> guard(() -> law.value(t, p)));
    }

    /** {@return the over-training law's compute-optimal token multiplier M* = (b/a)^(1/(2 eta))} */
    static DerivedQuantity optimalMultiplier() {
        return of("M*", OvertrainingLaw::optimalMultiplier);
    }

    /** One number of the compute-optimal allocation at C, named {@code symbol(C=...)}; NaN where it fails. */
    private static DerivedQuantity atOptimum(String symbol, ScalingLaw law, double compute,
                                             ToDoubleFunction<ComputeOptimal.Allocation> part) {
        return of(String.format(Locale.ROOT, "%s(C=%.3g)", symbol, compute),
                t -> guard(() -> part.applyAsDouble(ComputeOptimal.of(law, t, compute))));
    }

    private static double guard(java.util.function.DoubleSupplier s) {
        try {
            return s.getAsDouble();
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }
}
