/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.scalinglaws.cli.LibraryMessages;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.ParameterEstimate;
import dev.scalinglaws.fit.uncertainty.AsymptoticCovariance;
import dev.scalinglaws.fit.uncertainty.DerivedQuantity;
import dev.scalinglaws.fit.uncertainty.Interval;
import dev.scalinglaws.fit.uncertainty.Uncertainty;

/**
 * The fit of one group, as {@link GroupFits} runs it inside a Spark task: the group's rows become a
 * {@link Dataset} (cells parsed as the {@code scaling} command parses CSV cells, columns mapped, derived covariates
 * added by the library's documented rules), the law is fitted on the calling thread, and standard errors and
 * asymptotic intervals (smoothed sandwich covariance, delta method, Student t; see {@link AsymptoticCovariance}) are
 * attached. Every failure of the data becomes an {@code ERROR} outcome with its message.
 *
 * @param law       the law
 * @param spec      the fit specification; its thread count is replaced by 1
 * @param columns   law key to input column mapping (may be empty)
 * @param runs      the column naming each row's run (model), or null
 * @param intervals which intervals to attach
 * @param level     confidence level in (0, 1)
 * @param weights   the weight column, or null
 * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
 *         undocumented; the serialized form is exactly the components, documented above)
 */
public record GroupFit(ScalingLaw law, FitSpec spec, Map<String, String> columns, String runs, Intervals intervals,
                       double level, String weights) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Which intervals a group fit carries. */
    public enum Intervals {
        /** No intervals: the bounds are NaN. */
        NONE,
        /** Asymptotic intervals from the smoothed sandwich covariance (the command's default). */
        ASYMPTOTIC
    }

    /**
     * Validates and copies.
     *
     * @param law       the law
     * @param spec      the fit specification; kept with its thread count replaced by 1
     * @param columns   law key to input column mapping (may be empty); copied
     * @param runs      the column naming each row's run (model), or null
     * @param intervals which intervals to attach
     * @param level     confidence level in (0, 1)
     * @param weights   the weight column, or null
     * @throws NullPointerException     if law, spec, intervals or columns is null
     * @throws IllegalArgumentException if level lies outside (0, 1)
     */
    public GroupFit {
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(intervals, "intervals");
        columns = Map.copyOf(columns);
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must lie in (0, 1): " + level);
        }
        spec = spec.withThreads(1);
    }

    GroupFit withColumns(Map<String, String> value) {
        return new GroupFit(law, spec, value, runs, intervals, level, weights);
    }

    GroupFit withRuns(String value) {
        return new GroupFit(law, spec, columns, value, intervals, level, weights);
    }

    GroupFit withIntervals(Intervals value, double newLevel) {
        return new GroupFit(law, spec, columns, runs, value, newLevel, weights);
    }

    /**
     * The outcome of one group.
     *
     * @param status      the fit status name, or {@code ERROR} when the group could not be fitted
     * @param message     what went wrong, or null
     * @param rows        rows in the group
     * @param objective   the objective at the optimum (NaN on error)
     * @param parameters  per parameter {estimate, standard error, lower, upper} (NaN where unknown)
     * @param diagnostics one line per diagnostic or warning
     * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
     *         undocumented; the serialized form is exactly the components, documented above)
     */
    public record Outcome(String status, String message, int rows, double objective, List<double[]> parameters,
                          List<String> diagnostics) implements Serializable {

        private static final long serialVersionUID = 1L;

        /**
         * Copies the lists and each parameter array.
         *
         * @param status      the fit status name, or {@code ERROR}
         * @param message     what went wrong, or null
         * @param rows        rows in the group
         * @param objective   the objective at the optimum (NaN on error)
         * @param parameters  per parameter {estimate, standard error, lower, upper}; deep-copied
         * @param diagnostics one line per diagnostic or warning; copied
         * @throws NullPointerException if parameters or diagnostics is null or holds null
         */
        public Outcome {
            parameters = parameters.stream().map(double[]::clone).toList();
            diagnostics = List.copyOf(diagnostics);
        }

        /**
         * {@return the parameters, each {estimate, standard error, lower, upper} (NaN where unknown): a deep copy}
         */
        @Override
        public List<double[]> parameters() {

            return parameters.stream().map(double[]::clone).toList();
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Outcome x) || x.rows != rows || Double.compare(x.objective, objective) != 0
                    || !x.status.equals(status) || !Objects.equals(x.message, message)
                    || !x.diagnostics.equals(diagnostics) || x.parameters.size() != parameters.size()) {
                return false;
            }
            for (int j = 0; j < parameters.size(); j++) {
                if (!Arrays.equals(parameters.get(j), x.parameters.get(j))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = Objects.hash(status, message, rows, objective, diagnostics);
            for (double[] p : parameters) {
                h = 31 * h + Arrays.hashCode(p);
            }
            return h;
        }
    }

    /**
     * Fits one group given as text cells.
     *
     * @param names      column names, in the order of {@code cells}
     * @param cells      {@code cells[column][row]}
     * @param rowNumbers 1-based row numbers in the input, for messages
     * @return the outcome; never throws for bad data
     */
    public Outcome apply(List<String> names, String[][] cells, int[] rowNumbers) {
        int n = rowNumbers.length;
        try {
            Dataset.Builder b = Dataset.builder("group").rowNumbers(rowNumbers);
            Map<String, String> inverse = new java.util.HashMap<>();
            columns.forEach((key, header) -> inverse.put(header, key));
            for (int j = 0; j < names.size(); j++) {
                String name = names.get(j);
                String key = inverse.getOrDefault(name, name);
                if (!key.equals(name) && names.contains(key)) {
                    continue;
                }
                b.textColumn(key, cells[j]);
            }
            if (runs != null) {
                b.groups(inverse.getOrDefault(runs, runs));
            }
            if (weights != null) {
                b.weights(inverse.getOrDefault(weights, weights));
            }
            Dataset data = b.build().withCovariatesFor(law, null);
            return fit(data);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return error(n, LibraryMessages.of(e));
        }
    }

    /**
     * Fits one group given as a library dataset that already holds the law's covariates and response.
     *
     * @param data the group's rows
     * @return the outcome; never throws for bad data
     */
    public Outcome fit(Dataset data) {
        int n = data.size();
        int p = law.parameterCount();
        try {
            FitResult r = Fitter.fit(law, data, spec);
            List<double[]> params = new ArrayList<>(p);
            AsymptoticCovariance cov = null;
            if (intervals == Intervals.ASYMPTOTIC && r.converged()) {
                cov = Uncertainty.of(r).covariance();
            }
            for (ParameterEstimate e : r.parameters()) {
                double lo = Double.NaN;
                double hi = Double.NaN;
                if (cov != null && !e.pinned()) {
                    Interval iv = cov.interval(DerivedQuantity.parameter(law, e.name()), level);
                    lo = iv.lower();
                    hi = iv.upper();
                }
                params.add(new double[] {e.estimate(), e.stdError(), lo, hi});
            }
            List<String> notes = new ArrayList<>(r.warnings());
            return new Outcome(r.status().name(), r.converged() ? null : "the fit did not converge: " + r.status(),
                    n, r.objective(), params, notes);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return error(n, LibraryMessages.of(e));
        }
    }

    private Outcome error(int rows, String message) {
        List<double[]> params = new ArrayList<>();
        for (int j = 0; j < law.parameterCount(); j++) {
            params.add(new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN});
        }
        return new Outcome("ERROR", message == null ? "the group could not be fitted" : message, rows, Double.NaN,
                params, List.of());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "GroupFit[law=%s, spec=%s, columns=%s, runs=%s, intervals=%s, level=%s]",
                law.name(), spec, columns, runs, intervals, level);
    }
}
