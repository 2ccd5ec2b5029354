/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
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
 * @param method   how the interval was computed
 * @param label    the method in full, as reports print it: e.g. {@code "asymptotic-smoothed-sandwich-log"},
 *                 {@code "bootstrap-case-bca"}, {@code "profile-likelihood"}
 * @param status   whether the interval is usable
 * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
 *         undocumented; the serialized form is exactly the components, documented above)
 */
public record Interval(String name, double estimate, double lower, double upper, double level, Method method,
                       String label, Status status) implements java.io.Serializable {

    /** How an interval was computed: every method of the library. */
    public enum Method {
        /** Wald interval, delta method on the Gauss-Newton covariance ({@code asymptotic-gauss-newton[-log]}). */
        ASYMPTOTIC_GAUSS_NEWTON("asymptotic-gauss-newton"),
        /** Wald interval, delta method on the sandwich covariance ({@code asymptotic-sandwich[-log]}). */
        ASYMPTOTIC_SANDWICH("asymptotic-sandwich"),
        /** Wald interval, delta method on the smoothed sandwich ({@code asymptotic-smoothed-sandwich[-log]}). */
        ASYMPTOTIC_SMOOTHED_SANDWICH("asymptotic-smoothed-sandwich"),
        /** Prediction interval for a new observation, Gauss-Newton covariance plus the residual scale. */
        PREDICTION_GAUSS_NEWTON("prediction-asymptotic-gauss-newton"),
        /** Prediction interval for a new observation, sandwich covariance plus the residual scale. */
        PREDICTION_SANDWICH("prediction-asymptotic-sandwich"),
        /** Prediction interval for a new observation, smoothed sandwich plus the residual scale. */
        PREDICTION_SMOOTHED_SANDWICH("prediction-asymptotic-smoothed-sandwich"),
        /** Profile-likelihood interval of a true likelihood ({@code profile-likelihood}). */
        PROFILE_LIKELIHOOD("profile-likelihood"),
        /** Profile interval of a scaled (quasi-likelihood) statistic ({@code profile-scaled}). */
        PROFILE_SCALED("profile-scaled"),
        /** Bootstrap percentile interval ({@code bootstrap-<scheme>-percentile}). */
        BOOTSTRAP_PERCENTILE("bootstrap"),
        /** Bootstrap basic (reverse percentile) interval ({@code bootstrap-<scheme>-basic}). */
        BOOTSTRAP_BASIC("bootstrap"),
        /** Bootstrap BCa interval ({@code bootstrap-<scheme>-bca}). */
        BOOTSTRAP_BCA("bootstrap"),
        /** Bootstrap expanded percentile interval (Hesterberg 2015; {@code bootstrap-<scheme>-expanded-percentile}). */
        BOOTSTRAP_EXPANDED_PERCENTILE("bootstrap"),
        /** An interval computed outside this library; its label says how. */
        EXTERNAL("");

        private final String prefix;

        Method(String prefix) {
            this.prefix = prefix;
        }

        /** {@return the start of this method's labels} */
        public String prefix() {
            return prefix;
        }

        /** {@return whether this is a bootstrap method} */
        public boolean isBootstrap() {
            return "bootstrap".equals(prefix);
        }

        /**
         * The method a label names.
         *
         * @param label e.g. {@code "asymptotic-sandwich-log"} or {@code "bootstrap-case-bca"}
         * @return the method
         * @throws IllegalArgumentException for a label of no method
         */
        public static Method fromLabel(String label) {
            if (label.startsWith("bootstrap-")) {
                if (label.endsWith("-percentile")) {
                    return BOOTSTRAP_PERCENTILE;
                }
                if (label.endsWith("-basic")) {
                    return BOOTSTRAP_BASIC;
                }
                if (label.endsWith("-bca")) {
                    return BOOTSTRAP_BCA;
                }
            }
            Method best = null;
            for (Method m : values()) {
                if (m != EXTERNAL && !m.isBootstrap()
                        && (label.equals(m.prefix) || label.equals(m.prefix + "-log"))) {
                    best = m;
                }
            }
            if (best == null) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "no interval method is labelled '%s'",
                        label));
            }
            return best;
        }
    }

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
     * @param method   how the interval was computed
     * @param label    the method in full, as reports print it: e.g. {@code "asymptotic-smoothed-sandwich-log"},
     *                 {@code "bootstrap-case-bca"}, {@code "profile-likelihood"}
     * @param status   whether the interval is usable
     */
    public Interval {
        java.util.Objects.requireNonNull(method, "method");
        java.util.Objects.requireNonNull(label, "label");
        java.util.Objects.requireNonNull(status, "status");
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "level must lie in (0, 1): %s", level));
        }
        if (status == Status.OK && !(Double.isFinite(estimate) && Double.isFinite(lower) && Double.isFinite(upper))) {
            status = Status.NON_FINITE;
        }
    }

    /**
     * An interval whose method is given by its label: one of the library's labels (see {@link Method#fromLabel}),
     * or any other, which makes an {@link Method#EXTERNAL} interval.
     *
     * @param name     the quantity
     * @param estimate the point estimate
     * @param lower    lower bound
     * @param upper    upper bound
     * @param level    nominal coverage
     * @param label    the method's label (see {@link Method#fromLabel})
     * @param status   whether the interval is usable
     */
    public Interval(String name, double estimate, double lower, double upper, double level, String label,
                    Status status) {
        this(name, estimate, lower, upper, level, methodOf(label), label, status);
    }

    private static Method methodOf(String label) {
        try {
            return Method.fromLabel(label);
        } catch (IllegalArgumentException e) {
            return Method.EXTERNAL;
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

    /** {@return upper - lower} */
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
        return String.format(Locale.ROOT, "%s %.6g [%.6g, %.6g] (%s %.3g%s)", name, estimate, lower, upper, label,
                level, status == Status.OK ? "" : ", " + status);
    }
}
