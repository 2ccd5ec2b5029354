package dev.scalinglaws.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.dynamics.Checkpoints;
import dev.scalinglaws.core.dynamics.TrainingDynamics;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Renders a predicted loss trajectory L(step) with its interval band, and the observed checkpoints of the fit's runs
 * with their fitted curves, on log-log axes (XChart). PNG or SVG by extension, written atomically.
 */
final class TrajectoryPlot {

    static final int WIDTH = 1100;
    static final int HEIGHT = 720;

    /** Runs drawn one by one (in colour, with fitted curves); more are drawn as one grey series. */
    private static final int MAX_RUNS = 12;

    private TrajectoryPlot() {
    }

    /**
     * The predicted trajectory.
     *
     * @param parameters N
     * @param batch      B in tokens per step
     * @param steps      steps
     * @param loss       predicted loss
     * @param lower      lower band (NaN where not available)
     * @param upper      upper band
     * @param level      the band's level
     */
    record Curve(double parameters, double batch, double[] steps, double[] loss, double[] lower, double[] upper,
                 double level) {
        static Curve of(double parameters, double batch, double[] steps, double[] loss, double[] lower,
                        double[] upper, double level) {
            return new Curve(parameters, batch, steps.clone(), loss.clone(), lower.clone(), upper.clone(), level);
        }
    }

    /**
     * One observed run.
     *
     * @param label      its name
     * @param steps      checkpoint steps
     * @param loss       observed losses
     * @param fitSteps   steps of the fitted curve (empty without a batch column)
     * @param fitLoss    the fitted loss there
     */
    record Run(String label, double[] steps, double[] loss, double[] fitSteps, double[] fitLoss) {
    }

