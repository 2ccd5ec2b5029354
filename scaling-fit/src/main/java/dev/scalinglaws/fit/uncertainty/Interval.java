package dev.scalinglaws.fit.uncertainty;

import java.util.Locale;

/**
 * A confidence (or prediction) interval for one scalar: the point estimate, the bounds, the nominal level, the
 * method that produced it and a status. A non-finite bound is never a success: it comes with a status other than
 * {@link Status#OK}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name     the quantity, e.g. {@code "alpha"} or {@code "N_opt(C=5.88e23)"}
 * @param estimate the point estimate at the full-data fit
 * @param lower    lower bound
 * @param upper    upper bound
 * @param level    nominal coverage in (0, 1), e.g. 0.95
 * @param method   how the interval was computed, e.g. {@code "bootstrap-bca"}, {@code "asymptotic-sandwich"}
 * @param status   whether the interval is usable
 * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
 *         undocumented; the serialized form is exactly the components, documented above)
 */
public record Interval(String name, double estimate, double lower, double upper, double level, String method,
                       Status status) implements java.io.Serializable {

    /** Whether an interval can be trusted as computed. */
    public enum Status {
        /** Finite bounds computed as documented. */
        OK,
        /** A bound or the estimate is NaN or infinite (e.g. a singular information matrix). */
        NON_FINITE,
        /** The profile did not cross the threshold within the search range: the bound is open. */
        UNBOUNDED,
        /** Too many failed bootstrap resamples for the requested quantiles. */
        TOO_MANY_FAILURES
    }

    /**
     * Validates the level and sets the status to NON_FINITE where a number is not finite.
     *
     * @param name     the quantity, e.g. {@code "alpha"} or {@code "N_opt(C=5.88e23)"}
     * @param estimate the point estimate at the full-data fit
     * @param lower    lower bound
     * @param upper    upper bound
     * @param level    nominal coverage in (0, 1), e.g. 0.95
     * @param method   how the interval was computed, e.g. {@code "bootstrap-bca"}, {@code "asymptotic-sandwich"}
     * @param status   whether the interval is usable
     */
    public Interval {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "level must lie in (0, 1): %s", level));
        }
        if (status == Status.OK && !(Double.isFinite(estimate) && Double.isFinite(lower) && Double.isFinite(upper))) {
            status = Status.NON_FINITE;
        }
    }

    /** {@return whether the interval is usable ({@link Status#OK})} */
    public boolean ok() {
        return status == Status.OK;
    }

    /**
     * {@return whether {@code value} lies within [lower, upper]}
     *
     * @param value a value of the quantity
     */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    /** {@return the width, upper - lower} */
    public double width() {
        return upper - lower;
    }

    /**
     * The interval score of Gneiting and Raftery (2007, JASA 102, eq. 43) for a central (1 - alpha) interval:
     * (u - l) + (2/alpha)(l - y)1{y &lt; l} + (2/alpha)(y - u)1{y &gt; u}. Lower is better.
     *
     * @param observed the realised value y
     * @return the score
     */
    public double score(double observed) {
        double alpha = 1 - level;
        double s = upper - lower;
        if (observed < lower) {
            s += 2 / alpha * (lower - observed);
        } else if (observed > upper) {
            s += 2 / alpha * (observed - upper);
        }
        return s;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %.6g [%.6g, %.6g] (%s %.3g%s)", name, estimate, lower, upper, method,
                level, status == Status.OK ? "" : ", " + status);
    }
}
