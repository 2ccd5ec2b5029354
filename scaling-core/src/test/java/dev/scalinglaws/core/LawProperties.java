/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of every built-in law ({@link ScalingLaws#builtIn()}) beyond the generic contract (gradients, finite and
 * extreme-scale evaluation, serialisation, recovery), which scaling-testkit's {@code ScalingLawContract} checks for
 * every law: log-space evaluation equals the formula written naively with Math.pow wherever the latter is
 * representable; the over-training law is Chinchilla with
 * alpha = beta = 2 eta, A = a 6^-eta, B = b 6^-eta; a {@link LinearStructure} reproduces its law; compute-optimal
 * allocation (closed form = numeric argmin, C = 6 N D).
 */
class LawProperties {

    /** A law, a parameter vector in its plausible range and one covariate point. */
    record Case(ScalingLaw law, double[] theta, double[] point) {
        @Override
        public String toString() {
            return law.name() + " theta=" + java.util.Arrays.toString(theta) + " x="
                    + java.util.Arrays.toString(point);
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.of(ScalingLaws.builtIn()).flatMap(law -> {
            List<Arbitrary<Double>> theta = new ArrayList<>();
            for (int j = 0; j < law.parameterCount(); j++) {
                theta.add(parameter(law, j));
            }
            Arbitrary<List<Double>> point = covariate().list().ofSize(law.covariates().size());
            return Combinators.combine(Combinators.combine(theta).as(l -> l), point)
                    .as((t, x) -> new Case(law, toArray(t), toArray(x)));
        });
    }

    private static Arbitrary<Double> parameter(ScalingLaw law, int j) {
        Parameter p = law.parameters().get(j);
        double[] r = law.startRange(j);
        if (p.positive()) {
            double lo = Math.log(Math.max(r[0], 1e-3));
            double hi = Math.log(r[1]);
            return uniform(lo, hi).map(Math::exp);
        }
        // exponents, including small ones (down to 1e-3)
        return Arbitraries.oneOf(uniform(0.01, Math.min(r[1], 1.5)),
                uniform(Math.log(1e-3), Math.log(0.05)).map(Math::exp));
    }

    /** Covariates log-uniform on [1, 1e30], with the extremes generated on purpose. */
    private static Arbitrary<Double> covariate() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, uniform(0, Math.log(1e30)).map(Math::exp)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(1.0, 1e25, 1e30)));
    }

    /** Uniform on [lo, hi] (jqwik's decimal scale would otherwise round the bounds). */
    private static Arbitrary<Double> uniform(double lo, double hi) {
        return Arbitraries.doubles().between(0, 1).ofScale(15).map(u -> lo + u * (hi - lo));
    }

    private static double[] toArray(List<Double> values) {
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return a;
    }

    private static Columns columns(double[] point) {
        double[][] cols = new double[point.length][];
        for (int j = 0; j < point.length; j++) {
            cols[j] = new double[] {point[j]};
        }
        return Columns.of(cols);
    }

    private static void collectCoverage(Case c) {
        double max = 0;
        for (double v : c.point()) {
            max = Math.max(max, v);
        }
        double minExponent = Double.POSITIVE_INFINITY;
        for (int j = 0; j < c.law().parameterCount(); j++) {
            if (!c.law().parameters().get(j).positive() || c.law().parameters().get(j).name().startsWith("alpha")) {
                minExponent = Math.min(minExponent, c.theta()[j]);
            }
        }
        Statistics.label("law").collect(c.law().name());
        Statistics.label("largest covariate").collect(max >= 1e29 ? ">=1e29" : max >= 1e15 ? "1e15..1e29" : "<1e15");
        Statistics.label("smallest exponent").collect(minExponent < 0.05 ? "<0.05" : ">=0.05");
    }

    private static void checkCoverage() {
        Statistics.label("largest covariate").coverage(ch -> ch.check(">=1e29").percentage(p -> p > 5));
        Statistics.label("smallest exponent").coverage(ch -> ch.check("<0.05").percentage(p -> p > 5));
        for (ScalingLaw law : ScalingLaws.builtIn()) {
            Statistics.label("law").coverage(ch -> ch.check(law.name()).count(n -> n > 0));
        }
    }

    @Property(tries = 400)
    void logValueIsFiniteAndMatchesDirectEvaluation(@ForAll("cases") Case c) {
        collectCoverage(c);
        double lnF = c.law().logValue(c.theta(), c.point());
        assertThat(Double.isFinite(lnF)).as("%s ln f = %s", c, lnF).isTrue();
        double direct = direct(c.law(), c.theta(), c.point());
        if (direct > 1e-300 && direct < 1e300 && Double.isFinite(direct)) {
            assertThat(Math.exp(lnF)).as("%s", c).isCloseTo(direct,
                    org.assertj.core.api.Assertions.within(Math.abs(direct) * 1e-10));
        }
        checkCoverage();
    }

    /** The formulas written naively with Math.pow. */
    static double direct(ScalingLaw law, double[] t, double[] x) {
        switch (law.name()) {
            case "kaplan-n", "kaplan-d", "kaplan-c":
                return Math.pow(t[0] / x[0], t[1]);
            case "kaplan-nd":
                return Math.pow(Math.pow(t[0] / x[0], t[2] / t[3]) + t[1] / x[1], t[3]);
            case "chinchilla":
                return t[0] + t[1] * Math.pow(x[0], -t[3]) + t[2] * Math.pow(x[1], -t[4]);
            case "overtraining": {
                double c = 6 * x[0] * x[1];
                double m = x[1] / x[0];
                return t[0] + (t[1] * Math.pow(m, t[3]) + t[2] * Math.pow(m, -t[3])) * Math.pow(c, -t[3]);
            }
            case "kaplan-ns":
                return Math.pow(t[0] / x[0], t[2]) + Math.pow(t[1] / x[1], t[3]);
            case "critical-batch":
                return t[0] / Math.pow(x[0], 1 / t[1]);
            case "power":
                return t[0] * Math.pow(x[0], t[1]);
            case "saturating-power":
                return t[0] + t[1] * Math.pow(x[0], -t[2]);
            case "data-constrained": {
                // the notebook's formula, written out (Muennighoff et al. 2023, utils/parametric_fit.ipynb)
                double u = Math.min(x[2], x[1]);
                double g = Math.pow(t[3] * t[1] / (t[4] * t[2]), 1 / (t[3] + t[4]));
                double a = t[4] / (t[3] + t[4]);
                double b = t[3] / (t[3] + t[4]);
                double uN = Math.min(x[0], g * Math.pow(6 * Math.pow(g * u, 1 / b) / 6, a));
                double rD = Math.max(x[1] / u - 1, 0);
                double rN = Math.max(x[0] / uN - 1, 0);
                double dEff = u + u * t[5] * (1 - Math.exp(-rD / t[5]));
                double nEff = uN + uN * t[6] * (1 - Math.exp(-rN / t[6]));
                return t[0] + t[1] / Math.pow(nEff, t[3]) + t[2] / Math.pow(dEff, t[4]);
            }
            case "kaplan-trajectory":
                // implicit in S_min: no closed form to compare with (its own properties live in DynamicsLawProperties)
                return Double.NaN;
            default:
                throw new IllegalArgumentException(law.name());
        }
    }

    @Property(tries = 300)
    void overtrainingIsChinchillaWithEqualExponents(@ForAll("cases") Case c) {
        if (!c.law().name().equals("overtraining")) {
            return;
        }
        double[] t = c.theta();
        double eta = t[3];
        double scale = Math.pow(6, -eta);
        double[] chinchilla = {t[0], t[1] * scale, t[2] * scale, 2 * eta, 2 * eta};
        double n = c.point()[0];
        double d = c.point()[1];
        double lnOver = OvertrainingLaw.INSTANCE.logValue(t, n, d);
        double lnChin = ChinchillaLaw.INSTANCE.logValue(chinchilla, n, d);
        assertThat(lnOver).isCloseTo(lnChin, org.assertj.core.api.Assertions.within(1e-12 * Math.max(1,
                Math.abs(lnChin))));
    }

    @Property(tries = 300)
    void linearStructureReproducesTheLaw(@ForAll("cases") Case c) {
        if (!(c.law() instanceof LinearStructure structure)) {
            return;
        }
        int[] linear = structure.linearParameters();
        long flagged = c.law().parameters().stream().filter(Parameter::linear).count();
        assertThat(linear).hasSize((int) flagged);
        double[][] basis = new double[linear.length][1];
        structure.basis(c.theta(), columns(c.point()), 0, 1, basis);
        double sum = 0;
        for (int k = 0; k < linear.length; k++) {
            assertThat(c.law().parameters().get(linear[k]).linear()).isTrue();
            sum += c.theta()[linear[k]] * basis[k][0];
        }
        double value = c.law().value(c.theta(), c.point());
        assertThat(sum).as("%s", c).isCloseTo(value, org.assertj.core.api.Assertions.within(1e-12 * value));
    }

    @Provide
    Arbitrary<double[]> chinchillaForAllocation() {
        Arbitrary<Double> coefficient = uniform(Math.log(10), Math.log(1e4)).map(Math::exp);
        Arbitrary<Double> exponent = uniform(0.1, 0.8);
        Arbitrary<Double> e = uniform(0.5, 3);
        Arbitrary<Double> compute = uniform(Math.log(1e18), Math.log(1e27)).map(Math::exp);
        return Combinators.combine(e, coefficient, coefficient, exponent, exponent, compute)
                .as((e0, a, b, al, be, cc) -> new double[] {e0, a, b, al, be, cc});
    }

    @Property(tries = 200)
    void closedFormAllocationIsTheNumericArgminAndSpendsTheBudget(@ForAll("chinchillaForAllocation") double[] v) {
        double[] theta = java.util.Arrays.copyOf(v, 5);
        double compute = v[5];
        ComputeOptimal.Allocation closed = ComputeOptimal.chinchilla(theta, compute);
        ComputeOptimal.Allocation numeric = ComputeOptimal.numeric(ChinchillaLaw.INSTANCE, theta, compute);
        assertThat(6 * closed.N() * closed.D()).isCloseTo(compute,
                org.assertj.core.api.Assertions.within(compute * 1e-12));
        assertThat(6 * numeric.N() * numeric.D()).isCloseTo(compute,
                org.assertj.core.api.Assertions.within(compute * 1e-12));
        // the numeric search covers N, D >= 1 only
        if (closed.N() > 10 && closed.D() > 10) {
            // the loss is flat at the optimum: losses agree tightly, the argmin as far as flatness allows
            assertThat(numeric.loss()).isGreaterThanOrEqualTo(closed.loss() * (1 - 1e-14));
            assertThat(numeric.loss()).isCloseTo(closed.loss(), org.assertj.core.api.Assertions.within(
                    closed.loss() * 1e-8));
            assertThat(numeric.N()).isCloseTo(closed.N(), org.assertj.core.api.Assertions.within(closed.N() * 1e-3));
        }
    }
}
