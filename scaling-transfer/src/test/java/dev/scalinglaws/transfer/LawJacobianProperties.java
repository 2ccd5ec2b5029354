package dev.scalinglaws.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.ScalingLaw;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The analytic Jacobian of every transfer law matches central finite differences, in linear and in log space.
 */
class LawJacobianProperties {

    /** A law, a parameter vector and one covariate point. */
    record Case(ScalingLaw law, double[] theta, double[] point) {
    }

    static Arbitrary<Double> logUniform(double lo, double hi) {
        return Arbitraries.doubles().between(0, 1).ofScale(9).map(u -> lo * Math.pow(hi / lo, u));
    }

    @Provide
    Arbitrary<Case> rectified() {
        return Combinators.combine(logUniform(1e-2, 1e4), logUniform(0.05, 5), logUniform(1e-3, 1e6),
                Arbitraries.doubles().between(0.05, 1.5).ofScale(9), logUniform(1, 1e7))
                .as((b, e, dl, beta, d) -> new Case(RectifiedLaw.INSTANCE, new double[] {b, e, dl, beta},
                        new double[] {d}));
    }

    @Provide
    Arbitrary<Case> vanilla() {
        return Combinators.combine(logUniform(1e-2, 1e4), logUniform(0.05, 5), Arbitraries.doubles().between(0.01, 1.5).ofScale(9),
                logUniform(1, 1e20))
                .as((b, e, beta, d) -> new Case(VanillaFinetuneLaw.INSTANCE, new double[] {b, e, beta},
                        new double[] {d}));
    }

