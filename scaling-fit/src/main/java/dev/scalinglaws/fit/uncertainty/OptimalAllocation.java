/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.ComputeOptimal;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.IsoLoss;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.FitProblem;
import dev.scalinglaws.fit.FitResult;

/**
 * The compute-optimal allocation of any fitted law whose covariates include N and D, with intervals: the N and
 * D = C / 6N that minimise the law's loss at a compute budget C = 6 N D (Kaplan et al. 2020, arXiv:2001.08361;
 * Hoffmann et al. 2022, arXiv:2203.15556), every other covariate held at a given value. For the data-constrained law
 * (Muennighoff et al. 2023, arXiv:2305.16264) with U unique tokens held, this answers the paper's question: the best
 * model size and number of epochs D / U for a budget when data are limited.
 *
 * <p>Chinchilla with nothing held uses the closed form; every other law is minimised numerically over ln N
 * ({@link ComputeOptimal#numeric(ScalingLaw, double[], double, Map)}). Intervals treat each reported quantity as a
 * function of the parameters: the delta method with the smoothed sandwich covariance (on the log scale for positive
 * quantities), or percentile/BCa intervals over bootstrap refits.
 *
 * <p>Stateless and thread-safe.
 */
public final class OptimalAllocation {

    private OptimalAllocation() {
    }

    /** Name of the epochs quantity D / U, reported when U is held. */
    public static final String EPOCHS = "epochs";

    /**
     * An allocation and its intervals.
     *
     * @param law        the law
     * @param compute    the budget C
     * @param fixed      the covariates held (other than N and D)
     * @param allocation N, D and the loss at the optimum
     * @param estimates  the reported quantities by name ({@code N}, {@code D}, {@code tokensPerParameter},
     *                   {@code loss}, and {@code epochs} = D / U when U is held)
     * @param intervals  intervals by quantity name (empty without intervals)
     */
    public record Answer(ScalingLaw law, double compute, Map<String, Double> fixed,
                         ComputeOptimal.Allocation allocation, Map<String, Double> estimates,
                         Map<String, Interval> intervals) {

        /**
         * Copies the maps.
         *
         * @param law        the law
         * @param compute    the budget C
         * @param fixed      the covariates held (other than N and D)
         * @param allocation N, D and the loss at the optimum
         * @param estimates  the reported quantities by name ({@code N}, {@code D}, {@code tokensPerParameter},
         *                                   {@code loss}, and {@code epochs} = D / U when U is held)
         * @param intervals  intervals by quantity name (empty without intervals)
         */
        public Answer {
            fixed = Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
            estimates = Collections.unmodifiableMap(new LinkedHashMap<>(estimates));
            intervals = Collections.unmodifiableMap(new LinkedHashMap<>(intervals));
        }
    }

    /**
     * The optimum at parameter values.
     *
     * @param law     a law whose covariates include N and D
     * @param theta   its parameters
     * @param compute the budget C in FLOPs
     * @param fixed   values of the law's other covariates
     * @return the allocation
     * @throws IllegalArgumentException for a law without N or D, a missing or unknown covariate, a bad budget
     */
    public static ComputeOptimal.Allocation at(ScalingLaw law, double[] theta, double compute,
                                               Map<String, Double> fixed) {
        if (fixed.isEmpty() && law instanceof ChinchillaLaw) {
            return ComputeOptimal.chinchilla(theta, compute);
        }
        return ComputeOptimal.numeric(law, theta, compute, fixed);
    }

    /**
     * The reported quantities as functions of the parameters (NaN where the optimum cannot be computed).
     *
     * @param law     the law
     * @param compute the budget
     * @param fixed   values of the other covariates
     * @return quantity name to g(theta), in report order
     */
    public static Map<String, DerivedQuantity> quantities(ScalingLaw law, double compute, Map<String, Double> fixed) {
        Map<String, Double> held = Map.copyOf(fixed);
        Function<double[], ComputeOptimal.Allocation> allocation = t -> at(law, t, compute, held);
        Map<String, DerivedQuantity> q = new LinkedHashMap<>();
        q.put("N", quantity("N", allocation, ComputeOptimal.Allocation::N));
        q.put("D", quantity("D", allocation, ComputeOptimal.Allocation::D));
        q.put("tokensPerParameter", quantity("tokensPerParameter", allocation,
                ComputeOptimal.Allocation::tokensPerParameter));
        q.put("loss", quantity("loss", allocation, ComputeOptimal.Allocation::loss));
        if (held.containsKey("U")) {
            double u = held.get("U");
            q.put(EPOCHS, quantity(EPOCHS, allocation, a -> a.D() / u));
        }
        return q;
    }

