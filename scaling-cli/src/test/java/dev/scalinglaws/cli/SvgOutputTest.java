/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The SVG that {@code scaling plot --output x.svg} writes (Batik's SVGGraphics2D, {@link SvgImage}), read back as
 * XML: its size is the layout's, its title is text a reader can select and search, and the charts are drawn as
 * paths and lines.
 */
class SvgOutputTest {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    @TempDir
    Path dir;

    private static Document parse(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // the DOCTYPE names the SVG DTD by URL: never fetch it
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(svg.toFile());
    }

    private static List<String> texts(Document doc) {
        NodeList nodes = doc.getElementsByTagNameNS(SVG_NS, "text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    @Test
    void plotSvgHasTheTitleAsTextAndTheChartsAsPathsAndLines() throws Exception {
        Path svg = dir.resolve("plot.svg");
        Cli.Result r = Cli.run("plot", "--fit", Fixtures.chinchillaFit().toString(), "--output", svg.toString());
        assertThat(r.exit()).as(r.err()).isZero();

        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(SVG_NS);
        assertThat(root.getLocalName()).isEqualTo("svg");
        int height = Plots.rectangles(true, 0).stream().mapToInt(p -> p.y + p.height).max().orElseThrow();
        assertThat(root.getAttribute("width")).isEqualTo(Integer.toString(Plots.WIDTH));
        assertThat(root.getAttribute("height")).isEqualTo(Integer.toString(height));
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 " + Plots.WIDTH + " " + height);

        // the page title is drawn with drawString: one text element, spaces kept as drawn (xml:space="preserve");
        // XChart draws its chart titles, axis titles and tick labels as glyph outlines (paths), as it did before
        assertThat(texts(doc)).containsExactly(
                "chinchilla fit: L = E + A/N^alpha + B/D^beta  |  dataset:chinchilla, 240 rows fitted");

        int paths = doc.getElementsByTagNameNS(SVG_NS, "path").getLength();
        int lines = doc.getElementsByTagNameNS(SVG_NS, "line").getLength();
        assertThat(paths).as("path elements (curves, bands, markers, glyphs)").isGreaterThan(200);
        assertThat(lines).as("line elements (grid lines and ticks)").isGreaterThan(200);
        assertThat(Files.readString(svg)).doesNotContain("erichseifert");
    }
}
