/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.scalinglaws.core.CsvReader;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.KaplanLaw;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Loss;
import dev.scalinglaws.fit.Starts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The residual panel flags exactly the points the robust loss down-weights. */
class DownWeightedPointsTest {

    @TempDir
    Path dir;

    /** L(N) = (Nc/N)^alpha at 12 sizes with log errors of 1e-4 except three outliers of +-0.05. */
    private Dataset data() throws Exception {
        StringBuilder csv = new StringBuilder("N,loss\n");
        double[] theta = {8.8e13, 0.076};
        for (int i = 0; i < 12; i++) {
            double n = Math.pow(10, 6 + 0.4 * i);
            double e = i == 2 ? 0.05 : i == 7 ? -0.05 : i == 10 ? 0.04 : (i % 2 == 0 ? 1e-4 : -1e-4);
            csv.append(String.format(Locale.ROOT, "%s,%s%n", n, KaplanLaw.N.value(theta, n) * Math.exp(e)));
        }
        return CsvReader.defaults().read(Fixtures.write(dir, "tiny.csv", csv.toString()));
    }

    private static List<Integer> flagged(ScalingLaw law, Dataset used, FitResult fit) {
        PlotData d = new PlotData(law, fit.theta(), fit.status().name(), "t", used, null).with(fit, null, Double.NaN);
        boolean[] f = Plots.downWeighted(d);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < f.length; i++) {
            if (f[i]) {
                out.add(i);
            }
        }
        return out;
    }

    @Test
    void huberFlagsTheResidualsBeyondDeltaAndNothingElse() throws Exception {
        ScalingLaw law = KaplanLaw.N;
        Dataset used = data().withCovariatesFor(law, null);
        FitSpec spec = FitSpec.defaults().withLoss(Loss.huber(0.01)).withStarts(Starts.parse("sobol:32", 0))
                .withThreads(1);
        FitResult fit = Fitter.fit(law, used, spec);
        assertThat(fit.converged()).isTrue();
        assertThat(flagged(law, used, fit)).containsExactly(2, 7, 10);
        long beyond = java.util.Arrays.stream(fit.residuals()).filter(r -> Math.abs(r) > 0.01).count();
        assertThat(beyond).isEqualTo(3);
        assertThat(Plots.downWeightLabel(spec.loss())).isEqualTo("down-weighted by the Huber loss (|r| > delta)");
    }

    @Test
    void squaredLossDownWeightsNothing() throws Exception {
        ScalingLaw law = KaplanLaw.N;
        Dataset used = data().withCovariatesFor(law, null);
        FitResult fit = Fitter.fit(law, used, FitSpec.defaults().withLoss(Loss.squared())
                .withStarts(Starts.parse("sobol:32", 0)).withThreads(1));
        assertThat(flagged(law, used, fit)).isEmpty();
    }
}
