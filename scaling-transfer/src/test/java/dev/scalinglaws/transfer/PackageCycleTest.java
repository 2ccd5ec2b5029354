/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.datasets.Datasets;
import dev.scalinglaws.fit.FitProblem;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * No package cycles in the library modules (scaling-core, scaling-fit, scaling-transfer, scaling-datasets; this
 * module's tests see all four), from {@code jdeps -verbose:package} on their classes, so that fully qualified names
 * and nested types count as well as imports. In particular {@code fit.internal} (the engine) references nothing in
 * {@code fit} (the public face adapts to it: docs/architecture.md), {@code fit} never imports
 * {@code fit.uncertainty}, and {@code core} never imports its sub-packages.
 */
class PackageCycleTest {

    private static final Pattern EDGE = Pattern.compile("^\\s+(dev\\.scalinglaws\\.[\\w.]+)\\s+->\\s+"
            + "(dev\\.scalinglaws\\.[\\w.]+)\\s");

    private static Path classes(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** The package dependency graph of the library's main classes, without self-edges. */
    private static Map<String, Set<String>> graph() throws Exception {
        Optional<ToolProvider> jdeps = ToolProvider.findFirst("jdeps");
        Assumptions.assumeTrue(jdeps.isPresent(), "jdeps is part of the JDK");
        Map<String, Set<String>> graph = new TreeMap<>();
        // the modules resolve their requirements from the test class path (surefire names it in a property)
        String modulePath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (Path dir : List.of(classes(ScalingLaw.class), classes(FitProblem.class), classes(TransferLaws.class),
                classes(Datasets.class))) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = jdeps.get().run(new PrintWriter(out), new PrintWriter(err), "--module-path", modulePath,
                    "--multi-release", "17", "-verbose:package", "-filter:none", dir.toString());
            assertThat(status).as(out + " " + err).isZero();
            for (String line : out.toString().split("\n")) {
                Matcher m = EDGE.matcher(line);
                if (m.find() && !m.group(1).equals(m.group(2))) {
                    graph.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
                }
            }
        }
        return graph;
    }

    /** Each pair of packages that reach each other, "a <-> b" with a before b. */
    static List<String> cycles(Map<String, Set<String>> graph) {
        List<String> cycles = new ArrayList<>();
        Set<String> nodes = new TreeSet<>(graph.keySet());
        graph.values().forEach(nodes::addAll);
        for (String a : nodes) {
            for (String b : nodes) {
                if (a.compareTo(b) < 0 && reaches(graph, a, b, new TreeSet<>())
                        && reaches(graph, b, a, new TreeSet<>())) {
                    cycles.add(a + " <-> " + b);
                }
            }
        }
        return cycles;
    }

    @Test
    void thereIsNoPackageCycle() throws Exception {
        Map<String, Set<String>> graph = graph();
        assertThat(graph).as("jdeps found the packages of every library module").containsKeys(
                "dev.scalinglaws.core.dynamics", "dev.scalinglaws.fit.uncertainty", "dev.scalinglaws.transfer.shape",
                "dev.scalinglaws.datasets");
        assertThat(cycles(graph)).isEmpty();
        assertThat(graph.get("dev.scalinglaws.fit")).contains("dev.scalinglaws.fit.internal");
        assertThat(graph.getOrDefault("dev.scalinglaws.fit.internal", Set.of()))
                .doesNotContain("dev.scalinglaws.fit", "dev.scalinglaws.fit.uncertainty",
                        "dev.scalinglaws.fit.approaches");
        assertThat(graph.get("dev.scalinglaws.fit")).doesNotContain("dev.scalinglaws.fit.uncertainty");
        assertThat(graph.getOrDefault("dev.scalinglaws.core", Set.of())).doesNotContain(
                "dev.scalinglaws.core.dynamics", "dev.scalinglaws.core.formula", "dev.scalinglaws.core.shape");
    }

    @Test
    void theCycleFinderFindsIndirectCyclesAndNoOthers() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "d"),
                "d", Set.of("e"));
        assertThat(cycles(graph)).containsExactly("a <-> b", "a <-> c", "b <-> c");
        assertThat(cycles(Map.of("a", Set.of("b"), "b", Set.of("c")))).isEmpty();
    }

    private static boolean reaches(Map<String, Set<String>> graph, String from, String to, Set<String> seen) {
        if (from.equals(to)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        for (String next : graph.getOrDefault(from, Set.of())) {
            if (reaches(graph, next, to, seen)) {
                return true;
            }
        }
        return false;
    }
}
