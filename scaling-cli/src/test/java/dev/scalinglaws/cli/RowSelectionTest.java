/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.CsvReader;
import dev.scalinglaws.core.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fit} says how many rows each selection step removed, applies {@code --keep-best} within each {@code --by}
 * group, and a fit file selects the same rows again.
 */
class RowSelectionTest {

    @TempDir
    Path dir;

    /**
     * Two sweeps (family a and b) of 6 sizes x 4 token multipliers x 2 learning rates. Family b's losses are lower
     * than a's everywhere, so a --keep-best over both families together would keep no row of a.
     */
    private Path sweep() throws Exception {
        double[] truth = {1.8, 480, 2100, 0.35, 0.37};
        StringBuilder sb = new StringBuilder("family,lr,N,D,loss\n");
        for (String family : new String[] {"a", "b"}) {
            for (int k = 0; k < 6; k++) {
                double n = Math.pow(10, 7.5 + 0.4 * k);
                for (int m = 0; m < 4; m++) {
                    double d = n * 5 * Math.pow(2, m);
                    double base = ChinchillaLaw.INSTANCE.value(truth, n, d) * (family.equals("a") ? 1.05 : 1.0);
                    // one learning rate is 2% worse, alternating which, plus a small deterministic wiggle
                    double wiggle = 1 + 0.002 * Math.sin(7 * k + 3 * m);
                    boolean firstBetter = (k + m) % 2 == 0;
                    sb.append(String.format(Locale.ROOT, "%s,1e-3,%.6g,%.6g,%.8g%n", family, n, d,
                            base * wiggle * (firstBetter ? 1 : 1.02)));
                    sb.append(String.format(Locale.ROOT, "%s,3e-3,%.6g,%.6g,%.8g%n", family, n, d,
                            base * wiggle * (firstBetter ? 1.02 : 1)));
                }
            }
        }
        Path csv = dir.resolve("sweep.csv");
        Files.writeString(csv, sb.toString());
        return csv;
    }

    @Test
    void fitAccountsForEveryDroppedRowPerGroupAndKeepsTheBestWithinEachGroup() throws Exception {
        Path csv = sweep();
        Path out = dir.resolve("fits.jsonl");
        Cli.Result r = Cli.run("fit", "--data", csv.toString(), "--by", "family", "--where", "N >= 1e8",
                "--keep-best", "N,D", "--drop-top-loss", "1", "--starts", "sobol:16", "--format", "json",
                "--output", out.toString());
        assertThat(r.exit()).as(r.err()).isIn(0, 1);
        assertThat(r.err()).contains("--keep-best N,D: kept 16 of 32 rows", "in group family=a",
                "in group family=b");
        String[] lines = Files.readString(out).strip().split("\n");
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            JsonNode data = Json.MAPPER.readTree(line).get("data");
            // 48 rows per family; N >= 1e8 keeps 4 sizes (32 rows); the best learning rate halves them; 1 dropped
            assertThat(data.get("rows").asInt()).isEqualTo(48);
            assertThat(data.at("/dropped/where").asInt()).isEqualTo(16);
            assertThat(data.at("/dropped/keepBest").asInt()).isEqualTo(16);
            assertThat(data.at("/dropped/topLoss").asInt()).isEqualTo(1);
            assertThat(data.get("used").asInt()).isEqualTo(48 - 16 - 16 - 1);
            assertThat(data.get("keepBest").toString()).isEqualTo("[\"N\",\"D\"]");
        }

        Cli.Result table = Cli.run("fit", "--data", csv.toString(), "--where", "family = a", "--keep-best", "N,D",
                "--starts", "sobol:16");
        assertThat(table.out()).contains("96 rows, 24 used, where family=a (48 rows dropped), "
                + "best of each N,D (24 rows dropped)");
    }

    @Test
    void aFitFileSelectsTheSameRowsAgain() throws Exception {
        Path csv = sweep();
        Path out = dir.resolve("fits.jsonl");
        Cli.Result r = Cli.run("fit", "--data", csv.toString(), "--by", "family", "--keep-best", "N,D",
                "--drop-top-loss", "2", "--starts", "sobol:16", "--format", "json", "--output", out.toString());
        assertThat(r.exit()).as(r.err()).isIn(0, 1);
        Dataset raw = CsvReader.defaults().read(csv).withCovariatesFor(ChinchillaLaw.INSTANCE, null);
        for (String line : Files.readString(out).strip().split("\n")) {
            Path one = dir.resolve("one.json");
            Files.writeString(one, line);
            FitFile f = FitFile.read(one);
            assertThat(f.keepBest()).containsExactly("N", "D");
            RowSelection.Selected s = f.selection().apply(raw, "loss", null);
            assertThat(s.used().size()).isEqualTo(Json.MAPPER.readTree(line).at("/data/used").asInt()).isEqualTo(22);
            // every kept row is its family's best learning rate at its (N, D)
            String[] fam = s.used().textColumn("family");
            assertThat(fam).containsOnly(f.group());
            String[] rawFamily = raw.textColumn("family");
            double[] rawN = raw.column("N");
            double[] rawD = raw.column("D");
            double[] rawLoss = raw.column("loss");
            double[] n = s.used().column("N");
            double[] d = s.used().column("D");
            double[] loss = s.used().column("loss");
            for (int i = 0; i < s.used().size(); i++) {
                for (int j = 0; j < raw.size(); j++) {
                    if (rawFamily[j].equals(f.group()) && rawN[j] == n[i] && rawD[j] == d[i]) {
                        assertThat(loss[i]).isLessThanOrEqualTo(rawLoss[j]);
                    }
                }
            }
        }
    }
}
