/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import dev.scalinglaws.core.ComputeOptimal;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.Loss;
import dev.scalinglaws.fit.ResidualSpace;
import dev.scalinglaws.fit.uncertainty.AsymptoticCovariance;
import dev.scalinglaws.fit.uncertainty.BootstrapResult;
import dev.scalinglaws.fit.uncertainty.DerivedQuantity;
import dev.scalinglaws.fit.uncertainty.Interval;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;

/**
 * Renders a fit with XChart as one image of panels (each an XChart chart painted into its own rectangle with
 * Java2D; PNG through a BufferedImage, SVG through VectorGraphics2D, the same layout):
 *
 * <ol>
 *   <li>top left: the response against compute (or the law's single covariate) on log axes, with the data, fitted
 *       curves for several model sizes and the compute-optimal loss curve extended to the extrapolation target with
 *       its 95% asymptotic band;</li>
 *   <li>top right: residuals against fitted values, the points the robust loss down-weights in another colour;</li>
 *   <li>middle row (laws in N and D): the compute-optimal N_opt(C) and D_opt(C) with 95% bands, and the (N, D) plane
 *       with iso-loss contours, the frontier and the runs;</li>
 *   <li>bottom row (with a bootstrap): one histogram per parameter with the estimate and the interval.</li>
 * </ol>
 * Written atomically.
 */
final class Plots {

    static final int WIDTH = 1600;
    private static final int TOP_HEIGHT = 600;
    private static final int MIDDLE_HEIGHT = 500;
    private static final int BOTTOM_HEIGHT = 300;
    private static final int MAIN_WIDTH = 1000;
    private static final int TITLE_HEIGHT = 40;
    private static final double LEVEL = 0.95;
    private static final Color DATA = Charts.BLUE;
    private static final Color FLAGGED = new Color(230, 85, 13);
    private static final Color BAND = new Color(0, 0, 0, 40);

    private Plots() {
    }

    /** A chart and where it goes in the image. */
    record Panel(String name, Rectangle bounds, XYChart chart) {
    }

    /** The panels and the image size. */
    record Layout(int width, int height, String title, List<Panel> panels) {
    }

    /**
     * The panels of a plot: which are drawn depends on the law (N and D: the allocation row) and on whether a
     * bootstrap is at hand (its row).
     *
     * @param data what to show
     * @return the layout
     */
    static Layout layout(PlotData data) {
        boolean nd = isNd(data.law());
        List<String> names = new ArrayList<>();
        BootstrapResult boot = data.bootstrap();
        if (boot != null) {
            for (var p : data.law().parameters()) {
                double[] v = boot.replicates(p.name());
                if (Arrays.stream(v).filter(Double::isFinite).distinct().count() > 1) {
                    names.add(p.name());
                }
            }
        }
        List<Rectangle> r = rectangles(nd, names.size());
        List<Panel> panels = new ArrayList<>();
        panels.add(new Panel("main", r.get(0), mainChart(data)));
        panels.add(new Panel("residuals", r.get(1), residualChart(data)));
        int k = 2;
        if (nd) {
            panels.add(new Panel("allocation", r.get(k++), allocationChart(data)));
            panels.add(new Panel("iso-loss", r.get(k++), isoLossChart(data)));
        }
        for (int j = 0; j < names.size(); j++) {
            panels.add(new Panel("bootstrap " + names.get(j), r.get(k++), histogram(data, names.get(j), j == 0)));
        }
        int height = 0;
        for (Rectangle x : r) {
            height = Math.max(height, x.y + x.height);
        }
        return new Layout(WIDTH, height, data.title(), panels);
    }

