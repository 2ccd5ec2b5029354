/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

/**
 * One fitted parameter.
 *
 * @param name     the paper's symbol
 * @param estimate the point estimate (natural units)
 * @param stdError asymptotic standard error, or NaN if not computed (pinned parameters have 0)
 * @param pinned   whether the parameter was held fixed
 * @param onBound  whether the estimate sits on a bound of the search box
 * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
 *         undocumented; the serialized form is exactly the components, documented above)
 */
public record ParameterEstimate(String name, double estimate, double stdError, boolean pinned, boolean onBound)
        implements java.io.Serializable {

    /**
     * Validates the name.
     *
     * @param name     the paper's symbol
     * @param estimate the point estimate (natural units)
     * @param stdError asymptotic standard error, or NaN if not computed (pinned parameters have 0)
     * @param pinned   whether the parameter was held fixed
     * @param onBound  whether the estimate sits on a bound of the search box
     */
    public ParameterEstimate {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("parameter name must not be blank");
        }
    }

    /**
     * This estimate with a standard error.
     *
     * @param se standard error
     * @return a new estimate
     */
    public ParameterEstimate withStdError(double se) {
        return new ParameterEstimate(name, estimate, se, pinned, onBound);
    }
}
