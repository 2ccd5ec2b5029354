/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input and usage: exit 2, one line on stderr naming file, row and column, no stack trace. */
class BadInputTest {

    @TempDir
    Path dir;

    private static void assertOneLine(Cli.Result r, String... fragments) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.errLines()).as(r.err()).hasSize(1);
        assertThat(r.err()).contains(fragments).doesNotContain("Exception", "\tat ");
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("nope.csv");
        assertOneLine(Cli.run("fit", "--data", missing.toString()), missing.toString(), "no such file");
    }

    @Test
    void unknownLaw() {
        assertOneLine(Cli.run("fit", "--law", "quadratic"), "unknown law 'quadratic'", "chinchilla");
    }

    @Test
    void unknownColumnInMapping() {
        Path csv = Fixtures.write(dir, "runs.csv", Fixtures.computeCsv());
        assertOneLine(Cli.run("fit", "--data", csv.toString(), "--column", "N=Model Size"), "runs.csv",
                "Model Size", "no such header");
    }

    @Test
    void missingCovariate() {
        Path csv = Fixtures.write(dir, "runs.csv", Fixtures.computeCsv());
        assertOneLine(Cli.run("fit", "--data", csv.toString()), "runs.csv", "column 'N'", "--column N=HEADER");
    }

    @Test
    void theLibrarysMissingColumnGetsTheMappingOption() {
        // the library names the column and the law; the command adds the option that maps a header to it
        Path noResponse = Fixtures.write(dir, "n.csv", "N,D\n1e8,2e9\n2e8,4e9\n");
        assertOneLine(Cli.run("fit", "--data", noResponse.toString()), "n.csv: column 'loss': law chinchilla needs "
                + "the response column 'loss' (columns: N, D); map one with --column loss=HEADER");
        Path wide = Fixtures.write(dir, "wide.csv",
                "config name,0,200,400,800,size,family\nm1,4.8,4.2,4.1,4.0,124000000,x\n");
        assertOneLine(Cli.run("fit", "--data", wide.toString()), "wide.csv: column 'N': law chinchilla needs "
                        + "covariate N, but the data has no such column (columns: config name, 0, 200, 400, 800, size, "
                        + "family); map one with --column N=HEADER. The file looks wide: its headers 0, 200, 400... "
                        + "are values", "(for example model,N,loss), then map them with --column");
    }

    @Test
    void theLibrarysStartsErrorsGetTheStartsOption() {
        assertOneLine(Cli.run("fit", "--starts", "sobol:x"), "--starts sobol:x: expected a count after ':'");
        assertOneLine(Cli.run("fit", "--starts", "random"),
                "unknown starts 'random'; use hoffmann, sobol:N, lhs:N or grid:FILE");
    }

    @Test
    void nonNumericCellNamesRowAndColumn() {
        Path csv = Fixtures.write(dir, "bad.csv", "N,D,loss\n1e8,2e9,3.5\n2e8,4e9,3.2\n4e8,8e9,oops\n");
        assertOneLine(Cli.run("fit", "--data", csv.toString(), "--starts", "sobol:4"), "bad.csv", "row 3",
                "column 'loss'", "oops");
    }

    @Test
    void unknownWhereColumn() {
        assertOneLine(Cli.run("fit", "--where", "size>3"), "column 'size'", "--where");
    }

    @Test
    void malformedWhere() {
        assertOneLine(Cli.run("fit", "--where", "loss~3"), "--where expects COLUMN OP VALUE");
    }

    @Test
    void unknownOptionAndBadNumbers() {
        assertOneLine(Cli.run("fit", "--bogus"), "Unknown option", "--bogus");
        assertOneLine(Cli.run("fit", "--delta", "big"), "--delta");
        assertOneLine(Cli.run("fit", "--pin", "E"), "--pin expects NAME=VALUE");
        assertOneLine(Cli.run("fit", "--pin", "Q=1"), "no parameter 'Q'");
        assertOneLine(Cli.run("fit", "--starts", "random"), "unknown starts");
        assertOneLine(Cli.run("fit", "--format", "xml"), "--format");
        assertOneLine(Cli.run("frobnicate"), "frobnicate");
    }

    @Test
    void malformedAndTruncatedFitJson() throws Exception {
        String full = Files.readString(Fixtures.chinchillaFit());
        Path truncated = Fixtures.write(dir, "truncated.json", full.substring(0, full.length() / 2));
        assertOneLine(Cli.run("predict", "--fit", truncated.toString(), "--at", "N=1e9,D=2e10"),
                "truncated.json", "malformed or truncated JSON", "line");
        Path garbage = Fixtures.write(dir, "garbage.json", "this is not json");
        assertOneLine(Cli.run("optimal", "--fit", garbage.toString(), "--compute", "1e21"), "garbage.json");
        Path other = Fixtures.write(dir, "other.json", "{\"schema\": \"something/1\"}");
        assertOneLine(Cli.run("plot", "--fit", other.toString(), "--output", dir.resolve("x.png").toString()),
                "not a fit result");
        Path noParam = Fixtures.write(dir, "noparam.json",
                "{\"schema\": \"scalinglaws.fit/1\", \"law\": \"chinchilla\", \"parameters\": []}");
        assertOneLine(Cli.run("predict", "--fit", noParam.toString(), "--at", "N=1e9,D=2e10"), "parameter 'E'");
        Path empty = Fixtures.write(dir, "empty.json", "");
        assertOneLine(Cli.run("predict", "--fit", empty.toString(), "--at", "N=1e9,D=2e10"), "empty file");
        assertOneLine(Cli.run("predict", "--fit", dir.resolve("missing.json").toString(), "--at", "N=1"),
                "missing.json", "no such file");
    }

    @Test
    void debugShowsTheStackTrace() {
        Cli.Result r = Cli.run("fit", "--law", "quadratic", "--debug");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("IllegalArgumentException", "\tat ", "unknown law 'quadratic'");
    }
}
