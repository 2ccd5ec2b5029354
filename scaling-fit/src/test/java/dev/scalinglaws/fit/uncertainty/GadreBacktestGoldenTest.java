/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.OvertrainingLaw;
import dev.scalinglaws.datasets.Datasets;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Loss;
import dev.scalinglaws.fit.ResidualSpace;
import dev.scalinglaws.fit.Starts;
import org.junit.jupiter.api.Test;

/**
 * Golden backtest (Gadre et al. 2024, arXiv:2403.08540; data/overtraining-gadre2024 PROVENANCE): the over-training
 * law fitted on the paper's 5 runs (N = 0.011B, 0.079B, 0.154B, 0.411B at M = 20 plus 0.011B at M = 320; response
 * C4 validation loss; unweighted least squares on raw loss as in the paper), then the 95% prediction intervals of
 * the large runs. The bundled data has the 1.4B x M=640 run only for the RedPajama training set ({@code rpj}); for C4
 * training ({@code c4_original}) the largest 1.4B run is M = 80. Both training sets are checked.
 *
 * <p>With 5 runs and 4 parameters the residual degrees of freedom are 1, so t(0.975, 1) = 12.7 and the intervals are
 * wide: that is the honest width of a 5-point fit, reported next to the relative errors (paper: below 1%).
 */
class GadreBacktestGoldenTest {

    static FitSpec paperSpec() {
        return FitSpec.defaults().withResidual(ResidualSpace.LINEAR).withLoss(Loss.squared())
                .withStarts(Starts.sobol(256, 0)).withThreads(1);
    }

    static Dataset trainingSet(Dataset all, String set) {
        String[] name = all.textColumn("dataset_name");
        double[] n = all.column("N");
        double[] m = all.column("M");
        return all.filter(i -> name[i].equals(set) && ((n[i] < 5e8 && Math.abs(m[i] - 20) < 1e-9)
                || (n[i] < 2e7 && Math.abs(m[i] - 320) < 1e-9)));
    }

    static Dataset targets(Dataset all, String set) {
        String[] name = all.textColumn("dataset_name");
        double[] n = all.column("N");
        return all.filter(i -> name[i].equals(set) && n[i] > 1e9);
    }

    @Test
    void predictionIntervalsContainTheLargeRuns() {
        Dataset all = Datasets.gadreOvertraining();
        for (String set : List.of("c4_original", "rpj")) {
            Dataset train = trainingSet(all, set);
            assertThat(train.size()).isEqualTo(5);
            FitResult fit = Fitter.fit(OvertrainingLaw.INSTANCE, train, paperSpec());
            System.out.println(set + ": " + fit);
            for (AsymptoticCovariance.Form form : AsymptoticCovariance.Form.values()) {
                Backtest.Result r = Backtest.split(OvertrainingLaw.INSTANCE, train, targets(all, set), paperSpec(),
                        0.95, form);
                System.out.printf(Locale.ROOT, "  %s %s: mean ARE %.4f coverage %.2f mean interval score %.4g%n",
                        set, form, r.meanAbsoluteRelativeError(), r.coverage(), r.meanIntervalScore());
                for (Backtest.Point p : r.points()) {
                    System.out.println("    " + p);
                    if (form == AsymptoticCovariance.Form.GAUSS_NEWTON) {
                        assertThat(p.prediction().prediction().ok()).isTrue();
                        assertThat(p.covered()).as(p.toString()).isTrue();
                        assertThat(p.absoluteRelativeError()).as(p.toString()).isLessThan(0.05);
                    }
                }
            }
        }
    }
}
