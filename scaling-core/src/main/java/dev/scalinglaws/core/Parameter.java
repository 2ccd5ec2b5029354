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
 */
public record Parameter(String name, double lower, double upper, boolean positive, boolean linear, String description)
        implements java.io.Serializable {

    /** Validates the name and bounds. */
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

    /** A strictly positive parameter, unbounded above, optimised in log space. */
    public static Parameter positive(String name, boolean linear, String description) {
        return new Parameter(name, 0, Double.POSITIVE_INFINITY, true, linear, description);
    }

    /** A real parameter with no bounds (an exponent that may be tried at 0 or below). */
    public static Parameter free(String name, String description) {
        return new Parameter(name, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false, false, description);
    }

    /** This parameter with other bounds. */
    public Parameter withBounds(double newLower, double newUpper) {
        return new Parameter(name, newLower, newUpper, positive, linear, description);
    }

    /** Whether {@code value} lies within the bounds (and is strictly positive for a positive parameter). */
    public boolean admits(double value) {
        return value >= lower && value <= upper && (!positive || value > 0);
    }
}
