/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.CsvReader;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.OvertrainingLaw;
import dev.scalinglaws.datasets.Datasets;
import dev.scalinglaws.fit.uncertainty.Bootstrap;
import dev.scalinglaws.fit.uncertainty.BootstrapOptions;
import dev.scalinglaws.fit.uncertainty.BootstrapResult;
import dev.scalinglaws.fit.uncertainty.IntervalMethod;
import org.junit.jupiter.api.Test;

/**
 * Regression tests of issue 21: each case that once printed {@code CONVERGED} with no warning now carries its
 * diagnostic, and well-posed fits (Epoch's Chinchilla fit, Gadre's C4 fit, synthetic data) carry none.
 */
class FitDiagnosticsTest {

    static final double[] TRUTH = {1.8, 480, 2100, 0.35, 0.37};
    static final boolean FULL = Boolean.getBoolean("scaling.full");

    /** {@code SyntheticChinchilla}'s design: 9 sizes x 8 multipliers, multiplicative log-normal noise. */
    static Dataset synthetic(double[] truth, double sigma, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 72;
        double[] nn = new double[n];
        double[] dd = new double[n];
        double[] loss = new double[n];
        for (int k = 0, i = 0; k < 9; k++) {
            for (int m = 1; m <= 8; m++, i++) {
                nn[i] = Math.pow(10, 7.7 + 0.3 * k);
                dd[i] = nn[i] * Math.pow(2, m);
                loss[i] = ChinchillaLaw.INSTANCE.value(truth, nn[i], dd[i]) * Math.exp(sigma * rng.nextGaussian());
            }
        }
        return Dataset.builder("synthetic(seed=" + seed + ")").column("N", nn).column("D", dd).column("loss", loss)
                .build();
    }

    static List<Diagnostic> of(FitResult r, DiagnosticCode code) {
        return r.diagnostics().stream().filter(d -> d.code() == code).toList();
    }

    static List<Diagnostic> warnings(FitResult r) {
        return r.diagnostics().stream().filter(Diagnostic::isWarningOrError).toList();
    }

    static FitSpec fast() {
        return FitSpec.defaults().withStarts(Starts.sobol(32, 0)).withThreads(2);
    }

    @Test
    void sixRunsWithDProportionalToNAreNotIdentifiable() {
        double[] n = {1e7, 3e7, 1e8, 3e8, 1e9, 3e9};
        double[] d = new double[6];
        double[] loss = new double[6];
        for (int i = 0; i < 6; i++) {
            d[i] = 100 * n[i];
            loss[i] = ChinchillaLaw.INSTANCE.value(TRUTH, n[i], d[i]);
        }
        Dataset data = Dataset.builder("collinear").column("N", n).column("D", d).column("loss", loss).build();
        FitResult r = Fitter.fit(ChinchillaLaw.INSTANCE, data, fast());
        assertThat(r.status()).isEqualTo(FitStatus.NOT_IDENTIFIABLE);
        assertThat(r.converged()).isFalse();
        Diagnostic e = of(r, DiagnosticCode.NOT_IDENTIFIABLE).get(0);
        assertThat(e.severity()).isEqualTo(Severity.ERROR);
        assertThat(e.message()).contains("collinear").contains("D = 100");
        assertThat(r.diagnostics().get(0)).as("errors first").isEqualTo(e);
    }

    @Test
    void fewerDistinctPointsThanParametersAndAConstantCovariateAreNotIdentifiable() {
        double[] n = {1e8, 1e8, 1e9, 1e9, 1e10, 1e10, 1e8, 1e9};
        double[] d = {1e10, 1e10, 1e11, 1e11, 1e12, 1e12, 2e10, 3e11};
        double[] loss = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            loss[i] = ChinchillaLaw.INSTANCE.value(TRUTH, n[i], d[i]) * (1 + 0.001 * i);
        }
        Dataset data = Dataset.builder("dups").column("N", n).column("D", d).column("loss", loss).build();
        FitResult r = Fitter.fit(ChinchillaLaw.INSTANCE, data.rows(new int[] {0, 1, 2, 3, 4, 5}), fast());
        assertThat(r.status()).isEqualTo(FitStatus.NOT_IDENTIFIABLE);
        assertThat(of(r, DiagnosticCode.NOT_IDENTIFIABLE).get(0).message()).contains("3 distinct design points");

