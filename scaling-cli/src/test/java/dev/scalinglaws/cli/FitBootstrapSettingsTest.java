/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalinglaws.fit.uncertainty.IntervalMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code predict} reads a fit file's recorded bootstrap ({@link FitBootstrap#settings}): the interval method and
 * the resampling scheme come from the words of {@code interval.method}, whichever way they are spelled; a method that
 * names no interval is bad input (one line, exit 2), never an internal error (found by review: the bare
 * {@code "bootstrap"} used to throw StringIndexOutOfBoundsException, exit 3).
 */
class FitBootstrapSettingsTest {

    @TempDir
    Path dir;

    private Path fitWithMethod(String method) throws Exception {
        Path fit = dir.resolve("fit.json");
        Cli.Result r = Cli.run("fit", "--starts", "sobol:16", "--format", "json", "--output", fit.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(fit.toFile());
        ObjectNode interval = root.putObject("interval");
        interval.put("method", method);
        interval.put("level", 0.9);
        interval.put("resamples", 20);
        Files.writeString(fit, Json.MAPPER.writeValueAsString(root));
        return fit;
    }

    @Test
    void aMethodNamingNoIntervalIsBadInputInOneLine() throws Exception {
        Path fit = fitWithMethod("bootstrap");
        Cli.Result p = Cli.run("predict", "--fit", fit.toString(), "--at", "N=7e10,D=1.4e12", "--level", "0.9",
                "--threads", "1");
        assertThat(p.exit()).as(p.err()).isEqualTo(ScalingCommand.BAD_INPUT);
        assertThat(p.err()).doesNotContain("internal error").contains("interval.method 'bootstrap'");
        assertThat(p.err().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void theLibrarysAndTheCommandsSpellingsAreBothRead() throws Exception {
        FitBootstrap library = FitBootstrap.settings(FitFile.read(fitWithMethod("bootstrap-wild-percentile")), null,
                null, null, null, 1);
        assertThat(library.method()).isEqualTo(IntervalMethod.PERCENTILE);
        assertThat(library.scheme()).isEqualTo("wild");
        FitBootstrap command = FitBootstrap.settings(FitFile.read(fitWithMethod("bootstrap-basic (residual)")), null,
                null, null, null, 1);
        assertThat(command.method()).isEqualTo(IntervalMethod.BASIC);
        assertThat(command.scheme()).isEqualTo("residual");
        assertThat(command.resamples()).isEqualTo(20);
        assertThat(command.level()).isEqualTo(0.9);
    }
}
