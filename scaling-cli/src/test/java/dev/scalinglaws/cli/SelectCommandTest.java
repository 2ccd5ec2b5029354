/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scaling select}: AtS and the baselines on Lin et al.'s curves and on small CSVs. */
class SelectCommandTest {

    @TempDir
    Path dir;

    /** Three models, sizes 0 and 100 .. 1600: pure power laws, so AtS accepts every point and is exact. */
    static String curvesCsv() {
        StringBuilder sb = new StringBuilder("model,examples,loss,size\n");
        String[] models = {"small", "medium", "large"};
        double[] scale = {3.0, 2.6, 2.8};
        double[] slope = {-0.05, -0.04, -0.08};
        for (int m = 0; m < models.length; m++) {
            sb.append(models[m]).append(",0,").append(scale[m] + 0.5).append(',').append(1e8 * (m + 1)).append('\n');
            for (int d = 100; d <= 1600; d *= 2) {
                sb.append(models[m]).append(',').append(d).append(',')
                        .append(scale[m] * Math.pow(d / 100.0, slope[m])).append(',').append(1e8 * (m + 1))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void atsOnFlanAtOneSixtyFourthReproducesTheTable() throws Exception {
        Cli.Result r = Cli.run("select", "--dataset", "lin-finetune", "--where", "dataset=flan", "--budget-ratio",
                "64", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(n.get("selected").asText()).isEqualTo("cerebras/Cerebras-GPT-2.7B");
        assertThat(n.get("budget").asDouble()).isEqualTo(25_600);
        assertThat(n.get("ranking")).hasSize(30);
        // Lin et al. 2024 Table 1, FLAN AtS at 1/64: PearCorr 61.1, RelAcc 93.2
        assertThat(n.at("/evaluation/pearson").asDouble()).isCloseTo(0.611, within(0.002));
        assertThat(n.at("/evaluation/relativeAccuracy").asDouble()).isCloseTo(0.932, within(0.001));
        assertThat(SchemaValidator.validate(SchemaTest.schema("selection.schema.json"), n)).isEmpty();

        Cli.Result table = Cli.run("select", "--dataset", "lin-finetune", "--where", "dataset=flan",
                "--budget-ratio", "64");
        assertThat(table.out()).contains("selected         cerebras/Cerebras-GPT-2.7B", "Pearson correlation 0.61",
                "relative accuracy 0.9318");
    }

    @Test
    void everyMethodComparedOnOneBudget() throws Exception {
        Cli.Result r = Cli.run("select", "--dataset", "lin-finetune", "--where", "dataset=flan", "--budget-ratio",
                "64", "--method", "all", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(SchemaValidator.validate(SchemaTest.schema("selection-comparison.schema.json"), n)).isEmpty();
        assertThat(n.get("methods")).hasSize(6);
        // Lin et al. 2024 Table 1, FLAN at 1/64: ZeroShot -10.7 / 85.3, SubTuning 29.0 / 93.2, ModelSize -20.9 / 59.6
        assertThat(n.at("/methods/1/pearson").asDouble()).isCloseTo(-0.107, within(0.002));
        assertThat(n.at("/methods/1/relativeAccuracy").asDouble()).isCloseTo(0.853, within(0.001));
        assertThat(n.at("/methods/2/pearson").asDouble()).isCloseTo(0.290, within(0.002));
        assertThat(n.at("/methods/3/relativeAccuracy").asDouble()).isCloseTo(0.596, within(0.001));
        Path csv = Fixtures.write(dir, "curves.csv", curvesCsv());
        Cli.Result noTruth = Cli.run("select", "--data", csv.toString(), "--column", "D=examples", "--budget-ratio",
                "1", "--target", "1e5", "--method", "all");
        assertThat(noTruth.exit()).isEqualTo(2);
        assertThat(noTruth.err()).contains("--method all compares");
    }

    @Test
    void csvWithMappedColumnsAndEveryMethod() throws Exception {
        Path csv = Fixtures.write(dir, "curves.csv", curvesCsv());
        Cli.Result ats = Cli.run("select", "--data", csv.toString(), "--column", "D=examples", "--budget-ratio",
                "0.25", "--format", "json");
        assertThat(ats.exit()).as(ats.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(ats.out());
        // budget 400 of 1600: 100, 200, 400; exact power laws extrapolate exactly
        assertThat(n.get("budget").asDouble()).isEqualTo(400);
        assertThat(n.at("/ranking/0/score").asDouble()).isCloseTo(n.at("/ranking/0/trueLoss").asDouble(),
                within(1e-9));
        assertThat(n.get("selected").asText()).isEqualTo("large");
        assertThat(n.at("/evaluation/relativeAccuracy").asDouble()).isEqualTo(1.0);
        for (String method : new String[] {"zero-shot", "sub-tuning", "model-size", "vanilla-fit", "rectified-fit"}) {
            Cli.Result r = Cli.run("select", "--data", csv.toString(), "--column", "D=examples", "--budget-ratio",
                    "2", "--method", method, "--format", "json");
            assertThat(r.exit()).as(method + ": " + r.err()).isZero();
            JsonNode m = Json.MAPPER.readTree(r.out());
            assertThat(m.get("method").asText()).isEqualTo(method);
            assertThat(SchemaValidator.validate(SchemaTest.schema("selection.schema.json"), m)).isEmpty();
        }
        Cli.Result zero = Cli.run("select", "--data", csv.toString(), "--column", "D=examples", "--budget-ratio",
                "2", "--method", "zero-shot", "--format", "csv");
        assertThat(zero.out().lines().findFirst().orElseThrow()).startsWith("rank,model,score");
        assertThat(zero.out()).contains("1,medium,3.1,");
        Cli.Result size = Cli.run("select", "--data", csv.toString(), "--column", "D=examples", "--budget-ratio",
                "2", "--method", "model-size");
        assertThat(size.out()).contains("selected         large");
    }

    @Test
    void noTruthAtTheTargetMeansNoEvaluation() throws Exception {
        Path csv = Fixtures.write(dir, "curves.csv", curvesCsv());
        Cli.Result r = Cli.run("select", "--data", csv.toString(), "--column", "D=examples", "--budget-ratio", "1",
                "--target", "1e5", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Json.MAPPER.readTree(r.out()).get("evaluation").isNull()).isTrue();
    }

    @Test
    void badInputIsOneLine() {
        Path csv = Fixtures.write(dir, "curves.csv", curvesCsv());
        Cli.Result tooFew = Cli.run("select", "--data", csv.toString(), "--column", "D=examples", "--budget-ratio",
                "16");
        assertThat(tooFew.exit()).isEqualTo(2);
        assertThat(tooFew.errLines()).hasSize(1);
        assertThat(tooFew.err()).contains("model small", "at least k = 3");
        Cli.Result noD = Cli.run("select", "--data", csv.toString(), "--budget-ratio", "4");
        assertThat(noD.exit()).isEqualTo(2);
        assertThat(noD.err()).contains("column 'D'", "--column D=HEADER");
        Cli.Result method = Cli.run("select", "--data", csv.toString(), "--budget-ratio", "4", "--method", "oracle");
        assertThat(method.exit()).isEqualTo(2);
        assertThat(method.err()).contains("--method must be one of");
        assertThat(Cli.run("select", "--data", csv.toString(), "--budget-ratio", "0").exit()).isEqualTo(2);
        assertThat(Cli.run("select", "--data", csv.toString(), "--budget-ratio", "4", "--k", "1").exit())
                .isEqualTo(2);
    }
}
