/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * No package import cycles in scaling-core and scaling-fit (from {@code jdeps -verbose:package} on their classes),
 * except the one the architecture page names: {@code fit.internal} uses a few {@code fit} value types.
 */
class PackageCycleTest {

    private static final Pattern EDGE = Pattern.compile("^\\s+(dev\\.scalinglaws\\.[\\w.]+)\\s+->\\s+"
            + "(dev\\.scalinglaws\\.[\\w.]+)\\s");

    private static Path classes(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void theOnlyCycleIsFitWithItsInternalPackage() throws Exception {
        Optional<ToolProvider> jdeps = ToolProvider.findFirst("jdeps");
        Assumptions.assumeTrue(jdeps.isPresent(), "jdeps is part of the JDK");
        Map<String, Set<String>> graph = new TreeMap<>();
        // the modules resolve their requirements from the test class path (surefire names it in a property)
        String modulePath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (Path dir : List.of(classes(ScalingLaw.class), classes(FitProblem.class))) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = jdeps.get().run(new PrintWriter(out), new PrintWriter(err), "--module-path", modulePath,
                    "-verbose:package", "-filter:none", dir.toString());
            assertThat(status).as(out + " " + err).isZero();
            for (String line : out.toString().split("\n")) {
                Matcher m = EDGE.matcher(line);
                if (m.find() && !m.group(1).equals(m.group(2))) {
                    graph.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
                }
            }
        }
        assertThat(graph).as("jdeps found the packages").containsKey("dev.scalinglaws.fit.uncertainty");
        List<String> cycles = new ArrayList<>();
        for (String a : graph.keySet()) {
            for (String b : graph.get(a)) {
                if (a.compareTo(b) < 0 && reaches(graph, b, a, new TreeSet<>())) {
                    cycles.add(a + " <-> " + b);
                }
            }
        }
        assertThat(cycles).containsExactly("dev.scalinglaws.fit <-> dev.scalinglaws.fit.internal");
        assertThat(graph.get("dev.scalinglaws.fit")).doesNotContain("dev.scalinglaws.fit.uncertainty");
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
