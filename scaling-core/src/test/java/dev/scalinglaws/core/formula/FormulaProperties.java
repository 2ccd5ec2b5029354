/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.formula;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.LinearStructure;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of compiled formulas on random well-formed expressions (built with jqwik combinators, so failures
 * shrink to small formulas): the compiled value equals an independent recursive evaluation, the reverse-mode
 * Jacobian equals central differences within an error model, the log-space Jacobian is the linear one over f, the
 * normal form parses back to an equal law, and a detected linear structure reproduces the law.
 */
class FormulaProperties {

    private static final List<String> PARAMS = List.of("a", "b", "c");
    private static final List<String> COVS = List.of("x", "y");

    /** A test-side expression: its text and an evaluator independent of the compiler. */
    interface Expr {
        String text();

        double eval(double[] p, double[] x);
    }

    record Leaf(String text, int param, int cov, double constant) implements Expr {
        @Override
        public double eval(double[] p, double[] x) {
            return param >= 0 ? p[param] : cov >= 0 ? x[cov] : constant;
        }
    }

    record Unary(String name, Expr a, DoubleUnaryOperator f) implements Expr {
        @Override
        public String text() {
            return name.equals("-") ? "-(" + a.text() + ")" : name + "(" + a.text() + ")";
        }

        @Override
        public double eval(double[] p, double[] x) {
            return finite(f.applyAsDouble(a.eval(p, x)));
        }

        @Override
        public String toString() {
            return text();
        }
    }

    record Binary(String op, Expr a, Expr b, DoubleBinaryOperator f) implements Expr {
        @Override
        public String text() {
            return op.length() > 1 ? op + "(" + a.text() + ", " + b.text() + ")"
                    : "(" + a.text() + ")" + op + "(" + b.text() + ")";
        }

        @Override
        public double eval(double[] p, double[] x) {
            return finite(f.applyAsDouble(a.eval(p, x), b.eval(p, x)));
        }

        @Override
        public String toString() {
            return text();
        }
    }

    static Arbitrary<Expr> leaf() {
        Arbitrary<Expr> param = Arbitraries.integers().between(0, PARAMS.size() - 1)
                .map(j -> new Leaf(PARAMS.get(j), j, -1, 0));
        Arbitrary<Expr> cov = Arbitraries.integers().between(0, COVS.size() - 1)
                .map(j -> new Leaf(COVS.get(j), -1, j, 0));
        Arbitrary<Expr> constant = Arbitraries.of(0.5, 2.0, 3.0, 1e-3)
                .map(v -> new Leaf(Node.literal(v), -1, -1, v));
        return Arbitraries.oneOf(param, cov, constant);
    }

