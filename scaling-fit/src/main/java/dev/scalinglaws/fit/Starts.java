/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import dev.scalinglaws.core.Parameter;
import dev.scalinglaws.core.ScalingLaw;
import org.apache.commons.math3.random.SobolSequenceGenerator;

// Longer than 500 lines on purpose: a sealed interface whose permitted implementations (Hoffmann, Sobol,
// LatinHypercube, Explicit, Ranged) are nested public types of its API, and an interface's nested types are all
// public, so none of them can move to a package-private file without changing the API.

/**
 * A rule producing the starting points of a multistart fit, in natural parameter units and in the law's parameter
 * order. Pinned parameters are overwritten by their pinned values afterwards.
 *
 * <ul>
 *   <li>{@link #hoffmann()}: the 4,500-point grid of Hoffmann et al. 2022 as used by Besiroglu et al. 2024:
 *       alpha, beta in {0, 0.5, ..., 2}, ln E in {-1, -0.5, ..., 1}, ln A, ln B in {0, 5, ..., 25};</li>
 *   <li>{@link #sobol(int, long)}: the first n points of a Sobol sequence (Joe-Kuo direction numbers, as
 *       implemented by Commons Math's {@code SobolSequenceGenerator}), skipping {@code seed} points, scaled to each
 *       parameter's {@link ScalingLaw#startRange start range} (log-uniformly for positive parameters);</li>
 *   <li>{@link #latinHypercube(int, long)}: a Latin hypercube of n points from {@link SplittableRandom}(seed);</li>
 *   <li>{@link #of(List)}: explicit points.</li>
 * </ul>
 *
 * <p>Implementations are immutable and thread-safe; the same strategy and law always give the same points.
 */
