/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.scalinglaws.core.AbstractScalingLaw;
import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.Parameter;
import dev.scalinglaws.core.ScalingLaw;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.lifecycle.ShrunkFalsifiedSample;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The contract finds real bugs: three broken laws, each run through {@link ScalingLawContract} by the JUnit
 * Platform launcher (the jqwik engine, as {@code mvn test} would run it), fail with a shrunk counterexample.
 * <ul>
 *   <li>a Chinchilla law whose d/d alpha forgets the factor ln N;</li>
 *   <li>a Chinchilla law with a sign error in its data term (L = E + A/N^alpha - B/D^beta) but the gradient of
 *       the intended law;</li>
 *   <li>a logistic law L = 1 / (1 + (N/N0)^k) evaluated in linear space, which overflows at large N.</li>
 * </ul>
 * The broken contracts are nested classes: surefire does not run them by itself, only this test does.
 */
class ContractFindsBugsTest {

    /** Captures every property's result, keyed by contract class and property. */
    public static final class Capture implements AroundPropertyHook {
        static final Map<String, PropertyExecutionResult> RESULTS = new ConcurrentHashMap<>();

        /** For jqwik. */
        public Capture() {
        }

        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            PropertyExecutionResult result = property.execute();
            RESULTS.put(context.containerClass().getSimpleName() + "." + context.targetMethod().getName(), result);
            return result;
        }
    }

    /** L = E + A/N^alpha + s B/D^beta, evaluated in linear space, with a switchable bug. */
    static final class BrokenChinchilla extends AbstractScalingLaw {
        private static final long serialVersionUID = 1L;
        private final boolean forgetLogN;
        private final double sign;

        BrokenChinchilla(String name, boolean forgetLogN, double sign) {
            super(name, "L = E + A/N^alpha + B/D^beta", "a broken example", "loss", List.of("N", "D"),
                    List.of(Parameter.positive("E", true, "irreducible loss"), Parameter.positive("A", true, "N term"),
                            Parameter.positive("B", true, "D term"), Parameter.free("alpha", "N exponent"),
                            Parameter.free("beta", "D exponent")));
            this.forgetLogN = forgetLogN;
            this.sign = sign;
        }

        @Override
        public double[] startRange(int j) {
            return j == 0 ? new double[] {0.5, 3} : j < 3 ? new double[] {10, 1e4} : new double[] {0.1, 0.8};
        }

        @Override
        public void evaluate(double[] t, Columns x, int from, int to, double[] value, double[][] jac) {
            for (int i = from; i < to; i++) {
                double n = x.value(0, i);
                double d = x.value(1, i);
                double tn = Math.pow(n, -t[3]);
                double td = Math.pow(d, -t[4]);
                int k = i - from;
                value[k] = t[0] + t[1] * tn + sign * t[2] * td;
                if (jac != null) {
                    jac[0][k] = 1;
                    jac[1][k] = tn;
                    jac[2][k] = td;
                    jac[3][k] = forgetLogN ? -t[1] * tn : -t[1] * tn * Math.log(n);
                    jac[4][k] = -t[2] * td * Math.log(d);
                }
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BrokenChinchilla b && b.name().equals(name()) && b.forgetLogN == forgetLogN
                    && b.sign == sign;
        }

        @Override
        public int hashCode() {
            return name().hashCode();
        }
    }

    /** L = 1 / (1 + (N/N0)^k) with (N/N0)^k computed directly: infinite beyond 1.8e308. */
    static final class OverflowingLogistic extends AbstractScalingLaw {
        static final OverflowingLogistic INSTANCE = new OverflowingLogistic();
        private static final long serialVersionUID = 1L;

        private OverflowingLogistic() {
            super("overflowing-logistic", "L = 1 / (1 + (N/N0)^k)", "a broken example", "loss", List.of("N"),
                    List.of(Parameter.positive("N0", false, "midpoint"), Parameter.positive("k", false, "slope")));
        }

        @Override
        public double[] startRange(int j) {
            return j == 0 ? new double[] {1e3, 1e9} : new double[] {0.5, 20};
        }

        @Override
        public void evaluate(double[] t, Columns x, int from, int to, double[] value, double[][] jac) {
            for (int i = from; i < to; i++) {
                double r = x.value(0, i) / t[0];
                double p = Math.pow(r, t[1]);
                double f = 1 / (1 + p);
                int k = i - from;
                value[k] = f;
                if (jac != null) {
                    jac[0][k] = f * f * p * t[1] / t[0];
                    jac[1][k] = -f * f * p * Math.log(r);
                }
            }
        }

        @Override
        protected Object readResolve() {
            return INSTANCE;
        }
    }

    @AddLifecycleHook(value = Capture.class, propagateTo = PropagationMode.DIRECT_DESCENDANTS)
    static class WrongGradientContract extends ScalingLawContract {
        @Override
        protected ScalingLaw law() {
            return new BrokenChinchilla("wrong-gradient", true, 1);
        }
    }

    @AddLifecycleHook(value = Capture.class, propagateTo = PropagationMode.DIRECT_DESCENDANTS)
    static class SignErrorContract extends ScalingLawContract {
        @Override
        protected ScalingLaw law() {
            return new BrokenChinchilla("sign-error", false, -1);
        }
    }

    @AddLifecycleHook(value = Capture.class, propagateTo = PropagationMode.DIRECT_DESCENDANTS)
    static class OverflowContract extends ScalingLawContract {
        @Override
        protected ScalingLaw law() {
            return OverflowingLogistic.INSTANCE;
        }
    }

    /** Runs some of a contract's properties through the JUnit Platform and the jqwik engine. */
    private static void run(Class<?> contract, String edgeCases, String... properties) {
        Set<String> wanted = Set.of(properties);
        PostDiscoveryFilter only = descriptor -> descriptor.getSource()
                .filter(source -> source instanceof MethodSource m && !wanted.contains(m.getMethodName()))
                .map(source -> FilterResult.excluded("not needed here"))
                .orElse(FilterResult.included("wanted"));
        // a fresh random seed each time (jqwik would otherwise replay the stored failing sample, unshrunk); edge cases
        // off where one would be a minimal counterexample already, leaving nothing to shrink
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(contract))
                .configurationParameter("jqwik.failures.after.default", "RANDOM_SEED")
                .configurationParameter("jqwik.edgecases.default", edgeCases)
                .filters(EngineFilter.includeEngines("jqwik"), only).build());
    }

    private static PropertyExecutionResult r(Class<?> contract, String property) {
        return Capture.RESULTS.get(contract.getSimpleName() + "." + property);
    }

    /** The result of a property that must have failed, with its shrunk sample. */
    private static ShrunkFalsifiedSample failedAndShrunk(Class<?> contract, String property) {
        PropertyExecutionResult r = r(contract, property);
        assertThat(r).as("%s.%s ran (results: %s)", contract.getSimpleName(), property, Capture.RESULTS.keySet())
                .isNotNull();
        assertThat(r.status()).as("%s.%s", contract.getSimpleName(), property)
                .isEqualTo(PropertyExecutionResult.Status.FAILED);
        assertThat(r.shrunkSample()).as("shrunk sample of %s.%s", contract.getSimpleName(), property).isPresent();
        assertThat(r.originalSample()).isPresent();
        assertThat(r.shrunkSample().get().countShrinkingSteps()).as("shrinking steps").isPositive();
        return r.shrunkSample().get();
    }

    @Test
    void wrongGradientFailsTheGradientPropertyWithAShrunkPoint() {
        run(WrongGradientContract.class, "NONE", "gradientMatchesFiniteDifferences", "evaluationIsFiniteAndConsistent");
        ShrunkFalsifiedSample s = failedAndShrunk(WrongGradientContract.class, "gradientMatchesFiniteDifferences");
        assertThat(s.falsifyingError()).isPresent();
        assertThat(s.falsifyingError().get().getMessage()).contains("d g / d alpha(alpha)").contains("analytic");
        // the law is otherwise fine: its values pass
        assertThat(Capture.RESULTS.get("WrongGradientContract.evaluationIsFiniteAndConsistent").status())
                .isEqualTo(PropertyExecutionResult.Status.SUCCESSFUL);
    }

    @Test
    void signErrorFailsWithAShrunkCounterexample() {
        run(SignErrorContract.class, "NONE", "gradientMatchesFiniteDifferences", "evaluationIsFiniteAndConsistent");
        ShrunkFalsifiedSample s = failedAndShrunk(SignErrorContract.class, "gradientMatchesFiniteDifferences");
        assertThat(s.falsifyingError().get().getMessage()).containsAnyOf("d g / d ln B(B)", "d g / d beta(beta)");
        // the data term can exceed E + A/N^alpha: the value goes negative, which a positive-response law must not
        ShrunkFalsifiedSample finite = failedAndShrunk(SignErrorContract.class, "evaluationIsFiniteAndConsistent");
        assertThat(finite.falsifyingError().get().getMessage()).contains("sign-error");
    }

    @Test
    void overflowAtLargeNFailsWithTheSmallestOverflowingPoint() {
        // the overflow needs N/N0 and k large together: edge cases (N = 1e30, k = 20) find it at once, and shrinking
        // then walks k down to the overflow threshold
        run(OverflowContract.class, "MIXIN", "evaluationIsFiniteAndConsistent");
        ShrunkFalsifiedSample s = failedAndShrunk(OverflowContract.class, "evaluationIsFiniteAndConsistent");
        assertThat(s.falsifyingError().get().getMessage()).contains("not finite");
        ScalingLawContract.Point shrunk = (ScalingLawContract.Point) s.parameters().get(0);
        ScalingLawContract.Point original = (ScalingLawContract.Point) r(OverflowContract.class,
                "evaluationIsFiniteAndConsistent").originalSample().get().parameters().get(0);
        double n0 = shrunk.theta()[0];
        double k = shrunk.theta()[1];
        double n = shrunk.x()[0];
        // the shrunk point really overflows: (N/N0)^k is beyond the largest double
        assertThat(k * Math.log(n / n0)).isGreaterThan(Math.log(Double.MAX_VALUE));
        // and shrinking moved towards the overflow threshold: no larger exponent than the original counterexample
        assertThat(k).isLessThanOrEqualTo(original.theta()[1]);
    }
}
