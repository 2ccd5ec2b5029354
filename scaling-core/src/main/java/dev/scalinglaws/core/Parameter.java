/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import java.util.Locale;

/**
 * A named parameter of a {@link ScalingLaw}: its default box bounds, whether it is strictly positive (then fitters
 * optimise its logarithm), and whether it enters the law linearly (then variable projection can eliminate it).
 *
 * <p>Immutable and thread-safe.
 *
 * @param name        the paper's symbol, e.g. {@code "E"}, {@code "alpha"}, {@code "Dl"}
 * @param lower       default lower bound (may be {@code -Infinity})
 * @param upper       default upper bound (may be {@code +Infinity})
 * @param positive    whether the parameter is strictly positive; fitters then work with its natural logarithm
 * @param linear      whether the law is linear in this parameter (a coefficient of a basis function)
 * @param description one line saying what the parameter means
 * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
 *         undocumented; the serialized form is exactly the components, documented above)
 */
public record Parameter(String name, double lower, double upper, boolean positive, boolean linear, String description)
        implements java.io.Serializable {

    /**
     * Validates the name and bounds; a negative lower bound of a positive parameter becomes 0.
     *
     * @param name        the paper's symbol, e.g. {@code "E"}, {@code "alpha"}, {@code "Dl"}
     * @param lower       default lower bound (may be {@code -Infinity})
     * @param upper       default upper bound (may be {@code +Infinity})
     * @param positive    whether the parameter is strictly positive; fitters then work with its natural logarithm
     * @param linear      whether the law is linear in this parameter (a coefficient of a basis function)
     * @param description one line saying what the parameter means ({@code null} becomes empty)
     * @throws IllegalArgumentException if the name is blank, the bounds are not an interval, or a positive parameter
     *                                  has an upper bound at or below 0
     */
    public Parameter {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("parameter name must not be blank");
        }
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "parameter %s: bounds [%s, %s] are not an interval", name, lower, upper));
        }
        if (positive && upper <= 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "parameter %s is positive but its upper bound is %s", name, upper));
        }
        if (positive && lower < 0) {
            lower = 0;
        }
        description = description == null ? "" : description;
    }

    /**
     * {@return a strictly positive parameter, unbounded above, optimised in log space}
     *
     * @param name        the paper's symbol
     * @param linear      whether the law is linear in this parameter
     * @param description one line saying what the parameter means
     */
    public static Parameter positive(String name, boolean linear, String description) {
        return new Parameter(name, 0, Double.POSITIVE_INFINITY, true, linear, description);
    }

    /**
     * {@return a real parameter with no bounds (an exponent that may be tried at 0 or below)}
     *
     * @param name        the paper's symbol
     * @param description one line saying what the parameter means
     */
    public static Parameter free(String name, String description) {
        return new Parameter(name, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false, false, description);
    }

    /**
     * {@return this parameter with other bounds}
     *
     * @param newLower the new lower bound
     * @param newUpper the new upper bound
     * @throws IllegalArgumentException if the bounds are not an interval or do not suit a positive parameter
     */
    public Parameter withBounds(double newLower, double newUpper) {
        return new Parameter(name, newLower, newUpper, positive, linear, description);
    }

    /**
     * {@return whether {@code value} lies within the bounds (and is strictly positive for a positive parameter)}
     *
     * @param value a candidate value of the parameter
     */
    public boolean admits(double value) {
        return value >= lower && value <= upper && (!positive || value > 0);
    }
}
