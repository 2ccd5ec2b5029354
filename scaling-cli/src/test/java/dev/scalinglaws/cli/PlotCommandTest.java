/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rendered plots decode, have the expected size, and every panel is drawn (not blank); SVG is well-formed XML. */
class PlotCommandTest {

    @TempDir
    Path dir;

    /**
     * Decodes a PNG and checks its size and, panel by panel, that each region holds a drawing: many colours, a
     * share of non-white pixels and a spread of brightness (a blank or single-colour region fails).
     */
    static void assertRendered(Path png, List<Rectangle> panels) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        int height = panels.stream().mapToInt(r -> r.y + r.height).max().orElseThrow();
        assertThat(image.getWidth()).isEqualTo(Plots.WIDTH);
        assertThat(image.getHeight()).isEqualTo(height);
        for (int p = 0; p < panels.size(); p++) {
            Rectangle r = panels.get(p);
            Set<Integer> colours = new HashSet<>();
            long nonWhite = 0;
            long count = 0;
            double sum = 0;
            double sumSq = 0;
            for (int y = r.y; y < r.y + r.height; y++) {
                for (int x = r.x; x < r.x + r.width; x++) {
                    int rgb = image.getRGB(x, y) & 0xFFFFFF;
                    colours.add(rgb);
                    double lum = 0.299 * (rgb >> 16 & 0xFF) + 0.587 * (rgb >> 8 & 0xFF) + 0.114 * (rgb & 0xFF);
                    sum += lum;
                    sumSq += lum * lum;
                    count++;
                    if (rgb != 0xFFFFFF) {
                        nonWhite++;
                    }
                }
            }
            double mean = sum / count;
            double variance = sumSq / count - mean * mean;
            assertThat(colours.size()).as("distinct colours in panel %d %s", p, r).isGreaterThan(20);
            assertThat((double) nonWhite / count).as("non-white share in panel %d %s", p, r).isGreaterThan(0.02);
            assertThat(variance).as("brightness variance in panel %d %s", p, r).isGreaterThan(100);
        }
    }

    static void assertWellFormedSvg(Path svg) throws Exception {
        String text = Files.readString(svg);
        assertThat(text).contains("<svg").contains("</svg>");
        assertThat(text.length()).isGreaterThan(10_000);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setNamespaceAware(true);
        org.w3c.dom.Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(svg)));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
    }

    @Test
    void plotCommandRendersEveryPanelOfTheFit() throws Exception {
        Path png = dir.resolve("fit.png");
        Cli.Result r = Cli.run("plot", "--fit", Fixtures.chinchillaFit().toString(), "--extrapolate-to", "1e25",
                "--output", png.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("no bootstrap panels").doesNotContain("no bands");
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertRendered(png, Plots.rectangles(true, 0));
    }

    @Test
    void fitPlotWithABootstrapDrawsOneHistogramPerParameterAndWritesSvg() throws Exception {
        Path png = dir.resolve("boot.png");
        Cli.Result r = Cli.run("fit", "--starts", "sobol:8", "--interval", "bootstrap", "--resamples", "40",
                "--plot", png.toString());
        assertThat(r.exit()).as(r.err()).isIn(0, 1);
        assertRendered(png, Plots.rectangles(true, 5));
        Path svg = dir.resolve("fit.svg");
        Cli.Result s = Cli.run("fit", "--starts", "sobol:8", "--plot", svg.toString());
        assertThat(s.exit()).as(s.err()).isIn(0, 1);
        assertWellFormedSvg(svg);
    }

    @Test
    void plotCommandWritesWellFormedSvg() throws Exception {
        Path svg = dir.resolve("plot.svg");
        Cli.Result r = Cli.run("plot", "--fit", Fixtures.chinchillaFit().toString(), "--output", svg.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertWellFormedSvg(svg);
    }

    @Test
    void singleCovariateLawsAndUserDataPlotToo() throws Exception {
        Path csv = Fixtures.write(dir, "n.csv", "N,loss\n1e6,5.1\n1e7,4.3\n1e8,3.7\n1e9,3.2\n1e10,2.8\n");
        Path json = dir.resolve("fit.json");
        Cli.Result fit = Cli.run("fit", "--data", csv.toString(), "--law", "kaplan-n", "--format", "json",
                "--output", json.toString());
        assertThat(fit.exit()).as(fit.err()).isIn(0, 1);
        Path png = dir.resolve("n.png");
        Cli.Result r = Cli.run("plot", "--fit", json.toString(), "--output", png.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertRendered(png, Plots.rectangles(false, 0));
    }

    @Test
    void helpTextsFormatWithoutPicocliWarnings() {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(Cli.run("plot", "--help").out()).contains("--extrapolate-to").contains("95% band");
            assertThat(Cli.run("fit", "--help").out()).contains("95% band");
        } finally {
            System.setErr(saved);
        }
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }

    @Test
    void badPlotTargets() {
        String fit = Fixtures.chinchillaFit().toString();
        assertThat(Cli.run("plot", "--fit", fit, "--output", dir.resolve("x.gif").toString()).err())
                .contains(".png or .svg");
        assertThat(Cli.run("plot", "--fit", fit, "--output", dir.resolve("no/such/dir.png").toString()).exit())
                .isEqualTo(2);
        assertThat(Cli.run("plot", "--fit", fit, "--extrapolate-to", "-1", "--output",
                dir.resolve("x.png").toString()).err()).contains("--extrapolate-to");
    }
}
