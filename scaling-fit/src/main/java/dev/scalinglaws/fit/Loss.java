/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import java.util.Locale;

import dev.scalinglaws.fit.internal.HuberMath;
import dev.scalinglaws.fit.internal.LossKernel;

/**
 * A loss rho applied to each residual; the fit minimises SUM_i w_i rho(r_i). Implementations give rho, its
 * derivative psi = rho' and the IRLS weight psi(r)/r.
 *
 * <ul>
 *   <li>{@link #squared()}: rho = r^2 / 2 (least squares);</li>
 *   <li>{@link #huber(double)}: rho = r^2 / 2 for |r| &lt;= delta, delta (|r| - delta/2) beyond (Huber 1964; the
 *       loss of Hoffmann et al. 2022 with delta = 1e-3 on log residuals);</li>
 *   <li>{@link #huberLikelihood(double)}: the Huber density with a fitted scale s, negative log-likelihood
 *       SUM_i [rho_delta(r_i / s) + ln Z(delta) + ln s], Epoch AI's headline estimator (Besiroglu et al. 2024,
 *       arXiv:2404.10102);</li>
 *   <li>{@link #softL1(double)}: rho = delta^2 (sqrt(1 + (r/delta)^2) - 1);</li>
 *   <li>{@link #cauchy(double)}: rho = delta^2 / 2 ln(1 + (r/delta)^2).</li>
 * </ul>
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface Loss extends java.io.Serializable permits Loss.Squared, Loss.Huber, Loss.HuberLikelihood, Loss.SoftL1, Loss.Cauchy {

    /**
     * {@return the loss value at residual r}
     *
     * @param r a residual
     */
    double rho(double r);

    /**
     * {@return the derivative of rho at r}
     *
     * @param r a residual
     */
    double psi(double r);

    /**
     * {@return the CLI / JSON name: {@code squared}, {@code huber}, {@code huber-mle}, {@code soft-l1}, {@code cauchy}}
     */
    String name();

    /** {@return the tuning constant delta, or NaN for squared loss} */
    double delta();

    /**
     * The IRLS weight psi(r) / r (its limit rho''(0) = 1 at r = 0): iteratively reweighted least squares with these
     * weights has the same stationary points as SUM rho(r_i) (Holland and Welsch 1977).
     *
     * @param r residual
     * @return psi(r) / r
     */
    default double irlsWeight(double r) {
        return r == 0 ? 1 : psi(r) / r;
    }

    /** {@return whether the loss is a likelihood with a fitted scale parameter} */
    default boolean fitsScale() {
        return false;
    }

    /** {@return the least-squares loss, rho(r) = r^2 / 2} */
    static Loss squared() {
        return Squared.INSTANCE;
    }

    /**
     * Huber's loss.
     *
     * @param delta threshold between the quadratic and linear parts, &gt; 0
     * @return the loss
     */
    static Loss huber(double delta) {
        return new Huber(delta);
    }

    /**
     * The Huber likelihood with a fitted scale (Epoch AI's headline estimator).
     *
     * @param delta threshold, &gt; 0
     * @return the loss
     */
    static Loss huberLikelihood(double delta) {
        return new HuberLikelihood(delta);
    }

    /**
     * Soft-L1 (pseudo-Huber) loss.
     *
     * @param delta scale, &gt; 0
     * @return the loss
     */
    static Loss softL1(double delta) {
        return new SoftL1(delta);
    }

    /**
     * Cauchy (Lorentzian) loss.
     *
     * @param delta scale, &gt; 0
     * @return the loss
     */
    static Loss cauchy(double delta) {
        return new Cauchy(delta);
    }

    /**
     * A loss by its CLI name.
     *
     * @param name  {@code squared}, {@code huber}, {@code huber-mle}, {@code soft-l1} or {@code cauchy}
     * @param delta tuning constant (ignored for squared)
     * @return the loss
     */
    static Loss byName(String name, double delta) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "squared", "least-squares", "l2" -> squared();
            case "huber" -> huber(delta);
            case "huber-mle" -> huberLikelihood(delta);
            case "soft-l1" -> softL1(delta);
            case "cauchy" -> cauchy(delta);
            default -> throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "unknown loss '%s'; known: squared, huber, huber-mle, soft-l1, cauchy", name));
        };
    }

    private static void checkDelta(double delta) {
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "loss threshold delta must be positive and finite: %s", delta));
        }
    }

    /** Least squares. */
    record Squared() implements Loss {
        static final Squared INSTANCE = new Squared();

        @Override
        public double rho(double r) {
            return LossKernel.squared().rho(r);
        }

        @Override
        public double psi(double r) {
            return LossKernel.squared().psi(r);
        }

        @Override
        public String name() {
            return "squared";
        }

        @Override
        public double delta() {
            return Double.NaN;
        }
    }

    /**
     * Huber's loss with threshold delta.
     *
     * @param delta threshold
     * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
     *         undocumented; the serialized form is exactly the components, documented above)
     */
    record Huber(double delta) implements Loss {
        /**
         * Validates delta.
         *
         * @param delta threshold
         */
        public Huber {
            checkDelta(delta);
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
        public String name() {
            return "huber";
        }
    }

    /**
     * Huber likelihood with a fitted scale.
     *
     * @param delta threshold
     * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
     *         undocumented; the serialized form is exactly the components, documented above)
     */
    record HuberLikelihood(double delta) implements Loss {
        /**
         * Validates delta.
         *
         * @param delta threshold
         */
        public HuberLikelihood {
            checkDelta(delta);
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
        public String name() {
            return "huber-mle";
        }

        @Override
        public boolean fitsScale() {
            return true;
        }

        /**
         * ln Z(delta), Z = sqrt(2 pi)(1 - 2 Phi(-delta)) + 2 exp(-delta^2/2)/delta: the log normalising constant
         * of the Huber density with unit scale.
         *
         * @return ln Z
         */
        public double logNormaliser() {
            return LossKernel.huberLogNormaliser(delta);
        }
    }

    /**
     * Soft-L1 loss.
     *
     * @param delta scale
     * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
     *         undocumented; the serialized form is exactly the components, documented above)
     */
    record SoftL1(double delta) implements Loss {
        /**
         * Validates delta.
         *
         * @param delta scale
         */
        public SoftL1 {
            checkDelta(delta);
        }

        @Override
        public double rho(double r) {
            return LossKernel.softL1Rho(r, delta);
        }

        @Override
        public double psi(double r) {
            return LossKernel.softL1Psi(r, delta);
        }

        @Override
        public String name() {
            return "soft-l1";
        }
    }

    /**
     * Cauchy loss.
     *
     * @param delta scale
     * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
     *         undocumented; the serialized form is exactly the components, documented above)
     */
    record Cauchy(double delta) implements Loss {
        /**
         * Validates delta.
         *
         * @param delta scale
         */
        public Cauchy {
            checkDelta(delta);
        }

        @Override
        public double rho(double r) {
            return LossKernel.cauchyRho(r, delta);
        }

        @Override
        public double psi(double r) {
            return LossKernel.cauchyPsi(r, delta);
        }

        @Override
        public String name() {
            return "cauchy";
        }
    }
}
