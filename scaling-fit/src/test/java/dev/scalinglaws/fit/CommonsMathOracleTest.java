/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaw;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;
import org.junit.jupiter.api.Test;

/**
 * Commons Math 3's {@code LevenbergMarquardtOptimizer} (a port of MINPACK's lmder) as an independent oracle on
 * squared-loss problems: our Levenberg-Marquardt must land on the same optimum from the same start.
 */
class CommonsMathOracleTest {

    /** The oracle's solution of min SUM (f(x_i; theta) - y_i)^2 in natural parameters. */
    private static double[] oracle(ScalingLaw law, Columns x, double[] y, double[] start) {
        int n = y.length;
        int p = law.parameterCount();
        LeastSquaresBuilder builder = new LeastSquaresBuilder()
                .start(start)
                .target(y)
                .model(point -> {
                    double[] value = new double[n];
                    double[][] jac = new double[p][n];
                    law.evaluate(point.toArray(), x, 0, n, value, jac);
                    double[][] rows = new double[n][p];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < p; j++) {
                            rows[i][j] = jac[j][i];
                        }
                    }
                    return new Pair<RealVector, org.apache.commons.math3.linear.RealMatrix>(
                            new ArrayRealVector(value, false), new Array2DRowRealMatrix(rows, false));
                })
                .maxEvaluations(100000)
                .maxIterations(100000);
        LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(1e-14).withParameterRelativeTolerance(1e-14)
                .optimize(builder.build());
        return optimum.getPoint().toArray();
    }

    private static FitSpec leastSquares(double[] start) {
        return FitSpec.defaults().withResidual(ResidualSpace.LINEAR).withLoss(Loss.squared())
                .withOptimizer(Optimizer.LEVENBERG_MARQUARDT).withStarts(Starts.of(List.of(start))).withThreads(1);
    }

    @Test
    void agreesWithCommonsMathOnNistProblems() {
        for (NistProblem problem : NistProblem.all()) {
            double[] start = problem.starts[1];
            Columns x = problem.data.covariates(problem.law);
            double[] y = problem.data.column("y");
            double[] expected = oracle(problem.law, x, y, start);
            double[] ours = Fitter.fit(problem.law, problem.data, leastSquares(start)).theta();
            for (int j = 0; j < ours.length; j++) {
                assertThat(ours[j]).as("%s b%d", problem.name, j + 1)
                        .isCloseTo(expected[j], within(Math.abs(expected[j]) * 1e-6));
            }
        }
    }

    @Test
    void agreesWithCommonsMathOnChinchillaInLinearSpace() {
        double[] truth = {1.8, 480, 2100, 0.35, 0.37};
        SplittableRandom rng = new SplittableRandom(20240417L);
        int n = 60;
        double[] nn = new double[n];
        double[] dd = new double[n];
        for (int i = 0; i < n; i++) {
            nn[i] = Math.exp(Math.log(5e7) + rng.nextDouble() * Math.log(1e10 / 5e7));
            dd[i] = nn[i] * Math.exp(Math.log(2) + rng.nextDouble() * Math.log(100));
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = ChinchillaLaw.INSTANCE.value(truth, nn[i], dd[i]) * (1 + 0.01 * rng.nextGaussian());
        }
        Dataset data = Dataset.builder("synthetic").column("N", nn).column("D", dd).column("loss", y).build();
        double[] start = {2.0, 300, 1000, 0.3, 0.3};
        double[] expected = oracle(ChinchillaLaw.INSTANCE, data.covariates(ChinchillaLaw.INSTANCE), y, start);
        FitResult fit = Fitter.fit(ChinchillaLaw.INSTANCE, data, leastSquares(start));
        assertThat(fit.status()).isEqualTo(FitStatus.CONVERGED);
        double[] ours = fit.theta();
        for (int j = 0; j < ours.length; j++) {
            assertThat(ours[j]).as("parameter %d", j).isCloseTo(expected[j], within(Math.abs(expected[j]) * 1e-5));
        }
    }
}
