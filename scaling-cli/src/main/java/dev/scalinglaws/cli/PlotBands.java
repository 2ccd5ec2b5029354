/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import static dev.scalinglaws.cli.Plots.*;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.uncertainty.AsymptoticCovariance;
import dev.scalinglaws.fit.uncertainty.BootstrapResult;
import dev.scalinglaws.fit.uncertainty.DerivedQuantity;
import dev.scalinglaws.fit.uncertainty.Interval;
import dev.scalinglaws.fit.uncertainty.Uncertainty;
import org.knowm.xchart.XYChart;

/** The 95% bands of {@link Plots}: asymptotic (delta method, smoothed sandwich) or from a bootstrap of the fit. */
final class PlotBands {

    private PlotBands() {
    }

    /** The asymptotic covariance of the fit (smoothed sandwich), or null if it cannot be had. */
    static AsymptoticCovariance covariance(PlotData data) {
        FitResult r = data.result();
        if (r == null) {
            return null;
        }
        try {
            AsymptoticCovariance cov = Uncertainty.of(r).covariance();
            return cov.finite() ? cov : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The 95% interval of a quantity at each grid point: {estimate, lower, upper} rows with NaN where undefined. */
    static double[][] band(AsymptoticCovariance cov, double[] grid,
                                   java.util.function.DoubleFunction<DerivedQuantity> quantity) {
        double[][] out = new double[3][grid.length];
        for (int i = 0; i < grid.length; i++) {
            Interval iv = cov.interval(quantity.apply(grid[i]), LEVEL, true);
            out[0][i] = iv.estimate();
            out[1][i] = iv.lower();
            out[2][i] = iv.upper();
        }
        return out;
    }

    /** Names of the band quantities a bootstrap records for the plot: prefix then the grid index. */
    static final String LOSS_BAND = "band of the compute-optimal loss ";
    static final String N_BAND = "band of N_opt ";
    static final String D_BAND = "band of D_opt ";

    /** Points of the compute-optimal loss curve and its band. */
    static final int FRONTIER_POINTS = 80;

    /** Points of the allocation curves and their bands. */
    static final int ALLOCATION_POINTS = 60;

    /**
     * The quantities a bootstrap of the fit records so that the bands come from it (see {@link PlotData#bootstrap}):
     * the compute-optimal loss, N_opt and D_opt on the grids of the plot; none for laws not in N and D.
     *
     * @param data what to show (its rows and extrapolation target)
     * @return the quantities
     */
    static List<DerivedQuantity> bandQuantities(PlotData data) {
        ScalingLaw law = data.law();
        if (!isNd(law)) {
            return List.of();
        }
        double[] c = compute(data.used().column("N"), data.used().column("D"));
        double target = extrapolationTarget(data, c);
        List<DerivedQuantity> out = new ArrayList<>();
        double[] frontierC = logSpace(min(c) / 2, target, FRONTIER_POINTS);
        for (int i = 0; i < frontierC.length; i++) {
            DerivedQuantity q = DerivedQuantity.optimalLoss(law, frontierC[i]);
            out.add(DerivedQuantity.of(LOSS_BAND + i, q::value));
        }
        double[] grid = logSpace(min(c) / 2, target, ALLOCATION_POINTS);
        for (int i = 0; i < grid.length; i++) {
            DerivedQuantity qn = DerivedQuantity.optimalParameters(law, grid[i]);
            DerivedQuantity qd = DerivedQuantity.optimalTokens(law, grid[i]);
            out.add(DerivedQuantity.of(N_BAND + i, qn::value));
            out.add(DerivedQuantity.of(D_BAND + i, qd::value));
        }
        return out;
    }

    /** Whether the bands come from the bootstrap: it recorded {@link #bandQuantities}. */
    static boolean bootstrapBands(PlotData data) {
        BootstrapResult boot = data.bootstrap();
        return boot != null && boot.names().contains(LOSS_BAND + 0);
    }

    /** A bootstrap band by the bootstrap's method and level: {lower, upper} rows, NaN where not available. */
    static double[][] bootstrapBand(PlotData data, String prefix, int n) {
        double[][] out = new double[2][n];
        for (int i = 0; i < n; i++) {
            Interval iv = data.bootstrap().interval(prefix + i);
            out[0][i] = iv.ok() ? iv.lower() : Double.NaN;
            out[1][i] = iv.ok() ? iv.upper() : Double.NaN;
        }
        return out;
    }

    /** The legend of a bootstrap band, e.g. "95% band of N_opt (bootstrap-case-bca, 200 resamples)". */
    static String bootstrapLabel(PlotData data, String what) {
        BootstrapResult boot = data.bootstrap();
        return String.format(Locale.ROOT, "%s%% band of %s (bootstrap-%s-%s, %d resamples)",
                Parsing.human(100 * boot.options().level()), what,
                boot.options().scheme().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                boot.options().method().name().toLowerCase(Locale.ROOT), boot.resamples());
    }

    /** Adds a filled band between lower and upper (finite points only), as a closed polygon. */
    static void bandSeries(XYChart chart, String name, double[] x, double[] lower, double[] upper,
                                   Color fill) {
        double[][] outline = Charts.bandOutline(x, lower, upper);
        if (outline[0].length < 4) {
            return;
        }
        Charts.area(chart, name, outline[0], outline[1], fill,
                new Color(fill.getRed(), fill.getGreen(), fill.getBlue(), 90)).setLineStyle(new BasicStroke(0.5f));
    }
}