    /**
     * Where the panels go: the top row (main, residuals), for laws in N and D the allocation row, then one small
     * panel per bootstrapped parameter.
     *
     * @param nd        whether the law is in N and D
     * @param bootstrap the number of bootstrap panels
     * @return the rectangles in panel order
     */
    static List<Rectangle> rectangles(boolean nd, int bootstrap) {
        List<Rectangle> out = new ArrayList<>();
        int y = TITLE_HEIGHT;
        out.add(new Rectangle(0, y, MAIN_WIDTH, TOP_HEIGHT));
        out.add(new Rectangle(MAIN_WIDTH, y, WIDTH - MAIN_WIDTH, TOP_HEIGHT));
        y += TOP_HEIGHT;
        if (nd) {
            out.add(new Rectangle(0, y, WIDTH / 2, MIDDLE_HEIGHT));
            out.add(new Rectangle(WIDTH / 2, y, WIDTH - WIDTH / 2, MIDDLE_HEIGHT));
            y += MIDDLE_HEIGHT;
        }
        for (int j = 0; j < bootstrap; j++) {
            int x0 = WIDTH * j / bootstrap;
            int x1 = WIDTH * (j + 1) / bootstrap;
            out.add(new Rectangle(x0, y, x1 - x0, BOTTOM_HEIGHT));
        }
        return out;
    }

    /**
     * Renders and writes a plot.
     *
     * @param data   what to show
     * @param file   a .png or .svg file
     * @param inputs files the command read (never overwritten)
     */
    static void render(PlotData data, Path file, Collection<Path> inputs) {
        Charts.checkExtension(file);
        Layout layout = layout(data);
        Charts.write(file, inputs, layout.width(), layout.height(), g -> paint(g, layout));
    }

    private static void paint(Graphics2D g, Layout layout) {
        Charts.paintTitle(g, layout.width(), layout.height(), layout.title(), 16);
        for (Panel p : layout.panels()) {
            Rectangle r = p.bounds();
            Graphics2D sub = (Graphics2D) g.create(r.x, r.y, r.width, r.height);
            try {
                p.chart().paint(sub, r.width, r.height);
            } finally {
                sub.dispose();
            }
        }
    }

    private static boolean isNd(ScalingLaw law) {
        return law.covariates().equals(List.of("N", "D"));
    }

    /** The largest compute the curves and bands reach: the user's target, or 10 times the data's largest. */
    private static double extrapolationTarget(PlotData data, double[] c) {
        double t = data.extrapolateTo();
        return Double.isFinite(t) && t > 0 ? Math.max(t, max(c)) : max(c) * 10;
    }

