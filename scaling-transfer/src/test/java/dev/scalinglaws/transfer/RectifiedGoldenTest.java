/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import org.junit.jupiter.api.Test;

/**
 * Golden test: the rectified law (and the vanilla law) fitted to all 90 fine-tuning curves of Lin et al. 2024
 * (arXiv:2402.02314) on the 14 non-zero sizes, minimising the squared log residuals. Published per-curve RMSDs of
 * ln L: {@code rectified-finetune-lin2024/results/rmsd.csv} (columns our_rmsd_under_log, vanilla_rmsd_under_log),
 * computed by the authors' {@code src/draw.py fig4}.
 */
class RectifiedGoldenTest {

    @Test
    void everyCurveFitsAtLeastAsWellAsPublished() throws Exception {
        List<LinCurves.Curve> curves = LinCurves.all();
        assertThat(curves).hasSize(90);
        FitSpec spec = FineTuning.linProtocol();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<FitResult[]>> futures = new ArrayList<>();
        for (LinCurves.Curve c : curves) {
            futures.add(pool.submit(() -> new FitResult[] {
                FineTuning.fit(RectifiedLaw.INSTANCE, c.rows(), spec, FineTuning.ZeroShot.EXCLUDE),
                FineTuning.fit(VanillaFinetuneLaw.INSTANCE, c.rows(), spec, FineTuning.ZeroShot.EXCLUDE)}));
        }
        pool.shutdown();
        int rectifiedBetter = 0;
        int vanillaWithin = 0;
        double sumOur = 0;
        double sumPubOur = 0;
        double sumVan = 0;
        double sumPubVan = 0;
        double worstExcess = Double.NEGATIVE_INFINITY;
        double worstVanillaExcess = Double.NEGATIVE_INFINITY;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < curves.size(); i++) {
            LinCurves.Curve c = curves.get(i);
            FitResult[] r = futures.get(i).get();
            double our = r[0].goodness().rmseLog();
            double van = r[1].goodness().rmseLog();
            assertThat(r[0].goodness().n()).isEqualTo(14);
            sumOur += our;
            sumPubOur += c.publishedRectified();
            sumVan += van;
            sumPubVan += c.publishedVanilla();
            worstExcess = Math.max(worstExcess, our - c.publishedRectified());
            worstVanillaExcess = Math.max(worstVanillaExcess, van - c.publishedVanilla());
            if (our <= c.publishedRectified()) {
                rectifiedBetter++;
            }
            if (van <= c.publishedVanilla() + 1e-3) {
                vanillaWithin++;
            } else {
                System.out.printf(Locale.ROOT, "vanilla above published: %s %s ours %.5f published %.5f%n",
                        c.dataset(), c.model(), van, c.publishedVanilla());
            }
            if (our > c.publishedRectified() + 1e-4) {
                failures.add(String.format(Locale.ROOT, "%s %s: ours %.6f published %.6f (%s)", c.dataset(),
                        c.model(), our, c.publishedRectified(), r[0]));
            }
        }
        System.out.printf(Locale.ROOT, "rectified: mean RMSD ours %.5f published %.5f; %d/90 at or below published;"
                        + " worst excess %.2e%n", sumOur / 90, sumPubOur / 90, rectifiedBetter, worstExcess);
        System.out.printf(Locale.ROOT, "vanilla:   mean RMSD ours %.5f published %.5f; %d/90 within 1e-3 of or below"
                        + " published; worst excess %.2e%n", sumVan / 90, sumPubVan / 90, vanillaWithin,
                worstVanillaExcess);
        failures.forEach(System.out::println);
        assertThat(failures).isEmpty();
        // Lin et al.'s published "vanilla" numbers come from their code's variant (B/D^beta + E)^alpha, which has one
        // more parameter, so a few curves may sit above theirs; on average ours must be no worse, and nearly every
        // curve within 1e-3 of theirs or better
        assertThat(sumVan / 90).isLessThanOrEqualTo(sumPubVan / 90);
        assertThat(vanillaWithin).isGreaterThanOrEqualTo(85);
        assertThat(worstVanillaExcess).isLessThan(0.03);
    }
}
