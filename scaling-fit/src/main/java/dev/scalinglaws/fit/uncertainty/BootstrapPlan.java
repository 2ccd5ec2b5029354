/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitStatus;

/**
 * A {@link Bootstrap} taken apart so that its refits can run anywhere, for example on the executors of a cluster:
 * {@link #resample(int)} and {@link #jackknife(int)} compute one refit each from its index alone, and
 * {@link #assemble} puts the pieces back together. Resample {@code i} draws from the seed (seed, i) exactly as
 * {@link Bootstrap#run} does, with the same refit machinery, so the assembled result is bit-identical to
 * {@link Bootstrap#run} with the same fit and options, however the indices are split over machines, processes and
 * threads.
 *
 * <p>Serializable: a plan ships its fit (with the fitted problem), its options and its derived quantities (which must
 * then be serializable themselves); the refit machinery is rebuilt once per copy, on first use, from those alone.
 * Thread-safe.
 */
public final class BootstrapPlan implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The full-data fit, with the fitted problem whose data the resamples draw from. */
    private final FitResult fit;
    /** The bootstrap options (scheme, B, seed, interval method, starts). */
    private final BootstrapOptions options;
    /** The derived quantities recorded besides the parameters, in order; each must be serializable. */
    private final List<DerivedQuantity> quantities;
    private transient volatile Bootstrap.Engine engine;

    /**
     * The refit of one resample (or of one jackknife deletion).
     *
     * @param index  the resample (or deletion) index
     * @param values the parameters, then the derived quantities, at the refit; null if the refit failed
     * @param status the refit's status
     * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
     *         undocumented; the serialized form is exactly the components, documented above)
     */
    public record Replicate(int index, double[] values, FitStatus status) implements Serializable {

        private static final long serialVersionUID = 1L;

        /**
         * Copies the values.
         *
         * @param index  the resample (or deletion) index
         * @param values the parameters, then the derived quantities, at the refit; null if the refit failed; copied
         * @param status the refit's status
         * @throws NullPointerException if status is null
         */
        public Replicate {
            Objects.requireNonNull(status, "status");
            values = values == null ? null : values.clone();
        }

        /** {@return the parameters, then the derived quantities, at the refit (a copy); null if the refit failed} */
        @Override
        public double[] values() {

            return values == null ? null : values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Replicate r && r.index == index && r.status == status
                    && Arrays.equals(r.values, values);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * index + status.hashCode()) + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Replicate[" + index + ", " + status + ", " + Arrays.toString(values) + "]";
        }
    }

    private BootstrapPlan(FitResult fit, BootstrapOptions options, List<DerivedQuantity> quantities) {
        this.fit = fit;
        this.options = options;
        this.quantities = List.copyOf(quantities);
    }

    /**
     * A plan for bootstrapping a fit on the data of the problem it keeps.
     *
     * @param fit        the full-data fit (it must carry its problem)
     * @param options    options (the parallelism and progress hook are not used by a plan)
     * @param quantities derived quantities to record besides the parameters (may be empty)
     * @return the plan
     * @throws IllegalStateException    for a fit assembled without its problem
     * @throws IllegalArgumentException if no start is configured
     */
    public static BootstrapPlan of(FitResult fit, BootstrapOptions options, List<DerivedQuantity> quantities) {
        fit.requireProblem();
        options.checkStarts();
        return new BootstrapPlan(fit, options, quantities);
    }

    /** {@return the fit being bootstrapped} */
    public FitResult fit() {
        return fit;
    }

    /** {@return the bootstrap options} */
    public BootstrapOptions options() {
        return options;
    }

    /** {@return the number of resamples, B} */
    public int resamples() {
        return options.resamples();
    }

    /** {@return whether the interval method needs the jackknife ({@link IntervalMethod#BCA})} */
    public boolean needsJackknife() {
        return options.method() == IntervalMethod.BCA;
    }

    /** {@return the number of jackknife deletions (rows, or groups for cluster resampling)} */

    public int jackknifeSize() {
        return engine().jackknifeSize();
    }

    /**
     * Refits resample {@code i}.
     *
     * @param i the resample index, in [0, B)
     * @return its replicate
     */
    public Replicate resample(int i) {
        if (i < 0 || i >= resamples()) {
            throw new IndexOutOfBoundsException(String.format(Locale.ROOT, "resample %d of %d", i, resamples()));
        }
        Bootstrap.Engine e = engine();
        double[] theta = e.refit(e.resample(i));
        return new Replicate(i, theta == null ? null : values(theta), e.lastStatus.get());
    }

    /**
     * Refits jackknife deletion {@code i}.
     *
     * @param i the deletion index, in [0, {@link #jackknifeSize()})
     * @return its replicate
     */
    public Replicate jackknife(int i) {
        Bootstrap.Engine e = engine();
        if (i < 0 || i >= e.jackknifeSize()) {
            throw new IndexOutOfBoundsException(String.format(Locale.ROOT, "deletion %d of %d", i,
                    e.jackknifeSize()));
        }
        double[] theta = e.refit(e.jackknife(i));
        return new Replicate(i, theta == null ? null : values(theta), e.lastStatus.get());
    }

    /**
     * Puts the refits back together, in index order.
     *
     * @param resamples every resample's replicate, in any order
     * @param jackknife every deletion's replicate, in any order (empty unless {@link #needsJackknife()})
     * @param seconds   the wall time to report
     * @return the bootstrap result, as {@link Bootstrap#run} returns it
     * @throws IllegalArgumentException if a replicate is missing or repeated
     */
    public BootstrapResult assemble(List<Replicate> resamples, List<Replicate> jackknife, double seconds) {
        int b = resamples();
        double[][] replicates = new double[b][];
        FitStatus[] statuses = new FitStatus[b];
        fill(resamples, b, replicates, statuses, "resample");
        double[][] jk = null;
        if (needsJackknife()) {
            int m = jackknifeSize();
            jk = new double[m][];
            fill(jackknife, m, jk, new FitStatus[m], "jackknife deletion");
        }
        List<String> names = new ArrayList<>();
        fit.law().parameters().forEach(p -> names.add(p.name()));
        quantities.forEach(q -> names.add(q.name()));
        return new BootstrapResult(names, values(engine().theta), replicates, statuses, jk, options, seconds);
    }

    private static void fill(List<Replicate> parts, int n, double[][] values, FitStatus[] statuses, String what) {
        if (parts.size() != n) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%d %ss given, %d expected", parts.size(),
                    what, n));
        }
        for (Replicate r : parts) {
            if (r.index() < 0 || r.index() >= n || statuses[r.index()] != null) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s %d is out of range or repeated",
                        what, r.index()));
            }
            statuses[r.index()] = r.status();
            values[r.index()] = r.values;
        }
    }

    /** The parameters, then the derived quantities, at theta (what {@link Bootstrap#run} records). */
    private double[] values(double[] theta) {
        int p = theta.length;
        double[] v = new double[p + quantities.size()];
        System.arraycopy(theta, 0, v, 0, p);
        for (int k = 0; k < quantities.size(); k++) {
            v[p + k] = quantities.get(k).value(theta);
        }
        return v;
    }

    private Bootstrap.Engine engine() {
        Bootstrap.Engine e = engine;
        if (e == null) {
            synchronized (this) {
                e = engine;
                if (e == null) {
                    e = new Bootstrap.Engine(fit, fit.requireProblem(), options);
                    engine = e;
                }
            }
        }
        return e;
    }
}
