/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.bench;

import java.util.Locale;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.FitProblem;
import dev.scalinglaws.fit.internal.CompiledProblem;
import dev.scalinglaws.fit.internal.ProblemAccess;
import dev.scalinglaws.fit.internal.LbfgsB;
import dev.scalinglaws.fit.internal.Objective;

/**
 * What the polishing run of {@code Fitter.finish} costs and buys: a first L-BFGS-B from Hoffmann's unrounded estimates
 * with SciPy's tolerances, then the polish as {@code Fitter} configures it ({@code LbfgsB(10, 5000, 10000, ftol,
 * 1e-11 max(1, |f|))}) with its current {@code ftol = 0} and with 1e-15 and 1e-13, on the 240 Epoch points and on
 * 10^4 and 10^6 synthetic points. Prints iterations, evaluations, objective, wall time and the largest relative
 * parameter change. A diagnostic, not a JMH benchmark (one cold run each):
 * {@code java -cp scaling-bench/target/benchmarks.jar dev.scalinglaws.bench.PolishExperiment}.
 */
public final class PolishExperiment {

    private PolishExperiment() {
    }

    /**
     * Runs the experiment.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        for (int n : new int[] {240, 10000, 1000000}) {
            Dataset data = n == 240 ? EpochData.bundled240() : Synthetic.chinchilla(n);
            FitSpec spec = FitSpec.epoch();
            CompiledProblem problem = ProblemAccess.compiled(FitProblem.of(ChinchillaLaw.INSTANCE, data, spec));
            Objective f = problem.newObjective();
            double[] u0 = problem.startCoordinates(EpochData.HOFFMANN_START);
            LbfgsB first = new LbfgsB(10, spec.maxIterations(), spec.maxIterations() * 3 / 2, spec.ftol(),
                    spec.gtol());
            LbfgsB.Result r = first.minimize(f, u0, problem.lower(), problem.upper());
            System.out.printf(Locale.ROOT, "n=%d first: %s it %d ev %d f %.15g pg %.3g%n", n, r.status(),
                    r.iterations(), r.evaluations(), r.value(), r.gradientNorm());
            double[] before = new double[5];
            f.toTheta(r.x(), before);
            for (double ftol : new double[] {0, 1e-15, 1e-13}) {
                LbfgsB tight = new LbfgsB(10, 5000, 10000, ftol, 1e-11 * Math.max(1, Math.abs(r.value())));
                long t0 = System.nanoTime();
                LbfgsB.Result p = tight.minimize(f, r.x(), problem.lower(), problem.upper());
                double ms = (System.nanoTime() - t0) * 1e-6;
                double[] after = new double[5];
                f.toTheta(p.x(), after);
                double change = 0;
                for (int j = 0; j < 5; j++) {
                    change = Math.max(change, Math.abs(after[j] / before[j] - 1));
                }
                System.out.printf(Locale.ROOT, "  polish ftol=%g: %s it %d ev %d f %.15g (rel gain %.2e) pg %.3g  "
                        + "%.1f ms  max param change %.2e%n", ftol, p.status(), p.iterations(), p.evaluations(),
                        p.value(), (r.value() - p.value()) / r.value(), p.gradientNorm(), ms, change);
            }
        }
    }
}
