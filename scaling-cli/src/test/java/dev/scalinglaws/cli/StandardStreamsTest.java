/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unix conventions: {@code -} for stdin and stdout, progress bars and colour only where they belong. */
class StandardStreamsTest {

    private static final String RUNS = "N,D,loss\n1e8,2e9,3.5\n2e8,4e9,3.2\n4e8,8e9,3.0\n8e8,1.6e10,2.9\n"
            + "1.6e9,3.2e10,2.7\n3e9,6e10,2.6\n";

    @TempDir
    Path dir;

    private static Cli.Result withStdin(String input, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return Cli.run(args);
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void dataDashReadsStdinAndFitsTheSameAsTheFile() throws Exception {
        Path file = dir.resolve("runs.csv");
        Files.writeString(file, RUNS);
        Cli.Result fromStdin = withStdin(RUNS, "fit", "--data", "-", "--starts", "sobol:8", "--format", "json");
        Cli.Result fromFile = Cli.run("fit", "--data", file.toString(), "--starts", "sobol:8", "--format", "json");
        assertThat(fromStdin.exit()).as(fromStdin.err()).isEqualTo(fromFile.exit());
        JsonNode a = Json.MAPPER.readTree(fromStdin.out());
        JsonNode b = Json.MAPPER.readTree(fromFile.out());
        assertThat(a.at("/data/source").asText()).isEqualTo("stdin");
        assertThat(a.at("/data/rows").asInt()).isEqualTo(6);
        assertThat(a.get("objective").asDouble()).isEqualTo(b.get("objective").asDouble());
        assertThat(a.get("parameters")).isEqualTo(b.get("parameters"));
    }

    @Test
    void badInputOnStdinNamesStdinRowAndColumn() {
        Cli.Result r = withStdin("N,D,loss\n1e8,2e9,3.5\n2e8,x,3.2\n", "fit", "--data", "-");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().contains("stdin", "row 2", "column 'D'");
    }

    @Test
    void outputDashWritesStdoutAndNoFileNamedDash() throws Exception {
        Cli.Result r = Cli.run("datasets", "export", "chinchilla", "--output", "-");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(Cli.run("datasets", "export", "chinchilla").out()).hasLineCount(246);
        Cli.Result fit = Cli.run("fit", "--starts", "sobol:8", "--format", "json", "--output", "-");
        assertThat(fit.exit()).as(fit.err()).isZero();
        assertThat(Json.MAPPER.readTree(fit.out()).get("schema").asText()).isEqualTo("scalinglaws.fit/1");
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test
    void progressOnlyWhenStderrIsATerminalThatIsNotDumb() {
        Map<String, String> xterm = Map.of("TERM", "xterm-256color");
        assertThat(Terminal.progress(xterm, "true", () -> null)).isTrue();
        // the launcher's answer wins over /proc: stdout on a terminal and 2>err.log gives "false"
        assertThat(Terminal.progress(xterm, "false", () -> "/dev/pts/0")).isFalse();
        assertThat(Terminal.progress(Map.of("TERM", "dumb"), "true", () -> "/dev/pts/0")).isFalse();
        // without the launcher: where fd 2 points
        assertThat(Terminal.progress(xterm, null, () -> "/dev/pts/3")).isTrue();
        assertThat(Terminal.progress(xterm, null, () -> "/tmp/err.log")).isFalse();
        assertThat(Terminal.progress(xterm, null, () -> "pipe:[1234]")).isFalse();
        assertThat(Terminal.progress(xterm, null, () -> null)).isFalse();
    }

    @Test
    void colourOffForNoColorAndDumbTerminals() {
        assertThat(Terminal.colour(Map.of("TERM", "xterm"))).isTrue();
        assertThat(Terminal.colour(Map.of("TERM", "xterm", "NO_COLOR", "1"))).isFalse();
        assertThat(Terminal.colour(Map.of("TERM", "xterm", "NO_COLOR", ""))).isTrue();
        assertThat(Terminal.colour(Map.of("TERM", "dumb"))).isFalse();
        assertThat(Terminal.colour(Map.of())).isTrue();
    }

    /** --version names the commit the jar was built from (captured by the build), or says it is unknown. */
    @Test
    void versionNamesTheCommit() {
        Cli.Result v = Cli.run("--version");
        assertThat(v.exit()).isZero();
        assertThat(v.out().lines().findFirst().orElseThrow())
                .matches("scaling \\S+ \\(dev\\.scalinglaws, commit ([0-9a-f]{12}( \\(modified\\))?|unknown)\\)");
        if (Files.exists(Path.of("..", ".git"))) { // built from a git checkout: the commit is known
            assertThat(v.out()).containsPattern("commit [0-9a-f]{12}");
        }
        assertThat(ScalingCommand.commit("0123456789ab", "0")).isEqualTo("commit 0123456789ab");
        assertThat(ScalingCommand.commit("0123456789ab+modified", "0")).isEqualTo("commit 0123456789ab (modified)");
        assertThat(ScalingCommand.commit("", "128")).isEqualTo("commit unknown"); // not a repository
        assertThat(ScalingCommand.commit("${scaling.commit}", "${scaling.commit.status}")) // no git
                .isEqualTo("commit unknown");
        assertThat(ScalingCommand.commit(null, null)).isEqualTo("commit unknown");
    }
}
