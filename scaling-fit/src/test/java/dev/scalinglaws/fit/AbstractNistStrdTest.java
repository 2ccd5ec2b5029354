/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NIST StRD nonlinear regression (Hahn1, Kirby2, Lanczos1, MGH17; certified values in the test resources
 * {@code nist-strd/}) from both certified starting points: least squares on linear residuals, one start each.
 * Passes when every parameter and the residual sum of squares agree with the certified values to 6 significant
 * digits (Lanczos1's RSS: 2 digits, see below); where a solver is known not to get there from a start, the fit must
 * report its failure or stop at a genuine other stationary point, never claim {@link FitStatus#CONVERGED} elsewhere. One abstract test, one subclass per solver (the Hipparchus pattern).
 */
abstract class AbstractNistStrdTest {

    /** The spec of the solver under test, given the common least-squares spec. */
    abstract FitSpec solver(FitSpec leastSquares);

    /**
     * Whether the solver is expected to reach the certified values from this start. Where it is not, the test
     * asserts the opposite property: the fit must not claim {@link FitStatus#CONVERGED}.
     */
    boolean solves(String problem, int start) {
        return true;
    }

    /** Whether the solver applies to the problem at all (the test is skipped otherwise). */
    boolean applies(NistProblem problem) {
        return true;
    }

    /** Whether a fit that reached the certified values may end with this status. */
    boolean acceptableAtOptimum(FitStatus status) {
        return status == FitStatus.CONVERGED;
    }

    static List<Arguments> problems() {
        List<Arguments> out = new ArrayList<>();
        for (NistProblem p : NistProblem.all()) {
            out.add(Arguments.of(p, 1));
            out.add(Arguments.of(p, 2));
        }
        return out;
    }

    @ParameterizedTest(name = "{0} from start {1}")
    @MethodSource("problems")
    void reproducesCertifiedValues(NistProblem problem, int start) {
        Assumptions.assumeTrue(applies(problem), "solver does not apply to " + problem.name);
        FitSpec spec = solver(FitSpec.defaults().withResidual(ResidualSpace.LINEAR).withLoss(Loss.squared())
                .withStarts(Starts.of(List.of(problem.starts[start - 1]))).withThreads(1));
        FitResult fit = Fitter.fit(problem.law, problem.data, spec);
        if (!solves(problem.name, start)) {
            // either the failure is reported, or the fit sits at a genuine other stationary point (MGH17's start 1
            // leads to a well-known local minimum with a fast-decaying third term), or, where the path from the
            // start is that fragile, at the certified optimum after all (then checked like a solved problem)
            boolean reachedCertified = fit.status() == FitStatus.CONVERGED
                    && 2 * fit.objective() <= problem.certifiedRss * (1 + 1e-6);
            if (fit.status() == FitStatus.CONVERGED && !reachedCertified) {
                assertThat(2 * fit.objective()).as("%s", fit).isGreaterThan(problem.certifiedRss * 10);
                assertThat(fit.convergence().gradientNorm()).as("%s", fit)
                        .isLessThanOrEqualTo(1e-6 * Math.max(1, fit.objective()));
            }
            if (!reachedCertified) {
                return;
            }
        }
        assertThat(acceptableAtOptimum(fit.status())).as("status of %s", fit).isTrue();
        double[] theta = problem.law.canonical(fit.theta());
        double rss = 2 * fit.objective();
        for (int j = 0; j < theta.length; j++) {
            double c = problem.certified[j];
            assertThat(theta[j]).as("%s b%d (fit %s)", problem.name, j + 1, fit)
                    .isCloseTo(c, within(Math.abs(c) * 1e-6));
        }
        // Lanczos1's certified RSS (1.43e-25) lies below the rounding error of the model in double precision (each
        // residual is about 8e-14 against ulp(2.5) = 4.4e-16), so only 2 digits of it are reachable; its parameters
        // are still checked to 6 digits above.
        double rssTolerance = problem.name.equals("Lanczos1") ? 1e-2 : 1e-6;
        assertThat(rss).as("%s residual sum of squares", problem.name)
                .isCloseTo(problem.certifiedRss, within(problem.certifiedRss * rssTolerance));
    }
}