        double[] constant = {1e10, 1e10, 1e10, 1e10, 1e10, 1e10, 1e10, 1e10};
        Dataset flat = Dataset.builder("const").column("N", n).column("D", constant).column("loss", loss).build();
        FitResult c = Fitter.fit(ChinchillaLaw.INSTANCE, flat, fast());
        assertThat(c.status()).isNotEqualTo(FitStatus.CONVERGED);
        assertThat(of(c, DiagnosticCode.NOT_IDENTIFIABLE)).isNotEmpty();
    }

    @Test
    void sevenGoodRowsAndOneLossOf1e300NameTheRow() {
        double[] n = {1e7, 3e7, 1e8, 3e8, 1e9, 3e9, 2e8, 5e7};
        double[] d = {2e9, 1e9, 5e9, 1e10, 3e10, 6e10, 3e8, 2e10};
        double[] loss = new double[8];
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 8; i++) {
            loss[i] = ChinchillaLaw.INSTANCE.value(TRUTH, n[i], d[i]) * Math.exp(0.01 * rng.nextGaussian());
        }
        loss[7] = 1e300;
        Dataset data = Dataset.builder("bad").column("N", n).column("D", d).column("loss", loss).build();
        FitResult r = Fitter.fit(ChinchillaLaw.INSTANCE, data, FitSpec.epoch().withThreads(2));
        List<Diagnostic> outliers = of(r, DiagnosticCode.OUTLIER);
        assertThat(outliers).hasSize(1);
        assertThat(outliers.get(0).rows()).containsExactly(8);
        assertThat(outliers.get(0).message()).startsWith("row 8 ");
        assertThat(r.hasWarnings()).isTrue();
    }

    @Test
    void porianTunedConstPutsTheFloorAboveTheDataAndMisfitsTheLargestBudget() throws URISyntaxException {
        Dataset data = CsvReader.defaults().read(Path.of(getClass().getResource("/porian2024/rw-tuned-const.csv")
                .toURI()));
        assertThat(data.size()).isEqualTo(121);
        FitResult r = Fitter.fit(ChinchillaLaw.INSTANCE, data, FitSpec.defaults().withThreads(2));
        assertThat(r.status()).isEqualTo(FitStatus.CONVERGED);
        assertThat(r.estimate("E")).isGreaterThan(3.097);
        Diagnostic floor = of(r, DiagnosticCode.IRREDUCIBLE_ABOVE_DATA).get(0);
        assertThat(floor.rows()).containsExactly(120);
        assertThat(floor.parameters()).containsExactly("E");
        Diagnostic frontier = of(r, DiagnosticCode.FRONTIER_BIAS).get(0);
        assertThat(frontier.rows()).containsExactly(116, 117, 118, 119, 120, 121);
        assertThat(frontier.message()).contains("largest budget").contains("over-predicts");
    }

    @Test
    void irreducibleLossAtItsLowerBound() {
        // truth E = 0: the fit drives E towards 0 (the issue saw 4e-9 and 2.5e-22)
        FitResult r = Fitter.fit(ChinchillaLaw.INSTANCE, synthetic(new double[] {0, 480, 2100, 0.35, 0.37}, 0.01, 3),
                fast());
        assertThat(r.estimate("E")).isLessThan(1e-6);
        assertThat(of(r, DiagnosticCode.AT_BOUND)).extracting(Diagnostic::parameters).contains(List.of("E"));
        // an explicit box bound that binds
        FitResult boxed = Fitter.fit(ChinchillaLaw.INSTANCE, synthetic(TRUTH, 0.01, 3),
                fast().withBound("E", 1.9, 10));
        assertThat(boxed.estimate("E")).isCloseTo(1.9, org.assertj.core.api.Assertions.within(1e-6));
        Diagnostic d = of(boxed, DiagnosticCode.AT_BOUND).get(0);
        assertThat(d.parameters()).containsExactly("E");
        assertThat(d.message()).contains("lower bound");
    }

    @Test
    void aFlatValleyIsWeaklyDetermined() {
        // small models only, 2% noise: the objective barely distinguishes E = 0.67 from E = 0.73
        Dataset all = synthetic(TRUTH, 0.02, 2);
        double[] n = all.column("N");
        Dataset small = all.filter(i -> n[i] < 3e9);
        FitResult few = Fitter.fit(ChinchillaLaw.INSTANCE, small, FitSpec.defaults().withStarts(Starts.sobol(4, 2))
                .withThreads(1));
        FitResult many = Fitter.fit(ChinchillaLaw.INSTANCE, small, FitSpec.defaults().withStarts(Starts.sobol(256, 2))
                .withThreads(2));
        assertThat(Math.abs(few.estimate("E") / many.estimate("E") - 1)).as("E moves with more starts")
                .isGreaterThan(0.02);
        assertThat(Math.abs(few.objective() / many.objective() - 1)).isLessThan(1e-4);
        assertThat(few.status()).isEqualTo(FitStatus.CONVERGED);
        assertThat(of(few, DiagnosticCode.WEAKLY_DETERMINED)).extracting(Diagnostic::parameters)
                .contains(List.of("E"));
        assertThat(of(many, DiagnosticCode.WEAKLY_DETERMINED)).extracting(Diagnostic::parameters)
                .contains(List.of("E"));
    }

    @Test
    void aBootstrapIntervalForEReachingDownToTinyValuesIsWeaklyDetermined() {
        // seed 3: the fit's E (1.93) is interior, yet a few resamples drive E to its bound, as in the report
        // (seed 2 now fits E = 0.031 and its refits, started from there, stay near it: no such interval to diagnose)
        Dataset all = synthetic(TRUTH, 0.01, 3);
        double[] n = all.column("N");
        Dataset small = all.filter(i -> n[i] < 3e8);
        FitResult fit = Fitter.fit(ChinchillaLaw.INSTANCE, small, fast());
        BootstrapResult boot = Bootstrap.run(fit, small, BootstrapOptions.defaults().withResamples(60)
                .withMethod(IntervalMethod.PERCENTILE).withBestStarts(1).withThreads(2).withSeed(5), List.of());
        var e = boot.interval("E");
        assertThat(e.lower()).as(e.toString()).isLessThan(e.upper() / 100);
        List<Diagnostic> weak = boot.diagnostics().stream()
                .filter(d -> d.code() == DiagnosticCode.WEAKLY_DETERMINED && d.parameters().equals(List.of("E"))
                        && d.message().contains("orders of magnitude")).toList();
        assertThat(weak).as(boot.diagnostics().toString()).hasSize(1);
        assertThat(boot.diagnostics()).as("the fit's own diagnostics are repeated")
                .containsAll(fit.diagnostics());
    }

    @Test
    void noWarningOnEpochsChinchillaFitOrGadresC4Fit() {
        FitResult epoch = Fitter.fit(ChinchillaLaw.INSTANCE, Datasets.chinchilla().withoutLargest("loss", 5),
                FitSpec.epoch().withStarts(Starts.sobol(64, 0)).withThreads(2));
        assertThat(epoch.status()).isEqualTo(FitStatus.CONVERGED);
        assertThat(warnings(epoch)).isEmpty();
        assertThat(of(epoch, DiagnosticCode.HIGH_CORRELATION)).hasSize(1);

        Dataset gadre = Datasets.gadreOvertraining();
        String[] set = gadre.textColumn("dataset_name");
        double[] m = gadre.column("M");
        double[] n = gadre.column("N");
        Dataset c4 = gadre.filter(i -> set[i].equals("c4_original")
                && ((m[i] == 20 && n[i] < 1e9) || (m[i] == 320 && n[i] < 2e7)));
        List<double[]> grid = new ArrayList<>();
        for (double e : new double[] {0.5, 1, 1.5, 2}) {
            for (int la = 0; la <= 10; la += 2) {
                for (int lb = 0; lb <= 10; lb += 2) {
                    for (double eta : new double[] {0.05, 0.1, 0.2, 0.3, 0.5}) {
                        grid.add(new double[] {e, Math.exp(la), Math.exp(lb), eta});
                    }
                }
            }
        }
        FitResult paper = Fitter.fit(OvertrainingLaw.INSTANCE, c4, FitSpec.defaults()
                .withResidual(ResidualSpace.LINEAR).withLoss(Loss.squared()).withStarts(Starts.of(grid)));
        assertThat(paper.status()).isEqualTo(FitStatus.CONVERGED);
        assertThat(warnings(paper)).isEmpty();
        Dataset allC4 = gadre.filter(i -> set[i].equals("c4_original"));
        FitResult cli = Fitter.fit(OvertrainingLaw.INSTANCE, allC4, FitSpec.defaults().withThreads(2));
        assertThat(warnings(cli)).as(cli.diagnostics().toString()).isEmpty();
    }

    @Test
    void fewFalseAlarmsOnWellPosedSyntheticData() {
        int replicates = FULL ? 200 : 30;
        int alarms = 0;
        List<String> seen = new ArrayList<>();
        for (int r = 0; r < replicates; r++) {
            FitResult fit = Fitter.fit(ChinchillaLaw.INSTANCE, synthetic(TRUTH, 0.01, r),
                    FitSpec.defaults().withStarts(Starts.sobol(FULL ? 128 : 32, 0)).withThreads(2));
            if (fit.hasWarnings()) {
                alarms++;
                seen.add(r + ": " + warnings(fit));
            }
        }
        System.out.printf("false alarms: %d of %d well-posed fits%n%s%n", alarms, replicates, seen);
        // measured: 1 of 200 (0.5%); the bound is the 5%
        assertThat(alarms).as(seen.toString()).isLessThan(Math.max(2, replicates / 20));
    }

    @Test
    void diagnosticIsAValue() {
        Diagnostic a = new Diagnostic(DiagnosticCode.OUTLIER, Severity.WARNING, "row 3", List.of(), List.of(3));
        assertThat(a).isEqualTo(new Diagnostic(DiagnosticCode.OUTLIER, Severity.WARNING, "row 3", List.of(),
                List.of(3)));
        assertThat(a.hashCode()).isEqualTo(new Diagnostic(DiagnosticCode.OUTLIER, Severity.WARNING, "row 3",
                List.of(), List.of(3)).hashCode());
        assertThat(a).isNotEqualTo(new Diagnostic(DiagnosticCode.OUTLIER, Severity.WARNING, "row 3", List.of(),
                List.of(4)));
        assertThatThrownBy(() -> Diagnostic.of(DiagnosticCode.OUTLIER, Severity.INFO, "two\nlines", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Severity.WARNING.label()).isEqualTo("warning");
    }

    @Test
    void recomputedDiagnosticsMatchTheFitsOwnWithoutTheStartRule() {
        Dataset data = synthetic(TRUTH, 0.01, 7);
        FitResult r = Fitter.fit(ChinchillaLaw.INSTANCE, data, fast());
        List<Diagnostic> again = FitDiagnostics.of(r, data);
        assertThat(again).isEqualTo(r.diagnostics().stream()
                .filter(d -> !d.message().contains("start(s)")).toList());
    }
}
