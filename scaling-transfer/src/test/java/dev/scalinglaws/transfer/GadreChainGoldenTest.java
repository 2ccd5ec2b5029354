/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.datasets.Datasets;
import org.junit.jupiter.api.Test;

/**
 * Golden test: Gadre et al. 2024 (arXiv:2403.08540) over-training law and loss-to-error law on the paper's fitting
 * set, and the two-stage extrapolation to the large runs ({@code overtraining-gadre2024/PROVENANCE.md}).
 */
class GadreChainGoldenTest {

    static final List<String> TASKS = List.of("bigbench_operators", "pubmed_qa_labeled", "hellaswag_zeroshot", "boolq",
            "arc_easy", "coqa", "bigbench_dyck_languages", "lambada_openai", "bigbench_novel_concepts", "winograd",
            "bigbench_cs_algorithms", "commonsense_qa", "bigbench_qa_wikidata", "hellaswag", "copa", "squad", "piqa");

    /** The runs of one training set with the 17-task average error in column {@code error}. */
    static Dataset runs(String trainingSet) {
        Dataset all = Datasets.gadreOvertraining();
        String[] name = all.textColumn("dataset_name");
        Dataset d = all.filter(i -> name[i].equals(trainingSet));
        double[] error = new double[d.size()];
        for (String task : TASKS) {
            double[] acc = d.column("acc_" + task);
            for (int i = 0; i < error.length; i++) {
                error[i] += (1 - acc[i]) / TASKS.size();
            }
        }
        return d.withColumn("error", error);
    }

    static boolean isRun(double n, double m, double wantN, double wantM) {
        return Math.abs(n / wantN - 1) < 0.05 && Math.abs(m / wantM - 1) < 1e-6;
    }

    static boolean[] lossSet(Dataset d) {
        double[] n = d.column("N");
        double[] m = d.column("M");
        boolean[] out = new boolean[d.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (m[i] == 20 && n[i] < 1e9) || isRun(n[i], m[i], 1.06e7, 320);
        }
        return out;
    }

    static boolean[] errorSet(Dataset d) {
        double[] n = d.column("N");
        double[] m = d.column("M");
        boolean[] out = lossSet(d);
        for (int i = 0; i < out.length; i++) {
            out[i] |= isRun(n[i], m[i], 1.44e9, 20);
        }
        return out;
    }

    static int find(Dataset d, double wantN, double wantM) {
        double[] n = d.column("N");
        double[] m = d.column("M");
        for (int i = 0; i < d.size(); i++) {
            if (isRun(n[i], m[i], wantN, wantM)) {
                return i;
            }
        }
        throw new IllegalStateException("no run " + wantN + " x " + wantM);
    }

    @Test
    void reproducesThePublishedC4Constants() {
        Dataset d = runs("c4_original");
        OvertrainingErrorChain.Fitted f = OvertrainingErrorChain.defaults().fit(d, lossSet(d), errorSet(d));
        System.out.println("C4 loss fit: " + f.loss());
        System.out.println("C4 error fit: " + f.error());
        assertThat(f.loss().goodness().n()).isEqualTo(5);
        assertThat(f.error().goodness().n()).isEqualTo(6);
        assertThat(f.converged()).isTrue();
        // published to 3 significant digits: agree to half a unit in the last published digit
        assertThat(f.loss().estimate("E")).isCloseTo(1.51, within(0.005));
        assertThat(f.loss().estimate("a")).isCloseTo(141, within(0.5));
        assertThat(f.loss().estimate("b")).isCloseTo(190, within(0.5));
        assertThat(f.loss().estimate("eta")).isCloseTo(0.121, within(0.0005));
        assertThat(f.error().estimate("eps")).isCloseTo(0.850, within(0.0005));
        assertThat(f.error().estimate("k")).isCloseTo(2.08, within(0.005));
        assertThat(f.error().estimate("gamma")).isCloseTo(0.756, within(0.0005));
        report(d, f, "c4_original");
    }

    /**
     * The paper's headline extrapolations (1.4B x M=640: 3.6% relative error in the 17-task error; 6.9B x M=20:
     * 0.05%) are for the RedPajama training set, the only one with a 1.4B x M=640 run in the released data. Tolerance:
     * 0.1 percentage point, one unit in the last digit the paper quotes for the larger error; loss errors below 1%.
     */
    @Test
    void reproducesTheRedPajamaExtrapolations() {
        Dataset d = runs("rpj");
        OvertrainingErrorChain.Fitted f = OvertrainingErrorChain.defaults().fit(d, lossSet(d), errorSet(d));
        report(d, f, "rpj");
        double[] n = d.column("N");
        double[] tokens = d.column("D");
        double[] loss = d.column("loss");
        double[] err = d.column("error");
        int big = find(d, 1.44e9, 640);
        int wide = find(d, 6.89e9, 20);
        double errBig = Math.abs(f.predictError(n[big], tokens[big]) / err[big] - 1);
        double errWide = Math.abs(f.predictError(n[wide], tokens[wide]) / err[wide] - 1);
        assertThat(errBig).isCloseTo(0.036, within(0.001));
        assertThat(errWide).isCloseTo(0.0005, within(0.001));
        assertThat(Math.abs(f.predictLoss(n[big], tokens[big]) / loss[big] - 1)).isLessThan(0.01);
        assertThat(Math.abs(f.predictLoss(n[wide], tokens[wide]) / loss[wide] - 1)).isLessThan(0.01);
    }

