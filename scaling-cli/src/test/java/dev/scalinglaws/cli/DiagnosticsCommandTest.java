/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalinglaws.core.ChinchillaLaw;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21 in the command line: diagnostics in the table and the JSON, exit 1 when not identifiable. */
class DiagnosticsCommandTest {

    @TempDir
    Path dir;

    static final double[] TRUTH = {1.8, 480, 2100, 0.35, 0.37};

    private Path collinear() {
        StringBuilder csv = new StringBuilder("N,D,loss\n");
        for (double n : new double[] {1e7, 3e7, 1e8, 3e8, 1e9, 3e9}) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%s%n", n, 100 * n,
                    ChinchillaLaw.INSTANCE.value(TRUTH, n, 100 * n)));
        }
        return Fixtures.write(dir, "collinear.csv", csv.toString());
    }

    private static List<JsonNode> warnings(JsonNode root) {
        List<JsonNode> out = new ArrayList<>();
        root.get("diagnostics").forEach(d -> {
            if (!d.get("severity").asText().equals("info")) {
                out.add(d);
            }
        });
        return out;
    }

    @Test
    void notIdentifiableExitsOneAndSaysWhyInTableAndJson() throws Exception {
        Path data = collinear();
        Cli.Result table = Cli.run("fit", "--data", data.toString(), "--starts", "sobol:16");
        assertThat(table.exit()).isEqualTo(1);
        List<String> lines = table.out().lines().toList();
        int status = lines.indexOf("status           NOT_IDENTIFIABLE");
        assertThat(status).as(table.out()).isGreaterThanOrEqualTo(0);
        assertThat(lines.get(status + 1)).startsWith("diagnostics      1 error");
        assertThat(lines.get(status + 2))
                .startsWith("  error          NOT_IDENTIFIABLE: the design is exactly collinear");

        Cli.Result json = Cli.run("fit", "--data", data.toString(), "--starts", "sobol:16", "--format", "json");
        assertThat(json.exit()).isEqualTo(1);
        JsonNode root = Json.MAPPER.readTree(json.out());
        assertThat(root.get("status").asText()).isEqualTo("NOT_IDENTIFIABLE");
        JsonNode first = root.get("diagnostics").get(0);
        assertThat(first.get("code").asText()).isEqualTo("NOT_IDENTIFIABLE");
        assertThat(first.get("severity").asText()).isEqualTo("error");
        assertThat(first.get("parameters")).hasSize(5);
        assertThat(SchemaValidator.validate(SchemaTest.schema("fit.schema.json"), root)).isEmpty();
    }

    @Test
    void aCleanFitSaysNoneAndItsJsonHasNoWarning() throws Exception {
        JsonNode fit = Json.MAPPER.readTree(Files.readString(Fixtures.chinchillaFit()));
        assertThat(fit.get("status").asText()).isEqualTo("CONVERGED");
        assertThat(warnings(fit)).isEmpty();
        Cli.Result table = Cli.run("fit", "--starts", "sobol:16");
        assertThat(table.exit()).isZero();
        assertThat(table.out()).contains("status           CONVERGED\ndiagnostics      none\n");
    }

    @Test
    void aPredictionFromAFitWithWarningsRepeatsThem() throws Exception {
        // seven good rows and one loss of 1e300 (issue 21)
        double[] n = {1e7, 3e7, 1e8, 3e8, 1e9, 3e9, 2e8, 5e7};
        double[] d = {2e9, 1e9, 5e9, 1e10, 3e10, 6e10, 3e8, 2e10};
        SplittableRandom rng = new SplittableRandom(1);
        StringBuilder csv = new StringBuilder("N,D,loss\n");
        for (int i = 0; i < 8; i++) {
            double loss = i == 7 ? 1e300 : ChinchillaLaw.INSTANCE.value(TRUTH, n[i], d[i])
                    * Math.exp(0.01 * rng.nextGaussian());
            csv.append(String.format(Locale.ROOT, "%s,%s,%s%n", n[i], d[i], loss));
        }
        Path data = Fixtures.write(dir, "outlier.csv", csv.toString());
        Path fitFile = dir.resolve("outlier.json");
        Cli.Result fit = Cli.run("fit", "--data", data.toString(), "--format", "json", "--output",
                fitFile.toString());
        assertThat(fit.exit()).as(fit.err()).isZero();
        List<JsonNode> fitWarnings = warnings(Json.MAPPER.readTree(Files.readString(fitFile)));
        assertThat(fitWarnings).extracting(x -> x.get("code").asText()).contains("OUTLIER");
        assertThat(fitWarnings.get(0).get("rows").toString()).isEqualTo("[8]");

        Cli.Result json = Cli.run("predict", "--fit", fitFile.toString(), "--at", "N=1e10,D=2e11", "--format",
                "json");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode p = Json.MAPPER.readTree(json.out());
        assertThat(warnings(p)).isEqualTo(fitWarnings);
        assertThat(p.get("diagnostics").toString()).contains("EXTRAPOLATION");
        assertThat(SchemaValidator.validate(SchemaTest.schema("prediction.schema.json"), p)).isEmpty();

        Cli.Result table = Cli.run("predict", "--fit", fitFile.toString(), "--at", "N=1e10,D=2e11");
        assertThat(table.out()).contains("fit diagnostics  " + fitWarnings.size() + " warning")
                .contains("  warning        OUTLIER: row 8 ");

        Cli.Result optimal = Cli.run("optimal", "--fit", fitFile.toString(), "--compute", "1e22", "--format",
                "json");
        assertThat(optimal.exit()).as(optimal.err()).isZero();
        JsonNode o = Json.MAPPER.readTree(optimal.out());
        assertThat(warnings(o)).isEqualTo(fitWarnings);
        assertThat(SchemaValidator.validate(SchemaTest.schema("optimal.schema.json"), o)).isEmpty();
    }

    @Test
    void groupedDataBootstrapDefaultsToClusterPercentileIntervals() throws Exception {
        SplittableRandom rng = new SplittableRandom(3);
        StringBuilder csv = new StringBuilder("model,N,D,loss\n");
        for (int k = 0; k < 7; k++) {
            double offset = 0.01 * rng.nextGaussian();
            double n = Math.pow(10, 7.7 + 0.4 * k);
            for (int m = 1; m <= 6; m++) {
                double d = n * Math.pow(2, m);
                csv.append(String.format(Locale.ROOT, "m%d,%s,%s,%s%n", k, n, d, ChinchillaLaw.INSTANCE.value(TRUTH,
                        n, d) * Math.exp(offset + 0.005 * rng.nextGaussian())));
            }
        }
        Path data = Fixtures.write(dir, "grouped.csv", csv.toString());
        Cli.Result r = Cli.run("fit", "--data", data.toString(), "--group", "model", "--starts", "sobol:8",
                "--interval", "bootstrap", "--resamples", "30", "--threads", "2", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode root = Json.MAPPER.readTree(r.out());
        assertThat(root.get("interval").get("method").asText()).isEqualTo("bootstrap-percentile (cluster)");
        assertThat(root.get("diagnostics").toString()).contains("FEW_CLUSTERS");
        assertThat(SchemaValidator.validate(SchemaTest.schema("fit.schema.json"), root)).isEmpty();
        Cli.Result explicit = Cli.run("fit", "--data", data.toString(), "--group", "model", "--starts", "sobol:8",
                "--interval", "bootstrap", "--resample", "wild-cluster", "--resamples", "30", "--threads", "2",
                "--format", "json");
        assertThat(explicit.exit()).as(explicit.err()).isZero();
        assertThat(Json.MAPPER.readTree(explicit.out()).get("interval").get("method").asText())
                .isEqualTo("bootstrap-expanded_percentile (wild-cluster)");
    }
}
