/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.scalinglaws.fit.Diagnostic;
import dev.scalinglaws.fit.DiagnosticCode;
import dev.scalinglaws.fit.FitStatus;
import dev.scalinglaws.fit.Severity;
import dev.scalinglaws.fit.internal.Quantiles;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The replicates of a {@link Bootstrap} run, by resample index, and the intervals read off them (percentile,
 * basic, BCa: see {@link IntervalMethod}). Failed resamples are counted ({@link #failed()}, by reason in
 * {@link #failuresByStatus()}) and excluded from quantiles; if their share exceeds the options' tolerance every
 * interval carries {@link Interval.Status#TOO_MANY_FAILURES}.
 *
 * <p>Immutable (arrays are copied out) and thread-safe.
 */
public final class BootstrapResult {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private final List<String> names;
    private final double[] estimates;
    private final double[][] replicates;
    private final FitStatus[] statuses;
    private final double[][] jackknife;
    private final BootstrapOptions options;
    private final double seconds;
    private final int failed;
    private final int units;
    private final int parameters;
    private final List<Diagnostic> fitDiagnostics;

    BootstrapResult(List<String> names, double[] estimates, double[][] replicates, FitStatus[] statuses,
                    double[][] jackknife, BootstrapOptions options, double seconds) {
        this(names, estimates, replicates, statuses, jackknife, options, seconds, replicates.length, List.of(), 0);
    }

    BootstrapResult(List<String> names, double[] estimates, double[][] replicates, FitStatus[] statuses,
                    double[][] jackknife, BootstrapOptions options, double seconds, int units,
                    List<Diagnostic> fitDiagnostics, int parameters) {
        this.units = units;
        this.parameters = parameters;
        this.fitDiagnostics = List.copyOf(fitDiagnostics);
        this.names = List.copyOf(names);
        this.estimates = estimates;
        this.replicates = replicates;
        this.statuses = statuses;
        this.jackknife = jackknife;
        this.options = options;
        this.seconds = seconds;
        int f = 0;
        for (double[] r : replicates) {
            if (r == null) {
                f++;
            }
        }
        this.failed = f;
    }

    /** {@return the quantity names: the law's parameters, then the derived quantities} */
    public List<String> names() {
        return names;
    }

    /** {@return the options used (seed, scheme, resamples, ...)} */
    public BootstrapOptions options() {
        return options;
    }

    /** {@return the wall time in seconds} */
    public double seconds() {
        return seconds;
    }

    /** {@return the number of resamples drawn} */
    public int resamples() {
        return replicates.length;
    }

    /** {@return the number of resamples whose refit failed (non-converged or non-finite)} */
    public int failed() {
        return failed;
    }

    /** {@return the failed resamples by the status of their best start} */
    public Map<FitStatus, Integer> failuresByStatus() {
        Map<FitStatus, Integer> m = new EnumMap<>(FitStatus.class);
        for (int i = 0; i < replicates.length; i++) {
            if (replicates[i] == null) {
                m.merge(statuses[i], 1, Integer::sum);
            }
        }
        return m;
    }

    /**
     * Replicates of a quantity by resample index (NaN where the refit failed or the quantity is undefined).
     *
     * @param name quantity name
     * @return a new array of length {@link #resamples()}
     */
    public double[] replicates(String name) {
        int k = index(name);
        double[] out = new double[replicates.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = replicates[i] == null ? Double.NaN : replicates[i][k];
        }
        return out;
    }

    /**
     * The full-data estimate of a quantity.
     *
     * @param name quantity name
     * @return the estimate
     */
    public double estimate(String name) {
        return estimates[index(name)];
    }

    /**
     * How many converged refits gave a non-finite value of this quantity (e.g. a target loss below a resample's
     * floor); they are excluded from this quantity's quantiles and counted against the failure tolerance.
     *
     * @param name quantity name
     * @return the count of non-finite values among converged refits
     */
    public int nonFinite(String name) {
        int k = index(name);
        int c = 0;
        for (double[] r : replicates) {
            if (r != null && !Double.isFinite(r[k])) {
                c++;
            }
        }
        return c;
    }

    /**
     * Bootstrap standard error: the standard deviation (divisor B' - 1) of the finite replicates.
     *
     * @param name quantity name
     * @return the standard error
     */
    public double standardError(String name) {
        double[] v = finite(index(name));
        if (v.length < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (v.length - 1));
    }

    /**
     * The interval by the options' method and level.
     *
     * @param name quantity name
     * @return the interval
     */
    public Interval interval(String name) {
        return interval(name, options.method(), options.level());
    }

    /**
     * Intervals of every quantity by the options' method and level.
     *
     * @return intervals in {@link #names()} order
     */
    public List<Interval> intervals() {
        List<Interval> out = new ArrayList<>();
        for (String n : names) {
            out.add(interval(n));
        }
        return out;
    }

    /**
     * An interval.
     *
     * @param name   quantity name
     * @param method method (BCa needs the jackknife, computed only when the options' method is BCa)
     * @param level  nominal coverage
     * @return the interval
     */
    public Interval interval(String name, IntervalMethod method, double level) {
        AsymptoticCovariance.checkLevel(level);
        int k = index(name);
        double est = estimates[k];
        double[] v = finite(k);
        Arrays.sort(v);
        double alpha = 1 - level;
        String label = "bootstrap-" + options.scheme().name().toLowerCase(Locale.ROOT).replace('_', '-') + "-"
                + method.name().toLowerCase(Locale.ROOT);
        Interval.Status status = (double) (replicates.length - v.length) / replicates.length
                > options.maxFailureFraction() || v.length < 2 ? Interval.Status.TOO_MANY_FAILURES
                : Interval.Status.OK;
        double lo;
        double hi;
        switch (method) {
            case PERCENTILE -> {
                lo = Quantiles.type7(v, alpha / 2);
                hi = Quantiles.type7(v, 1 - alpha / 2);
            }
            case BASIC -> {
                lo = 2 * est - Quantiles.type7(v, 1 - alpha / 2);
                hi = 2 * est - Quantiles.type7(v, alpha / 2);
            }
            case EXPANDED_PERCENTILE -> {
                double tail = expandedTail(alpha, units);
                lo = Quantiles.type7(v, tail);
                hi = Quantiles.type7(v, 1 - tail);
            }
            default -> {
                if (jackknife == null) {
                    throw new IllegalStateException("BCa intervals need the jackknife: run the bootstrap with "
                            + "BootstrapOptions.withMethod(IntervalMethod.BCA)");
                }
                double below = 0;
                for (double x : v) {
                    if (x < est) {
                        below++;
                    } else if (x == est) {
                        below += 0.5;
                    }
                }
                double z0 = STANDARD_NORMAL.inverseCumulativeProbability(below / v.length);
                double acc = acceleration(k);
                double zl = STANDARD_NORMAL.inverseCumulativeProbability(alpha / 2);
                double zu = -zl;
                double pl = STANDARD_NORMAL.cumulativeProbability(z0 + (z0 + zl) / (1 - acc * (z0 + zl)));
                double pu = STANDARD_NORMAL.cumulativeProbability(z0 + (z0 + zu) / (1 - acc * (z0 + zu)));
                lo = Double.isFinite(pl) ? Quantiles.type7(v, pl) : Double.NaN;
                hi = Double.isFinite(pu) ? Quantiles.type7(v, pu) : Double.NaN;
            }
        }
        Interval.Method kind = switch (method) {
            case PERCENTILE -> Interval.Method.BOOTSTRAP_PERCENTILE;
            case BASIC -> Interval.Method.BOOTSTRAP_BASIC;
            case BCA -> Interval.Method.BOOTSTRAP_BCA;
            case EXPANDED_PERCENTILE -> Interval.Method.BOOTSTRAP_EXPANDED_PERCENTILE;
        };
        return new Interval(name, est, lo, hi, level, kind, label, status);
    }

    /**
     * Hesterberg's expanded tail probability Phi(-sqrt(m/(m-1)) t_{m-1, 1-alpha/2}) (NaN for m &lt; 2).
     *
     * @param alpha one minus the level
     * @param m     independent units resampled
     * @return the lower quantile level of the expanded percentile interval
     */
    static double expandedTail(double alpha, int m) {
        if (m < 2) {
            return Double.NaN;
        }
        double t = TDistribution.of(m - 1).inverseSurvivalProbability(alpha / 2);
        return STANDARD_NORMAL.cumulativeProbability(-Math.sqrt((double) m / (m - 1)) * t);
    }

    /** {@return the number of independent units resampled: clusters for clustered schemes, rows otherwise} */

    public int units() {
        return units;
    }

    /**
     * Diagnostics of this bootstrap: the fit's own (repeated), then {@code REFITS_FAILED} when failed refits exceed the
     * tolerance, {@code FEW_CLUSTERS} for a clustered scheme with fewer than {@link #FEW_CLUSTERS} clusters (a warning
     * for whole-cluster resampling with BCa or basic intervals, which undercover there, information otherwise;
     * measured in {@code docs/uncertainty.md}), and {@code WEAKLY_DETERMINED} for a parameter whose interval (the
     * options' method and level) has positive bounds more than two orders of magnitude apart.
     *
     * @return the diagnostics, errors first
     */
    public List<Diagnostic> diagnostics() {
        List<Diagnostic> out = new ArrayList<>(fitDiagnostics);
        double share = (double) failed / replicates.length;
        if (share > options.maxFailureFraction()) {
            out.add(Diagnostic.of(DiagnosticCode.REFITS_FAILED, Severity.WARNING, String.format(Locale.ROOT,
                    "%d of %d bootstrap refits failed (%.3g%%, tolerance %.3g%%): the intervals are not reliable",
                    failed, replicates.length, 100 * share, 100 * options.maxFailureFraction()), List.of()));
        }
        if (options.scheme().clustered() && units < FEW_CLUSTERS) {
            // measured (docs/uncertainty.md): cluster BCa covered beta 78-86% at 5-12 clusters, cluster percentile
            // 94-99% for every quantity
            boolean undercovers = options.scheme() == ResamplingScheme.CLUSTER
                    && (options.method() == IntervalMethod.BCA || options.method() == IntervalMethod.BASIC);
            out.add(Diagnostic.of(DiagnosticCode.FEW_CLUSTERS, undercovers ? Severity.WARNING : Severity.INFO,
                    String.format(Locale.ROOT, "%d clusters: %s", units, undercovers
                            ? options.method().name() + " intervals of the cluster bootstrap undercover with so few "
                            + "(BCa covered beta 78-86% at 5 to 12 clusters); use percentile intervals"
                            : "the intervals rest on few independent units"), List.of()));
        }
        if (options.method() != IntervalMethod.BCA || jackknife != null) {
            for (int k = 0; k < Math.min(parameters, names.size()); k++) {
                Interval i = interval(names.get(k));
                if (i.lower() > 0 && i.upper() / i.lower() > 100) {
                    out.add(Diagnostic.of(DiagnosticCode.WEAKLY_DETERMINED, Severity.WARNING,
                            String.format(Locale.ROOT, "the %s interval of %s, [%.3g, %.3g], spans %.3g orders of "
                                    + "magnitude", i.method(), names.get(k), i.lower(), i.upper(),
                                    Math.log10(i.upper() / i.lower())), List.of(names.get(k))));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(Diagnostic::severity).reversed()
                .thenComparing(Diagnostic::code));
        return List.copyOf(out);
    }

    /** Clusters below which a clustered bootstrap carries a {@code FEW_CLUSTERS} diagnostic. */
    public static final int FEW_CLUSTERS = 12;

    /** Jackknife acceleration of quantity k (NaN if the jackknife is missing or degenerate). */
    double acceleration(int k) {
        int m = 0;
        double mean = 0;
        for (double[] r : jackknife) {
            if (r != null && Double.isFinite(r[k])) {
                mean += r[k];
                m++;
            }
        }
        if (m < 3) {
            return Double.NaN;
        }
        mean /= m;
        double s2 = 0;
        double s3 = 0;
        for (double[] r : jackknife) {
            if (r != null && Double.isFinite(r[k])) {
                double d = mean - r[k];
                s2 += d * d;
                s3 += d * d * d;
            }
        }
        return s2 > 0 ? s3 / (6 * Math.pow(s2, 1.5)) : 0;
    }

    /** {@return the number of jackknife refits that failed (BCa only; 0 otherwise)} */
    public int jackknifeFailures() {
        if (jackknife == null) {
            return 0;
        }
        int f = 0;
        for (double[] r : jackknife) {
            if (r == null) {
                f++;
            }
        }
        return f;
    }

    private double[] finite(int k) {
        double[] v = new double[replicates.length];
        int m = 0;
        for (double[] r : replicates) {
            if (r != null && Double.isFinite(r[k])) {
                v[m++] = r[k];
            }
        }
        return Arrays.copyOf(v, m);
    }

    private int index(String name) {
        int k = names.indexOf(name);
        if (k < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "no quantity '%s'; recorded: %s", name,
                    names));
        }
        return k;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BootstrapResult[%d resamples, %d failed, %s, %.2f s]", replicates.length,
                failed, options.scheme(), seconds);
    }
}