    @Test
    void jointBootstrapIsDeterministicForAnyThreadCount() {
        Dataset d = runs("rpj");
        OvertrainingErrorChain chain = OvertrainingErrorChain.defaults()
                .withLossSpec(FineTuning.linProtocol().withResidual(dev.scalinglaws.fit.ResidualSpace.LINEAR)
                        .withStarts(dev.scalinglaws.fit.Starts.of(List.of(new double[] {1.8, 200, 350, 0.13},
                                new double[] {1.51, 141, 190, 0.121}))))
                .withErrorSpec(FineTuning.linProtocol().withResidual(dev.scalinglaws.fit.ResidualSpace.LINEAR)
                        .withStarts(dev.scalinglaws.fit.Starts.of(List.of(new double[] {0.85, 2.08, 0.756}))));
        double[][] points = {{1.44e9, 1.44e9 * 640}, {6.89e9, 6.89e9 * 20}};
        OvertrainingErrorChain.Bootstrap one = chain.bootstrap(d, lossSet(d), errorSet(d), points, 60, 42, 1);
        OvertrainingErrorChain.Bootstrap two = chain.bootstrap(d, lossSet(d), errorSet(d), points, 60, 42, 2);
        assertThat(java.util.Arrays.deepToString(two.error())).isEqualTo(java.util.Arrays.deepToString(one.error()));
        assertThat(two.failed()).isEqualTo(one.failed());
        assertThat(one.failed()).isLessThan(60);
        double[] interval = one.errorInterval(0, 0.9);
        System.out.printf(Locale.ROOT, "rpj 1.4B x M=640 error: 90%% bootstrap interval [%.4f, %.4f], %d of 60 "
                + "resamples failed (fewer than 4 distinct loss runs or no convergence)%n", interval[0], interval[1],
                one.failed());
        assertThat(interval[0]).isLessThanOrEqualTo(interval[1]);
    }

    /**
     * docs/laws.md asks how much the answer moves with log residuals and a robust loss instead of the paper's least squares
     * on raw loss. Printed for docs/transfer.md; asserted only loosely (the C4 loss fit on 5 runs is nearly exact, so
     * every estimator should land close).
     */
    @Test
    void sensitivityToResidualSpaceAndLoss() {
        for (String set : List.of("c4_original", "rpj")) {
            Dataset d = runs(set);
            OvertrainingErrorChain base = OvertrainingErrorChain.defaults();
            int big = set.equals("rpj") ? find(d, 1.44e9, 640) : find(d, 1.44e9, 80);
            int wide = find(d, 6.89e9, 20);
            double[] n = d.column("N");
            double[] tokens = d.column("D");
            double[] loss = d.column("loss");
            for (String variant : List.of("linear-squared", "log-squared", "log-huber-1e-3")) {
                dev.scalinglaws.fit.FitSpec spec = switch (variant) {
                    case "log-squared" -> base.lossSpec().withResidual(dev.scalinglaws.fit.ResidualSpace.LOG);
                    case "log-huber-1e-3" -> base.lossSpec().withResidual(dev.scalinglaws.fit.ResidualSpace.LOG)
                            .withLoss(dev.scalinglaws.fit.Loss.huber(1e-3));
                    default -> base.lossSpec();
                };
                OvertrainingErrorChain.Fitted f = base.withLossSpec(spec).fit(d, lossSet(d), errorSet(d));
                double relBig = f.predictLoss(n[big], tokens[big]) / loss[big] - 1;
                double relWide = f.predictLoss(n[wide], tokens[wide]) / loss[wide] - 1;
                System.out.printf(Locale.ROOT, "%s %s: E=%.4f a=%.2f b=%.2f eta=%.5f; loss rel. error %.2f%% (N=%.3g"
                                + " M=%.0f), %.2f%% (6.9B M=20)%n", set, variant, f.loss().estimate("E"),
                        f.loss().estimate("a"), f.loss().estimate("b"), f.loss().estimate("eta"), 100 * relBig,
                        n[big], d.column("M")[big], 100 * relWide);
                assertThat(f.loss().estimate("eta")).isBetween(0.08, 0.2);
            }
        }
    }

    static void report(Dataset d, OvertrainingErrorChain.Fitted f, String set) {
        double[] n = d.column("N");
        double[] dd = d.column("D");
        double[] loss = d.column("loss");
        double[] err = d.column("error");
        double[] m = d.column("M");
        for (int i = 0; i < d.size(); i++) {
            if (n[i] > 1e9 || m[i] == 640) {
                double pl = f.predictLoss(n[i], dd[i]);
                double pe = f.predictError(n[i], dd[i]);
                System.out.printf(Locale.ROOT, "%s N=%.3g M=%.0f loss %.4f pred %.4f (%.2f%%) error %.4f pred %.4f"
                                + " (%.2f%%)%n", set, n[i], m[i], loss[i], pl, 100 * (pl / loss[i] - 1), err[i],
                        pe, 100 * (pe / err[i] - 1));
            }
        }
    }
}
