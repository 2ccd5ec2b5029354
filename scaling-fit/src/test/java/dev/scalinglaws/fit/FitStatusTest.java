/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.scalinglaws.core.AbstractScalingLaw;
import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.Parameter;
import dev.scalinglaws.datasets.Datasets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Every {@link FitStatus} is reachable and honest: a tiny iteration limit gives MAX_ITERATIONS, a law returning NaN
 * gives NON_FINITE (never CONVERGED, every failed start counted), data with a single model size gives
 * NOT_IDENTIFIABLE for Chinchilla, a line search that cannot make progress gives LINE_SEARCH_FAILED; and the result
 * is bit-identical on 1, 2 and 8 threads.
 */
class FitStatusTest {

    private static final double[] TRUTH = {1.8, 480, 2100, 0.35, 0.37};

    /** Synthetic Chinchilla data on a 6 x 6 grid of (N, D) without noise. */
    static Dataset grid(boolean oneModelSize) {
        int n = 36;
        double[] nn = new double[n];
        double[] dd = new double[n];
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            nn[i] = oneModelSize ? 1e9 : 1e8 * Math.pow(3, i / 6);
            dd[i] = 1e9 * Math.pow(3, i % 6) * (oneModelSize ? 1 + i / 6 : 1);
            loss[i] = ChinchillaLaw.INSTANCE.value(TRUTH, nn[i], dd[i]);
        }
        return Dataset.builder("grid").column("N", nn).column("D", dd).column("loss", loss).build();
    }

    /** A law in N whose value is NaN everywhere (or only for exponents above 1 when {@code partly}). */
    static final class NanLaw extends AbstractScalingLaw {
        private final boolean partly;

        NanLaw(boolean partly) {
            super("nan", "L = NaN", "test", "loss", List.of("N"),
                    List.of(Parameter.positive("Nc", false, "scale"), Parameter.free("alphaN", "exponent")));
            this.partly = partly;
        }

        @Override
        public void evaluateLog(double[] theta, Columns x, int from, int to, double[] logValue, double[][] jac) {
            double[] lnN = x.logColumn(0);
            for (int i = from; i < to; i++) {
                boolean bad = !partly || theta[1] > 1;
                logValue[i - from] = bad ? Double.NaN : theta[1] * (Math.log(theta[0]) - lnN[i]);
                if (jac != null) {
                    jac[0][i - from] = bad ? Double.NaN : theta[1] / theta[0];
                    jac[1][i - from] = bad ? Double.NaN : Math.log(theta[0]) - lnN[i];
                }
            }
        }
    }

    private static Dataset kaplanData() {
        double[] n = {1, 3, 10, 30, 100};
        double[] loss = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            loss[i] = Math.pow(200 / n[i], 0.3);
        }
        return Dataset.builder("kaplan").column("N", n).column("loss", loss).build();
    }

    @Test
    void tinyIterationLimitGivesMaxIterations() {
        FitResult fit = Fitter.fit(ChinchillaLaw.INSTANCE, grid(false), FitSpec.defaults()
                .withStarts(Starts.sobol(4, 0)).withMaxIterations(2).withPolish(false).withThreads(1));
        assertThat(fit.status()).isEqualTo(FitStatus.MAX_ITERATIONS);
        assertThat(fit.converged()).isFalse();
        assertThat(fit.convergence().converged()).isZero();
    }

    @Test
    void tinyIterationLimitGivesMaxIterationsForLevenbergMarquardt() {
        FitResult fit = Fitter.fit(ChinchillaLaw.INSTANCE, grid(false), FitSpec.defaults()
                .withOptimizer(Optimizer.LEVENBERG_MARQUARDT).withStarts(Starts.sobol(4, 0)).withMaxIterations(1)
                .withPolish(false).withThreads(1));
        assertThat(fit.status()).isEqualTo(FitStatus.MAX_ITERATIONS);
    }

    @ParameterizedTest
    @EnumSource(value = Optimizer.class, names = {"LBFGSB", "LEVENBERG_MARQUARDT"})
    void nanEverywhereIsNonFiniteAndEveryStartIsCountedAsFailed(Optimizer optimizer) {
        FitResult fit = Fitter.fit(new NanLaw(false), kaplanData(), FitSpec.defaults().withOptimizer(optimizer)
                .withStarts(Starts.sobol(7, 0)).withThreads(2));
        assertThat(fit.status()).isEqualTo(FitStatus.NON_FINITE);
        assertThat(fit.converged()).isFalse();
        assertThat(fit.convergence().starts()).isEqualTo(7);
        assertThat(fit.convergence().failed()).isEqualTo(7);
        assertThat(fit.convergence().converged()).isZero();
        assertThat(fit.objective()).isNaN();
        assertThat(fit.warnings()).contains("no start reached a finite objective");
    }

    @Test
    void startsInANanRegionAreCountedButDoNotHideTheGoodOnes() {
        // Sobol starts for alphaN span [0, 2]: those above 1 start where the law is NaN
        FitResult fit = Fitter.fit(new NanLaw(true), kaplanData(), FitSpec.defaults().withStarts(Starts.sobol(16, 0))
                .withThreads(1));
        assertThat(fit.convergence().failed()).isGreaterThan(0);
        assertThat(fit.convergence().failed() + fit.convergence().converged())
                .isLessThanOrEqualTo(fit.convergence().starts());
        assertThat(fit.status()).isEqualTo(FitStatus.CONVERGED);
        assertThat(Double.isFinite(fit.objective())).isTrue();
        assertThat(fit.objective()).isLessThan(1e-12);
        assertThat(fit.estimate("alphaN")).isCloseTo(0.3, org.assertj.core.api.Assertions.within(1e-4));
    }

    @Test
    void oneModelSizeMakesChinchillaNotIdentifiable() {
        FitResult fit = Fitter.fit(ChinchillaLaw.INSTANCE, grid(true), FitSpec.defaults()
                .withResidual(ResidualSpace.LOG).withLoss(Loss.squared()).withStarts(Starts.sobol(16, 0)));
        assertThat(fit.status()).isEqualTo(FitStatus.NOT_IDENTIFIABLE);
        assertThat(fit.identifiability().identifiable()).isFalse();
        assertThat(fit.identifiability().flatDirections()).isGreaterThan(0);
        assertThat(fit.warnings()).anyMatch(w -> w.contains("not identifiable"));
    }

    @Test
    void aLineSearchThatCannotProgressIsReported() {
        // Hahn1 from its first certified start: L-BFGS-B with no tolerance cannot find a decrease (a pole of the
        // rational model lies next to the start); the status says so instead of CONVERGED
        NistProblem hahn = NistProblem.load("Hahn1", new NistProblem.Rational(4, 3));
        FitResult fit = Fitter.fit(hahn.law, hahn.data, FitSpec.defaults().withResidual(ResidualSpace.LINEAR)
                .withLoss(Loss.squared()).withStarts(Starts.of(List.of(hahn.starts[0]))).withTolerances(0, 0)
                .withThreads(1));
        assertThat(fit.status()).isEqualTo(FitStatus.LINE_SEARCH_FAILED);
        assertThat(fit.convergence().failed()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Optimizer.class)
    void resultsAreBitIdenticalOnOneTwoAndEightThreads(Optimizer optimizer) {
        Dataset data = Datasets.chinchilla().withoutLargest("loss", 5);
        FitSpec spec = FitSpec.defaults().withStarts(Starts.sobol(48, 0)).withOptimizer(optimizer);
        FitResult one = Fitter.fit(ChinchillaLaw.INSTANCE, data, spec.withThreads(1));
        for (int threads : new int[] {2, 8}) {
            FitResult many = Fitter.fit(ChinchillaLaw.INSTANCE, data, spec.withThreads(threads));
            assertThat(many.theta()).as("%d threads", threads).isEqualTo(one.theta());
            assertThat(Double.doubleToRawLongBits(many.objective()))
                    .isEqualTo(Double.doubleToRawLongBits(one.objective()));
            assertThat(many.residuals()).isEqualTo(one.residuals());
            assertThat(many.convergence().converged()).isEqualTo(one.convergence().converged());
            assertThat(many.convergence().atBest()).isEqualTo(one.convergence().atBest());
            assertThat(many.convergence().iterations()).isEqualTo(one.convergence().iterations());
            assertThat(many.convergence().evaluations()).isEqualTo(one.convergence().evaluations());
            assertThat(many.status()).isEqualTo(one.status());
        }
    }
}
