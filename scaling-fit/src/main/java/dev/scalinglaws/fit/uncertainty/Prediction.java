package dev.scalinglaws.fit.uncertainty;

import java.util.Locale;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.fit.FitResult;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Prediction at a covariate point x0 from a fit and its asymptotic covariance V (delta method):
 *
 * <ul>
 *   <li>mean curve: m(x0) = ln f(x0; theta^) for log-residual fits, f(x0; theta^) for linear ones, with
 *       se_m = sqrt(grad m' V grad m) and the confidence interval m +- t se_m;</li>
 *   <li>new observation: the prediction interval m +- t sqrt(se_m^2 + s^2), with the residual scale
 *       s^2 = SUM w_i r_i^2 / (n - p) in the fit's residual space (Seber and Wild 1989, sec. 5.1);</li>
 * </ul>
 * t is Student's quantile with n - p degrees of freedom. Log-space intervals are exponentiated, so they are
 * positive and asymmetric. Every prediction says how far x0 lies outside the data ({@link Extrapolation}): intervals
 * far outside assume the law holds there, which no interval can check.
 *
 * <p>Stateless and thread-safe.
 */
public final class Prediction {

    private final FitContext context;
    private final AsymptoticCovariance covariance;
    private final double residualScale;
    private final double[] minLog;
    private final double[] maxLog;

    private Prediction(FitContext context, AsymptoticCovariance covariance) {
        this.context = context;
        this.covariance = covariance;
        double[] r = context.objective.residuals(context.theta);
        double ss = 0;
        for (int i = 0; i < r.length; i++) {
            ss += context.weights[i] * r[i] * r[i];
        }
        int dof = covariance.degreesOfFreedom();
        this.residualScale = dof > 0 ? Math.sqrt(ss / dof) : Double.NaN;
        int q = context.x.count();
        this.minLog = new double[q];
        this.maxLog = new double[q];
        for (int j = 0; j < q; j++) {
            minLog[j] = Double.POSITIVE_INFINITY;
            maxLog[j] = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < context.x.size(); i++) {
                if (context.weights[i] > 0) {
                    double v = context.x.logValue(j, i);
                    minLog[j] = Math.min(minLog[j], v);
                    maxLog[j] = Math.max(maxLog[j], v);
                }
            }
        }
    }

    /**
     * A predictor for a fit.
     *
     * @param fit  the fit
     * @param data its data
     * @param form covariance estimator for the mean curve
     * @return the predictor
     */
    public static Prediction of(FitResult fit, Dataset data, AsymptoticCovariance.Form form) {
        FitContext c = new FitContext(fit, data);
        return new Prediction(c, AsymptoticCovariance.of(c, form));
    }

    /** {@return the residual scale s in the fit's residual space} */
    public double residualScale() {
        return residualScale;
    }

    /**
     * The distance of a point from the data.
     *
     * @param point covariate values in the law's order
     * @return the extrapolation report
     */
    public Extrapolation extrapolation(double... point) {
        double[] d = new double[point.length];
        double max = 0;
        for (int j = 0; j < point.length; j++) {
            double v = Math.log(point[j]);
            d[j] = Math.max(0, Math.max(v - maxLog[j], minLog[j] - v));
            max = Math.max(max, d[j]);
        }
        return new Extrapolation(context.law.covariates(), d, max);
    }

    /**
     * Predicts at a point.
     *
     * @param level nominal coverage
     * @param point covariate values in the law's order
     * @return estimate, confidence and prediction intervals, extrapolation
     */
    public Result at(double level, double... point) {
        AsymptoticCovariance.checkLevel(level);
        if (point.length != context.law.covariates().size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "law %s takes %d covariates %s, got %d",
                    context.law.name(), context.law.covariates().size(), context.law.covariates(), point.length));
        }
        boolean log = context.logSpace();
        double[] p = point.clone();
        DerivedQuantity mean = log
                ? DerivedQuantity.of("ln f", t -> context.law.logValue(t, p))
                : DerivedQuantity.of("f", t -> context.law.value(t, p));
        double m = mean.value(context.theta);
        double se = covariance.standardError(mean);
        int dof = covariance.degreesOfFreedom();
        double t = dof > 0 ? TDistribution.of(dof).inverseCumulativeProbability(0.5 + level / 2) : Double.NaN;
        double sp = Math.sqrt(se * se + residualScale * residualScale);
        String name = DerivedQuantity.valueAt(context.law, p).name();
        String method = "asymptotic-" + covariance.form().name().toLowerCase(Locale.ROOT).replace('_', '-');
        Interval conf;
        Interval pred;
        if (log) {
            conf = new Interval(name, Math.exp(m), Math.exp(m - t * se), Math.exp(m + t * se), level,
                    method + "-log", Interval.Status.OK);
            pred = new Interval(name, Math.exp(m), Math.exp(m - t * sp), Math.exp(m + t * sp), level,
                    "prediction-" + method + "-log", Interval.Status.OK);
        } else {
            conf = new Interval(name, m, m - t * se, m + t * se, level, method, Interval.Status.OK);
            pred = new Interval(name, m, m - t * sp, m + t * sp, level, "prediction-" + method, Interval.Status.OK);
        }
        return new Result(p, conf.estimate(), conf, pred, extrapolation(p));
    }

    /**
     * A prediction.
     *
     * @param point         covariate values (copied)
     * @param estimate      f(x0; theta^)
     * @param confidence    interval for the mean curve
     * @param prediction    interval for a new observation
     * @param extrapolation distance from the data
     */
    public record Result(double[] point, double estimate, Interval confidence, Interval prediction,
                         Extrapolation extrapolation) {

        /**
         * Copies.
         *
         * @param point         covariate values (copied)
         * @param estimate      f(x0; theta^)
         * @param confidence    interval for the mean curve
         * @param prediction    interval for a new observation
         * @param extrapolation distance from the data
         */
        public Result {
            point = point.clone();
        }

        /** {@return the covariate values (copy)} */
        @Override
        public double[] point() {
            return point.clone();
        }
    }
}
