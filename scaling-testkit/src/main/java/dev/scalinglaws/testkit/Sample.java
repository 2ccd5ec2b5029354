/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaw;

/**
 * One synthetic data set with known truth: a law, its true parameters, a design and the errors added to the law's
 * values (see {@link Design#dataset}). Built by {@link Sweeps#samples}.
 *
 * <p>Immutable value type: arrays are copied in and out; equality is by content (the law by its own equality).
 */
public final class Sample implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** The law that generated the data. */
    private final ScalingLaw law;
    /** The true parameters (a private copy), one per parameter of the law. */
    private final double[] theta;
    /** The design the data is drawn on. */
    private final Design design;
    /** The error added to each row (a private copy), in log space for positive responses. */
    private final double[] errors;

    /**
     * @param law    the law
     * @param theta  true parameters
     * @param design the design
     * @param errors one error per row (log space for positive responses)
     */
    public Sample(ScalingLaw law, double[] theta, Design design, double[] errors) {
        this.law = Objects.requireNonNull(law, "law");
        this.theta = theta.clone();
        this.design = Objects.requireNonNull(design, "design");
        this.errors = errors.clone();
        if (theta.length != law.parameterCount()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "law %s has %d parameters, got %d",
                    law.name(), law.parameterCount(), theta.length));
        }
        if (errors.length != design.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%d errors for %d rows", errors.length,
                    design.size()));
        }
    }

    /** {@return the law that generated the data} */
    public ScalingLaw law() {
        return law;
    }

    /** {@return the true parameters (a copy)} */
    public double[] theta() {
        return theta.clone();
    }

    /** {@return the design} */
    public Design design() {
        return design;
    }

    /** {@return the error added to each row (a copy)} */
    public double[] errors() {
        return errors.clone();
    }

    /** {@return the data: the design's columns and the noisy response (a new dataset on every call)} */
    public Dataset dataset() {
        return design.dataset(law, theta, errors);
    }

    /** {@return the largest absolute error (0 for an error-free sample)} */

    public double maxAbsError() {
        double m = 0;
        for (double e : errors) {
            m = Math.max(m, Math.abs(e));
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sample s && law.equals(s.law) && Arrays.equals(theta, s.theta)
                && design.equals(s.design) && Arrays.equals(errors, s.errors);
    }

    @Override
    public int hashCode() {
        return Objects.hash(law, Arrays.hashCode(theta), design, Arrays.hashCode(errors));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s theta=%s on %s, max |error| %.3g", law.name(), Arrays.toString(theta),
                design, maxAbsError());
    }

    /** A truth paired with a design, before noise is drawn. */
    record Truth(double[] theta, Design design) {
    }
}