    @Provide
    Arbitrary<Case> transferGap() {
        return Combinators.combine(logUniform(1, 1e4), Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(1, Arbitraries.just(0.0)), net.jqwik.api.Tuple.of(4, logUniform(1e-3, 1e4))),
                logUniform(0.1, 5),
                Arbitraries.doubles().between(0.05, 1).ofScale(9), Arbitraries.doubles().between(0.05, 1).ofScale(9), logUniform(1e3, 1e15),
                logUniform(1, 1e9))
                .as((a, g, e, alpha, beta, p, f) -> new Case(TransferGapLaw.INSTANCE,
                        new double[] {a, g, e, alpha, beta}, new double[] {p, f}));
    }

    @Provide
    Arbitrary<Case> effectiveData() {
        return Combinators.combine(logUniform(1, 1e8), Arbitraries.doubles().between(-0.5, 1).ofScale(9),
                Arbitraries.doubles().between(-0.5, 1).ofScale(9), logUniform(1, 1e12), logUniform(1e3, 1e12))
                .as((k, alpha, beta, df, n) -> new Case(EffectiveDataLaw.INSTANCE, new double[] {k, alpha, beta},
                        new double[] {df, n}));
    }

    @Provide
    Arbitrary<Case> lossToError() {
        return Combinators.combine(Arbitraries.doubles().between(0.3, 1).ofScale(9), logUniform(0.05, 20),
                Arbitraries.doubles().between(0.05, 3).ofScale(9), Arbitraries.doubles().between(1, 8).ofScale(9))
                .as((eps, k, gamma, l) -> new Case(LossToErrorLaw.INSTANCE, new double[] {eps, k, gamma},
                        new double[] {l}));
    }

    @Provide
    Arbitrary<Case> effectiveDataLoss() {
        return Combinators.combine(logUniform(1, 1e4), Arbitraries.doubles().between(0.1, 0.6).ofScale(9),
                Arbitraries.doubles().between(0.1, 0.6).ofScale(9), logUniform(1e6, 1e11), logUniform(1e3, 1e10),
                Arbitraries.of(true, false))
                .as((k, alphaT, betaT, n, df, chinchilla) -> {
                    ScalingLaw inner = chinchilla ? ChinchillaLaw.INSTANCE : dev.scalinglaws.core.KaplanNDLaw.INSTANCE;
                    double[] innerTheta = chinchilla ? new double[] {1.69, 406.4, 410.7, 0.34, 0.28}
                            : new double[] {6.4e13, 1.8e13, 0.076, 0.103};
                    EffectiveDataLossLaw law = EffectiveDataLossLaw.of(inner);
                    return new Case(law, law.theta(innerTheta, new double[] {k, alphaT, betaT}),
                            new double[] {n, df});
                });
    }

    @Property(tries = 200)
    void rectifiedJacobian(@ForAll("rectified") Case c) {
        Statistics.label("pre-power phase").collect(c.theta()[2] > Math.pow(c.point()[0], c.theta()[3]));
        Statistics.label("pre-power phase").coverage(cov -> cov.check(true).percentage(p -> p > 5));
        check(c);
    }

    @Property(tries = 200)
    void vanillaJacobian(@ForAll("vanilla") Case c) {
        check(c);
    }

    @Property(tries = 200)
    void transferGapJacobian(@ForAll("transferGap") Case c) {
        Statistics.label("gap term dominates pre-training term").collect(
                c.theta()[1] > c.theta()[0] * Math.pow(c.point()[0], -c.theta()[3]));
        Statistics.label("gap term dominates pre-training term")
                .coverage(cov -> cov.check(true).percentage(p -> p > 5));
        Statistics.label("G = 0").collect(c.theta()[1] == 0);
        Statistics.label("G = 0").coverage(cov -> cov.check(true).percentage(p -> p > 5));
        check(c);
    }

    @Property(tries = 200)
    void effectiveDataJacobian(@ForAll("effectiveData") Case c) {
        check(c);
    }

    @Property(tries = 200)
    void lossToErrorJacobian(@ForAll("lossToError") Case c) {
        checkLinear(c);
    }

    @Property(tries = 100)
    void effectiveDataLossJacobian(@ForAll("effectiveDataLoss") Case c) {
        check(c);
    }

    static void check(Case c) {
        checkLinear(c);
        checkLog(c);
    }

    static void checkLinear(Case c) {
        compare(c, false);
    }

    static void checkLog(Case c) {
        compare(c, true);
    }

    private static void compare(Case c, boolean log) {
        ScalingLaw law = c.law();
        int p = law.parameterCount();
        double[][] cols = new double[c.point().length][];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = new double[] {c.point()[j]};
        }
        Columns x = Columns.of(cols);
        double[][] jac = new double[p][1];
        double[] out = new double[1];
        eval(law, c.theta(), x, out, jac, log);
        for (int j = 0; j < p; j++) {
            double t = c.theta()[j];
            double h = law.parameters().get(j).positive() ? 1e-4 * t : 1e-4 * Math.max(Math.abs(t), 1e-2);
            double lower = law.parameters().get(j).lower();
            boolean oneSided = t - h < lower || (law.parameters().get(j).positive() && t - h <= 0);
            double[] up = c.theta().clone();
            double[] up2 = c.theta().clone();
            double[] down = c.theta().clone();
            up[j] = t + h;
            up2[j] = t + 2 * h;
            down[j] = t - h;
            double[] vu = new double[1];
            double[] vu2 = new double[1];
            double[] vd = new double[1];
            eval(law, up, x, vu, null, log);
            double fd;
            if (oneSided) {
                // second-order one-sided difference at a bound
                eval(law, up2, x, vu2, null, log);
                fd = (-3 * out[0] + 4 * vu[0] - vu2[0]) / (2 * h);
            } else {
                eval(law, down, x, vd, null, log);
                fd = (vu[0] - vd[0]) / (2 * h);
            }
            // truncation error of the central difference plus its rounding error (about ulp(value) / step)
            double tolerance = 1e-5 * Math.abs(fd) + 1e-13 * Math.max(Math.abs(out[0]), 1) / h;
            assertThat(jac[j][0]).as("%s d/d%s (log=%s) at theta %s x %s", law.name(),
                    law.parameters().get(j).name(), log, java.util.Arrays.toString(c.theta()),
                    java.util.Arrays.toString(c.point())).isCloseTo(fd,
                    org.assertj.core.api.Assertions.within(tolerance));
        }
    }

    private static void eval(ScalingLaw law, double[] theta, Columns x, double[] out, double[][] jac, boolean log) {
        if (log) {
            law.evaluateLog(theta, x, 0, 1, out, jac);
        } else {
            law.evaluate(theta, x, 0, 1, out, jac);
        }
    }
}
