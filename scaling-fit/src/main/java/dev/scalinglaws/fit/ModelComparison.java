/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Ranks fits of competing laws to the same data by an information criterion (Akaike 1974, "A new look at the
 * statistical model identification", IEEE TAC 19(6); Hurvich and Tsai 1989 for AICc; Schwarz 1978, "Estimating the
 * dimension of a model", Ann. Statist. 6(2)):
 *
 * <pre>
 *   AIC = -2 ln L + 2k,   AICc = AIC + 2k(k+1)/(n-k-1),   BIC = -2 ln L + k ln n
 *   Delta_i = IC_i - min_j IC_j,   Akaike weight w_i = exp(-Delta_i / 2) / SUM_j exp(-Delta_j / 2)
 * </pre>
 *
 * with ln L and k from each fit's {@link Goodness} (squared loss: Gaussian likelihood with the variance profiled out,
 * k counting it; huber-mle: the Huber density). The fits must share the data (source, rows used), the residual
 * space and the loss, otherwise their likelihoods are not comparable and {@link #of} refuses them. Ranks are by
 * increasing criterion, ties broken by input order.
 *
 * <p>Immutable and thread-safe.
 */
public final class ModelComparison {

    /** The information criterion used to rank. */
    public enum Criterion {
        /** Akaike's information criterion. */
        AIC,
        /** AIC with the small-sample correction. */
        AICC,
        /** Schwarz's Bayesian information criterion. */
        BIC
    }

    /**
     * One fit in the ranking.
     *
     * @param fit       the fit
     * @param law       the law's name
     * @param criterion the criterion's value
     * @param delta     criterion minus the smallest criterion (0 for the best)
     * @param weight    Akaike (or Schwarz) weight exp(-delta/2) normalised over the fits
     * @param rank      1 for the best
     */
    public record Entry(FitResult fit, String law, double criterion, double delta, double weight, int rank) {
    }

    private final Criterion criterion;
    private final List<Entry> ranking;

    private ModelComparison(Criterion criterion, List<Entry> ranking) {
        this.criterion = criterion;
        this.ranking = List.copyOf(ranking);
    }

    /**
     * Ranks fits.
     *
     * @param criterion the criterion
     * @param fits      at least one fit; all to the same data with the same residual space and loss
     * @return the comparison
     * @throws IllegalArgumentException if the fits are not comparable or a fit has no likelihood (e.g. plain huber)
     */
    public static ModelComparison of(Criterion criterion, List<FitResult> fits) {
        if (criterion == null) {
            throw new IllegalArgumentException("criterion must not be null");
        }
        if (fits == null || fits.isEmpty()) {
            throw new IllegalArgumentException("at least one fit is required");
        }
        FitResult first = fits.get(0);
        double[] values = new double[fits.size()];
        for (int i = 0; i < fits.size(); i++) {
            FitResult f = fits.get(i);
            if (f.goodness().n() != first.goodness().n() || !f.dataSource().equals(first.dataSource())) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "fits are not to the same data: %s uses %d rows of %s, %s uses %d rows of %s",
                        first.law().name(), first.goodness().n(), first.dataSource(), f.law().name(),
                        f.goodness().n(), f.dataSource()));
            }
            if (f.spec().residual() != first.spec().residual()
                    || !f.spec().loss().equals(first.spec().loss())) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "fits are not comparable: %s used %s residuals and loss %s, %s used %s residuals and loss %s",
                        first.law().name(), first.spec().residual(), first.spec().loss().name(), f.law().name(),
                        f.spec().residual(), f.spec().loss().name()));
            }
            double v = switch (criterion) {
                case AIC -> f.goodness().aic();
                case AICC -> f.goodness().aicc();
                case BIC -> f.goodness().bic();
            };
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "fit of %s has no finite %s (loss %s defines no likelihood, or too few rows)",
                        f.law().name(), criterion, f.spec().loss().name()));
            }
            values[i] = v;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> {
            int c = Double.compare(values[a], values[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        double min = values[order.get(0)];
        double sum = 0;
        for (double v : values) {
            sum += Math.exp(-0.5 * (v - min));
        }
        List<Entry> ranking = new ArrayList<>();
        for (int r = 0; r < order.size(); r++) {
            int i = order.get(r);
            double delta = values[i] - min;
            ranking.add(new Entry(fits.get(i), fits.get(i).law().name(), values[i], delta,
                    Math.exp(-0.5 * delta) / sum, r + 1));
        }
        return new ModelComparison(criterion, ranking);
    }

    /** {@return the criterion used} */
    public Criterion criterion() {
        return criterion;
    }

    /** {@return the fits, best first (unmodifiable)} */
    public List<Entry> ranking() {
        return Collections.unmodifiableList(ranking);
    }

    /** {@return the best fit's entry} */
    public Entry best() {
        return ranking.get(0);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(criterion.name()).append(" ranking:");
        for (Entry e : ranking) {
            sb.append(String.format(Locale.ROOT, " %d. %s %.4f (delta %.3f, weight %.3f);", e.rank(), e.law(),
                    e.criterion(), e.delta(), e.weight()));
        }
        return sb.toString();
    }
}
