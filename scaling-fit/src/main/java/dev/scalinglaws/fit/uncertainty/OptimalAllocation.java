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
import dev.scalinglaws.core.ScalingLaw;
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

        /** Copies the maps. */
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
        Map<String, DerivedQuantity> q = quantities(fit.law(), compute, fixed);
        AsymptoticCovariance cov = AsymptoticCovariance.of(fit, data, AsymptoticCovariance.Form.SMOOTHED_SANDWICH);
        Map<String, Interval> iv = new LinkedHashMap<>();
        q.forEach((k, g) -> iv.put(k, cov.interval(g, level, true)));
        return answer(fit.law(), fit.theta(), compute, fixed, iv);
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
