/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import java.util.List;

/**
 * Identifiability at the optimum, from the Gauss-Newton matrix H = J' W J of the free parameters in optimisation
 * coordinates (logarithms of positive parameters), scaled to unit diagonal.
 *
 * @param parameters      names of the free parameters, the order of {@link #correlation()}
 * @param correlation     parameter correlation matrix implied by H^-1 (NaN where H is singular)
 * @param conditionNumber condition number of the scaled H (largest over smallest eigenvalue)
 * @param highCorrelations pairs with |correlation| &gt; 0.99, as "a~b (0.995)" (typed: {@link #correlationsAbove})
 * @param flatDirections  number of eigenvalues of the scaled H below 1e-10 times the largest
 * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
 *         undocumented; the serialized form is exactly the components, documented above)
 */
public record Identifiability(List<String> parameters, double[][] correlation, double conditionNumber,
                              List<String> highCorrelations, int flatDirections) implements java.io.Serializable {

    /**
     * Copies.
     *
     * @param parameters      names of the free parameters, the order of {@link #correlation()}
     * @param correlation     parameter correlation matrix implied by H^-1 (NaN where H is singular)
     * @param conditionNumber condition number of the scaled H (largest over smallest eigenvalue)
     * @param highCorrelations pairs with |correlation| &gt; 0.99, as "a~b (0.995)" (typed: {@link #correlationsAbove})
     * @param flatDirections  number of eigenvalues of the scaled H below 1e-10 times the largest
     */
    public Identifiability {
        parameters = List.copyOf(parameters);
        double[][] c = new double[correlation.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = correlation[i].clone();
        }
        correlation = c;
        highCorrelations = List.copyOf(highCorrelations);
    }

    /** {@return the correlation matrix (copy)} */
    @Override
    public double[][] correlation() {
        double[][] c = new double[correlation.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = correlation[i].clone();
        }
        return c;
    }

    /**
     * The correlation of two free parameters.
     *
     * @param first  one parameter
     * @param second another (after {@code first} in the law's order)
     * @param value  their correlation in [-1, 1]
     * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
     *         undocumented; the serialized form is exactly the components, documented above)
     */
    public record Correlation(String first, String second, double value) implements java.io.Serializable {
    }

    /**
     * The pairs of free parameters whose correlation exceeds a threshold in absolute value, in the law's order.
     *
     * @param threshold in [0, 1], e.g. 0.99 (the threshold of {@link #highCorrelations()})
     * @return the pairs (none when the correlations are not finite)
     */
    public List<Correlation> correlationsAbove(double threshold) {
        List<Correlation> out = new java.util.ArrayList<>();
        for (int a = 0; a < correlation.length; a++) {
            for (int b = 0; b < a; b++) {
                if (Math.abs(correlation[a][b]) > threshold) {
                    out.add(new Correlation(parameters.get(b), parameters.get(a), correlation[a][b]));
                }
            }
        }
        return out;
    }

    /** {@return whether the parameters are identifiable to working precision (no flat direction)} */
    public boolean identifiable() {
        return flatDirections == 0;
    }

    /** Equal when every component is, arrays compared by content. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Identifiability o)) {
            return false;
        }
        return java.util.Objects.equals(parameters, o.parameters)
                && java.util.Arrays.deepEquals(correlation, o.correlation)
                && Double.compare(conditionNumber, o.conditionNumber) == 0
                && java.util.Objects.equals(highCorrelations, o.highCorrelations) && flatDirections == o.flatDirections;
    }

    /** Consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        int h = 17;
        h = 31 * h + java.util.Objects.hashCode(parameters);
        h = 31 * h + java.util.Arrays.deepHashCode(correlation);
        h = 31 * h + Double.hashCode(conditionNumber);
        h = 31 * h + java.util.Objects.hashCode(highCorrelations);
        h = 31 * h + flatDirections;
        return h;
    }
}
