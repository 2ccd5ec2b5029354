/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * SVG output of {@link Charts#write}: the painter draws into Apache Batik's {@link SVGGraphics2D} (batik-svggen),
 * which records every Java2D call as SVG elements of a DOM document (the JDK's own DOM implementation, so no Batik
 * DOM module is bundled), then streams it as UTF-8 with the style as CSS {@code style} attributes. Text stays text
 * ({@code <text>} elements, fonts by family name, none embedded). A class of its own so that Batik is loaded only
 * when an SVG file is written, never on the command's other paths.
 */
final class SvgImage {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    private SvgImage() {
    }

    /**
     * Paints an image of the given size and writes it as an SVG document.
     *
     * @param out     where the SVG goes (not closed)
     * @param width   image width in pixels (user units)
     * @param height  image height in pixels
     * @param painter paints the image
     * @throws IOException if writing fails
     */
    static void write(OutputStream out, int width, int height, Consumer<Graphics2D> painter) throws IOException {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
                    .createDocument(SVG_NS, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML document builder available", e);
        }
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(doc);
        context.setComment(null);
        SVGGraphics2D g = new SVGGraphics2D(context, false);
        g.setSVGCanvasSize(new Dimension(width, height));
        try {
            painter.accept(g);
            Element root = g.getRoot();
            // a viewBox as well as width and height, so that a viewer can scale the drawing
            root.setAttributeNS(null, "viewBox", String.format(Locale.ROOT, "0 0 %d %d", width, height));
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            g.stream(root, w, true, false);
            w.flush();
        } finally {
            g.dispose();
        }
    }
}
