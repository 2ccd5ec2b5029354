package dev.scalinglaws.fit;

import java.util.List;

/**
 * Identifiability at the optimum, from the Gauss-Newton matrix H = J' W J of the free parameters in optimisation
 * coordinates (logarithms of positive parameters), scaled to unit diagonal.
 *
 * @param parameters      names of the free parameters, the order of {@link #correlation()}
 * @param correlation     parameter correlation matrix implied by H^-1 (NaN where H is singular)
 * @param conditionNumber condition number of the scaled H (largest over smallest eigenvalue)
 * @param highCorrelations pairs with |correlation| &gt; 0.99, as "a~b (0.995)"
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
     * @param highCorrelations pairs with |correlation| &gt; 0.99, as "a~b (0.995)"
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

    /** {@return whether the parameters are identifiable to working precision (no flat direction)} */
    public boolean identifiable() {
        return flatDirections == 0;
    }
}
