/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: runs the shaded jar (and the launcher script) as processes, with stdout and stderr piped. Run by
 * maven-failsafe in {@code verify}, after the shade plugin has built {@code target/scaling.jar}; skipped if the jar
 * does not exist.
 */
class ScalingJarIT {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("scaling.jar", "target/scaling.jar"));
        assumeTrue(Files.isRegularFile(jar), "the shaded jar " + jar + " has not been built");
        return jar;
    }

    private Run run(List<String> command) throws IOException, InterruptedException {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("SCALING_NO_BUILD", "1");
        Process p = pb.start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("finished in time").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private Run java(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    @Test
    void fitsTheBundledDataAsJsonWithNothingOnStderr() throws Exception {
        Run r = java("fit", "--starts", "sobol:32", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).as("no progress bar or log noise when piped").isEmpty();
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(n.get("schema").asText()).isEqualTo("scalinglaws.fit/1");
        assertThat(n.at("/data/used").asInt()).isEqualTo(240);
        assertThat(n.get("status").asText()).isEqualTo("CONVERGED");
    }

    @Test
    void badInputExitsTwoWithOneLine() throws Exception {
        Files.writeString(dir.resolve("bad.csv"), "N,D,loss\n1e8,2e9,3.5\n2e8,x,3.2\n");
        Run r = java("fit", "--data", "bad.csv");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).contains("bad.csv", "row 2", "column 'D'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void versionAndShape() throws Exception {
        Run v = java("--version");
        assertThat(v.exit()).isZero();
        assertThat(v.out()).startsWith("scaling ");
        Run s = java("shape", "--family", "t5", "--config", "base");
        assertThat(s.out()).contains("222,903,552");
    }

    @Test
    void launcherRunsFromAnyDirectory() throws Exception {
        Path launcher = launcher();
        Run r = run(List.of(launcher.toString(), "shape", "--family", "t5", "--config", "base"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("222,903,552");
    }

    /**
     * The launcher runs the JVM with the Vector API module (the vectorised kernels) and drops the JVM's one-line
     * notice about it: stderr stays empty on success and one line on bad input, with the exit code passed through.
     */
    @Test
    void launcherKeepsStderrCleanAndPassesTheExitCode() throws Exception {
        Path launcher = launcher();
        Run ok = run(List.of(launcher.toString(), "fit", "--starts", "sobol:8", "--format", "json"));
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.err()).isEmpty();
        assertThat(Json.MAPPER.readTree(ok.out()).get("status").asText()).isEqualTo("CONVERGED");
        Files.writeString(dir.resolve("bad.csv"), "N,D,loss\n1e8,2e9,3.5\n2e8,x,3.2\n");
        Run bad = run(List.of(launcher.toString(), "fit", "--data", "bad.csv"));
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().lines().toList()).hasSize(1);
        assertThat(bad.err()).contains("bad.csv", "row 2", "column 'D'").doesNotContain("incubator");
        assertThat(bad.out()).isEmpty();
    }

    @Test
    void bootstrapAndOptimalPrintIntervals() throws Exception {
        Run fit = java("fit", "--starts", "sobol:32", "--interval", "bootstrap", "--resamples", "100");
        assertThat(fit.exit()).as(fit.err()).isZero();
        assertThat(fit.out()).contains("lower", "upper", "bootstrap-bca (case) intervals, 100 resamples");
        Run json = java("fit", "--starts", "sobol:32", "--format", "json", "--output", "fit.json");
        assertThat(json.exit()).as(json.err()).isZero();
        Run optimal = java("optimal", "--fit", "fit.json", "--compute", "5.88e23");
        assertThat(optimal.exit()).as(optimal.err()).isZero();
        assertThat(optimal.out()).containsPattern("parameters N +7\\.\\d+e10 +\\[")
                .contains("95% intervals");
    }

    @Test
    void aTerminationSignalInterruptsWithOneLineAndNoOutputFile() throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar().toString(), "fit", "--interval", "bootstrap", "--resamples", "1000000", "--output", "boot.json");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        // wait (without sleeping) until the JVM is busy with the bootstrap: 2 s of CPU time, or a 60 s limit
        long limit = System.nanoTime() + 60_000_000_000L;
        while (p.isAlive() && System.nanoTime() < limit && p.toHandle().info().totalCpuDuration()
                .map(d -> d.toMillis() < 2000).orElse(false)) {
            p.waitFor(100, TimeUnit.MILLISECONDS);
        }
        assertThat(p.isAlive()).as("still running when interrupted").isTrue();
        p.destroy(); // SIGTERM: the shutdown hook interrupts the work, as Ctrl-C (SIGINT) does on a terminal
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stopped in time").isTrue();
        assertThat(Files.readString(err, StandardCharsets.UTF_8).lines().toList())
                .containsExactly("scaling fit: interrupted");
        assertThat(dir.resolve("boot.json")).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
    /** Runs the launcher under bash with {@code > out.txt 2>&1}: stdout and stderr share one file and one offset. */
    private Run launcherToOneFile(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "\"$0\" \"$@\" > both.txt 2>&1",
                launcher().toString()));
        cmd.addAll(List.of(args));
        Run r = run(cmd);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
        return new Run(r.exit(), Files.readString(dir.resolve("both.txt"), StandardCharsets.UTF_8), "");
    }

    /**
     * Review (issue 18): under {@code > log 2>&1} the launcher's reopened {@code /dev/fd/4} had an offset of its
     * own, so the error came out truncated or out of order and the derived-column warning was overwritten by the
     * table. Now the command writes through the caller's descriptor: every line is there, whole, in the order
     * written (the warning, printed while the data is prepared, before the table).
     */
    @Test
    void launcherKeepsStdoutAndStderrInOrderInOneFile() throws Exception {
        Run missing = launcherToOneFile("fit", "--data", "missing.csv");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.out()).isEqualTo("scaling fit: missing.csv: no such file\n");

        Files.writeString(dir.resolve("c.csv"), "N,C,loss\n1e8,1.2e18,3.5\n2e8,2.4e18,3.2\n4e8,9.6e18,3.0\n"
                + "8e8,3e19,2.9\n1.6e9,1e20,2.7\n3e9,4e20,2.6\n");
        Run derived = launcherToOneFile("fit", "--data", "c.csv", "--starts", "sobol:8", "--format", "json");
        assertThat(derived.exit()).as(derived.out()).isIn(0, 1);
        String first = derived.out().lines().findFirst().orElseThrow();
        assertThat(first).startsWith("warning: derived D").contains("D = C / (6 N)");
        // the rest is the whole JSON document, nothing before, inside or after it
        assertThat(derived.out()).endsWith("}\n");
        JsonNode n = Json.MAPPER.readTree(derived.out().substring(first.length() + 1));
        assertThat(n.get("schema").asText()).isEqualTo("scalinglaws.fit/1");
        assertThat(n.at("/data/rows").asInt()).isEqualTo(6);
    }

    /** {@code --data -} reads stdin and {@code --output -} writes stdout, through the launcher. */
    @Test
    void launcherReadsStdinAndWritesStdoutForDash() throws Exception {
        Files.writeString(dir.resolve("runs.csv"), "N,D,loss\n1e8,2e9,3.5\n2e8,4e9,3.2\n4e8,8e9,3.0\n"
                + "8e8,1.6e10,2.9\n1.6e9,3.2e10,2.7\n3e9,6e10,2.6\n");
        List<String> cmd = List.of("bash", "-c", "\"$0\" fit --data - --starts sobol:8 --format json --output - "
                + "< runs.csv", launcher().toString());
        Run r = run(cmd);
        assertThat(r.exit()).as(r.err()).isIn(0, 1);
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(n.at("/data/source").asText()).isEqualTo("stdin");
        assertThat(n.at("/data/rows").asInt()).isEqualTo(6);
        assertThat(dir.resolve("-")).doesNotExist();
    }

    private static Path launcher() {
        jar();
        Path launcher = Path.of(System.getProperty("scaling.launcher", "../scaling")).toAbsolutePath().normalize();
        assumeTrue(Files.isExecutable(launcher), "no launcher at " + launcher);
        return launcher;
    }

    /**
     * Review: the launcher's filter looks only at the first stderr line, but the JVM prints "Picked up
     * JAVA_TOOL_OPTIONS: ..." (or "NOTE: Picked up JDK_JAVA_OPTIONS: ...") before the incubator notice, which then
     * reaches the user.
     */
    @Test
    void launcherDropsTheIncubatorNoticeWhenJavaToolOptionsAreSet() throws Exception {
        Path launcher = launcher();
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "--version").directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("SCALING_NO_BUILD", "1");
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Xss2m");
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(Files.readString(err, StandardCharsets.UTF_8)).doesNotContain("incubator");
    }

    /**
     * The launcher hands its PID to the JVM ({@code exec}), so SIGTERM to it (kill PID, Python's
     * Popen.terminate(), a CI runner cancelling a step) reaches the JVM and leaves no process behind.
     */
    @Test
    void terminatingTheLauncherTerminatesTheJvm() throws Exception {
        Path launcher = launcher();
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "fit", "--interval", "bootstrap", "--resamples",
                "100000", "--threads", "1").directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("SCALING_NO_BUILD", "1");
        Process p = pb.start();
        try {
            // wait (polling the process's exit with a short timeout, no sleep) until bash has exec'd the JVM
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!p.info().command().orElse("").endsWith("java") && System.nanoTime() < deadline) {
                assertThat(p.waitFor(20, TimeUnit.MILLISECONDS)).as("the launcher ended early").isFalse();
            }
            assertThat(p.info().command().orElse("")).as("the launcher's PID runs the JVM").endsWith("java");
            p.destroy(); // SIGTERM to the launcher's PID
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the JVM ended on SIGTERM").isTrue();
            assertThat(p.descendants().filter(ProcessHandle::isAlive).count()).isZero();
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
