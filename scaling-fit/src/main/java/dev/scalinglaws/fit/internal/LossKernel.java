/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.internal;

/**
 * The per-residual loss the objective and the optimisers evaluate: rho, its derivative psi = rho', the IRLS weight
 * psi(r)/r, and for the Huber likelihood the log normaliser ln Z(delta) and a fitted scale. The public
 * {@code dev.scalinglaws.fit.Loss} adapts to it one to one; the formulas live here, once:
 *
 * <ul>
 *   <li>squared: rho = r^2 / 2;</li>
 *   <li>Huber (Huber 1964): rho = r^2 / 2 for |r| &lt;= delta, delta (|r| - delta/2) beyond ({@link HuberMath});</li>
 *   <li>Huber likelihood (Besiroglu et al. 2024, arXiv:2404.10102): Huber's rho with a fitted scale and
 *       ln Z(delta), Z = sqrt(2 pi)(1 - 2 Phi(-delta)) + 2 exp(-delta^2/2)/delta;</li>
 *   <li>soft-L1: rho = delta^2 (sqrt(1 + (r/delta)^2) - 1);</li>
 *   <li>Cauchy: rho = delta^2 / 2 ln(1 + (r/delta)^2).</li>
 * </ul>
 *
 * <p>Implementations are immutable and thread-safe. Not API.
 */
public interface LossKernel {

    /**
     * @param r residual
     * @return rho(r)
     */
    double rho(double r);

    /**
     * @param r residual
     * @return psi(r) = rho'(r)
     */
    double psi(double r);

    /**
     * The IRLS weight psi(r) / r (1 at r = 0; Holland and Welsch 1977).
     *
     * @param r residual
     * @return psi(r) / r
     */
    default double irlsWeight(double r) {
        return r == 0 ? 1 : psi(r) / r;
    }

    /** {@return whether the loss is a likelihood with a fitted scale (the last optimisation coordinate)} */
    default boolean fitsScale() {
        return false;
    }

    /** {@return ln Z of the likelihood's unit-scale density, 0 for a plain loss} */
    default double logNormaliser() {
        return 0;
    }

    /**
     * {@return the loss as a Huber threshold for the vector kernels: delta for Huber, +infinity for least squares,
     * NaN for a loss without a vector path (soft-L1, Cauchy, the Huber likelihood)}
     */
    default double huberThreshold() {
        return Double.NaN;
    }

    /** {@return least squares} */
    static LossKernel squared() {
        return Squared.INSTANCE;
    }

    /**
     * @param delta threshold
     * @return Huber's loss
     */
    static LossKernel huber(double delta) {
        return new Huber(delta, false);
    }

    /**
     * @param delta threshold
     * @return the Huber likelihood with a fitted scale
     */
    static LossKernel huberLikelihood(double delta) {
        return new Huber(delta, true);
    }

    /**
     * @param delta scale
     * @return soft-L1
     */
    static LossKernel softL1(double delta) {
        return new LossKernel() {
            @Override
            public double rho(double r) {
                return softL1Rho(r, delta);
            }

            @Override
            public double psi(double r) {
                return softL1Psi(r, delta);
            }
        };
    }

    /**
     * @param delta scale
     * @return Cauchy
     */
    static LossKernel cauchy(double delta) {
        return new LossKernel() {
            @Override
            public double rho(double r) {
                return cauchyRho(r, delta);
            }

            @Override
            public double psi(double r) {
                return cauchyPsi(r, delta);
            }
        };
    }

    /**
     * @param r     residual
     * @param delta scale
     * @return delta^2 (sqrt(1 + (r/delta)^2) - 1)
     */
    static double softL1Rho(double r, double delta) {
        double z = r / delta;
        return delta * delta * (Math.sqrt(1 + z * z) - 1);
    }

    /**
     * @param r     residual
     * @param delta scale
     * @return r / sqrt(1 + (r/delta)^2)
     */
    static double softL1Psi(double r, double delta) {
        double z = r / delta;
        return r / Math.sqrt(1 + z * z);
    }

    /**
     * @param r     residual
     * @param delta scale
     * @return delta^2 / 2 ln(1 + (r/delta)^2)
     */
    static double cauchyRho(double r, double delta) {
        double z = r / delta;
        return 0.5 * delta * delta * Math.log1p(z * z);
    }

    /**
     * @param r     residual
     * @param delta scale
     * @return r / (1 + (r/delta)^2)
     */
    static double cauchyPsi(double r, double delta) {
        double z = r / delta;
        return r / (1 + z * z);
    }

    /**
     * ln Z(delta), Z = sqrt(2 pi)(1 - 2 Phi(-delta)) + 2 exp(-delta^2/2)/delta: the log normalising constant of the
     * Huber density with unit scale.
     *
     * @param delta threshold
     * @return ln Z
     */
    static double huberLogNormaliser(double delta) {
        double phi = 0.5 * org.apache.commons.math3.special.Erf.erfc(delta / Math.sqrt(2));
        return Math.log(Math.sqrt(2 * Math.PI) * (1 - 2 * phi) + 2 * Math.exp(-0.5 * delta * delta) / delta);
    }

    /** Least squares. */
    final class Squared implements LossKernel {
        static final Squared INSTANCE = new Squared();

        private Squared() {
        }

        @Override
        public double rho(double r) {
            return 0.5 * r * r;
        }

        @Override
        public double psi(double r) {
            return r;
        }

        @Override
        public double huberThreshold() {
            return Double.POSITIVE_INFINITY;
        }
    }

    /** Huber's loss, or the Huber likelihood with a fitted scale. */
    final class Huber implements LossKernel {
        private final double delta;
        private final boolean likelihood;
        private final double logNormaliser;

        Huber(double delta, boolean likelihood) {
            this.delta = delta;
            this.likelihood = likelihood;
            this.logNormaliser = likelihood ? huberLogNormaliser(delta) : 0;
        }

        @Override
        public double rho(double r) {
            return HuberMath.rho(r, delta);
        }

        @Override
        public double psi(double r) {
            return HuberMath.psi(r, delta);
        }

        @Override
        public boolean fitsScale() {
            return likelihood;
        }

        @Override
        public double logNormaliser() {
            return logNormaliser;
        }

        @Override
        public double huberThreshold() {
            return likelihood ? Double.NaN : delta;
        }
    }
}