    /**
     * Thrown when a law does not reach a target loss with one of N, D held fixed: the law's floor there (its value
     * as the free covariate tends to 1e40) is above the target.
     */
    public static final class LossNotReachedException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        /** @serial the target loss */
        private final double target;
        /** @serial the covariate held, {@code "N"} or {@code "D"} */
        private final String held;
        /** @serial its value */
        private final double value;
        /** @serial the law's value at the far end of the search, 1e40 */
        private final double floor;

        LossNotReachedException(double target, String held, double value, double floor) {
            super(String.format(Locale.ROOT, "target loss %s is not reached with %s fixed at %s (the law's floor "
                    + "there is about %s)", target, held, value, floor));
            this.target = target;
            this.held = held;
            this.value = value;
            this.floor = floor;
        }

        /** {@return the target loss} */
        public double target() {
            return target;
        }

        /** {@return the covariate held, {@code "N"} or {@code "D"}} */
        public String held() {
            return held;
        }

        /** {@return the value it is held at} */
        public double value() {
            return value;
        }

        /** {@return the law's value at the far end of the search (the free covariate at 1e40)} */
        public double floor() {
            return floor;
        }
    }

    /**
     * The allocation that reaches a target loss: with nothing held, the least compute whose compute-optimal
     * allocation reaches it ({@link ComputeOptimal#computeForLoss}); with one of N, D held, the other at which
     * L(N, D) = target ({@link IsoLoss}, searched over [1, 1e40]), and C = 6 N D. Its loss is the law's value there.
     *
     * @param law    a law in (N, D), decreasing in each
     * @param theta  its parameters
     * @param target the loss to reach
     * @param fixed  empty, or exactly one of {@code N}, {@code D} with a positive finite value
     * @return the allocation
     * @throws LossNotReachedException  when the held covariate's floor is above the target
     * @throws IllegalArgumentException for anything else held, a value not positive and finite, or a target the
     *                                  compute-optimal frontier does not reach
     */
    public static ComputeOptimal.Allocation atLoss(ScalingLaw law, double[] theta, double target,
                                                   Map<String, Double> fixed) {
        if (fixed.isEmpty()) {
            return ComputeOptimal.computeForLoss(law, theta, target);
        }
        if (fixed.size() != 1 || !(fixed.containsKey("N") || fixed.containsKey("D"))) {
            throw new IllegalArgumentException("hold exactly one of N or D fixed, not " + fixed.keySet());
        }
        boolean nFixed = fixed.containsKey("N");
        double v = nFixed ? fixed.get("N") : fixed.get("D");
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("the held value must be positive and finite: " + v);
        }
        IsoLoss.Bracket root = nFixed ? IsoLoss.tokensForLoss(law, theta, v, target, 0, LN_FAR)
                : IsoLoss.parametersForLoss(law, theta, v, target, 0, LN_FAR);
        if (!root.reached(target)) {
            throw new LossNotReachedException(target, nFixed ? "N" : "D", v, root.lossAtUpper());
        }
        double other = root.upper();
        double n = nFixed ? v : other;
        double d = nFixed ? other : v;
        return new ComputeOptimal.Allocation(6 * n * d, n, d, law.value(theta, n, d));
    }

    /** ln 1e40: the far end of the search for the free covariate. */
    private static final double LN_FAR = Math.log(1e40);

    /**
     * The quantities reported for a target loss, as functions of the parameters (NaN where the target is not
     * reached): compute, N, D and tokens per parameter of {@link #atLoss}, without the covariate held.
     *
     * @param law    the law
     * @param target the loss to reach
     * @param fixed  empty, or one of {@code N}, {@code D}
     * @return quantity name to g(theta), in report order
     */
    public static Map<String, DerivedQuantity> quantitiesForLoss(ScalingLaw law, double target,
                                                                 Map<String, Double> fixed) {
        Map<String, Double> held = Map.copyOf(fixed);
        Function<double[], ComputeOptimal.Allocation> allocation = t -> atLoss(law, t, target, held);
        Map<String, DerivedQuantity> q = new LinkedHashMap<>();
        q.put("compute", quantity("compute", allocation, ComputeOptimal.Allocation::compute));
        q.put("N", quantity("N", allocation, ComputeOptimal.Allocation::N));
        q.put("D", quantity("D", allocation, ComputeOptimal.Allocation::D));
        q.put("tokensPerParameter", quantity("tokensPerParameter", allocation,
                ComputeOptimal.Allocation::tokensPerParameter));
        held.keySet().forEach(q::remove);
        return q;
    }

    /**
     * Delta-method intervals of allocation quantities: g(theta) with the smoothed sandwich covariance, on the log
     * scale for quantities positive at the estimate ({@link AsymptoticCovariance#interval(DerivedQuantity, double,
     * boolean)}).
     *
     * @param fit        the fit (it carries its problem)
     * @param quantities the quantities, by name
     * @param level      nominal coverage in (0, 1)
     * @return intervals by name, in the quantities' order
     * @throws IllegalStateException for a fit assembled without its problem
     */
    public static Map<String, Interval> asymptoticIntervals(FitResult fit, Map<String, DerivedQuantity> quantities,
                                                            double level) {
        return asymptoticIntervals(fit, fit.requireProblem(), quantities, level);
    }

    private static Map<String, Interval> asymptoticIntervals(FitResult fit, FitProblem problem,
                                                             Map<String, DerivedQuantity> quantities, double level) {
        AsymptoticCovariance cov = AsymptoticCovariance.of(fit, problem, AsymptoticCovariance.Form.SMOOTHED_SANDWICH);
        Map<String, Interval> iv = new LinkedHashMap<>();
        quantities.forEach((k, g) -> iv.put(k, cov.interval(g, level, true)));
        return iv;
    }

    /**
     * A bootstrap of allocation quantities: every refit's value of each (read intervals by
     * {@link BootstrapResult#interval(String)} under the quantities' names; failed refits are counted there).
     *
     * @param fit        the fit (it carries its problem)
     * @param quantities the quantities, by name
     * @param options    resamples, scheme, seed, method, level, threads
     * @return the bootstrap
     * @throws IllegalStateException for a fit assembled without its problem
     */
    public static BootstrapResult bootstrap(FitResult fit, Map<String, DerivedQuantity> quantities,
                                            BootstrapOptions options) {
        return Bootstrap.run(fit, options, List.copyOf(quantities.values()));
    }

    private static DerivedQuantity quantity(String name, Function<double[], ComputeOptimal.Allocation> allocation,
                                            ToDoubleFunction<ComputeOptimal.Allocation> part) {
        return DerivedQuantity.of(name, t -> {
            try {
                return part.applyAsDouble(allocation.apply(t));
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        });
    }

    /**
     * The optimum of a fit without intervals.
     *
     * @param fit     the fit
     * @param compute the budget
     * @param fixed   values of the other covariates
     * @return the answer, no intervals
     */
    public static Answer of(FitResult fit, double compute, Map<String, Double> fixed) {
        return answer(fit.law(), fit.theta(), compute, fixed, Map.of());
    }

    /**
     * The optimum at given parameter values (published constants, say), without intervals.
     *
     * @param law     the law
     * @param theta   its parameters
     * @param compute the budget
     * @param fixed   values of the other covariates
     * @return the answer, no intervals
     */
    public static Answer answerAt(ScalingLaw law, double[] theta, double compute, Map<String, Double> fixed) {
        return answer(law, theta, compute, fixed, Map.of());
    }

    /**
     * The optimum of a fit with delta-method intervals (smoothed sandwich covariance; log scale for positive
     * quantities).
     *
     * @param fit     the fit
     * @param data    the rows it was fitted to
     * @param compute the budget
     * @param fixed   values of the other covariates
     * @param level   nominal coverage, e.g. 0.95
     * @return the answer with intervals
     */
    public static Answer asymptotic(FitResult fit, Dataset data, double compute, Map<String, Double> fixed,
                                    double level) {
        return answer(fit.law(), fit.theta(), compute, fixed, asymptoticIntervals(fit, Fits.problem(fit, data),
                quantities(fit.law(), compute, fixed), level));
    }

    /**
     * The optimum of a fit with bootstrap intervals: every refit's optimum (the options' method, e.g. BCa).
     *
     * @param fit     the fit
     * @param data    the rows it was fitted to
     * @param compute the budget
     * @param fixed   values of the other covariates
     * @param options resamples, scheme, seed, level, threads
     * @return the answer with intervals
     */
    public static Answer bootstrap(FitResult fit, Dataset data, double compute, Map<String, Double> fixed,
                                   BootstrapOptions options) {
        Map<String, DerivedQuantity> q = quantities(fit.law(), compute, fixed);
        BootstrapResult boot = Bootstrap.run(fit, data, options, List.copyOf(q.values()));
        Map<String, Interval> iv = new LinkedHashMap<>();
        q.keySet().forEach(k -> iv.put(k, boot.interval(k)));
        return answer(fit.law(), fit.theta(), compute, fixed, iv);
    }

    private static Answer answer(ScalingLaw law, double[] theta, double compute, Map<String, Double> fixed,
                                 Map<String, Interval> intervals) {
        ComputeOptimal.Allocation a = at(law, theta, compute, fixed);
        Map<String, Double> est = new LinkedHashMap<>();
        est.put("N", a.N());
        est.put("D", a.D());
        est.put("tokensPerParameter", a.tokensPerParameter());
        est.put("loss", a.loss());
        if (fixed.containsKey("U")) {
            est.put(EPOCHS, a.D() / fixed.get("U"));
        }
        if (!Double.isFinite(a.loss())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the law %s has no finite loss at the optimum for compute %s", law.name(), compute));
        }
        return new Answer(law, compute, fixed, a, est, intervals);
    }
}
