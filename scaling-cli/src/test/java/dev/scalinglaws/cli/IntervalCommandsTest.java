/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Intervals in predict and optimal: the fit's data is read again and the fit rebuilt from its estimates. */
class IntervalCommandsTest {

    @TempDir
    Path dir;

    @Test
    void predictionIntervalsNestTheConfidenceIntervals() throws Exception {
        String fit = Fixtures.chinchillaFit().toString();
        Cli.Result r = Cli.run("predict", "--fit", fit, "--at", "N=7e10,D=1.4e12", "--at", "N=1e9,D=2e10", "--level",
                "0.95", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        for (String line : r.out().lines().toList()) {
            JsonNode n = Json.MAPPER.readTree(line);
            assertThat(SchemaValidator.validate(SchemaTest.schema("prediction.schema.json"), n)).isEmpty();
            double est = n.get("estimate").asDouble();
            assertThat(n.get("level").asDouble()).isEqualTo(0.95);
            assertThat(n.at("/confidence/lower").asDouble()).isLessThan(est);
            assertThat(n.at("/confidence/upper").asDouble()).isGreaterThan(est);
            assertThat(n.at("/prediction/lower").asDouble()).isLessThan(n.at("/confidence/lower").asDouble());
            assertThat(n.at("/prediction/upper").asDouble()).isGreaterThan(n.at("/confidence/upper").asDouble());
        }
        JsonNode far = Json.MAPPER.readTree(r.out().lines().findFirst().orElseThrow());
        JsonNode near = Json.MAPPER.readTree(r.out().lines().skip(1).findFirst().orElseThrow());
        // extrapolating 0.64 decades widens the confidence interval
        double farWidth = far.at("/confidence/upper").asDouble() - far.at("/confidence/lower").asDouble();
        double nearWidth = near.at("/confidence/upper").asDouble() - near.at("/confidence/lower").asDouble();
        assertThat(farWidth).isGreaterThan(nearWidth);
        Cli.Result csv = Cli.run("predict", "--fit", fit, "--at", "N=1e9,D=2e10", "--level", "0.9", "--format",
                "csv");
        assertThat(csv.out().lines().skip(1).findFirst().orElseThrow().split(",")).hasSize(8);
    }

    @Test
    void optimalPrintsIntervalsByDefault() throws Exception {
        String fit = Fixtures.chinchillaFit().toString();
        Cli.Result r = Cli.run("optimal", "--fit", fit, "--compute", "5.88e23", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(SchemaValidator.validate(SchemaTest.schema("optimal.schema.json"), n)).isEmpty();
        for (String key : List.of("N", "D", "tokensPerParameter", "loss")) {
            JsonNode e = n.get(key);
            assertThat(e.get("lower").asDouble()).as(key).isLessThan(e.get("estimate").asDouble());
            assertThat(e.get("upper").asDouble()).as(key).isGreaterThan(e.get("estimate").asDouble());
        }
        assertThat(n.at("/interval/method").asText()).startsWith("asymptotic");
        assertThat(n.at("/interval/level").asDouble()).isEqualTo(0.95);

        Cli.Result target = Cli.run("optimal", "--fit", fit, "--target-loss", "2.0", "--format", "json");
        JsonNode t = Json.MAPPER.readTree(target.out());
        assertThat(SchemaValidator.validate(SchemaTest.schema("optimal.schema.json"), t)).isEmpty();
        assertThat(t.at("/computeInterval/lower").asDouble()).isLessThan(t.get("compute").asDouble());
        assertThat(t.at("/loss").has("lower")).isFalse();

        Cli.Result boot = Cli.run("optimal", "--fit", fit, "--compute", "5.88e23", "--interval", "bootstrap",
                "--resamples", "30", "--format", "json");
        assertThat(boot.exit()).as(boot.err()).isZero();
        JsonNode b = Json.MAPPER.readTree(boot.out());
        assertThat(b.at("/interval/resamples").asInt()).isEqualTo(30);
        assertThat(b.at("/N/lower").asDouble()).isLessThan(b.at("/N/estimate").asDouble());

        Cli.Result none = Cli.run("optimal", "--fit", fit, "--compute", "5.88e23", "--interval", "none", "--format",
                "json");
        assertThat(Json.MAPPER.readTree(none.out()).at("/N").has("lower")).isFalse();
        Cli.Result table = Cli.run("optimal", "--fit", fit, "--compute", "5.88e23");
        assertThat(table.out()).contains("(95% intervals, asymptotic");
    }

    @Test
    void theFitRecordsItsColumnMappingsSoItsDataCanBeReadAgain() throws Exception {
        Path csv = Fixtures.write(dir, "runs.csv", runsCsv());
        Path fit = dir.resolve("fit.json");
        Cli.Result f = Cli.run("fit", "--data", csv.toString(), "--column", "N=params", "--starts", "sobol:16",
                "--format", "json", "--output", fit.toString());
        assertThat(f.exit()).as(f.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(Files.readString(fit));
        assertThat(n.at("/data/columns/N").asText()).isEqualTo("params");
        assertThat(SchemaValidator.validate(SchemaTest.schema("fit.schema.json"), n)).isEmpty();
        Cli.Result predict = Cli.run("predict", "--fit", fit.toString(), "--at", "N=1e9,D=2e10", "--level", "0.9",
                "--format", "json");
        assertThat(predict.exit()).as(predict.err()).isZero();
        Cli.Result plot = Cli.run("plot", "--fit", fit.toString(), "--output", dir.resolve("fit.svg").toString());
        assertThat(plot.exit()).as(plot.err()).isZero();
    }

    @Test
    void withoutTheFitsDataOptimalWarnsAndPredictRefuses() throws Exception {
        Path csv = Fixtures.write(dir, "runs.csv", runsCsv());
        Path fit = dir.resolve("fit.json");
        Cli.Result f = Cli.run("fit", "--data", csv.toString(), "--column", "N=params", "--starts", "sobol:16",
                "--format", "json", "--output", fit.toString());
        assertThat(f.exit()).as(f.err()).isIn(0, 1);
        Files.delete(csv);
        Cli.Result optimal = Cli.run("optimal", "--fit", fit.toString(), "--compute", "1e21");
        assertThat(optimal.exit()).isZero();
        assertThat(optimal.err()).contains("warning: no intervals", "give --data FILE");
        Cli.Result predict = Cli.run("predict", "--fit", fit.toString(), "--at", "N=1e9,D=2e10", "--level", "0.9");
        assertThat(predict.exit()).isEqualTo(2);
        assertThat(predict.errLines()).hasSize(1);
        assertThat(predict.err()).contains("cannot be found", "--data FILE");
        Path again = Fixtures.write(dir, "again.csv", runsCsv());
        Cli.Result given = Cli.run("predict", "--fit", fit.toString(), "--at", "N=1e9,D=2e10", "--level", "0.9",
                "--data", again.toString(), "--column", "N=params", "--format", "json");
        assertThat(given.exit()).as(given.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(given.out());
        assertThat(n.at("/confidence/lower").asDouble()).isLessThan(n.get("estimate").asDouble());
    }

    /** 16 runs of a Chinchilla-form law (E 1.8, A 480, B 2100, alpha 0.34, beta 0.37) with +-1 % alternating noise. */
    static String runsCsv() {
        StringBuilder sb = new StringBuilder("params,D,loss\n");
        int i = 0;
        for (double n = 1e8; n <= 1e10; n *= 4.6) {
            for (double d = 2e9; d <= 2e11; d *= 4.6) {
                double loss = 1.8 + 480 * Math.pow(n, -0.34) + 2100 * Math.pow(d, -0.37);
                sb.append(n).append(',').append(d).append(',').append(loss * (1 + 0.01 * ((i++ % 3) - 1)))
                        .append('\n');
            }
        }
        return sb.toString();
    }
}
