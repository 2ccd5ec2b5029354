/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import static dev.scalinglaws.cli.Plots.*;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Arrays;
import java.util.Locale;

import dev.scalinglaws.fit.uncertainty.BootstrapResult;
import dev.scalinglaws.fit.uncertainty.Interval;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;

/** The bottom row of {@link Plots}: the bootstrap distribution of each parameter. */
final class BootstrapHistogram {

    private BootstrapHistogram() {
    }

    /** The bootstrap distribution of one parameter, with the estimate and the interval. */
    static XYChart histogram(PlotData data, String name, boolean legend) {
        BootstrapResult boot = data.bootstrap();
        double[] v = Arrays.stream(boot.replicates(name)).filter(Double::isFinite).toArray();
        double est = boot.estimate(name);
        Interval iv = boot.interval(name);
        // the range shown: the central 99% of the replicates, the estimate and the interval (a long tail, as of B,
        // would squeeze the bulk into a few bins); replicates outside are counted in the axis title
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        double lo = Math.min(Math.min(sorted[(int) Math.floor(0.005 * (sorted.length - 1))], est),
                Double.isFinite(iv.lower()) ? iv.lower() : est);
        double hi = Math.max(Math.max(sorted[(int) Math.ceil(0.995 * (sorted.length - 1))], est),
                Double.isFinite(iv.upper()) ? iv.upper() : est);
        int bins = 30;
        double width = (hi - lo) / bins;
        double[] count = new double[bins];
        int outside = 0;
        for (double x : v) {
            if (x < lo || x > hi) {
                outside++;
            } else {
                count[Math.min(bins - 1, (int) ((x - lo) / width))]++;
            }
        }
        XYChart chart = new XYChartBuilder().width(300).height(BOTTOM_HEIGHT)
                .title("bootstrap: " + name).xAxisTitle(outside == 0 ? name
                : String.format(Locale.ROOT, "%s (%d of %d off the axis)", name, outside, v.length))
                .yAxisTitle("resamples").build();
        org.knowm.xchart.style.XYStyler st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setLegendVisible(legend);
        st.setLegendPosition(Styler.LegendPosition.InsideNE);
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        st.setXAxisDecimalPattern(Math.abs(est) >= 100 ? "0" : "0.###");
        st.setYAxisDecimalPattern("0");
        st.setPlotGridLinesVisible(true);
        double[] px = new double[2 * bins + 2];
        double[] py = new double[2 * bins + 2];
        double top = 0;
        for (int b = 0; b < bins; b++) {
            px[2 * b + 1] = lo + b * width;
            py[2 * b + 1] = count[b];
            px[2 * b + 2] = lo + (b + 1) * width;
            py[2 * b + 2] = count[b];
            top = Math.max(top, count[b]);
        }
        px[0] = lo;
        py[0] = 0;
        px[2 * bins + 1] = hi;
        py[2 * bins + 1] = 0;
        Charts.area(chart, String.format(Locale.ROOT, "%d resamples", v.length), px, py, new Color(31, 119, 180, 120),
                DATA).setLineStyle(new BasicStroke(1f));
        Charts.line(chart, "estimate", new double[] {est, est}, new double[] {0, top * 1.05}, Color.BLACK,
                SeriesLines.SOLID);
        String label = String.format(Locale.ROOT, "%s%% interval (%s)", Parsing.human(100 * iv.level()),
                boot.options().method().name());
        if (Double.isFinite(iv.lower())) {
            Charts.line(chart, label, new double[] {iv.lower(), iv.lower()}, new double[] {0, top * 1.05}, FLAGGED,
                    SeriesLines.DASH_DASH);
        }
        if (Double.isFinite(iv.upper())) {
            Charts.line(chart, label + " ", new double[] {iv.upper(), iv.upper()}, new double[] {0, top * 1.05},
                    FLAGGED, SeriesLines.DASH_DASH).setShowInLegend(false);
        }
        return chart;
    }
}
