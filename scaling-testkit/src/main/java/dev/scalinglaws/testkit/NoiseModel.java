/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * A model of measurement noise for synthetic scaling data: per-row errors e_i, applied in log space for laws with a
 * positive response (y = f exp(e), multiplicative noise, as in the log-residual fits of Hoffmann et al. 2022,
 * arXiv:2203.15556, and Besiroglu et al. 2024, arXiv:2404.10102) and additively otherwise (see
 * {@link Design#dataset}).
 *
 * <p>Every model is built from jqwik combinators over uniform draws u in (-1, 1) mapped through an inverse
 * distribution function, so that errors shrink towards 0 (no noise) and a failing property reports the smallest
 * perturbation that still fails. No random number generator is seeded inside a generator: jqwik's seed alone decides
 * the draw, and a reported seed reproduces it.
 *
 * <p>Implementations are immutable records with value equality.
 */
public sealed interface NoiseModel extends java.io.Serializable {

    /**
     * The errors for every row of a design.
     *
     * @param design the design (its size, and its groups for clustered noise)
     * @return an arbitrary of error vectors of length {@code design.size()}
     */
    Arbitrary<double[]> errors(Design design);

    /**
     * No noise: every error is 0.
     *
     * @return the model
     */
    static NoiseModel none() {
        return new None();
    }

    /**
     * Independent normal errors, e ~ N(0, sigma^2).
     *
     * @param sigma standard deviation (in log space for positive responses), &gt;= 0
     * @return the model
     */
    static NoiseModel iidNormal(double sigma) {
        return new IidNormal(sigma);
    }

    /**
     * Clustered errors: a normal offset per group (model size, budget) shared by its rows, plus independent normal
     * errors, e = u_g + eps with u_g ~ N(0, between^2), eps ~ N(0, within^2). This is the structure that makes the
     * row bootstrap too optimistic and the cluster bootstrap necessary.
     *
     * @param within  standard deviation of the independent part, &gt;= 0
     * @param between standard deviation of the per-group offset, &gt;= 0
     * @return the model
     */
    static NoiseModel clustered(double within, double between) {
        return new Clustered(within, between);
    }

    /**
     * Heavy-tailed errors: sigma times a Student t variate with {@code dof} degrees of freedom.
     *
     * @param sigma scale, &gt;= 0
     * @param dof   degrees of freedom, &gt; 0 (1 is Cauchy; 3 has finite variance 3 sigma^2)
     * @return the model
     */
    static NoiseModel heavyTailed(double sigma, double dof) {
        return new HeavyTailed(sigma, dof);
    }

    /**
     * Normal errors plus sparse gross outliers: each row independently, with probability {@code fraction}, is
     * shifted by +{@code magnitude} or -{@code magnitude} (equally likely), as a diverged or mislogged run would be.
     *
     * @param sigma     standard deviation of the normal part, &gt;= 0
     * @param fraction  probability that a row is an outlier, in [0, 1)
     * @param magnitude size of the shift, &gt;= 0
     * @return the model
     */
    static NoiseModel sparseOutliers(double sigma, double fraction, double magnitude) {
        return new SparseOutliers(sigma, fraction, magnitude);
    }

    /** See {@link #none()}. */
    record None() implements NoiseModel {
        private static final long serialVersionUID = 1L;

        @Override
        public Arbitrary<double[]> errors(Design design) {
            return Arbitraries.just(new double[design.size()]).map(double[]::clone);
        }
    }

    /**
     * See {@link #iidNormal(double)}.
     *
     * @param sigma standard deviation
     * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
     *         undocumented; the serialized form is exactly the components, documented above)
     */
    record IidNormal(double sigma) implements NoiseModel {
        private static final long serialVersionUID = 1L;

        /**
         * Validates sigma.
         *
         * @param sigma standard deviation, finite and &gt;= 0
         * @throws IllegalArgumentException if sigma is negative, infinite or NaN
         */
        public IidNormal {
            nonNegative("sigma", sigma);
        }

        @Override
        public Arbitrary<double[]> errors(Design design) {
            return Draws.normals(design.size()).map(z -> Draws.scale(z, sigma));
        }
    }

    /**
     * See {@link #clustered(double, double)}.
     *
     * @param within  sd of the independent part
     * @param between sd of the per-group offset
     * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
     *         undocumented; the serialized form is exactly the components, documented above)
     */
    record Clustered(double within, double between) implements NoiseModel {
        private static final long serialVersionUID = 1L;

        /**
         * Validates the standard deviations.
         *
         * @param within  sd of the independent part, finite and &gt;= 0
         * @param between sd of the per-group offset, finite and &gt;= 0
         * @throws IllegalArgumentException if either is negative, infinite or NaN
         */
        public Clustered {
            nonNegative("within", within);
            nonNegative("between", between);
        }

        @Override
        public Arbitrary<double[]> errors(Design design) {
            int[] groups = design.groups();
            int[] labels = Arrays.stream(groups).distinct().sorted().toArray();
            return Combinators.combine(Draws.normals(labels.length), Draws.normals(design.size())).as((u, e) -> {
                double[] out = new double[groups.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = between * u[Arrays.binarySearch(labels, groups[i])] + within * e[i];
                }
                return out;
            });
        }
    }

    /**
     * See {@link #heavyTailed(double, double)}.
     *
     * @param sigma scale
     * @param dof   degrees of freedom
     * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
     *         undocumented; the serialized form is exactly the components, documented above)
     */
    record HeavyTailed(double sigma, double dof) implements NoiseModel {
        private static final long serialVersionUID = 1L;

        /**
         * Validates the scale and the degrees of freedom.
         *
         * @param sigma scale, finite and &gt;= 0
         * @param dof   degrees of freedom, finite and &gt; 0
         * @throws IllegalArgumentException if sigma or dof lies outside its range
         */
        public HeavyTailed {
            nonNegative("sigma", sigma);
            if (!(dof > 0) || Double.isInfinite(dof)) {
                throw new IllegalArgumentException("degrees of freedom must be positive and finite: " + dof);
            }
        }

        @Override
        public Arbitrary<double[]> errors(Design design) {
            TDistribution t = TDistribution.of(dof);
            return Draws.uniforms(design.size()).map(u -> {
                double[] out = new double[u.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = sigma * t.inverseCumulativeProbability(0.5 + 0.5 * u[i]);
                }
                return out;
            });
        }
    }

    /**
     * See {@link #sparseOutliers(double, double, double)}.
     *
     * @param sigma     sd of the normal part
     * @param fraction  outlier probability per row
     * @param magnitude outlier shift
     * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
     *         undocumented; the serialized form is exactly the components, documented above)
     */
    record SparseOutliers(double sigma, double fraction, double magnitude) implements NoiseModel {
        private static final long serialVersionUID = 1L;

        /**
         * Validates the arguments.
         *
         * @param sigma     sd of the normal part, finite and &gt;= 0
         * @param fraction  outlier probability per row, in [0, 1)
         * @param magnitude outlier shift, finite and &gt;= 0
         * @throws IllegalArgumentException if an argument lies outside its range
         */
        public SparseOutliers {

            nonNegative("sigma", sigma);
            nonNegative("magnitude", magnitude);
            if (!(fraction >= 0 && fraction < 1)) {
                throw new IllegalArgumentException("outlier fraction must lie in [0, 1): " + fraction);
            }
        }

        @Override
        public Arbitrary<double[]> errors(Design design) {
            // integer weights per 10^6 rows; "no outlier" first, so that shrinking removes outliers
            int w = (int) Math.round(fraction * 500_000);
            Arbitrary<Double> shift = w == 0 ? Arbitraries.just(0.0) : Arbitraries.frequency(
                    Tuple.of(1_000_000 - 2 * w, 0.0), Tuple.of(w, magnitude), Tuple.of(w, -magnitude));
            Arbitrary<List<Double>> shifts = shift.list().ofSize(design.size());
            return Combinators.combine(Draws.normals(design.size()), shifts).as((z, s) -> {
                double[] out = new double[z.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = sigma * z[i] + s.get(i);
                }
                return out;
            });
        }
    }

    private static void nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be finite and >= 0: %s", name,
                    value));
        }
    }
}
