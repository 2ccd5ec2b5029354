/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns README.md into the consumer project that the invoker plugin builds: copies the template projects and fills
 * them with the README's fenced code blocks, verbatim.
 *
 * <p>A block is taken when the line before its opening fence (blank lines allowed in between) is an HTML comment
 * {@code <!-- consumer-test: KIND -->}: {@code pom} (the dependency block, put in place of the line
 * {@code <!-- README: dependencies -->} of the template's pom.xml) and {@code java} (a complete source file, written
 * under src/main/java as its package and public class say; the class becomes the main class). Each kind must occur
 * exactly once, so a README that loses its markers fails the build instead of testing nothing.
 *
 * <p>Run as a single-file program: {@code java ReadmeProject.java README.md src/it target/readme-projects}.
 */
public final class ReadmeProject {

    private static final Pattern MARKED_BLOCK = Pattern.compile(
            "<!--\\s*consumer-test:\\s*([a-z]+)\\s*-->[ \\t]*\\R(?:[ \\t]*\\R)*```([a-z]*)[ \\t]*\\R(.*?)^```[ \\t]*$",
            Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern PUBLIC_CLASS = Pattern.compile("^public\\s+(?:final\\s+)?class\\s+(\\w+)",
            Pattern.MULTILINE);
    private static final String POM_MARKER = "<!-- README: dependencies -->";

    private ReadmeProject() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            fail("usage: java ReadmeProject.java README.md TEMPLATE_DIR OUTPUT_DIR");
        }
        Path readme = Path.of(args[0]);
        Path templates = Path.of(args[1]);
        Path output = Path.of(args[2]);
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        String pomBlock = block(text, "pom", "xml", readme);
        String javaBlock = block(text, "java", "java", readme);

        Matcher cls = PUBLIC_CLASS.matcher(javaBlock);
        if (!cls.find()) {
            fail(readme + ": the consumer-test java block declares no public class (it must be a whole source file,"
                    + " imports included)");
        }
        Matcher pkg = PACKAGE.matcher(javaBlock);
        String packageName = pkg.find() ? pkg.group(1) : "";
        String mainClass = packageName.isEmpty() ? cls.group(1) : packageName + "." + cls.group(1);

        deleteRecursively(output);
        Path project = output.resolve("readme-consumer");
        copyRecursively(templates.resolve("readme-consumer"), project);
        Path pom = project.resolve("pom.xml");
        String template = Files.readString(pom, StandardCharsets.UTF_8);
        if (!template.contains(POM_MARKER)) {
            fail(pom + ": no line " + POM_MARKER);
        }
        Files.writeString(pom, template.replace(POM_MARKER, pomBlock.strip())
                .replace("@readme.mainClass@", mainClass), StandardCharsets.UTF_8);
        Path source = project.resolve("src/main/java")
                .resolve(packageName.replace('.', '/'))
                .resolve(cls.group(1) + ".java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, javaBlock, StandardCharsets.UTF_8);
        System.out.println("README.md -> " + project + " (main class " + mainClass + ")");
    }

    private static String block(String text, String kind, String language, Path readme) {
        List<String> found = new ArrayList<>();
        Matcher m = MARKED_BLOCK.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(kind)) {
                if (!m.group(2).equals(language)) {
                    fail(readme + ": the block marked consumer-test: " + kind + " is fenced as '" + m.group(2)
                            + "', expected '" + language + "'");
                }
                found.add(m.group(3));
            }
        }
        if (found.size() != 1) {
            fail(readme + ": expected exactly one ```" + language + " block right after <!-- consumer-test: " + kind
                    + " -->, found " + found.size());
        }
        return found.get(0);
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(p -> {
                Path target = to.resolve(from.relativize(p).toString());
                try {
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void fail(String message) {
        System.err.println("ReadmeProject: " + message);
        System.exit(1);
    }
}