public sealed interface Starts extends java.io.Serializable permits Starts.Hoffmann, Starts.Sobol, Starts.LatinHypercube, Starts.Explicit,
        Starts.Ranged {

    /**
     * The starting points for a law.
     *
     * @param law the law
     * @return points in natural units, each of length {@code law.parameterCount()}
     */
    List<double[]> points(ScalingLaw law);

    /** {@return a short description, e.g. {@code hoffmann}, {@code sobol:64}} */
    String describe();

    /** {@return Hoffmann's 4,500-point grid (for laws with parameters E, A, B, alpha, beta)} */
    static Starts hoffmann() {
        return Hoffmann.INSTANCE;
    }

    /**
     * Sobol starts.
     *
     * @param n    number of points, &gt;= 1
     * @param seed number of leading Sobol points to skip (0 = the standard sequence)
     * @return the strategy
     */
    static Starts sobol(int n, long seed) {
        return new Sobol(n, seed);
    }

    /**
     * Latin-hypercube starts.
     *
     * @param n    number of points, &gt;= 1
     * @param seed random seed
     * @return the strategy
     */
    static Starts latinHypercube(int n, long seed) {
        return new LatinHypercube(n, seed);
    }

    /**
     * Explicit starting points (copied).
     *
     * @param points points in natural units
     * @return the strategy
     */
    static Starts of(List<double[]> points) {
        List<double[]> copy = new ArrayList<>();
        for (double[] p : points) {
            copy.add(p.clone());
        }
        return new Explicit(List.copyOf(copy));
    }

    /**
     * These starts with other start ranges for some parameters (each parameter's {@link ScalingLaw#startRange} is
     * replaced), for the strategies that sample the ranges (Sobol, Latin hypercube) and for variable projection's
     * grid. Explicit points and Hoffmann's grid are unchanged.
     *
     * @param base   the strategy
     * @param ranges parameter name to {@code {lower, upper}}, lower &lt; upper, both finite
     * @return the strategy
     */
    static Starts withRanges(Starts base, Map<String, double[]> ranges) {
        List<Range> list = new ArrayList<>();
        if (base instanceof Ranged r) {
            base = r.base();
            list.addAll(r.ranges());
        }
        for (Map.Entry<String, double[]> e : ranges.entrySet()) {
            list.removeIf(x -> x.name().equals(e.getKey()));
            list.add(new Range(e.getKey(), e.getValue()[0], e.getValue()[1]));
        }
        return new Ranged(base, list);
    }

    /**
     * The start range of parameter {@code j} under a strategy: its override, if the strategy has one, else the law's.
     *
     * @param starts the strategy
     * @param law    the law
     * @param j      parameter index
     * @return {@code {lower, upper}}
     */
    static double[] startRange(Starts starts, ScalingLaw law, int j) {
        if (starts instanceof Ranged r) {
            String name = law.parameters().get(j).name();
            for (Range x : r.ranges()) {
                if (x.name().equals(name)) {
                    return new double[] {x.lower(), x.upper()};
                }
            }
        }
        return law.startRange(j);
    }

    /**
     * A start range of one parameter.
     *
     * @param name  the parameter
     * @param lower lower end (finite)
     * @param upper upper end (finite, above lower)
     * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
     *         undocumented; the serialized form is exactly the components, documented above)
     */
    record Range(String name, double lower, double upper) implements java.io.Serializable {
        /**
         * Validates.
         *
         * @param name  the parameter
         * @param lower lower end (finite)
         * @param upper upper end (finite, above lower)
         */
        public Range {
            if (!Double.isFinite(lower) || !Double.isFinite(upper) || !(lower < upper)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "start range of %s: [%s, %s] is not a finite interval", name, lower, upper));
            }
        }
    }

    /**
     * Starts with start-range overrides.
     *
     * @param base   the strategy
     * @param ranges the overrides
     * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
     *         undocumented; the serialized form is exactly the components, documented above)
     */
    record Ranged(Starts base, List<Range> ranges) implements Starts {
        /**
         * Copies.
         *
         * @param base   the strategy
         * @param ranges the overrides
         */
        public Ranged {
            ranges = List.copyOf(ranges);
        }

        @Override
        public List<double[]> points(ScalingLaw law) {
            for (Range r : ranges) {
                int j = law.indexOf(r.name());
                if (law.parameters().get(j).positive() && !(r.lower() > 0)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT, "start range of %s: %s is "
                            + "positive (searched in log space), so its range must start above 0, not at %s",
                            r.name(), r.name(), r.lower()));
                }
            }
            return base.points(new RangedLaw(law, this));
        }

        @Override
        public String describe() {
            StringBuilder sb = new StringBuilder(base.describe()).append(" (start ranges");
            for (Range r : ranges) {
                sb.append(' ').append(r.name()).append('=').append(r.lower()).append(':').append(r.upper());
            }
            return sb.append(')').toString();
        }
    }

    /**
     * Parses a strategy written as text: {@code hoffmann}, {@code sobol:N}, {@code lhs:N} (case-insensitive).
     *
     * @param text the text
     * @param seed seed for random strategies
     * @return the strategy
     * @throws StartsFormatException carrying the text if it names no strategy or its count is not an integer
     */
    static Starts parse(String text, long seed) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("hoffmann")) {
            return hoffmann();
        }
        int colon = t.indexOf(':');
        if (colon > 0) {
            String kind = t.substring(0, colon);
            int n;
            try {
                n = Integer.parseInt(t.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new StartsFormatException(text, StartsFormatException.Problem.BAD_COUNT);
            }
            if (kind.equals("sobol")) {
                return sobol(n, seed);
            }
            if (kind.equals("lhs")) {
                return latinHypercube(n, seed);
            }
        }
        throw new StartsFormatException(text, StartsFormatException.Problem.UNKNOWN_STRATEGY);
    }

    /** Hoffmann's grid. */
    final class Hoffmann implements Starts {
        static final Hoffmann INSTANCE = new Hoffmann();

        private static final long serialVersionUID = 1L;

        private Hoffmann() {
        }

        /**
         * Keeps the singleton through serialisation.
         *
         * @return the single instance
         */
        private Object readResolve() {
            return INSTANCE;
        }

        @Override
        public List<double[]> points(ScalingLaw law) {
            int iE = law.indexOf("E");
            int iA = law.indexOf("A");
            int iB = law.indexOf("B");
            int iAlpha = law.indexOf("alpha");
            int iBeta = law.indexOf("beta");
            List<double[]> out = new ArrayList<>(4500);
            // order (a, b, e, alpha, beta) with a outermost, as in the reference implementation
            for (int a = 0; a <= 25; a += 5) {
                for (int b = 0; b <= 25; b += 5) {
                    for (int e = -2; e <= 2; e++) {
                        for (int al = 0; al <= 4; al++) {
                            for (int be = 0; be <= 4; be++) {
                                double[] p = new double[law.parameterCount()];
                                p[iA] = Math.exp(a);
                                p[iB] = Math.exp(b);
                                p[iE] = Math.exp(0.5 * e);
                                p[iAlpha] = 0.5 * al;
                                p[iBeta] = 0.5 * be;
                                out.add(p);
                            }
                        }
                    }
                }
            }
            return out;
        }

        @Override
        public String describe() {
            return "hoffmann";
        }
    }

    /**
     * Sobol starts.
     *
     * @param n number of points
     * @param seed points skipped
     * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
     *         undocumented; the serialized form is exactly the components, documented above)
     */
    record Sobol(int n, long seed) implements Starts {
        /**
         * Validates.
         *
         * @param n number of points
         * @param seed points skipped
         */
        public Sobol {
            if (n < 1) {
                throw new IllegalArgumentException("number of Sobol starts must be positive: " + n);
            }
            if (seed < 0) {
                throw new IllegalArgumentException("Sobol seed (points skipped) must be >= 0: " + seed);
            }
        }

        @Override
        public List<double[]> points(ScalingLaw law) {
            int p = law.parameterCount();
            SobolSequenceGenerator gen = new SobolSequenceGenerator(Math.max(p, 1));
            gen.skipTo((int) Math.min(Integer.MAX_VALUE - n, seed + 1));
            List<double[]> out = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                out.add(scale(law, gen.nextVector()));
            }
            return out;
        }

        @Override
        public String describe() {
            return "sobol:" + n;
        }
    }

    /**
     * Latin-hypercube starts.
     *
     * @param n number of points
     * @param seed seed
     * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
     *         undocumented; the serialized form is exactly the components, documented above)
     */
    record LatinHypercube(int n, long seed) implements Starts {
        /**
         * Validates.
         *
         * @param n number of points
         * @param seed seed
         */
        public LatinHypercube {
            if (n < 1) {
                throw new IllegalArgumentException("number of Latin-hypercube starts must be positive: " + n);
            }
        }

        @Override
        public List<double[]> points(ScalingLaw law) {
            int p = law.parameterCount();
            SplittableRandom rng = new SplittableRandom(seed);
            double[][] u = new double[n][p];
            for (int j = 0; j < p; j++) {
                int[] perm = new int[n];
                for (int k = 0; k < n; k++) {
                    perm[k] = k;
                }
                for (int k = n - 1; k > 0; k--) {
                    int r = rng.nextInt(k + 1);
                    int t = perm[k];
                    perm[k] = perm[r];
                    perm[r] = t;
                }
                for (int k = 0; k < n; k++) {
                    u[k][j] = (perm[k] + rng.nextDouble()) / n;
                }
            }
            List<double[]> out = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                out.add(scale(law, u[k]));
            }
            return out;
        }

        @Override
        public String describe() {
            return "lhs:" + n;
        }
    }

    /**
     * Explicit starts.
     *
     * @param list the points
     * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
     *         undocumented; the serialized form is exactly the components, documented above)
     */
    record Explicit(List<double[]> list) implements Starts {
        @Override
        public List<double[]> points(ScalingLaw law) {
            List<double[]> out = new ArrayList<>(list.size());
            for (double[] p : list) {
                if (p.length != law.parameterCount()) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "a starting point has %d values; law %s has %d parameters", p.length, law.name(),
                            law.parameterCount()));
                }
                out.add(p.clone());
            }
            return out;
        }

        @Override
        public String describe() {
            return "explicit:" + list.size();
        }

        /** Equal when every component is, arrays compared by content. */
        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Explicit o)) {
                return false;
            }
            return sameArrays(list, o.list);
        }

        /** Consistent with {@link #equals}. */
        @Override
        public int hashCode() {
            int h = 17;
            h = 31 * h + arraysHash(list);
            return h;
        }

        private static boolean sameArrays(List<double[]> a, List<double[]> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int k = 0; k < a.size(); k++) {
                if (!java.util.Arrays.equals(a.get(k), b.get(k))) {
                    return false;
                }
            }
            return true;
        }

        private static int arraysHash(List<double[]> a) {
            int h = 1;
            for (double[] x : a) {
                h = 31 * h + java.util.Arrays.hashCode(x);
            }
            return h;
        }
    }

    /** A law seen with other start ranges, for drawing points only. */
    final class RangedLaw implements ScalingLaw {
        private final ScalingLaw law;
        private final Starts starts;

        RangedLaw(ScalingLaw law, Starts starts) {
            this.law = law;
            this.starts = starts;
        }

        @Override
        public String name() {
            return law.name();
        }

        @Override
        public String formula() {
            return law.formula();
        }

        @Override
        public String citation() {
            return law.citation();
        }

        @Override
        public List<String> covariates() {
            return law.covariates();
        }

        @Override
        public List<Parameter> parameters() {
            return law.parameters();
        }

        @Override
        public double[] startRange(int j) {
            return Starts.startRange(starts, law, j);
        }

        @Override
        public void evaluate(double[] theta, dev.scalinglaws.core.Columns x, int from, int to, double[] value,
                             double[][] jacobian) {
            law.evaluate(theta, x, from, to, value, jacobian);
        }

        @Override
        public void evaluateLog(double[] theta, dev.scalinglaws.core.Columns x, int from, int to, double[] value,
                                double[][] jacobian) {
            law.evaluateLog(theta, x, from, to, value, jacobian);
        }
    }

    private static double[] scale(ScalingLaw law, double[] unit) {
        int p = law.parameterCount();
        double[] out = new double[p];
        for (int j = 0; j < p; j++) {
            Parameter par = law.parameters().get(j);
            double[] r = law.startRange(j);
            double lo = Math.max(r[0], par.lower());
            double hi = Math.min(r[1], par.upper());
            if (par.positive()) {
                lo = Math.max(lo, Double.MIN_NORMAL);
                out[j] = Math.exp(Math.log(lo) + unit[j] * (Math.log(hi) - Math.log(lo)));
            } else {
                out[j] = lo + unit[j] * (hi - lo);
            }
        }
        return out;
    }
}
