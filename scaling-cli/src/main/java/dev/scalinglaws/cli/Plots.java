/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import static dev.scalinglaws.cli.AllocationPanels.*;
import static dev.scalinglaws.cli.BootstrapHistogram.*;
import static dev.scalinglaws.cli.PlotBands.*;

import java.awt.Color;
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
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;

/**
 * Renders a fit with XChart as one image of panels (each an XChart chart painted into its own rectangle with
 * Java2D; PNG through a BufferedImage, SVG through Batik's SVGGraphics2D, the same layout):
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
    static final int TOP_HEIGHT = 600;
    static final int MIDDLE_HEIGHT = 500;
    static final int BOTTOM_HEIGHT = 300;
    static final int MAIN_WIDTH = 1000;
    static final int TITLE_HEIGHT = 40;
    static final double LEVEL = 0.95;
    static final Color DATA = Charts.BLUE;
    static final Color FLAGGED = new Color(230, 85, 13);
    static final Color BAND = new Color(0, 0, 0, 40);

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

    static void paint(Graphics2D g, Layout layout) {
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

    static boolean isNd(ScalingLaw law) {
        return law.covariates().equals(List.of("N", "D"));
    }

    /** The largest compute the curves and bands reach: the user's target, or 10 times the data's largest. */
    static double extrapolationTarget(PlotData data, double[] c) {
        double t = data.extrapolateTo();
        return Double.isFinite(t) && t > 0 ? Math.max(t, max(c)) : max(c) * 10;
    }

    static XYChart mainChart(PlotData data) {
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

    static XYChart residualChart(PlotData data) {
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

    /** A main-panel chart on log-log axes (see {@link Charts#logLog}). */
    static XYChart chart(String title, String xTitle, String yTitle) {
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

    static String axisTitle(String covariate) {
        return switch (covariate) {
            case "N" -> "parameters N";
            case "D" -> "training tokens D";
            case "C" -> "training compute C (FLOPs)";
            case "S" -> "optimisation steps S";
            default -> covariate;
        };
    }

    static double[] compute(double[] n, double[] d) {
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

    static double[] positive(double[] x) {
        double[] p = Arrays.stream(x).filter(v -> v > 0).toArray();
        return p.length == 0 ? new double[] {1} : p;
    }

    static double[] unbox(List<Double> v) {
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
