/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every directory of bundled data ships a PROVENANCE.md that names its source and states its licence or terms, so
 * that nobody adds data to the published jar without saying under what terms it is redistributed.
 */
class ProvenanceTest {

    private static final Path DATA = Path.of("src/main/resources/dev/scalinglaws/datasets");

    @Test
    void everyBundledDatasetStatesItsSourceAndItsLicenceOrTerms() throws IOException {
        List<Path> datasets = dataDirectories();
        assertThat(datasets).as("bundled dataset directories").hasSizeGreaterThanOrEqualTo(3);
        for (Path dir : datasets) {
            Path provenance = dir.resolve("PROVENANCE.md");
            assertThat(provenance).as("%s has a PROVENANCE.md", dir.getFileName()).isRegularFile();
            String text = Files.readString(provenance, StandardCharsets.UTF_8);
            assertThat(text).as("%s/PROVENANCE.md names its paper and where the files come from", dir.getFileName())
                    .containsPattern("arXiv:\\d{4}\\.\\d{4,5}")
                    .contains("github.com/");
            assertThat(text).as("%s/PROVENANCE.md has a licence section", dir.getFileName())
                    .containsPattern("(?m)^## Licence and terms$");
            String section = text.substring(text.indexOf("## Licence and terms"));
            int next = section.indexOf("\n## ", 1);
            String body = next < 0 ? section : section.substring(0, next);
            assertThat(body.strip().lines().count())
                    .as("%s/PROVENANCE.md says something under its licence heading", dir.getFileName())
                    .isGreaterThan(1);
        }
    }

    /** The directories under the datasets package that hold data files (csv, json, txt). */
    private static List<Path> dataDirectories() throws IOException {
        try (Stream<Path> files = Files.walk(DATA)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(csv|json|txt)$"))
                    .map(p -> DATA.resolve(DATA.relativize(p).getName(0)))
                    .distinct()
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}
