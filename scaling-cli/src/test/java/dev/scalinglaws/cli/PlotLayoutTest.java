/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** What each panel draws: the band reaches the extrapolation target, both allocation bands, four contours. */
class PlotLayoutTest {

    private static Map<String, XYSeries> series(Plots.Layout layout, String panel) {
        XYChart chart = layout.panels().stream().filter(p -> p.name().equals(panel)).findFirst().orElseThrow()
                .chart();
        return chart.getSeriesMap();
    }

    @Test
    void panelsOfAChinchillaFitWithAnExtrapolationTarget() {
        FitFile f = FitFile.read(Fixtures.chinchillaFit());
        FitData d = FitData.of(f, null, List.of());
        PlotData data = PlotData.select(f.law(), f.theta(), f.status(), "dataset:chinchilla",
                dev.scalinglaws.datasets.Datasets.byName("chinchilla").withCovariatesFor(f.law(), null),
                f.selection()).with(d.result(), null, 1e25);
        Plots.Layout layout = Plots.layout(data);
        assertThat(layout.panels()).extracting(Plots.Panel::name)
                .containsExactly("main", "residuals", "allocation", "iso-loss");
        assertThat(layout.height()).isEqualTo(Plots.rectangles(true, 0).get(3).y
                + Plots.rectangles(true, 0).get(3).height);

        Map<String, XYSeries> main = series(layout, "main");
        XYSeries band = main.get("95% band of the compute-optimal loss (asymptotic)");
        assertThat(band).isNotNull();
        assertThat(band.getXMax()).isEqualTo(1e25, org.assertj.core.data.Offset.offset(1e19));
        assertThat(band.getYMin()).isGreaterThan(1.0).isLessThan(2.2);
        assertThat(main).containsKey("compute-optimal loss, extrapolated to C = 1.000e25");
        assertThat(main.get("compute-optimal loss, extrapolated to C = 1.000e25").getXMax())
                .isEqualTo(1e25, org.assertj.core.data.Offset.offset(1e19));

        assertThat(series(layout, "allocation").keySet()).contains("95% band of N_opt (asymptotic)",
                "95% band of D_opt (asymptotic)", "N_opt(C), parameters", "D_opt(C), tokens");
        assertThat(series(layout, "iso-loss").keySet().stream().filter(k -> k.startsWith("L = ")).count())
                .isEqualTo(4);
        assertThat(series(layout, "iso-loss")).containsKey("frontier");
        assertThat(series(layout, "residuals").keySet())
                .anyMatch(k -> k.startsWith("down-weighted by the Huber loss (|r| > delta): "));
    }
}
