package dev.scalinglaws.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review of FitBootstrap.settings: FitFile.bootstrapped() accepts any interval.method starting with "bootstrap", but
 * settings() then takes method.substring("bootstrap-".length()), which throws StringIndexOutOfBoundsException for
 * the 9-character "bootstrap": predict reports an internal error (exit 3) instead of a one-line bad-input error.
 */
class FitBootstrapReviewTest {

    @TempDir
    Path dir;

    @Test
    void aFitWhoseIntervalMethodIsJustBootstrapIsBadInputNotAnInternalError() throws Exception {
        Path fit = dir.resolve("fit.json");
        Cli.Result r = Cli.run("fit", "--starts", "sobol:16", "--format", "json", "--output", fit.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(fit.toFile());
        ObjectNode interval = root.putObject("interval");
        interval.put("method", "bootstrap");
        interval.put("level", 0.9);
        Files.writeString(fit, Json.MAPPER.writeValueAsString(root));
        Cli.Result p = Cli.run("predict", "--fit", fit.toString(), "--at", "N=7e10,D=1.4e12", "--level", "0.9",
                "--resamples", "20", "--threads", "1");
        assertThat(p.err()).doesNotContain("internal error");
        assertThat(p.exit()).as(p.err()).isIn(0, ScalingCommand.BAD_INPUT);
    }
}
