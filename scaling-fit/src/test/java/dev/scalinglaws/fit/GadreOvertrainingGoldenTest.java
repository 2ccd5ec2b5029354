/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.OvertrainingLaw;
import dev.scalinglaws.datasets.Datasets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden test: Gadre et al. 2024 (arXiv:2403.08540), over-training law L = E + (a M^eta + b M^-eta) C^-eta fitted
 * with the paper's method (unweighted least squares on raw loss, a grid of starts, lowest objective) on the 5 small
 * runs of each training set (N in {0.011B, 0.079B, 0.154B, 0.411B} at M = 20, plus 0.011B at M = 320), response
 * C4 validation loss; extrapolated to 1.4B x M = 640 and 6.9B x M = 20.
 *
 * <p>Measured (relative error of the predicted C4 loss):
 * <pre>
 *   training set  fit (E, a, b, eta)              1.4B x M=640       6.9B x M=20
 *   c4_original   1.508, 141.28, 189.52, 0.1212   no such run        -4.30%
 *   rpj           1.837, 212.24, 366.69, 0.1364   +0.71%             +0.73%
 *   rw_original   1.734, 157.12, 246.21, 0.1272   no such run (320)  -1.62%
 * </pre>
 * The C4 fit reproduces the published constants (E 1.51, a 141, b 190, eta 0.121) to 3 digits, and the published
 * constants themselves predict the 6.9B C4 run 3.9% low: the "below 1%" claim holds for the RedPajama runs (the
 * paper's Fig. 1 set-up, 0.7% for both targets), not for the C4-trained 6.9B model of this data. The assertions
 * say exactly that. Log residuals with Huber(1e-3) move the predictions by 0.01 to 0.3 points (printed table).
 */
class GadreOvertrainingGoldenTest {

    private static Dataset all;
    private static String[] trainingSet;
    private static double[] n;
    private static double[] m;
    private static double[] d;
    private static double[] loss;
    private static List<double[]> grid;

    @BeforeAll
    static void load() {
        all = Datasets.gadreOvertraining();
        trainingSet = all.textColumn("dataset_name");
        n = all.column("N");
        m = all.column("M");
        d = all.column("D");
        loss = all.column("loss");
        grid = new ArrayList<>();
        for (double e : new double[] {0.5, 1, 1.5, 2}) {
            for (int la = 0; la <= 10; la += 2) {
                for (int lb = 0; lb <= 10; lb += 2) {
                    for (double eta : new double[] {0.05, 0.1, 0.2, 0.3, 0.5}) {
                        grid.add(new double[] {e, Math.exp(la), Math.exp(lb), eta});
                    }
                }
            }
        }
    }

    private static Dataset fittingSet(String set) {
        return all.filter(i -> trainingSet[i].equals(set)
                && ((m[i] == 20 && n[i] < 1e9) || (m[i] == 320 && n[i] < 2e7)));
    }

    private static FitSpec paperMethod() {
        return FitSpec.defaults().withResidual(ResidualSpace.LINEAR).withLoss(Loss.squared())
                .withStarts(Starts.of(grid));
    }

    /** Relative prediction error at a target, NaN if the training set has no such run. */
    private static double error(String set, FitResult fit, double modelSize, double multiplier) {
        for (int i = 0; i < all.size(); i++) {
            if (trainingSet[i].equals(set) && Math.abs(n[i] / modelSize - 1) < 0.05 && m[i] == multiplier) {
                return fit.predict(n[i], d[i]) / loss[i] - 1;
            }
        }
        return Double.NaN;
    }

    @Test
    void c4FitReproducesThePublishedConstants() {
        Dataset fitSet = fittingSet("c4_original");
        assertThat(fitSet.size()).isEqualTo(5);
        FitResult fit = Fitter.fit(OvertrainingLaw.INSTANCE, fitSet, paperMethod());
        assertThat(fit.status()).isEqualTo(FitStatus.CONVERGED);
        assertThat(fit.estimate("E")).isCloseTo(1.51, within(0.01 * 1.51));
        assertThat(fit.estimate("a")).isCloseTo(141, within(0.01 * 141));
        assertThat(fit.estimate("b")).isCloseTo(190, within(0.01 * 190));
        assertThat(fit.estimate("eta")).isCloseTo(0.121, within(0.01 * 0.121));
        assertThat(error("c4_original", fit, 1.44e9, 640)).as("the C4 set has no 1.4B x M=640 run").isNaN();
        double err = error("c4_original", fit, 6.89e9, 20);
        FitResult published = withTheta(fit, new double[] {1.51, 141, 190, 0.121});
        assertThat(err).isCloseTo(error("c4_original", published, 6.89e9, 20), within(0.005));
        assertThat(err).isBetween(-0.05, -0.03);
    }

    private static FitResult withTheta(FitResult fit, double[] theta) {
        List<ParameterEstimate> est = new ArrayList<>();
        for (int j = 0; j < theta.length; j++) {
            est.add(new ParameterEstimate(fit.parameters().get(j).name(), theta[j], Double.NaN, false, false));
        }
        return new FitResult(fit.law(), est, Double.NaN, fit.status(), fit.convergence(), fit.identifiability(),
                fit.goodness(), fit.residuals(), fit.scale(), fit.warnings(), fit.dataSource(), fit.spec(),
                fit.seconds());
    }

    @Test
    void redPajamaExtrapolatesBothTargetsWithinOnePercent() {
        FitResult fit = Fitter.fit(OvertrainingLaw.INSTANCE, fittingSet("rpj"), paperMethod());
        assertThat(fit.status()).isEqualTo(FitStatus.CONVERGED);
        assertThat(Math.abs(error("rpj", fit, 1.44e9, 640))).isLessThan(0.01);
        assertThat(Math.abs(error("rpj", fit, 6.89e9, 20))).isLessThan(0.01);
    }

    @Test
    void refinedWebExtrapolatesTheLargestModelWithinTwoPercent() {
        FitResult fit = Fitter.fit(OvertrainingLaw.INSTANCE, fittingSet("rw_original"), paperMethod());
        assertThat(fit.status()).isEqualTo(FitStatus.CONVERGED);
        assertThat(error("rw_original", fit, 1.44e9, 640)).as("RefinedWeb has 1.4B at M=320 only").isNaN();
        assertThat(Math.abs(error("rw_original", fit, 6.89e9, 20))).isLessThan(0.02);
    }

    @Test
    void everyOptimiserAndLogHuberAgree() {
        StringBuilder table = new StringBuilder(
                "Gadre over-training, relative error of predicted C4 loss\n"
                        + "set          method                             1.4Bx640   6.9Bx20    "
                        + "E       a        b        eta\n");
        for (String set : new String[] {"c4_original", "rpj", "rw_original"}) {
            Dataset fitSet = fittingSet(set);
            FitResult reference = Fitter.fit(OvertrainingLaw.INSTANCE, fitSet, paperMethod());
            for (Optimizer optimizer : Optimizer.values()) {
                FitResult fit = Fitter.fit(OvertrainingLaw.INSTANCE, fitSet, paperMethod().withOptimizer(optimizer));
                row(table, set, "linear squared " + optimizer.name(), fit);
                assertThat(fit.objective()).isCloseTo(reference.objective(), within(reference.objective() * 1e-6));
                assertThat(fit.predict(6.89e9, 6.89e9 * 20)).isCloseTo(reference.predict(6.89e9, 6.89e9 * 20),
                        within(1e-4));
            }
            FitResult robust = Fitter.fit(OvertrainingLaw.INSTANCE, fitSet, FitSpec.defaults()
                    .withResidual(ResidualSpace.LOG).withLoss(Loss.huber(1e-3)).withStarts(Starts.of(grid)));
            row(table, set, "log huber(1e-3)", robust);
            assertThat(robust.status()).isEqualTo(FitStatus.CONVERGED);
            double move = robust.predict(6.89e9, 6.89e9 * 20) / reference.predict(6.89e9, 6.89e9 * 20) - 1;
            assertThat(Math.abs(move)).as("%s: log-Huber moves the 6.9B prediction by %s", set, move)
                    .isLessThan(0.01);
        }
        System.out.println(table);
    }

    private static void row(StringBuilder table, String set, String method, FitResult fit) {
        table.append(String.format(Locale.ROOT, "%-12s %-34s %8s  %8s  %.4f %8.2f %8.2f %.4f%n", set, method,
                percent(error(set, fit, 1.44e9, 640)), percent(error(set, fit, 6.89e9, 20)), fit.estimate("E"),
                fit.estimate("a"), fit.estimate("b"), fit.estimate("eta")));
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "no run" : String.format(Locale.ROOT, "%+.2f%%", 100 * v);
    }
}