    static Arbitrary<Expr> expression(int depth) {
        if (depth == 0) {
            return leaf();
        }
        Arbitrary<Expr> sub = Arbitraries.lazy(() -> expression(depth - 1));
        Arbitrary<Expr> binary = Combinators.combine(Arbitraries.of("+", "-", "*", "/", "min", "max"), sub, sub)
                .as((op, a, b) -> new Binary(op, a, b, switch (op) {
                    case "+" -> Double::sum;
                    case "-" -> (u, v) -> u - v;
                    case "*" -> (u, v) -> u * v;
                    case "/" -> (u, v) -> u / v;
                    case "min" -> (u, v) -> kink(u, v) ? Double.NaN : Math.min(u, v);
                    default -> (u, v) -> kink(u, v) ? Double.NaN : Math.max(u, v);
                }));
        // powers: a fitted exponent of a covariate (the fused path), any base to a constant, any base to any power
        Arbitrary<Expr> covariatePower = Combinators.combine(Arbitraries.of("x", "y"), sub)
                .as((name, e) -> new Binary("^", new Leaf(name, -1, name.equals("x") ? 0 : 1, 0), e, FormulaProperties::pow));
        Arbitrary<Expr> constantPower = Combinators.combine(sub, Arbitraries.of(2.0, 0.5, 3.0, -1.0, -0.7))
                .as((e, c) -> new Binary("^", e, new Leaf(Node.literal(c), -1, -1, c), FormulaProperties::pow));
        Arbitrary<Expr> power = Combinators.combine(sub, sub)
                .as((u, v) -> new Binary("^", u, v, FormulaProperties::pow));
        Arbitrary<Expr> unary = Combinators.combine(Arbitraries.of("-", "exp", "log", "sqrt"), sub)
                .as((fn, a) -> new Unary(fn, a, switch (fn) {
                    case "-" -> u -> -u;
                    case "exp" -> Math::exp;
                    case "log" -> Math::log;
                    default -> u -> u > 0 ? Math.sqrt(u) : Double.NaN;
                }));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, leaf()), net.jqwik.api.Tuple.of(5, binary),
                net.jqwik.api.Tuple.of(2, covariatePower), net.jqwik.api.Tuple.of(1, constantPower),
                net.jqwik.api.Tuple.of(1, power), net.jqwik.api.Tuple.of(2, unary));
    }

    @Provide
    Arbitrary<Expr> formulas() {
        return expression(4).filter(e -> uses(e, true) && uses(e, false));
    }

    @Provide
    Arbitrary<double[]> thetas() {
        return Arbitraries.doubles().between(0.2, 2.5).array(double[].class).ofSize(PARAMS.size());
    }

    @Provide
    Arbitrary<double[]> points() {
        return Arbitraries.doubles().between(0.3, 4).array(double[].class).ofSize(COVS.size());
    }

    @Property(tries = 400)
    void compiledValueAndJacobianAgreeWithReferenceAndCentralDifferences(@ForAll("formulas") Expr e,
            @ForAll("thetas") double[] p, @ForAll("points") double[] x) {
        FormulaLaw law = FormulaLaw.parse(e.text(), COVS);
        double reference = e.eval(p, x);
        Assume.that(Double.isFinite(reference) && Math.abs(reference) < 1e8);
        double[] theta = new double[law.parameterCount()];
        int[] index = new int[theta.length];
        for (int j = 0; j < theta.length; j++) {
            index[j] = PARAMS.indexOf(law.parameters().get(j).name());
            theta[j] = p[index[j]];
        }
        double[] point = new double[law.covariates().size()];
        int[] covIndex = new int[point.length];
        for (int j = 0; j < point.length; j++) {
            covIndex[j] = COVS.indexOf(law.covariates().get(j));
            point[j] = x[covIndex[j]];
        }
        double value = law.value(theta, point);
        assertThat(value).as(e.text()).isCloseTo(reference, org.assertj.core.api.Assertions.within(
                1e-12 * (1 + Math.abs(reference))));
        double[] grad = law.gradient(theta, point);
        boolean checked = false;
        for (int j = 0; j < theta.length; j++) {
            int pj = index[j];
            double h = 1e-5 * Math.max(1, Math.abs(p[pj]));
            double d1 = central(e, p, x, pj, h);
            double d2 = central(e, p, x, pj, 2 * h);
            Assume.that(Double.isFinite(d1) && Double.isFinite(d2));
            // error model: truncation ~ |d(h) - d(2h)| / 3 (the h^2 term), rounding ~ eps |largest term| / h,
            // with a safety factor; a kink of min or max inside [p - 2h, p + 2h] shows up as a large d(h) - d(2h)
            // (of the largest intermediate: f may be a small difference of large terms)
            double rounding = 1e-15 * (magnitude(e, p, x) + maxAbs(e, p, x, pj, 2 * h)) / h;
            // plus an absolute floor far below any meaningful derivative: values that underflow to subnormals lose
            // their relative precision in both computations
            double tolerance = 10 * (Math.abs(d1 - d2) + rounding) + 1e-9 * Math.abs(d1) + 1e-250;
            assertThat(grad[j]).as("d/d%s of %s at %s", law.parameters().get(j).name(), e.text(),
                    java.util.Arrays.toString(p)).isCloseTo(d1, org.assertj.core.api.Assertions.within(tolerance));
            checked |= tolerance < 1e-4 * (1 + Math.abs(d1));
        }
        Statistics.label("tight check").collect(checked);
        if (value > 0) {
            // the log-space Jacobian is the linear one over f
            double[][] cols = new double[point.length][];
            for (int j = 0; j < point.length; j++) {
                cols[j] = new double[] {point[j]};
            }
            double[] lv = new double[1];
            double[][] jac = new double[theta.length][1];
            law.evaluateLog(theta, Columns.of(cols), 0, 1, lv, jac);
            assertThat(lv[0]).isCloseTo(Math.log(value), org.assertj.core.api.Assertions.within(1e-12));
            for (int j = 0; j < theta.length; j++) {
                assertThat(jac[j][0]).isCloseTo(grad[j] / value,
                        org.assertj.core.api.Assertions.within(1e-12 * (1 + Math.abs(grad[j] / value))));
            }
        }
        assertThat(FormulaLaw.parse(law.formula(), COVS)).isEqualTo(law);
    }

    @Property(tries = 200)
    void linearStructureReproducesTheLaw(@ForAll("basisPairs") List<Expr> bases, @ForAll("points") double[] x,
            @ForAll("thetas") double[] p) {
        String formula = "u * (" + bases.get(0).text() + ") + v * (" + bases.get(1).text() + ") - w";
        FormulaLaw law = FormulaLaw.parse(formula, COVS);
        assertThat(law).isInstanceOf(LinearStructure.class);
        LinearStructure s = (LinearStructure) law;
        double[] theta = new double[law.parameterCount()];
        for (int j = 0; j < theta.length; j++) {
            String name = law.parameters().get(j).name();
            theta[j] = PARAMS.contains(name) ? p[PARAMS.indexOf(name)] : 0.5 + j;
        }
        double[][] cols = new double[law.covariates().size()][];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = new double[] {x[COVS.indexOf(law.covariates().get(j))]};
        }
        Columns c = Columns.of(cols);
        int[] lin = s.linearParameters();
        double[][] basis = new double[lin.length][1];
        s.basis(theta, c, 0, 1, basis);
        double sum = 0;
        double scale = 0;
        for (int k = 0; k < lin.length; k++) {
            sum += theta[lin[k]] * basis[k][0];
            scale += Math.abs(theta[lin[k]] * basis[k][0]);
        }
        double[] f = new double[1];
        law.evaluate(theta, c, 0, 1, f, null);
        Assume.that(Double.isFinite(f[0]) && Double.isFinite(sum));
        assertThat(sum).isCloseTo(f[0], org.assertj.core.api.Assertions.within(1e-13 * (1 + scale)));
    }

    @Provide
    Arbitrary<List<Expr>> basisPairs() {
        return expression(3).filter(e -> uses(e, false)).list().ofSize(2);
    }

    /**
     * The reference power: NaN for a base that is not positive, where the derivative with respect to the base is
     * infinite or the power with a fitted exponent undefined (such points are not compared).
     */
    static double pow(double base, double exponent) {
        return base > 0 ? Math.pow(base, exponent) : Double.NaN;
    }

    /** The largest magnitude of any subexpression's value at a point (the scale of the rounding errors in f). */
    static double magnitude(Expr e, double[] p, double[] x) {
        double m = Math.abs(e.eval(p, x));
        if (e instanceof Unary u) {
            m = Math.max(m, magnitude(u.a(), p, x));
        } else if (e instanceof Binary b) {
            m = Math.max(m, Math.max(magnitude(b.a(), p, x), magnitude(b.b(), p, x)));
        }
        return Double.isFinite(m) ? m : 0;
    }

    /**
     * NaN for an infinite intermediate: where one overflows (exp(1000)^-1) the chain rule meets 0 * infinity, so
     * such points are not compared.
     */
    static double finite(double v) {
        return Double.isInfinite(v) ? Double.NaN : v;
    }

    /** Whether min or max is within 1e-3 of its kink, where central differences straddle it (not compared). */
    static boolean kink(double u, double v) {
        return Math.abs(u - v) < 1e-3 * (1 + Math.abs(u) + Math.abs(v));
    }

    /** Whether an expression has a parameter leaf (or, with {@code parameter} false, a covariate leaf). */
    static boolean uses(Expr e, boolean parameter) {
        if (e instanceof Leaf l) {
            return parameter ? l.param() >= 0 : l.cov() >= 0;
        }
        if (e instanceof Unary u) {
            return uses(u.a(), parameter);
        }
        Binary b = (Binary) e;
        return uses(b.a(), parameter) || uses(b.b(), parameter);
    }

    private static double central(Expr e, double[] p, double[] x, int j, double h) {
        double[] q = p.clone();
        q[j] = p[j] + h;
        double up = e.eval(q, x);
        q[j] = p[j] - h;
        double down = e.eval(q, x);
        return (up - down) / (2 * h);
    }

    private static double maxAbs(Expr e, double[] p, double[] x, int j, double h) {
        double[] q = p.clone();
        double m = 0;
        for (double s : new double[] {-1, -0.5, 0.5, 1}) {
            q[j] = p[j] + s * h;
            m = Math.max(m, Math.abs(e.eval(q, x)));
        }
        return m;
    }
}
