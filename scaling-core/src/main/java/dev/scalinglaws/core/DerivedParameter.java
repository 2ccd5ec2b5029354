/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * A named scalar function g(theta) of a law's natural parameters that the law's users report as standard: for
 * Chinchilla the allocation exponents a = beta/(alpha+beta), b = alpha/(alpha+beta) and the constant G (Hoffmann
 * et al. 2022, arXiv:2203.15556, eq. 4); for the over-training law the compute-optimal token multiplier (Gadre et al.
 * 2024, arXiv:2403.08540). Each law declares its own through {@link ScalingLaw#derivedParameters()}; the uncertainty
 * code gives them intervals like any parameter.
 *
 * <p>Immutable and thread-safe (the function must be). Two derived parameters are equal when their names and
 * descriptions are: a law declares each name once.
 */
public final class DerivedParameter {

    private final String name;
    private final String description;
    private final ToDoubleFunction<double[]> function;

    private DerivedParameter(String name, String description, ToDoubleFunction<double[]> function) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a derived parameter needs a name");
        }
        this.name = name;
        this.description = Objects.requireNonNull(description, "description");
        this.function = Objects.requireNonNull(function, "function");
    }

    /**
     * A derived parameter.
     *
     * @param name        its symbol, e.g. {@code "a"}
     * @param description one line saying what it is, with its formula
     * @param function    g(theta); NaN or an {@link IllegalArgumentException} where it is undefined
     * @return the derived parameter
     */
    public static DerivedParameter of(String name, String description, ToDoubleFunction<double[]> function) {
        return new DerivedParameter(name, description, function);
    }

    /** Its symbol. */
    public String name() {
        return name;
    }

    /** One line saying what it is. */
    public String description() {
        return description;
    }

    /**
     * Its value.
     *
     * @param theta the law's natural parameters
     * @return g(theta), NaN where undefined
     * @throws IllegalArgumentException where the law's parameters admit no value (e.g. a non-positive exponent)
     */
    public double value(double[] theta) {
        return function.applyAsDouble(theta);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DerivedParameter d && name.equals(d.name) && description.equals(d.description);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + description.hashCode();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %s", name, description);
    }
}
