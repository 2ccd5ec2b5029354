/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import static dev.scalinglaws.cli.Plots.*;
import static dev.scalinglaws.cli.PlotBands.*;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.scalinglaws.core.ComputeOptimal;
import dev.scalinglaws.core.IsoLoss;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.uncertainty.AsymptoticCovariance;
import dev.scalinglaws.fit.uncertainty.DerivedQuantity;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;

/**
 * The (N, D) panels of {@link Plots}: the compute-optimal allocation N_opt(C), D_opt(C) with its bands, and the
 * iso-loss contours ({@link IsoLoss}) with the frontier and the runs.
 */
final class AllocationPanels {

    private AllocationPanels() {
    }

    /** N_opt(C) and D_opt(C) on log-log axes with their 95% bands. */
    static XYChart allocationChart(PlotData data) {
        ScalingLaw law = data.law();
        double[] theta = data.theta();
        double[] c = compute(data.used().column("N"), data.used().column("D"));
        double target = extrapolationTarget(data, c);
        double[] grid = logSpace(min(c) / 2, target, ALLOCATION_POINTS);
        XYChart chart = chart("Compute-optimal allocation", "training compute C = 6ND (FLOPs, log scale)",
                "parameters N_opt or tokens D_opt (log scale)");
        chart.getStyler().setYAxisDecimalPattern("0.#E0");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        AsymptoticCovariance covariance = bootstrapBands(data) ? null : covariance(data);
        if (bootstrapBands(data)) {
            double[][] bn = bootstrapBand(data, N_BAND, grid.length);
            double[][] bd = bootstrapBand(data, D_BAND, grid.length);
            bandSeries(chart, bootstrapLabel(data, "N_opt"), grid, bn[0], bn[1], new Color(214, 39, 40, 50));
            bandSeries(chart, bootstrapLabel(data, "D_opt"), grid, bd[0], bd[1], new Color(31, 119, 180, 50));
        } else if (covariance != null) {
            double[][] bn = band(covariance, grid, cc -> DerivedQuantity.optimalParameters(law, cc));
            double[][] bd = band(covariance, grid, cc -> DerivedQuantity.optimalTokens(law, cc));
            bandSeries(chart, "95% band of N_opt (asymptotic)", grid, bn[1], bn[2], new Color(214, 39, 40, 50));
            bandSeries(chart, "95% band of D_opt (asymptotic)", grid, bd[1], bd[2], new Color(31, 119, 180, 50));
        }
        List<Double> gx = new ArrayList<>();
        List<Double> nn = new ArrayList<>();
        List<Double> dd = new ArrayList<>();
        for (double ci : grid) {
            try {
                ComputeOptimal.Allocation a = ComputeOptimal.of(law, theta, ci);
                if (Double.isFinite(a.N()) && Double.isFinite(a.D()) && a.N() > 0 && a.D() > 0) {
                    gx.add(ci);
                    nn.add(a.N());
                    dd.add(a.D());
                }
            } catch (IllegalArgumentException e) {
                // outside the law's domain: leave the point out
            }
        }
        if (gx.size() > 1) {
            Charts.line(chart, "N_opt(C), parameters", unbox(gx), unbox(nn), new Color(214, 39, 40), SeriesLines.SOLID);
            Charts.line(chart, "D_opt(C), tokens", unbox(gx), unbox(dd), DATA, SeriesLines.SOLID);
        }
        Charts.line(chart, "largest compute in the data", new double[] {max(c), max(c)},
                new double[] {min(nn.isEmpty() ? new double[] {1} : unbox(nn)),
                    max(dd.isEmpty() ? new double[] {10} : unbox(dd))}, Color.GRAY, SeriesLines.DOT_DOT);
        return chart;
    }

    /**
     * The (N, D) plane: iso-loss contours of the fitted law (at the compute-optimal loss of four compute budgets
     * spread over the data, so each contour touches the frontier once), the frontier and the runs.
     */
    static XYChart isoLossChart(PlotData data) {
        ScalingLaw law = data.law();
        double[] theta = data.theta();
        double[] n = data.used().column("N");
        double[] d = data.used().column("D");
        double[] c = compute(n, d);
        double target = extrapolationTarget(data, c);
        XYChart chart = chart("Iso-loss contours L(N, D) = L (optimal at compute C*) and the frontier",
                "parameters N (log scale)",
                "training tokens D (log scale)");
        chart.getStyler().setYAxisDecimalPattern("0.#E0");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        Charts.scatter(chart, "runs", n, d, new Color(150, 150, 150));
        double nLo = min(n) / 3;
        double nHi = Math.max(max(n) * 3, optimalOrZero(law, theta, target, ComputeOptimal.Allocation::N) * 2);
        double dLo = min(d) / 3;
        double dHi = Math.max(max(d) * 3, optimalOrZero(law, theta, target, ComputeOptimal.Allocation::D) * 2);
        Color[] palette = Charts.palette(7);
        double[] budgets = logSpace(Math.sqrt(min(c) * max(c)) / 10, target, 4);
        int k = 0;
        for (double budget : budgets) {
            double level;
            try {
                level = ComputeOptimal.of(law, theta, budget).loss();
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (!Double.isFinite(level)) {
                continue;
            }
            List<Double> cx = new ArrayList<>();
            List<Double> cy = new ArrayList<>();
            for (double nn : logSpace(nLo, nHi, 120)) {
                double dd = tokensForLoss(law, theta, nn, level, dLo / 100, dHi * 100);
                if (Double.isFinite(dd) && dd >= dLo && dd <= dHi) {
                    cx.add(nn);
                    cy.add(dd);
                }
            }
            if (cx.size() > 1) {
                Charts.line(chart, String.format(Locale.ROOT, "L = %.3f (C* %.1e)", level, budget), unbox(cx),
                        unbox(cy), palette[k % palette.length], SeriesLines.SOLID);
            }
            k++;
        }
        List<Double> fx = new ArrayList<>();
        List<Double> fy = new ArrayList<>();
        for (double ci : logSpace(min(c) / 2, target, 60)) {
            try {
                ComputeOptimal.Allocation a = ComputeOptimal.of(law, theta, ci);
                if (a.N() >= nLo && a.N() <= nHi && a.D() >= dLo && a.D() <= dHi) {
                    fx.add(a.N());
                    fy.add(a.D());
                }
            } catch (IllegalArgumentException e) {
                // outside the domain
            }
        }
        if (fx.size() > 1) {
            Charts.line(chart, "frontier", unbox(fx), unbox(fy), Color.BLACK,
                    SeriesLines.DASH_DASH);
        }
        return chart;
    }

    /** A part of the compute-optimal allocation at {@code compute}, or 0 where it is undefined or not finite. */
    static double optimalOrZero(ScalingLaw law, double[] theta, double compute,
                                        java.util.function.ToDoubleFunction<ComputeOptimal.Allocation> part) {
        try {
            double v = part.applyAsDouble(ComputeOptimal.of(law, theta, compute));
            return Double.isFinite(v) ? v : 0;
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /** D with f(N, D) = level, a root in log D ({@link IsoLoss}; the law decreases in D); NaN if not bracketed. */
    static double tokensForLoss(ScalingLaw law, double[] theta, double n, double level, double lo, double hi) {
        double fa = law.value(theta, n, lo) - level;
        double fb = law.value(theta, n, hi) - level;
        if (!(fa > 0 && fb < 0)) {
            return Double.NaN;
        }
        return IsoLoss.tokensForLoss(law, theta, n, level, Math.log(lo), Math.log(hi)).midpoint();
    }
}
