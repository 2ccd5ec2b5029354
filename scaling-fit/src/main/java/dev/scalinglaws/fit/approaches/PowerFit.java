/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.approaches;

import java.util.List;
import java.util.Locale;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.PowerLaw;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.FitStatus;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Loss;
import dev.scalinglaws.fit.ResidualSpace;
import dev.scalinglaws.fit.Starts;
import dev.scalinglaws.fit.uncertainty.AsymptoticCovariance;
import dev.scalinglaws.fit.uncertainty.DerivedQuantity;
import dev.scalinglaws.fit.uncertainty.Interval;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * A fitted power law y = k x^a (the {@link PowerLaw}) through compute-optimal points, e.g. N*(C) = k C^a: weighted
 * least squares of ln y on ln x by the library's {@link Fitter} (log residuals, squared loss), with Wald intervals
 * from the Gauss-Newton covariance s^2 (J'WJ)^-1 and Student's t on n - 2 degrees of freedom
 * ({@link AsymptoticCovariance.Form#GAUSS_NEWTON}): the weights are relative (1 / sd^2), their scale is estimated
 * from the residuals. The interval of k is formed on the log scale.
 *
 * <p>Immutable.
 *
 * @param name        what y is, e.g. {@code "N*"}
 * @param exponent    a with its interval
 * @param coefficient k with its interval
 * @param lnK         ln k
 * @param covariance  the covariance of (ln k, a), row-major {v11, v12, v22}
 * @param dof         residual degrees of freedom
 * @param status      the fit's status
 * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
 *         undocumented; the serialized form is exactly the components, documented above)
 */
public record PowerFit(String name, Interval exponent, Interval coefficient, double lnK, List<Double> covariance,
                       int dof, FitStatus status) implements java.io.Serializable {

    /**
     * Copies the list.
     *
     * @param name        what y is
     * @param exponent    a with its interval
     * @param coefficient k with its interval
     * @param lnK         ln k
     * @param covariance  the covariance of (ln k, a), row-major {v11, v12, v22}; copied
     * @param dof         residual degrees of freedom
     * @param status      the fit's status
     * @throws NullPointerException if covariance is null or holds null
     */
    public PowerFit {
        covariance = List.copyOf(covariance);
    }

    /**
     * The fitted value k x^a, computed as exp(ln k + a ln x).
     *
     * @param x covariate, positive
     * @return the value of the fitted line at x
     */

    public double value(double x) {
        return Math.exp(lnK + exponent.estimate() * Math.log(x));
    }

    /**
     * The confidence interval of the fitted line at x: ln y +- t sd, sd^2 = v11 + 2 ln x v12 + ln x^2 v22.
     *
     * @param x covariate
     * @return {lower, upper} (NaN where the covariance is not finite)
     */
    public double[] band(double x) {
        double lx = Math.log(x);
        double var = covariance.get(0) + 2 * lx * covariance.get(1) + lx * lx * covariance.get(2);
        double t = dof > 0 ? TDistribution.of(dof).inverseCumulativeProbability(0.5 + exponent.level() / 2)
                : Double.NaN;
        double center = lnK + exponent.estimate() * lx;
        double half = var >= 0 ? t * Math.sqrt(var) : Double.NaN;
        return new double[] {Math.exp(center - half), Math.exp(center + half)};
    }

    /**
     * Fits y = k x^a.
     *
     * @param name   what y is
     * @param x      covariate values, positive
     * @param y      responses, positive
     * @param weight relative weights (1 / sd^2 of ln y), or null for equal weights
     * @param level  interval level
     * @return the fit (intervals NON_FINITE when there are fewer than 3 points)
     */
    static PowerFit fit(String name, double[] x, double[] y, double[] weight, double level) {
        int n = x.length;
        double[] w = weight == null ? ones(n) : weight.clone();
        // the weighted least-squares line in closed form is the single start; the library's fitter then polishes
        // it and supplies the covariance, so this is the fitter's answer, not a second implementation
        double sw = 0, sx = 0, sy = 0;
        for (int i = 0; i < n; i++) {
            sw += w[i];
            sx += w[i] * Math.log(x[i]);
            sy += w[i] * Math.log(y[i]);
        }
        double mx = sx / sw, my = sy / sw, sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = Math.log(x[i]) - mx;
            sxx += w[i] * dx * dx;
            sxy += w[i] * dx * (Math.log(y[i]) - my);
        }
        double a0 = sxx > 0 ? sxy / sxx : 0;
        double k0 = Math.exp(my - a0 * mx);
        Dataset data = Dataset.builder("isoflop:" + name).column("x", x).column("y", y).column("w", w)
                .weights("w").build();
        FitSpec spec = FitSpec.defaults().withResidual(ResidualSpace.LOG).withLoss(Loss.squared())
                .withStarts(Starts.of(List.of(new double[] {Double.isFinite(k0) && k0 > 0 ? k0 : 1,
                        Double.isFinite(a0) ? a0 : 0}))).withThreads(1);
        FitResult fit = Fitter.fit(PowerLaw.INSTANCE, data, spec);
        double a = fit.estimate("a");
        double k = fit.estimate("k");
        if (n < 3) {
            Interval ia = new Interval("a", a, Double.NaN, Double.NaN, level, "asymptotic-gauss-newton",
                    Interval.Status.NON_FINITE);
            Interval ik = new Interval("k", k, Double.NaN, Double.NaN, level, "asymptotic-gauss-newton-log",
                    Interval.Status.NON_FINITE);
            return new PowerFit(name, ia, ik, Math.log(k), List.of(Double.NaN, Double.NaN, Double.NaN), n - 2,
                    fit.status());
        }
        AsymptoticCovariance cov = AsymptoticCovariance.of(fit, data, AsymptoticCovariance.Form.GAUSS_NEWTON);
        Interval ia = cov.interval(DerivedQuantity.parameter(PowerLaw.INSTANCE, "a"), level);
        Interval ik = cov.interval(DerivedQuantity.parameter(PowerLaw.INSTANCE, "k"), level);
        double[][] c = cov.coordinateCovariance();
        return new PowerFit(name, ia, ik, Math.log(k), List.of(c[0][0], c[0][1], c[1][1]), cov.degreesOfFreedom(),
                fit.status());
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        return w;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s = k C^a: a %.4f [%.4f, %.4f], k %.4g [%.4g, %.4g]", name,
                exponent.estimate(), exponent.lower(), exponent.upper(), coefficient.estimate(), coefficient.lower(),
                coefficient.upper());
    }
}