    /**
     * The fit's checkpoints by run (the run column, or (N, batch) when there is none), with the fitted curve of each.
     *
     * @param used      the fitted rows (need {@code step}, {@code loss}, {@code N}; {@code batch} for curves)
     * @param runColumn the run column or null
     * @param dynamics  the fitted dynamics
     * @return the runs, in order of first appearance (empty without a step column)
     */
    static List<Run> observed(Dataset used, String runColumn, TrainingDynamics dynamics) {
        if (!used.has(Checkpoints.STEP) || !used.has("loss") || !used.has("N")) {
            return List.of();
        }
        double[] step = used.column(Checkpoints.STEP);
        double[] loss = used.column("loss");
        double[] n = used.column("N");
        double[] batch = used.has(Checkpoints.BATCH) ? used.column(Checkpoints.BATCH) : null;
        String[] labels = new String[used.size()];
        String[] text = runColumn != null ? used.textColumn(runColumn) : null;
        for (int i = 0; i < labels.length; i++) {
            labels[i] = text != null ? text[i] : String.format(Locale.ROOT, "N=%s%s", Parsing.human(n[i]),
                    batch == null ? "" : ", B=" + Parsing.human(batch[i]));
        }
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            rows.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(i);
        }
        List<Run> runs = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : rows.entrySet()) {
            List<Integer> r = e.getValue();
            double[] s = new double[r.size()];
            double[] l = new double[r.size()];
            for (int k = 0; k < s.length; k++) {
                s[k] = step[r.get(k)];
                l[k] = loss[r.get(k)];
            }
            double[] fs = new double[0];
            double[] fl = new double[0];
            int first = r.get(0);
            if (batch != null && rows.size() <= MAX_RUNS) {
                fs = Plots.logSpace(Plots.min(s), Plots.max(s), 60);
                fl = dynamics.trajectory(n[first], batch[first], fs).loss();
            }
            String label = e.getKey() + (runColumn != null ? String.format(Locale.ROOT, " (N=%s%s)",
                    Parsing.human(n[first]), batch == null ? "" : ", B=" + Parsing.human(batch[first])) : "");
            runs.add(new Run(label, s, l, fs, fl));
        }
        return runs;
    }

    /**
     * Renders and writes the plot.
     *
     * @param file   .png or .svg
     * @param inputs files read (never overwritten)
     * @param curve  the prediction
     * @param runs    observed runs
     * @param heldOut checkpoints at the predicted point that the fit did not use, or null
     * @param title   chart title
     */
    static void render(Path file, Collection<Path> inputs, Curve curve, List<Run> runs, Run heldOut,
                       String title) {
        Plots.checkExtension(file);
        XYChart chart = chart(curve, runs, heldOut);
        boolean svg = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg");
        Output.write(file, inputs, out -> {
            if (svg) {
                VectorGraphics2D g = new VectorGraphics2D();
                paint(g, title, chart);
                Document doc = Processors.get("svg").getDocument(g.getCommands(), new PageSize(0, 0, WIDTH, HEIGHT));
                doc.writeTo(out);
            } else {
                BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = image.createGraphics();
                try {
                    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                            RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                    paint(g, title, chart);
                } finally {
                    g.dispose();
                }
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("no PNG writer available");
                }
            }
        });
    }

    private static final int TITLE_HEIGHT = 40;

    private static void paint(Graphics2D g, String title, XYChart chart) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        int w = g.getFontMetrics().stringWidth(title);
        g.drawString(title, Math.max(10, (WIDTH - w) / 2), 26);
        Graphics2D c = (Graphics2D) g.create(0, TITLE_HEIGHT, WIDTH, HEIGHT - TITLE_HEIGHT);
        chart.paint(c, WIDTH, HEIGHT - TITLE_HEIGHT);
        c.dispose();
    }

    static XYChart chart(Curve curve, List<Run> runs, Run heldOut) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT - TITLE_HEIGHT)
                .title("loss against optimiser steps").xAxisTitle("optimiser step")
                .yAxisTitle("loss (nats)").build();
        XYStyler st = chart.getStyler();
        st.setXAxisLogarithmic(true);
        st.setYAxisLogarithmic(true);
        st.setYAxisLogarithmicDecadeOnly(false);
        st.setLegendPosition(Styler.LegendPosition.InsideNE);
        st.setMarkerSize(6);
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotGridLinesVisible(true);
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        st.setXAxisDecimalPattern("0.#E0");
        st.setYAxisDecimalPattern("0.##");
        String name = String.format(Locale.ROOT, "predicted, N=%s, B=%s", Parsing.human(curve.parameters()),
                Parsing.human(curve.batch()));
        List<Integer> ok = new ArrayList<>();
        for (int i = 0; i < curve.steps().length; i++) {
            if (Double.isFinite(curve.lower()[i]) && Double.isFinite(curve.upper()[i]) && curve.lower()[i] > 0) {
                ok.add(i);
            }
        }
        if (ok.size() >= 2) {
            double[] px = new double[2 * ok.size()];
            double[] py = new double[2 * ok.size()];
            for (int k = 0; k < ok.size(); k++) {
                int i = ok.get(k);
                int j = ok.get(ok.size() - 1 - k);
                px[k] = curve.steps()[i];
                py[k] = curve.upper()[i];
                px[ok.size() + k] = curve.steps()[j];
                py[ok.size() + k] = curve.lower()[j];
            }
            XYSeries band = chart.addSeries(String.format(Locale.ROOT, "%s%% interval (delta method)",
                    Parsing.human(100 * curve.level())), px, py);
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            band.setMarker(SeriesMarkers.NONE);
            band.setFillColor(new Color(31, 119, 180, 70));
            band.setLineColor(new Color(31, 119, 180, 70));
        }
        Color[] palette = {new Color(214, 39, 40), new Color(255, 127, 14), new Color(44, 160, 44),
            new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(23, 190, 207),
            new Color(188, 189, 34), new Color(127, 127, 127), new Color(0, 0, 128), new Color(128, 0, 0),
            new Color(0, 128, 128)};
        if (runs.size() > MAX_RUNS) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (Run r : runs) {
                for (int k = 0; k < r.steps().length; k++) {
                    xs.add(r.steps()[k]);
                    ys.add(r.loss()[k]);
                }
            }
            XYSeries s = chart.addSeries(String.format(Locale.ROOT, "checkpoints in the fit (%d runs)", runs.size()),
                    xs.stream().mapToDouble(Double::doubleValue).toArray(),
                    ys.stream().mapToDouble(Double::doubleValue).toArray());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(new Color(120, 120, 120));
        } else {
            for (int k = 0; k < runs.size(); k++) {
                Run r = runs.get(k);
                Color c = palette[k % palette.length];
                XYSeries s = chart.addSeries(r.label(), r.steps(), r.loss());
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(c);
                if (r.fitSteps().length > 1) {
                    XYSeries f = chart.addSeries(r.label() + " fitted", r.fitSteps(), r.fitLoss());
                    f.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                    f.setMarker(SeriesMarkers.NONE);
                    f.setLineColor(c);
                    f.setLineStyle(new BasicStroke(1f));
                    f.setShowInLegend(false);
                }
            }
        }
        if (heldOut != null) {
            XYSeries h = chart.addSeries(heldOut.label(), heldOut.steps(), heldOut.loss());
            h.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            h.setMarker(SeriesMarkers.DIAMOND);
            h.setMarkerColor(Color.BLACK);
        }
        XYSeries p = chart.addSeries(name, curve.steps(), curve.loss());
        p.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        p.setMarker(SeriesMarkers.NONE);
        p.setLineColor(new Color(31, 119, 180));
        p.setLineStyle(new BasicStroke(2.5f));
        return chart;
    }
}
