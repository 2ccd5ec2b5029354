/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import dev.scalinglaws.fit.approaches.Budget;
import dev.scalinglaws.fit.approaches.IsoFlop;
import dev.scalinglaws.fit.approaches.IsoFlopResult;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The {@code isoflop --plot} figure, one row per group: left, each budget's points, its fitted curve (parabola or
 * Akima) and its minimum (a diamond; hollow markers for excluded curves); right, the minima N*(C) with the fitted
 * N*(C) = k C^a and its confidence band.
 */
final class IsoflopPlot {

    private static final int WIDTH = 1200;
    private static final int ROW = 480;

    private IsoflopPlot() {
    }

    static void write(Path file, Collection<Path> inputs, List<IsoFlopResult> results) {
        int height = ROW * results.size();
        Charts.write(file, inputs, WIDTH, height, g -> {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            for (int r = 0; r < results.size(); r++) {
                IsoFlopResult res = results.get(r);
                String suffix = res.group() == null ? "" : ": " + res.group();
                Graphics2D left = (Graphics2D) g.create(0, r * ROW, WIDTH / 2, ROW);
                curves(res, suffix).paint(left, WIDTH / 2, ROW);
                left.dispose();
                Graphics2D right = (Graphics2D) g.create(WIDTH / 2, r * ROW, WIDTH / 2, ROW);
                allocation(res, suffix).paint(right, WIDTH / 2, ROW);
                right.dispose();
            }
        });
    }

    private static XYChart curves(IsoFlopResult res, String suffix) {
        XYChart chart = Charts.logLog(WIDTH / 2, ROW, "isoFLOP curves" + suffix, "N (parameters)", "loss", 6);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(false);
        List<Budget> budgets = res.budgets();
        Color[] colors = Charts.palette(budgets.size());
        for (int i = 0; i < budgets.size(); i++) {
            Budget b = budgets.get(i);
            String name = String.format(java.util.Locale.ROOT, "C=%.3g", b.compute());
            Charts.scatter(chart, name, b.n(), b.loss(), colors[i], b.used() ? SeriesMarkers.CIRCLE
                    : SeriesMarkers.TRIANGLE_UP);
            double[] n = b.n();
            double[] grid = new double[80];
            for (int k = 0; k < grid.length; k++) {
                grid[k] = n[0] * Math.pow(n[n.length - 1] / n[0], k / (grid.length - 1.0));
            }
            double[] fit = IsoFlop.fittedCurve(b, res.options(), grid);
            int m = 0;
            double[] gx = new double[grid.length];
            double[] gy = new double[grid.length];
            for (int k = 0; k < grid.length; k++) {
                if (Double.isFinite(fit[k])) {
                    gx[m] = grid[k];
                    gy[m] = fit[k];
                    m++;
                }
            }
            if (m >= 2) {
                Charts.line(chart, name + " fit", java.util.Arrays.copyOf(gx, m), java.util.Arrays.copyOf(gy, m),
                        colors[i], new BasicStroke(1.5f));
            }
            if (Double.isFinite(b.nStar())) {
                Charts.scatter(chart, name + " min", new double[] {b.nStar()}, new double[] {b.lStar()},
                        Color.BLACK, SeriesMarkers.DIAMOND);
            }
        }
        return chart;
    }

    private static XYChart allocation(IsoFlopResult res, String suffix) {
        XYChart chart = Charts.logLog(WIDTH / 2, ROW, String.format(java.util.Locale.ROOT,
                "N*(C) = k C^a, a = %.3f%s", res.a().estimate(), suffix), "C (FLOPs)", "N* (parameters)", 7);
        chart.getStyler().setYAxisDecimalPattern("0.#E0");
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        List<Budget> used = res.usedBudgets();
        double lo = used.get(0).compute() / 2;
        double hi = used.get(used.size() - 1).compute() * 2;
        int m = 60;
        double[] c = new double[m];
        double[] mid = new double[m];
        double[] bl = new double[m];
        double[] bu = new double[m];
        for (int k = 0; k < m; k++) {
            c[k] = lo * Math.pow(hi / lo, k / (m - 1.0));
            mid[k] = res.nFit().value(c[k]);
            double[] band = res.nFit().band(c[k]);
            bl[k] = band[0];
            bu[k] = band[1];
        }
        if (Double.isFinite(bl[0]) && Double.isFinite(bu[0])) {
            double[][] outline = Charts.bandOutline(c, bl, bu);
            Charts.area(chart, (int) Math.round(100 * res.options().level()) + "% band", outline[0], outline[1],
                    new Color(31, 119, 180, 60), new Color(31, 119, 180, 60));
        }
        Charts.line(chart, "fit", c, mid, Charts.BLUE, new BasicStroke(2f));
        double[] x = used.stream().mapToDouble(Budget::compute).toArray();
        double[] y = used.stream().mapToDouble(Budget::nStar).toArray();
        Charts.scatter(chart, "N* (used)", x, y, Color.BLACK);
        return chart;
    }
}
