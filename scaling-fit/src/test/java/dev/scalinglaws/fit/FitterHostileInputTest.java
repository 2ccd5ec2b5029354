/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.util.Arrays;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.CsvReader;
import dev.scalinglaws.core.DataException;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.KaplanLaw;
import dev.scalinglaws.core.ScalingLaws;
import dev.scalinglaws.datasets.Datasets;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input catalogue of GitHub issue 10 through {@link Fitter#fit}: bad data and bad specs end in a
 * {@link DataException} or {@link IllegalArgumentException} naming what is wrong; awkward but valid data ends in a
 * {@link FitResult} whose status is honest. Messages are checked exactly; {@code docs/reliability.md} lists the same
 * cases.
 */
class FitterHostileInputTest {

    private static final ChinchillaLaw LAW = ChinchillaLaw.INSTANCE;

    /** Small and fast: 16 Sobol starts, one thread. */
    private static FitSpec quick() {
        return FitSpec.defaults().withStarts(Starts.sobol(16, 0)).withThreads(1);
    }

    private static Dataset csv(String text) {
        return CsvReader.defaults().read(new StringReader(text), "runs.csv");
    }

    private static Dataset chinchilla() {
        return Datasets.chinchilla().withoutLargest("loss", 5);
    }

    /** Every status other than CONVERGED is allowed; CONVERGED must come with a finite objective and estimates. */
    private static void assertHonest(FitResult r) {
        // the reported objective is the problem's value at the reported estimates (not a stale or mixed-up number)
        if (Double.isFinite(r.objective()) && Arrays.stream(r.theta()).allMatch(Double::isFinite)) {
            assertThat(r.evaluation().objective()).as(r.toString())
                    .isCloseTo(r.objective(), org.assertj.core.data.Offset.offset(1e-9 * Math.abs(r.objective())));
        }
        if (r.status() == FitStatus.CONVERGED) {
            assertThat(Double.isFinite(r.objective())).as(r.toString()).isTrue();
            assertThat(Arrays.stream(r.theta()).allMatch(Double::isFinite)).as(r.toString()).isTrue();
        }
    }

    @Test
    void zeroOrNegativeCovariate() {
        Dataset d = csv("N,D,loss\n1e9,2e10,3.5\n2e9,4e10,3.1\n0,8e10,3.0\n4e9,1.6e11,2.9\n8e9,3.2e11,2.8\n"
                + "1.6e10,6.4e11,2.7\n");
        assertThatThrownBy(() -> Fitter.fit(LAW, d, quick())).isInstanceOf(DataException.class)
                .hasMessage("runs.csv: row 3, column 'N': value '0': law chinchilla takes the logarithm of N, so it "
                        + "must be positive");
    }

    @Test
    void nonFiniteResponse() {
        Dataset d = csv("N,loss\n1e9,3.5\n2e9,-inf\n4e9,3.0\n");
        assertThatThrownBy(() -> Fitter.fit(KaplanLaw.N, d, quick())).isInstanceOf(DataException.class)
                .hasMessage("runs.csv: row 2, column 'loss': value '-Infinity': value is not finite");
    }

    @Test
    void nonPositiveResponseWithLogResiduals() {
        Dataset d = csv("N,loss\n1e9,3.5\n2e9,-0.5\n4e9,3.0\n");
        assertThatThrownBy(() -> Fitter.fit(KaplanLaw.N, d, quick())).isInstanceOf(DataException.class)
                .hasMessage("runs.csv: row 2, column 'loss': value '-0.5': log residuals need a positive response");
    }

    @Test
    void decimalCommaReachesTheUserWithItsHint() {
        Dataset d = csv("N;loss\n1e9;3,5\n2e9;3,1\n");
        assertThatThrownBy(() -> Fitter.fit(KaplanLaw.N, d, quick())).isInstanceOf(DataException.class)
                .hasMessage("runs.csv: row 1, column 'loss': value '3,5': not a number (decimal comma? write 3.5, "
                        + "not 3,5)");
    }

    @Test
    void missingCovariate() {
        Dataset d = csv("N,loss\n1e9,3.5\n2e9,3.1\n");
        assertThatThrownBy(() -> Fitter.fit(LAW, d, quick())).isInstanceOf(DataException.class)
                .hasMessage("runs.csv: column 'D': law chinchilla needs covariate D, but the data has no such column "
                        + "(columns: N, loss)");
    }

    @Test
    void fewerRowsThanFreeParameters() {
        Dataset d = csv("N,D,loss\n1e9,2e10,3.5\n2e9,4e10,3.1\n4e9,8e10,3.0\n");
        assertThatThrownBy(() -> Fitter.fit(LAW, d, quick())).isInstanceOf(DataException.class)
                .hasMessage("runs.csv: 3 usable rows, but law chinchilla has 5 free parameters to fit; add rows or "
                        + "pin parameters");
        // the likelihood's scale counts as a parameter too
        assertThatThrownBy(() -> Fitter.fit(KaplanLaw.N, csv("N,loss\n1e9,3.5\n2e9,3.1\n"),
                quick().withLoss(Loss.huberLikelihood(1e-3)))).isInstanceOf(DataException.class)
                .hasMessage("runs.csv: 2 usable rows, but law kaplan-n has 3 free parameters to fit; add rows or pin "
                        + "parameters");
        // pinning makes it fit
        FitResult r = Fitter.fit(LAW, d, quick().withPin("E", 1.7).withPin("alpha", 0.34).withPin("beta", 0.28));
        assertHonest(r);
        assertThat(r.estimate("E")).isEqualTo(1.7);
    }

    @Test
    void invertedBounds() {
        assertThatThrownBy(() -> quick().withBound("alpha", 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bound for alpha: [1.0, 0.0] is not an interval (lower must not exceed upper)");
        assertThatThrownBy(() -> quick().withBound("alpha", Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bound for alpha: [NaN, 1.0] is not an interval (lower must not exceed upper)");
        assertThatThrownBy(() -> Fitter.fit(LAW, chinchilla(), quick().withBound("E", -2, -1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bound for E: upper bound -1.0, but E must be positive");
    }

    /** A bound holding no finite value is refused when the spec is built. */
    @Test
    void boundWithNoFiniteValueIsRefused() {
        assertThatThrownBy(() -> quick().withBound("alpha", Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bound for alpha: [Infinity, Infinity] contains no finite value");
        assertThatThrownBy(() -> quick().withBound("alpha", Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bound for alpha: [-Infinity, -Infinity] contains no finite value");
    }

    @Test
    void pinOutsideItsBounds() {
        assertThatThrownBy(() -> Fitter.fit(LAW, chinchilla(), quick().withBound("alpha", 0, 1).withPin("alpha", 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pin alpha=2.0 lies outside its bounds [0.0, 1.0]");
        assertThatThrownBy(() -> Fitter.fit(LAW, chinchilla(), quick().withPin("E", -1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pin E=-1.0 lies outside its bounds [0.0, Infinity] (it must be positive)");
        assertThatThrownBy(() -> Fitter.fit(LAW, chinchilla(), quick().withPin("alpha", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pin alpha=NaN lies outside its bounds [-Infinity, Infinity]");
    }

    @Test
    void unknownLawAndParameterNames() {
        assertThatThrownBy(() -> ScalingLaws.byName("chinchila")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown law 'chinchila'; known laws: kaplan-n, kaplan-d, kaplan-c, ")
                .hasMessageContaining("chinchilla, overtraining");
        assertThatThrownBy(() -> Fitter.fit(LAW, chinchilla(), quick().withPin("gamma", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("law chinchilla has no parameter 'gamma'; it has [E, A, B, alpha, beta]");
        assertThatThrownBy(() -> Fitter.fit(LAW, chinchilla(), quick().withBound("Alpha", 0, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("law chinchilla has no parameter 'Alpha'; it has [E, A, B, alpha, beta]");
    }

    /** Chinchilla data shifted so that every loss lies below any plausible E (1.7): fits or reports, never throws. */
    @Test
    void lossBelowTheLawsFloor() {
        Dataset d = chinchilla();
        double[] loss = d.column("loss");
        double min = Arrays.stream(loss).min().orElseThrow();
        double[] shifted = Arrays.stream(loss).map(v -> v - min + 0.05).toArray();
        FitResult r = Fitter.fit(LAW, d.withColumn("loss", shifted), quick());
        assertHonest(r);
        assertThat(r.estimate("E")).isLessThan(0.05 + 1e-9);
    }

    /** Linear residuals accept a negative response; the fit reports whatever it reaches, honestly. */
    @Test
    void negativeResponseWithLinearResiduals() {
        Dataset d = chinchilla();
        double[] shifted = Arrays.stream(d.column("loss")).map(v -> v - 2.5).toArray();
        FitResult r = Fitter.fit(LAW, d.withColumn("loss", shifted), quick().withResidual(ResidualSpace.LINEAR));
        assertHonest(r);
    }

    /** Every row with the same N: A and alpha cannot be told apart from E. Never a silent CONVERGED. */
    @Test
    void allRowsWithTheSameModelSizeAreNotIdentifiable() {
        Dataset d = chinchilla();
        double[] n = new double[d.size()];
        Arrays.fill(n, 1e9);
        FitResult r = Fitter.fit(LAW, d.withColumn("N", n), quick());
        assertThat(r.status()).as(r + " " + r.identifiability()).isNotEqualTo(FitStatus.CONVERGED);
        assertThat(r.status()).as(r + " " + r.identifiability()).isEqualTo(FitStatus.NOT_IDENTIFIABLE);
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("the parameters are not identifiable from these data"));
    }

    /** The one-covariate version: kaplan-n on a single N value has one equation for two unknowns. */
    @Test
    void kaplanOnASingleModelSizeIsNotIdentifiable() {
        Dataset d = csv("N,loss\n1e9,3.5\n1e9,3.4\n1e9,3.6\n1e9,3.5\n");
        FitResult r = Fitter.fit(KaplanLaw.N, d, quick());
        assertThat(r.status()).as(r + " " + r.identifiability()).isEqualTo(FitStatus.NOT_IDENTIFIABLE);
    }

    @Test
    void duplicateRowsGiveTheSameEstimates() {
        Dataset d = chinchilla();
        int[] twice = new int[2 * d.size()];
        for (int i = 0; i < twice.length; i++) {
            twice[i] = i % d.size();
        }
        FitSpec spec = quick().withStarts(Starts.sobol(32, 0));
        FitResult once = Fitter.fit(LAW, d, spec);
        FitResult doubled = Fitter.fit(LAW, d.rows(twice), spec);
        assertThat(doubled.status()).isEqualTo(once.status());
        assertThat(doubled.objective()).isCloseTo(2 * once.objective(), within(1e-6 * once.objective()));
        for (String p : new String[] {"E", "A", "B", "alpha", "beta"}) {
            assertThat(doubled.estimate(p)).as(p).isCloseTo(once.estimate(p), within(1e-3 * Math.abs(once.estimate(p))));
        }
    }

    /** N, D near 1e300 and losses near 1e-300 / 1e300: log-space evaluation keeps everything finite or reported. */
    @Test
    void extremeMagnitudes() {
        Dataset big = csv("N,D,loss\n1e290,1e295,1e-300\n1e292,1e296,1e-299\n1e294,1e297,1e-298\n1e296,1e298,1e-297\n"
                + "1e298,1e299,1e-296\n1e300,1e300,1e-295\n1e299,1e300,1e300\n");
        FitResult r = Fitter.fit(LAW, big, quick());
        assertHonest(r);
        Dataset tiny = csv("N,loss\n1e-300,1e300\n1e-290,1e250\n1e-280,1e200\n1e-270,1e150\n");
        FitResult k = Fitter.fit(KaplanLaw.N, tiny, quick());
        assertHonest(k);
    }

    @Test
    void everyParameterPinnedStillGivesAResult() {
        FitResult r = Fitter.fit(KaplanLaw.N, csv("N,loss\n1e9,3.5\n"), quick().withPin("Nc", 8.8e13)
                .withPin("alphaN", 0.076));
        assertHonest(r);
        assertThat(r.theta()).containsExactly(8.8e13, 0.076);
    }
}
