/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input (the reliability engineer's list, docs/reliability.md): every case exits 2 with the library's message
 * on one stderr line and no stack trace; all rows at one N exits 1 with the result written; an interruption exits 130
 * with one line and leaves no output file behind.
 */
class HostileInputTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) {
        return Fixtures.write(dir, name, content);
    }

    private static void assertOneLine(Cli.Result r, String... fragments) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.errLines()).as(r.err()).hasSize(1);
        assertThat(r.err()).contains(fragments).doesNotContain("Exception", "\tat ");
        assertThat(r.out()).isEmpty();
    }

    private static Cli.Result fit(Path data, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "fit";
        args[1] = "--data";
        args[2] = data.toString();
        args[3] = "--starts=sobol:4";
        System.arraycopy(more, 0, args, 4, more.length);
        return Cli.run(args);
    }

    @Test
    void malformedFiles() throws Exception {
        assertOneLine(fit(file("empty.csv", "")), "empty.csv", "empty");
        assertOneLine(fit(file("header.csv", "N,D,loss\n")), "header.csv", "no data rows");
        assertOneLine(fit(file("dup.csv", "N,N,loss\n1,2,3\n")), "dup.csv", "column 'N'", "duplicate");
        assertOneLine(fit(file("ragged.csv", "N,D,loss\n1e8,2e9,3.5\n2e8,4e9\n")), "ragged.csv", "row 2",
                "2 cells");
        assertOneLine(fit(file("quote.csv", "N,D,loss\n1e8,\"2e9,3.5\n")), "quote.csv", "unterminated");
        Path latin = dir.resolve("latin.csv");
        Files.write(latin, "N,D,loss\n1e8,2e9,3.5\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertOneLine(fit(latin), "latin.csv", "UTF-8");
        Path sub = Files.createDirectory(dir.resolve("adir"));
        assertOneLine(fit(sub), "adir", "directory");
        assertOneLine(fit(dir.resolve("missing.csv")), "missing.csv", "no such file");
    }

    @Test
    void badCells() {
        assertOneLine(fit(file("m.csv", "size,D,loss\n1e8,2e9,3.5\n"), "--column", "N=Missing"), "m.csv",
                "Missing", "no such header");
        assertOneLine(fit(file("comma.csv", "N;D;loss\n1e8;2e9;3,5\n2e8;4e9;3,2\n")), "comma.csv", "row 1",
                "column 'loss'", "decimal comma");
        assertOneLine(fit(file("nan.csv", "N,D,loss\n1e8,2e9,nan\n2e8,4e9,3.2\n")), "nan.csv", "row 1",
                "not finite");
        assertOneLine(fit(file("inf.csv", "N,D,loss\n1e8,2e9,3.5\n2e8,4e9,inf\n")), "inf.csv", "row 2",
                "not finite");
        assertOneLine(fit(file("zero.csv", "N,D,loss\n0,2e9,3.5\n2e8,4e9,3.2\n4e8,8e9,3.0\n")), "zero.csv",
                "row 1", "column 'N'", "positive");
        assertOneLine(fit(file("neg.csv", "N,D,loss\n1e8,2e9,-3.5\n2e8,4e9,3.2\n4e8,8e9,3.0\n")), "neg.csv",
                "row 1", "column 'loss'", "positive");
        assertOneLine(fit(file("few.csv", "N,D,loss\n1e8,2e9,3.5\n2e8,4e9,3.2\n")), "few.csv", "2 usable rows",
                "5 free parameters");
    }

    @Test
    void badOptions() {
        assertOneLine(Cli.run("fit", "--bound", "alpha=1:0"), "alpha", "not an interval");
        assertOneLine(Cli.run("fit", "--pin", "alpha=3", "--bound", "alpha=0:1"), "alpha", "outside its bounds");
        assertOneLine(Cli.run("fit", "--law", "chinchila"), "unknown law 'chinchila'", "did you mean 'chinchilla'");
        assertOneLine(Cli.run("fit", "--pin", "gamma=1"), "no parameter 'gamma'");
    }

    @Test
    void malformedFitJsonForPredictAndOptimal() throws Exception {
        String full = Files.readString(Fixtures.chinchillaFit());
        Path truncated = file("truncated.json", full.substring(0, full.length() / 3));
        assertOneLine(Cli.run("predict", "--fit", truncated.toString(), "--at", "N=1e9,D=2e10"), "truncated.json",
                "malformed or truncated JSON");
        assertOneLine(Cli.run("optimal", "--fit", truncated.toString(), "--compute", "1e21"), "truncated.json",
                "malformed or truncated JSON");
        Path array = file("array.json", "[1, 2, 3]");
        assertOneLine(Cli.run("optimal", "--fit", array.toString(), "--compute", "1e21"), "array.json",
                "expected a JSON object");
        Path nonNumeric = file("text.json", full.replaceFirst("\"estimate\" : [-0-9.eE]+", "\"estimate\": \"x\"")
                .replaceFirst("\"estimate\": [-0-9.eE]+", "\"estimate\": \"x\""));
        assertOneLine(Cli.run("predict", "--fit", nonNumeric.toString(), "--at", "N=1e9,D=2e10"), "text.json",
                "no numeric estimate");
    }

    @Test
    void allRowsAtOneSizeAreNotIdentifiableAndStillWritten() throws Exception {
        Path csv = file("same.csv", "N,D,loss\n1e8,2e9,3.5\n1e8,4e9,3.2\n1e8,8e9,3.0\n1e8,1.6e10,2.9\n"
                + "1e8,3.2e10,2.85\n1e8,6.4e10,2.8\n1e8,1.3e11,2.78\n");
        Path out = dir.resolve("same.json");
        Cli.Result r = fit(csv, "--format", "json", "--output", out.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        JsonNode n = Json.MAPPER.readTree(Files.readString(out));
        assertThat(n.get("status").asText()).isEqualTo("NOT_IDENTIFIABLE");
        assertThat(SchemaValidator.validate(SchemaTest.schema("fit.schema.json"), n)).isEmpty();
    }

    @Test
    void anInterruptionExitsWith130AndLeavesNoOutputFile() throws Exception {
        Path out = dir.resolve("fit.json");
        Thread.currentThread().interrupt();
        Cli.Result r = Cli.run("fit", "--format", "json", "--output", out.toString());
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(r.exit()).as(r.err()).isEqualTo(130);
        assertThat(r.errLines()).containsExactly("scaling fit: interrupted");
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }

        // an existing output is left as it was
        Files.writeString(out, "previous result\n");
        Thread.currentThread().interrupt();
        Cli.Result again = Cli.run("fit", "--starts", "sobol:64", "--interval", "bootstrap", "--resamples", "100",
                "--output", out.toString());
        assertThat(again.exit()).as(again.err()).isEqualTo(130);
        assertThat(Files.readString(out)).isEqualTo("previous result\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }
}
