/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the runnable jar bundles (issue 18: a publishable Apache-2.0 jar): no VectorGraphics2D (LGPL-3.0, which XChart
 * would bring; excluded), no artifact under a GPL-family licence in its third-party list, Batik's licence and notice
 * files kept, and an SVG plot drawn by the jar as it is (so nothing on that path needs the excluded library). Run by
 * maven-failsafe after the shade plugin has built {@code target/scaling.jar}; skipped if the jar does not exist.
 */
class RunnableJarLicenceIT {

    @TempDir
    Path dir;

    private static Path jar() {
        Path jar = Path.of(System.getProperty("scaling.jar", "target/scaling.jar"));
        assumeTrue(Files.isRegularFile(jar), "the shaded jar " + jar + " has not been built");
        return jar;
    }

    private static List<String> entries(ZipFile zip) {
        return Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
    }

    private static String read(ZipFile zip, String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        assertThat(e).as(name).isNotNull();
        try (InputStream in = zip.getInputStream(e)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void bundlesNoVectorGraphics2DAndNoGplFamilyArtifact() throws Exception {
        try (ZipFile zip = new ZipFile(jar().toFile())) {
            List<String> names = entries(zip);
            assertThat(names).as("the jar holds classes").contains("dev/scalinglaws/cli/ScalingCommand.class");
            assertThat(names).noneMatch(n -> n.startsWith("de/erichseifert/"));
            assertThat(names).noneMatch(n -> n.toLowerCase(java.util.Locale.ROOT).contains("vectorgraphics"));
            // nor PDFBox, which served only XChart's PDF export
            assertThat(names).noneMatch(n -> n.startsWith("org/apache/pdfbox/") || n.startsWith("de/rototor/")
                    || n.startsWith("org/knowm/xchart/PdfboxGraphicsEncoder"));
            String thirdParty = read(zip, "META-INF/licenses/THIRD-PARTY.txt");
            List<String> artifacts = thirdParty.lines().filter(l -> l.startsWith("     (")).toList();
            assertThat(artifacts).as("third-party list").hasSizeGreaterThan(20);
            // each line starts with the licence(s) the artifact's pom declares, in parentheses
            assertThat(artifacts).noneMatch(l -> l.contains("GPL") || l.contains("General Public License"));
            assertThat(thirdParty).doesNotContain("VectorGraphics2D");
        }
    }

    @Test
    void keepsBatiksLicenceAndNoticeFiles() throws Exception {
        try (ZipFile zip = new ZipFile(jar().toFile())) {
            for (String a : List.of("batik-svggen", "batik-awt-util", "batik-util", "batik-constants", "batik-i18n",
                    "batik-shared-resources", "xmlgraphics-commons")) {
                assertThat(read(zip, "META-INF/licenses/" + a + "/LICENSE")).as(a).contains("Apache License");
                assertThat(read(zip, "META-INF/licenses/" + a + "/NOTICE")).as(a)
                        .contains("The Apache Software Foundation");
            }
            assertThat(read(zip, "META-INF/licenses/THIRD-PARTY.txt"))
                    .contains("(The Apache Software License, Version 2.0) org.apache.xmlgraphics:batik-svggen");
            assertThat(read(zip, "META-INF/NOTICE")).contains("Apache Batik", "scalinglaws");
        }
    }

    @Test
    void theJarWritesAnSvgPlotWithoutVectorGraphics2D() throws Exception {
        Path svg = dir.resolve("fit.svg");
        plot(svg);
        PlotCommandTest.assertWellFormedSvg(svg);
    }

    @Test
    void theJarWritesAPngPlotWithoutPdfBox() throws Exception {
        Path png = dir.resolve("fit.png");
        plot(png);
        assertThat(javax.imageio.ImageIO.read(png.toFile())).as("a readable PNG").isNotNull();
    }

    private void plot(Path file) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar().toString(), "fit", "--starts", "sobol:8", "--plot", file.toString())
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("finished in time").isTrue();
        String out = Files.readString(dir.resolve("out.txt"));
        assertThat(p.exitValue()).as(out).isIn(0, 1);
        assertThat(out).doesNotContain("NoClassDefFoundError", "Exception");
    }
}
