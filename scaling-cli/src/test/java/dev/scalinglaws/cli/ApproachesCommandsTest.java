/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scaling isoflop, envelope, approaches and --keep-best, run as a user would. */
class ApproachesCommandsTest {

    @TempDir
    Path dir;

    @Test
    void isoflopTableReportsCurvesFitsAndRowsUsed() {
        Cli.Result r = Cli.run("isoflop", "--dataset", "isoflop-porian2024", "--where", "config=rw/tuned-const",
                "--resamples", "100");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("--where kept 121 of 1264 rows");
        assertThat(r.out()).contains("N*(C) = k C^a", "D*(C) = k' C^b", "a + b = 1.0000", "L*(C) = E + A C^-alpha",
                "12 of 12 curves (121 points) used");
    }

    @Test
    void isoflopFlagsAndExcludesEdgeCurves() throws Exception {
        Cli.Result r = Cli.run("isoflop", "--dataset", "isoflop-porian2024", "--where", "config=rw/last-layer-flops",
                "--resamples", "50", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(r.out());
        long edges = 0;
        for (JsonNode b : n.get("budgets")) {
            edges += b.get("edge").asBoolean() ? 1 : 0;
        }
        assertThat(edges).isPositive();
        assertThat(n.get("diagnostics").toString()).contains("not a minimum", "(excluded)");
    }

    @Test
    void akimaMethodWithPorianNoiseReproducesThePaperExponent() throws Exception {
        Cli.Result r = Cli.run("isoflop", "--dataset", "isoflop-porian2024", "--where", "config=rw/tuned-const",
                "--method", "akima", "--noise", "0.002", "--resamples", "200", "--format", "json");
        JsonNode a = Json.MAPPER.readTree(r.out()).get("a");
        assertThat(a.get("estimate").asDouble()).isBetween(0.4907, 0.5045);
    }

    @Test
    void isoflopPlotIsWritten() throws Exception {
        Path png = dir.resolve("iso.png");
        Cli.Result r = Cli.run("isoflop", "--dataset", "isoflop-porian2024", "--where", "config=owt2/tuned-const",
                "--resamples", "20", "--plot", png.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    @Test
    void badInputIsOneLineAndExit2() {
        Cli.Result r = Cli.run("isoflop", "--dataset", "chinchilla", "--method", "cubic");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("parabola or akima");
        Cli.Result few = Cli.run("isoflop", "--dataset", "isoflop-porian2024", "--where", "C<3e16");
        assertThat(few.exit()).isEqualTo(2);
        assertThat(few.err()).contains("at least 3");
    }

    @Test
    void envelopeOnCheckpoints() {
        Path base = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        Path ckpt = base.resolve("../docs/examples/checkpoints.csv").normalize();
        Cli.Result r = Cli.run("envelope", "--data", ckpt.toString(), "--resamples", "100");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("N_opt(C) = k C^a", "best run", "runs are best somewhere on the grid");
    }

    @Test
    void approachesSideBySideWithVerdict() throws Exception {
        Cli.Result r = Cli.run("approaches", "--dataset", "isoflop-porian2024", "--where", "config=rw/kaplan-repro",
                "--compute", "1e21", "--resamples", "100");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 isoflop", "3 parametric", "verdict:", "not run: 1 envelope");
        Cli.Result j = Cli.run("approaches", "--dataset", "isoflop-porian2024", "--where", "config=rw/tuned-const",
                "--compute", "1e21", "--resamples", "50", "--format", "json");
        JsonNode n = Json.MAPPER.readTree(j.out());
        assertThat(n.get("approaches")).hasSize(2);
        assertThat(n.get("verdict").asText()).isNotBlank();
    }

    @Test
    void keepBestKeepsTheLowestLossPerGroupAndSaysSo() throws Exception {
        Path csv = dir.resolve("sweep.csv");
        StringBuilder sb = new StringBuilder("C,N,lr,loss\n");
        for (double c : new double[] {1e17, 4e17, 1.6e18, 6.4e18}) {
            for (double f : new double[] {0.3, 0.55, 1.1, 2, 3.7}) {
                double n = f * 0.1 * Math.sqrt(c);
                double x = Math.log(n / (0.1 * Math.sqrt(c)));
                double base = 3 + 0.1 * x * x - 0.05 * Math.log10(c / 1e17);
                sb.append(c).append(',').append(n).append(",1e-3,").append(base + 0.05).append('\n');
                sb.append(c).append(',').append(n).append(",3e-3,").append(base).append('\n');
            }
        }
        Files.writeString(csv, sb.toString());
        Cli.Result r = Cli.run("isoflop", "--data", csv.toString(), "--keep-best", "C,N", "--resamples", "50",
                "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("--keep-best C,N: kept 20 of 40 rows");
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(n.get("diagnostics").toString()).doesNotContain("repeat a size");
        assertThat(n.at("/a/estimate").asDouble()).isBetween(0.45, 0.55);
    }
}
