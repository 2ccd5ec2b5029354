package dev.scalinglaws.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import javax.imageio.ImageIO;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import dev.scalinglaws.core.ComputeOptimal;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaw;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Renders a fit with XChart: on the left the response against compute (or the law's single covariate) on log axes,
 * with the data, fitted curves for several model sizes and the compute-optimal frontier; on the right the log
 * residuals against the fitted values. PNG or SVG, chosen by the file extension, written atomically.
 */
final class Plots {

    static final int WIDTH = 1600;
    static final int HEIGHT = 720;
    private static final int MAIN_WIDTH = 1000;
    private static final int TITLE_HEIGHT = 40;

    private Plots() {
    }

    /** Rejects anything but .png and .svg. */
    static void checkExtension(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!n.endsWith(".png") && !n.endsWith(".svg")) {
            throw new CliException(file + ": plots are written as .png or .svg");
        }
    }

    /**
     * Renders and writes a plot.
     *
     * @param data   what to show
     * @param file   a .png or .svg file
     * @param inputs files the command read (never overwritten)
     */
    static void render(PlotData data, Path file, Collection<Path> inputs) {
        checkExtension(file);
        XYChart main = mainChart(data);
        XYChart residuals = residualChart(data);
        boolean svg = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg");
        Output.write(file, inputs, out -> {
            if (svg) {
                VectorGraphics2D g = new VectorGraphics2D();
                paint(g, data.title(), main, residuals);
                Document doc = Processors.get("svg").getDocument(g.getCommands(),
                        new PageSize(0, 0, WIDTH, HEIGHT));
                doc.writeTo(out);
            } else {
                writePng(out, data.title(), main, residuals);
            }
        });
    }

    private static void writePng(OutputStream out, String title, XYChart main, XYChart residuals)
            throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            paint(g, title, main, residuals);
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer available");
        }
    }

    private static void paint(Graphics2D g, String title, XYChart main, XYChart residuals) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        int w = g.getFontMetrics().stringWidth(title);
        g.drawString(title, Math.max(10, (WIDTH - w) / 2), 26);
        Graphics2D left = (Graphics2D) g.create(0, TITLE_HEIGHT, MAIN_WIDTH, HEIGHT - TITLE_HEIGHT);
        main.paint(left, MAIN_WIDTH, HEIGHT - TITLE_HEIGHT);
        left.dispose();
        Graphics2D right = (Graphics2D) g.create(MAIN_WIDTH, TITLE_HEIGHT, WIDTH - MAIN_WIDTH, HEIGHT - TITLE_HEIGHT);
        residuals.paint(right, WIDTH - MAIN_WIDTH, HEIGHT - TITLE_HEIGHT);
        right.dispose();
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
            chart = chart("Loss against training compute", "training compute C = 6ND (FLOPs, log scale)", yTitle);
            chart.getStyler().setYAxisLogarithmic(false);
            double[] n = used.column("N");
            double[] d = used.column("D");
            scatter(chart, "runs in the fit", compute(n, d), y, new Color(31, 119, 180));
            if (data.excluded() != null) {
                Dataset ex = data.excluded();
                scatter(chart, "runs left out", compute(ex.column("N"), ex.column("D")),
                        ex.column(law.response()), Color.GRAY);
            }
            double dMin = min(d) / 2;
            double dMax = max(d) * 2;
            Color[] palette = palette();
            int k = 0;
            for (double size : representativeSizes(n, 6)) {
                double[] dd = logSpace(dMin, dMax, 80);
                double[] cc = new double[dd.length];
                double[] ll = new double[dd.length];
                for (int i = 0; i < dd.length; i++) {
                    cc[i] = 6 * size * dd[i];
                    ll[i] = law.value(theta, size, dd[i]);
                }
                line(chart, "fit, N = " + Parsing.human(size), cc, ll, palette[k++ % palette.length],
                        SeriesLines.SOLID);
            }
            double[] c = compute(n, d);
            double[] frontierC = logSpace(min(c) / 2, max(c) * 10, 60);
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
                line(chart, "compute-optimal frontier", unbox(fx), unbox(fy), Color.BLACK, SeriesLines.DASH_DASH);
            }
        } else if (cov.size() == 1) {
            String name = cov.get(0);
            chart = chart(yTitle + " against " + name, axisTitle(name) + " (log scale)", yTitle);
            chart.getStyler().setYAxisLogarithmic(false);
            double[] x = used.column(name);
            scatter(chart, "data in the fit", x, y, new Color(31, 119, 180));
            if (data.excluded() != null) {
                scatter(chart, "data left out", data.excluded().column(name),
                        data.excluded().column(law.response()), Color.GRAY);
            }
            double lo = min(positive(x));
            double hi = max(x);
            double[] xx = logSpace(lo / 2, hi * 2, 100);
            double[] yy = new double[xx.length];
            for (int i = 0; i < xx.length; i++) {
                yy[i] = law.value(theta, xx[i]);
            }
            line(chart, "fit", xx, yy, new Color(214, 39, 40), SeriesLines.SOLID);
        } else {
            chart = chart("Fitted against observed", "observed " + yTitle, "fitted " + yTitle);
            chart.getStyler().setXAxisLogarithmic(false);
            chart.getStyler().setYAxisLogarithmic(false);
            double[] f = fitted(law, theta, used);
            scatter(chart, "data in the fit", y, f, new Color(31, 119, 180));
            double lo = Math.min(min(y), min(f));
            double hi = Math.max(max(y), max(f));
            line(chart, "fitted = observed", new double[] {lo, hi}, new double[] {lo, hi}, Color.BLACK,
                    SeriesLines.DASH_DASH);
        }
        return chart;
    }

    private static XYChart residualChart(PlotData data) {
        ScalingLaw law = data.law();
        Dataset used = data.used();
        double[] y = used.column(law.response());
        double[] f = fitted(law, data.theta(), used);
        double[] r = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            r[i] = Math.log(f[i]) - Math.log(y[i]);
        }
        String unit = law.response().equals("loss") ? "loss (nats)" : law.response();
        XYChart chart = chart("Residuals", "fitted " + unit, "log residual ln(fitted) - ln(observed)");
        chart.getStyler().setXAxisLogarithmic(false);
        chart.getStyler().setYAxisLogarithmic(false);
        chart.getStyler().setYAxisDecimalPattern("0.###");
        chart.getStyler().setXAxisDecimalPattern("0.##");
        scatter(chart, "runs in the fit", f, r, new Color(31, 119, 180));
        double lo = min(f);
        double hi = max(f);
        line(chart, "zero", new double[] {lo, hi}, new double[] {0, 0}, Color.BLACK, SeriesLines.DASH_DASH);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        return chart;
    }

    private static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(MAIN_WIDTH).height(HEIGHT - TITLE_HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        org.knowm.xchart.style.XYStyler st = chart.getStyler();
        st.setXAxisLogarithmic(true);
        st.setYAxisLogarithmic(true);
        st.setLegendPosition(Styler.LegendPosition.InsideNE);
        st.setMarkerSize(5);
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotGridLinesVisible(true);
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        st.setXAxisDecimalPattern("0.#E0");
        st.setYAxisDecimalPattern("0.##");
        return chart;
    }

    private static void scatter(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(color);
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, Color color, BasicStroke stroke) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(stroke);
    }

    private static Color[] palette() {
        return new Color[] {new Color(214, 39, 40), new Color(255, 127, 14), new Color(44, 160, 44),
            new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(23, 190, 207)};
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
