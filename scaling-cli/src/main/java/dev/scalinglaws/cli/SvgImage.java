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
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.batik.svggen.SVGCSSStyler;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * SVG output of {@link Charts#write}: the painter draws into Apache Batik's {@link SVGGraphics2D} (batik-svggen),
 * which records every Java2D call as SVG elements of a DOM document (the JDK's own DOM implementation, so no Batik
 * DOM module is bundled); the style goes into CSS {@code style} attributes (Batik's {@link SVGCSSStyler}, as
 * {@code SVGGraphics2D.stream(writer, true)} does) and the JDK's XML serializer writes it as UTF-8. Text stays text
 * ({@code <text>} elements, fonts by family name, none embedded). A class of its own so that Batik is loaded only
 * when an SVG file is written, never on the command's other paths.
 */
final class SvgImage {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    private static final String XMLNS_NS = "http://www.w3.org/2000/xmlns/";

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
            root.setAttributeNS(XMLNS_NS, "xmlns", SVG_NS);
            root.setAttributeNS(XMLNS_NS, "xmlns:xlink", XLINK_NS);
            doc.replaceChild(root, doc.getDocumentElement());
            // what SVGGraphics2D.stream(writer, true) does: the style as CSS style attributes
            SVGCSSStyler.style(root);
            serialize(doc, out);
        } finally {
            g.dispose();
        }
    }

    /**
     * Writes the document as UTF-8 XML with the SVG 1.1 document type, indented (Batik's own XmlWriter puts the
     * closing bracket of every tag on the next line; the JDK's serializer writes conventional XML).
     */
    private static void serialize(Document doc, OutputStream out) throws IOException {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.METHOD, "xml");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "1");
            t.setOutputProperty(OutputKeys.DOCTYPE_PUBLIC, "-//W3C//DTD SVG 1.1//EN");
            t.setOutputProperty(OutputKeys.DOCTYPE_SYSTEM, "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd");
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            t.transform(new DOMSource(doc), new StreamResult(w));
            w.flush();
        } catch (TransformerException e) {
            throw new IOException("cannot write the SVG document: " + e.getMessage(), e);
        }
    }
}