    /** The asymptotic covariance of the fit (smoothed sandwich), or null if it cannot be had. */
    private static AsymptoticCovariance covariance(PlotData data) {
        FitResult r = data.result();
        if (r == null) {
            return null;
        }
        try {
            AsymptoticCovariance cov = AsymptoticCovariance.of(r, data.used(),
                    AsymptoticCovariance.Form.SMOOTHED_SANDWICH);
            return cov.finite() ? cov : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The 95% interval of a quantity at each grid point: {estimate, lower, upper} rows with NaN where undefined. */
    private static double[][] band(AsymptoticCovariance cov, double[] grid,
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
    private static final int FRONTIER_POINTS = 80;

    /** Points of the allocation curves and their bands. */
    private static final int ALLOCATION_POINTS = 60;

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
    private static boolean bootstrapBands(PlotData data) {
        BootstrapResult boot = data.bootstrap();
        return boot != null && boot.names().contains(LOSS_BAND + 0);
    }

    /** A bootstrap band by the bootstrap's method and level: {lower, upper} rows, NaN where not available. */
    private static double[][] bootstrapBand(PlotData data, String prefix, int n) {
        double[][] out = new double[2][n];
        for (int i = 0; i < n; i++) {
            Interval iv = data.bootstrap().interval(prefix + i);
            out[0][i] = iv.ok() ? iv.lower() : Double.NaN;
            out[1][i] = iv.ok() ? iv.upper() : Double.NaN;
        }
        return out;
    }

    /** The legend of a bootstrap band, e.g. "95% band of N_opt (bootstrap-case-bca, 200 resamples)". */
    private static String bootstrapLabel(PlotData data, String what) {
        BootstrapResult boot = data.bootstrap();
        return String.format(Locale.ROOT, "%s%% band of %s (bootstrap-%s-%s, %d resamples)",
                Parsing.human(100 * boot.options().level()), what,
                boot.options().scheme().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                boot.options().method().name().toLowerCase(Locale.ROOT), boot.resamples());
    }

    /** Adds a filled band between lower and upper (finite points only), as a closed polygon. */
    private static void bandSeries(XYChart chart, String name, double[] x, double[] lower, double[] upper,
                                   Color fill) {
        double[][] outline = Charts.bandOutline(x, lower, upper);
        if (outline[0].length < 4) {
            return;
        }
        Charts.area(chart, name, outline[0], outline[1], fill,
                new Color(fill.getRed(), fill.getGreen(), fill.getBlue(), 90)).setLineStyle(new BasicStroke(0.5f));
    }

    private static XYChart mainChart(PlotData data) {
        ScalingLaw law = data.law();
        double[] theta = data.theta();
        List<String> cov = law.covariates();
        Dataset used = data.used();
        double[] y = used.column(law.response());
        String yTitle = law.response().equals("loss") ? "loss (nats)" : law.response();
        XYChart chart;
        if (cov.equals(List.of("N", "D"))) {
            // the loss axis stays linear: the losses span less than a decade, where a log axis has no labels
            chart = chart("Loss against training compute", "training compute C = 6ND (FLOPs, log scale)", yTitle);
            chart.getStyler().setYAxisLogarithmic(false);
            double[] n = used.column("N");
            double[] d = used.column("D");
            Charts.scatter(chart, "runs in the fit", compute(n, d), y, DATA);
            if (data.excluded() != null) {
                Dataset ex = data.excluded();
                Charts.scatter(chart, "runs left out", compute(ex.column("N"), ex.column("D")),
                        ex.column(law.response()), Color.GRAY);
            }
            double dMin = min(d) / 2;
            double dMax = max(d) * 2;
            Color[] palette = Charts.palette(7);
            int k = 0;
            for (double size : representativeSizes(n, 6)) {
                double[] dd = logSpace(dMin, dMax, 80);
                double[] cc = new double[dd.length];
                double[] ll = new double[dd.length];
                for (int i = 0; i < dd.length; i++) {
                    cc[i] = 6 * size * dd[i];
                    ll[i] = law.value(theta, size, dd[i]);
                }
                Charts.line(chart, "fit, N = " + Parsing.human(size), cc, ll, palette[k++ % palette.length],
                        SeriesLines.SOLID);
            }
            double[] c = compute(n, d);
            double target = extrapolationTarget(data, c);
            double[] frontierC = logSpace(min(c) / 2, target, FRONTIER_POINTS);
            if (bootstrapBands(data)) {
                double[][] b = bootstrapBand(data, LOSS_BAND, frontierC.length);
                bandSeries(chart, bootstrapLabel(data, "the compute-optimal loss"), frontierC, b[0], b[1], BAND);
            } else {
                AsymptoticCovariance covariance = covariance(data);
                if (covariance != null) {
                    double[][] b = band(covariance, frontierC, cc -> DerivedQuantity.optimalLoss(law, cc));
                    bandSeries(chart, "95% band of the compute-optimal loss (asymptotic)", frontierC, b[1], b[2],
                            BAND);
                }
            }
            List<Double> fx = new ArrayList<>();
            List<Double> fy = new ArrayList<>();
            for (double ci : frontierC) {
                try {
                    double l = ComputeOptimal.of(law, theta, ci).loss();
                    if (Double.isFinite(l) && l > 0) {
                        fx.add(ci);
                        fy.add(l);
                    }
                } catch (IllegalArgumentException e) {
                    break;
                }
            }
            if (fx.size() > 1) {
                Charts.line(chart, String.format(Locale.ROOT, "compute-optimal loss, extrapolated to C = %s",
                        Parsing.human(target)), unbox(fx), unbox(fy), Color.BLACK, SeriesLines.DASH_DASH);
            }
        } else if (cov.size() == 1) {
            String name = cov.get(0);
            chart = chart(yTitle + " against " + name, axisTitle(name) + " (log scale)", yTitle);
            chart.getStyler().setYAxisLogarithmic(false);
            double[] x = used.column(name);
            Charts.scatter(chart, "data in the fit", x, y, DATA);
            if (data.excluded() != null) {
                Charts.scatter(chart, "data left out", data.excluded().column(name),
                        data.excluded().column(law.response()), Color.GRAY);
            }
            double lo = min(positive(x));
            double hi = max(x);
            double t = data.extrapolateTo();
            double[] xx = logSpace(lo / 2, Double.isFinite(t) && t > hi ? t : hi * 2, 100);
            double[] yy = new double[xx.length];
            for (int i = 0; i < xx.length; i++) {
                yy[i] = law.value(theta, xx[i]);
            }
            Charts.line(chart, "fit", xx, yy, new Color(214, 39, 40), SeriesLines.SOLID);
        } else {
            chart = chart("Fitted against observed", "observed " + yTitle, "fitted " + yTitle);
            chart.getStyler().setXAxisLogarithmic(false);
            chart.getStyler().setYAxisLogarithmic(false);
            double[] f = fitted(law, theta, used);
            Charts.scatter(chart, "data in the fit", y, f, DATA);
            double lo = Math.min(min(y), min(f));
            double hi = Math.max(max(y), max(f));
            Charts.line(chart, "fitted = observed", new double[] {lo, hi}, new double[] {lo, hi}, Color.BLACK,
                    SeriesLines.DASH_DASH);
        }
        return chart;
    }

    private static XYChart residualChart(PlotData data) {
        ScalingLaw law = data.law();
        Dataset used = data.used();
        double[] y = used.column(law.response());
        double[] f = fitted(law, data.theta(), used);
        boolean log = data.result() == null || data.result().spec().residual() == ResidualSpace.LOG;
        double[] r = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            r[i] = log ? Math.log(f[i]) - Math.log(y[i]) : f[i] - y[i];
        }
        String unit = law.response().equals("loss") ? "loss (nats)" : law.response();
        XYChart chart = chart("Residuals", "fitted " + unit,
                log ? "log residual ln(fitted) - ln(observed)" : "residual fitted - observed (" + unit + ")");
        chart.getStyler().setXAxisLogarithmic(false);
        chart.getStyler().setYAxisLogarithmic(false);
        chart.getStyler().setYAxisDecimalPattern("0.###");
        chart.getStyler().setXAxisDecimalPattern("0.##");
        boolean[] flagged = downWeighted(data);
        List<Double> kx = new ArrayList<>();
        List<Double> ky = new ArrayList<>();
        List<Double> fxs = new ArrayList<>();
        List<Double> fys = new ArrayList<>();
        for (int i = 0; i < r.length; i++) {
            (flagged[i] ? fxs : kx).add(f[i]);
            (flagged[i] ? fys : ky).add(r[i]);
        }
        if (!kx.isEmpty()) {
            Charts.scatter(chart, flagged.length == kx.size() ? "runs in the fit" : "runs at full weight", unbox(kx),
                    unbox(ky), DATA);
        }
        if (!fxs.isEmpty()) {
            Charts.scatter(chart, downWeightLabel(data.result().spec().loss()) + ": " + fxs.size(), unbox(fxs),
                    unbox(fys), FLAGGED);
        }
        double lo = min(f);
        double hi = max(f);
        Charts.line(chart, "zero", new double[] {lo, hi}, new double[] {0, 0}, Color.BLACK, SeriesLines.DASH_DASH);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        return chart;
    }

    /** The legend entry for the points a loss down-weights. */
    static String downWeightLabel(Loss loss) {
        return switch (loss.name()) {
            case "huber" -> "down-weighted by the Huber loss (|r| > delta)";
            case "huber-mle" -> "down-weighted by the Huber likelihood (|r/s| > delta)";
            default -> "down-weighted by the " + loss.name() + " loss (psi(r)/r < 1/2)";
        };
    }

    /**
     * Which rows of the fit the robust loss down-weights, by the IRLS weight psi(r)/r of each residual in the fit's
     * residual space (divided by the fitted scale for huber-mle): below 1 for Huber (exactly |r| &gt; delta), below
     * 1/2 for the smooth losses (soft-l1, cauchy), which down-weight every non-zero residual a little; none for
     * squared loss or without a fit result.
     *
     * @param data the plot
     * @return one flag per row of {@link PlotData#used()}
     */
    static boolean[] downWeighted(PlotData data) {
        Dataset used = data.used();
        boolean[] out = new boolean[used.size()];
        FitResult result = data.result();
        if (result == null || result.spec().loss().name().equals("squared")) {
            return out;
        }
        Loss loss = result.spec().loss();
        boolean huber = loss.name().startsWith("huber");
        double scale = loss.fitsScale() && result.scale() > 0 ? result.scale() : 1;
        ScalingLaw law = data.law();
        double[] y = used.column(law.response());
        double[] f = fitted(law, data.theta(), used);
        boolean log = result.spec().residual() == ResidualSpace.LOG;
        for (int i = 0; i < out.length; i++) {
            double r = (log ? Math.log(y[i]) - Math.log(f[i]) : y[i] - f[i]) / scale;
            double w = loss.irlsWeight(r);
            out[i] = huber ? w < 1 : w < 0.5;
        }
        return out;
    }

    /** N_opt(C) and D_opt(C) on log-log axes with their 95% bands. */
    private static XYChart allocationChart(PlotData data) {
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
    private static XYChart isoLossChart(PlotData data) {
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
    private static double optimalOrZero(ScalingLaw law, double[] theta, double compute,
                                        java.util.function.ToDoubleFunction<ComputeOptimal.Allocation> part) {
        try {
            double v = part.applyAsDouble(ComputeOptimal.of(law, theta, compute));
            return Double.isFinite(v) ? v : 0;
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    /** D with f(N, D) = level by bisection in log D (the law decreases in D); NaN if not bracketed. */
    static double tokensForLoss(ScalingLaw law, double[] theta, double n, double level, double lo, double hi) {
        double a = Math.log(lo);
        double b = Math.log(hi);
        double fa = law.value(theta, n, lo) - level;
        double fb = law.value(theta, n, hi) - level;
        if (!(fa > 0 && fb < 0)) {
            return Double.NaN;
        }
        for (int i = 0; i < 80; i++) {
            double m = 0.5 * (a + b);
            double fm = law.value(theta, n, Math.exp(m)) - level;
            if (fm > 0) {
                a = m;
            } else {
                b = m;
            }
        }
        return Math.exp(0.5 * (a + b));
    }

    /** The bootstrap distribution of one parameter, with the estimate and the interval. */
    private static XYChart histogram(PlotData data, String name, boolean legend) {
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

    /** A main-panel chart on log-log axes (see {@link Charts#logLog}). */
    private static XYChart chart(String title, String xTitle, String yTitle) {
        return Charts.logLog(MAIN_WIDTH, TOP_HEIGHT, title, xTitle, yTitle, 5);
    }

    static double[] fitted(ScalingLaw law, double[] theta, Dataset data) {
        double[][] cols = new double[law.covariates().size()][];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = data.column(law.covariates().get(j));
        }
        double[] out = new double[data.size()];
        law.evaluate(theta, dev.scalinglaws.core.Columns.of(cols), 0, data.size(), out, null);
        return out;
    }

    /** Up to {@code k} model sizes spread evenly in log N over the data, each an actual value of the data. */
    static double[] representativeSizes(double[] n, int k) {
        double[] sorted = Arrays.stream(n).filter(v -> v > 0).sorted().distinct().toArray();
        if (sorted.length <= k) {
            return sorted;
        }
        TreeSet<Double> picks = new TreeSet<>();
        double lo = Math.log(sorted[0]);
        double hi = Math.log(sorted[sorted.length - 1]);
        for (int i = 0; i < k; i++) {
            double target = lo + (hi - lo) * i / (k - 1);
            double best = sorted[0];
            for (double v : sorted) {
                if (Math.abs(Math.log(v) - target) < Math.abs(Math.log(best) - target)) {
                    best = v;
                }
            }
            picks.add(best);
        }
        return picks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String axisTitle(String covariate) {
        return switch (covariate) {
            case "N" -> "parameters N";
            case "D" -> "training tokens D";
            case "C" -> "training compute C (FLOPs)";
            case "S" -> "optimisation steps S";
            default -> covariate;
        };
    }

    private static double[] compute(double[] n, double[] d) {
        double[] c = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            c[i] = 6 * n[i] * d[i];
        }
        return c;
    }

    static double[] logSpace(double lo, double hi, int count) {
        double[] out = new double[count];
        double a = Math.log(lo);
        double b = Math.log(hi);
        for (int i = 0; i < count; i++) {
            out[i] = Math.exp(a + (b - a) * i / (count - 1));
        }
        return out;
    }

    private static double[] positive(double[] x) {
        double[] p = Arrays.stream(x).filter(v -> v > 0).toArray();
        return p.length == 0 ? new double[] {1} : p;
    }

    private static double[] unbox(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
