/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The look of the command's XChart plots ({@link Plots}, {@link TrajectoryPlot}) and how they are written: log-log
 * charts with the same fonts, legend, grid and colours, series helpers, and PNG (BufferedImage) or SVG
 * (Apache Batik's SVGGraphics2D, {@link SvgImage}) output under a centred title, written atomically with
 * {@link Output#write}.
 */
final class Charts {

    /** The colour of the data and of the main curve. */
    static final Color BLUE = new Color(31, 119, 180);

    /** Colours of successive curves or runs, in order. */
    private static final Color[] PALETTE = {new Color(214, 39, 40), new Color(255, 127, 14), new Color(44, 160, 44),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(23, 190, 207),
        new Color(188, 189, 34), new Color(127, 127, 127), new Color(0, 0, 128), new Color(128, 0, 0),
        new Color(0, 128, 128)};

    private Charts() {
    }

    /**
     * Rejects anything but .png and .svg.
     *
     * @param file the image file
     * @throws CliException for any other extension
     */
    static void checkExtension(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!n.endsWith(".png") && !n.endsWith(".svg")) {
            throw new CliException(file + ": plots are written as .png or .svg");
        }
    }

    /**
     * The first colours of the palette, for curves or runs coloured in turn.
     *
     * @param count how many (at most 12)
     * @return a new array
     */
    static Color[] palette(int count) {
        return Arrays.copyOf(PALETTE, count);
    }

    /**
     * A chart on log-log axes in the house style: legend inside at the top right, white background, grid lines,
     * sans-serif fonts (title 14 bold, axis titles 13, legend 11), x ticks as {@code 0.#E0}, y ticks as {@code 0.##}.
     *
     * @param width      pixels
     * @param height     pixels
     * @param title      chart title
     * @param xTitle     x axis title
     * @param yTitle     y axis title
     * @param markerSize marker size in pixels
     * @return the chart, without series
     */
    static XYChart logLog(int width, int height, String title, String xTitle, String yTitle, int markerSize) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        XYStyler st = chart.getStyler();
        st.setXAxisLogarithmic(true);
        st.setYAxisLogarithmic(true);
        st.setLegendPosition(Styler.LegendPosition.InsideNE);
        st.setMarkerSize(markerSize);
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotGridLinesVisible(true);
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        st.setXAxisDecimalPattern("0.#E0");
        st.setYAxisDecimalPattern("0.##");
        return chart;
    }

    /**
     * Adds points drawn as circles.
     *
     * @param chart the chart
     * @param name  legend entry
     * @param x     x values
     * @param y     y values
     * @param color marker colour
     * @return the series
     */
    static XYSeries scatter(XYChart chart, String name, double[] x, double[] y, Color color) {
        return scatter(chart, name, x, y, color, SeriesMarkers.CIRCLE);
    }

    /**
     * Adds points.
     *
     * @param chart  the chart
     * @param name   legend entry
     * @param x      x values
     * @param y      y values
     * @param color  marker colour
     * @param marker marker shape
     * @return the series
     */
    static XYSeries scatter(XYChart chart, String name, double[] x, double[] y, Color color, Marker marker) {
        XYSeries s = series(chart, name, x, y, XYSeries.XYSeriesRenderStyle.Scatter, marker);
        s.setMarkerColor(color);
        return s;
    }

    /**
     * Adds a line without markers.
     *
     * @param chart  the chart
     * @param name   legend entry
     * @param x      x values
     * @param y      y values
     * @param color  line colour
     * @param stroke line style
     * @return the series
     */
    static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color, BasicStroke stroke) {
        XYSeries s = series(chart, name, x, y, XYSeries.XYSeriesRenderStyle.Line, SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(stroke);
        return s;
    }

    /**
     * Adds a filled polygon without markers (a band or a histogram).
     *
     * @param chart the chart
     * @param name  legend entry
     * @param x     x values of the outline
     * @param y     y values of the outline
     * @param fill  fill colour
     * @param edge  outline colour
     * @return the series
     */
    static XYSeries area(XYChart chart, String name, double[] x, double[] y, Color fill, Color edge) {
        XYSeries s = series(chart, name, x, y, XYSeries.XYSeriesRenderStyle.PolygonArea, SeriesMarkers.NONE);
        s.setFillColor(fill);
        s.setLineColor(edge);
        return s;
    }

    private static XYSeries series(XYChart chart, String name, double[] x, double[] y,
                                   XYSeries.XYSeriesRenderStyle style, Marker marker) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(style);
        s.setMarker(marker);
        return s;
    }

    /**
     * The outline of the band between {@code lower} and {@code upper} as a closed polygon: the upper values forwards,
     * then the lower values backwards, over the points where both are finite and {@code lower} is positive (the
     * axes are logarithmic).
     *
     * @param x     x values
     * @param lower lower edge
     * @param upper upper edge
     * @return {x, y} of the polygon (empty where no point qualifies)
     */
    static double[][] bandOutline(double[] x, double[] lower, double[] upper) {
        int[] ok = new int[x.length];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(lower[i]) && Double.isFinite(upper[i]) && lower[i] > 0) {
                ok[k++] = i;
            }
        }
        double[] px = new double[2 * k];
        double[] py = new double[2 * k];
        for (int j = 0; j < k; j++) {
            px[j] = x[ok[j]];
            py[j] = upper[ok[j]];
            px[k + j] = x[ok[k - 1 - j]];
            py[k + j] = lower[ok[k - 1 - j]];
        }
        return new double[][] {px, py};
    }

    /**
     * Paints a white page with a bold title centred at the top; the caller paints the charts below it.
     *
     * @param g        where to paint
     * @param width    page width
     * @param height   page height
     * @param title    the title
     * @param fontSize the title's font size
     */
    static void paintTitle(Graphics2D g, int width, int height, String title, int fontSize) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, fontSize));
        int w = g.getFontMetrics().stringWidth(title);
        g.drawString(title, Math.max(10, (width - w) / 2), 26);
    }

    /**
     * Writes an image atomically: SVG (Batik's SVGGraphics2D, see {@link SvgImage}) if the file name ends in
     * {@code .svg}, else PNG (an RGB BufferedImage, antialiased).
     *
     * @param file    the image file (.png or .svg; see {@link #checkExtension})
     * @param inputs  files the command read (never overwritten)
     * @param width   image width
     * @param height  image height
     * @param painter paints the image
     */
    static void write(Path file, Collection<Path> inputs, int width, int height, Consumer<Graphics2D> painter) {
        boolean svg = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg");
        Output.write(file, inputs, out -> {
            if (svg) {
                SvgImage.write(out, width, height, painter);
            } else {
                BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = image.createGraphics();
                try {
                    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                    painter.accept(g);
                } finally {
                    g.dispose();
                }
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("no PNG writer available");
                }
            }
        });
    }
}
