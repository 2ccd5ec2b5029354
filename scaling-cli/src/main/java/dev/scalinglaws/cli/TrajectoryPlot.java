/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.dynamics.Checkpoints;
import dev.scalinglaws.core.dynamics.TrainingDynamics;
import org.knowm.xchart.XYChart;
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
        Charts.checkExtension(file);
        XYChart chart = chart(curve, runs, heldOut);
        Charts.write(file, inputs, WIDTH, HEIGHT, g -> paint(g, title, chart));
    }

    private static final int TITLE_HEIGHT = 40;

    private static void paint(Graphics2D g, String title, XYChart chart) {
        Charts.paintTitle(g, WIDTH, HEIGHT, title, 15);
        Graphics2D c = (Graphics2D) g.create(0, TITLE_HEIGHT, WIDTH, HEIGHT - TITLE_HEIGHT);
        chart.paint(c, WIDTH, HEIGHT - TITLE_HEIGHT);
        c.dispose();
    }

    static XYChart chart(Curve curve, List<Run> runs, Run heldOut) {
        XYChart chart = Charts.logLog(WIDTH, HEIGHT - TITLE_HEIGHT, "loss against optimiser steps", "optimiser step",
                "loss (nats)", 6);
        chart.getStyler().setYAxisLogarithmicDecadeOnly(false);
        String name = String.format(Locale.ROOT, "predicted, N=%s, B=%s", Parsing.human(curve.parameters()),
                Parsing.human(curve.batch()));
        double[][] band = Charts.bandOutline(curve.steps(), curve.lower(), curve.upper());
        if (band[0].length >= 4) {
            Color translucent = new Color(31, 119, 180, 70);
            Charts.area(chart, String.format(Locale.ROOT, "%s%% interval (delta method)",
                    Parsing.human(100 * curve.level())), band[0], band[1], translucent, translucent);
        }
        Color[] palette = Charts.palette(12);
        if (runs.size() > MAX_RUNS) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (Run r : runs) {
                for (int k = 0; k < r.steps().length; k++) {
                    xs.add(r.steps()[k]);
                    ys.add(r.loss()[k]);
                }
            }
            Charts.scatter(chart, String.format(Locale.ROOT, "checkpoints in the fit (%d runs)", runs.size()),
                    xs.stream().mapToDouble(Double::doubleValue).toArray(),
                    ys.stream().mapToDouble(Double::doubleValue).toArray(), new Color(120, 120, 120));
        } else {
            for (int k = 0; k < runs.size(); k++) {
                Run r = runs.get(k);
                Color c = palette[k % palette.length];
                Charts.scatter(chart, r.label(), r.steps(), r.loss(), c);
                if (r.fitSteps().length > 1) {
                    Charts.line(chart, r.label() + " fitted", r.fitSteps(), r.fitLoss(), c, new BasicStroke(1f))
                            .setShowInLegend(false);
                }
            }
        }
        if (heldOut != null) {
            Charts.scatter(chart, heldOut.label(), heldOut.steps(), heldOut.loss(), Color.BLACK, SeriesMarkers.DIAMOND);
        }
        Charts.line(chart, name, curve.steps(), curve.loss(), Charts.BLUE, new BasicStroke(2.5f));
        return chart;
    }
}
