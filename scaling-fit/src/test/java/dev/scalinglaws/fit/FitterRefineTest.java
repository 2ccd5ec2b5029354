/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.datasets.Datasets;
import org.junit.jupiter.api.Test;

/**
 * {@link Fitter#refine}: Newton's method on grad S = 0 places a flat optimum where rounding no longer moves it, never
 * raises the objective, and leaves alone the fits it does not apply to.
 */
class FitterRefineTest {

    private static final FitSpec SPEC = FitSpec.epoch().withStarts(Starts.sobol(32, 0)).withThreads(2);

    @Test
    void theOptimumNoLongerDependsOnTheOrderOfTheRows() {
        Dataset data = Datasets.chinchilla().withoutLargest("loss", 5);
        int n = data.size();
        int[] reversed = new int[n];
        for (int i = 0; i < n; i++) {
            reversed[i] = n - 1 - i;
        }
        FitResult a = Fitter.fit(ChinchillaLaw.INSTANCE, data, SPEC);
        FitResult b = Fitter.fit(ChinchillaLaw.INSTANCE, data.rows(reversed), SPEC);
        double spread = Math.abs(a.estimate("B") / b.estimate("B") - 1);
        FitResult ra = Fitter.refine(a);
        FitResult rb = Fitter.refine(b);
        assertThat(ra.status()).isEqualTo(FitStatus.CONVERGED);
        assertThat(ra.objective()).isLessThanOrEqualTo(a.objective() * (1 + 1e-12));
        for (String p : new String[] {"E", "A", "B", "alpha", "beta"}) {
            assertThat(rb.estimate(p)).as(p).isCloseTo(ra.estimate(p), within(1e-10 * Math.abs(ra.estimate(p))));
        }
        // the refinement is what closes the gap: the minimiser alone leaves B spread by far more
        assertThat(spread).isGreaterThan(1e-8);
        // standard errors and diagnostics are recomputed at the refined optimum
        assertThat(ra.parameters().get(0).stdError()).isCloseTo(a.parameters().get(0).stdError(),
                within(1e-3 * a.parameters().get(0).stdError()));
        // the search's report, spec and diagnostics are the fit's; a note says how far the optimum moved
        assertThat(ra.spec()).isEqualTo(a.spec());
        assertThat(ra.convergence()).isEqualTo(a.convergence());
        assertThat(ra.diagnostics()).isEqualTo(a.diagnostics());
        assertThat(ra.warnings()).anyMatch(w -> w.startsWith("refined: Newton's method on grad S = 0"));
    }

    @Test
    void aFitWithAParameterOnItsBoundOrNotConvergedIsReturnedUnchanged() {
        Dataset data = Datasets.chinchilla().withoutLargest("loss", 5);
        FitResult bounded = Fitter.fit(ChinchillaLaw.INSTANCE, data, SPEC.withBound("E", 0, 1.5));
        assertThat(bounded.estimate("E")).isCloseTo(1.5, within(1e-9));
        assertThat(Fitter.refine(bounded)).isSameAs(bounded);
        // D = 100 N exactly: the design cannot determine the parameters, the status says NOT_IDENTIFIABLE
        double[] n = {1e7, 3e7, 1e8, 3e8, 1e9, 3e9};
        double[] d = new double[n.length];
        double[] loss = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            d[i] = 100 * n[i];
            loss[i] = ChinchillaLaw.INSTANCE.value(new double[] {1.8, 480, 2100, 0.35, 0.37}, n[i], d[i]);
        }
        FitResult degenerate = Fitter.fit(ChinchillaLaw.INSTANCE, Dataset.builder("collinear").column("N", n)
                .column("D", d).column("loss", loss).build(), SPEC);
        assertThat(degenerate.status()).isNotEqualTo(FitStatus.CONVERGED);
        assertThat(Fitter.refine(degenerate)).isSameAs(degenerate);
    }
}
