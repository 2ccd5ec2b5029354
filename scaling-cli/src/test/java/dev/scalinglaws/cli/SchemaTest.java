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

/** Real output of fit, predict and optimal validates against the schemas in docs/schema. */
class SchemaTest {

    @TempDir
    Path dir;

    static JsonNode schema(String name) throws Exception {
        Path base = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        Path file = base.resolve("../docs/schema/" + name).normalize();
        if (!Files.exists(file)) {
            file = base.resolve("docs/schema/" + name).normalize();
        }
        return Json.MAPPER.readTree(Files.readString(file));
    }

    @Test
    void fitOutputValidates() throws Exception {
        JsonNode schema = schema("fit.schema.json");
        JsonNode fit = Json.MAPPER.readTree(Files.readString(Fixtures.chinchillaFit()));
        assertThat(SchemaValidator.validate(schema, fit)).isEmpty();

        Cli.Result pinned = Cli.run("fit", "--pin", "E=1.8", "--bound", "beta=0:inf", "--loss", "squared",
                "--starts", "sobol:8", "--format", "json");
        assertThat(SchemaValidator.validate(schema, Json.MAPPER.readTree(pinned.out()))).isEmpty();

        Cli.Result by = Cli.run("fit", "--dataset", "gadre-overtraining", "--law", "overtraining", "--by",
                "dataset_name", "--starts", "sobol:8", "--format", "json");
        for (String line : by.out().lines().toList()) {
            assertThat(SchemaValidator.validate(schema, Json.MAPPER.readTree(line))).isEmpty();
        }
    }

    @Test
    void predictionAndOptimalOutputValidate() throws Exception {
        String fit = Fixtures.chinchillaFit().toString();
        JsonNode prediction = Json.MAPPER.readTree(Cli.run("predict", "--fit", fit, "--at", "N=1e12,D=2e13",
                "--format", "json").out());
        assertThat(SchemaValidator.validate(schema("prediction.schema.json"), prediction)).isEmpty();
        for (List<String> args : List.of(List.of("--compute", "1e23"), List.of("--target-loss", "2.1"),
                List.of("--target-loss", "2.3", "--at", "D=1e11"))) {
            List<String> all = new java.util.ArrayList<>(List.of("optimal", "--fit", fit, "--format", "json"));
            all.addAll(args);
            Cli.Result r = Cli.run(all.toArray(new String[0]));
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(SchemaValidator.validate(schema("optimal.schema.json"), Json.MAPPER.readTree(r.out())))
                    .isEmpty();
        }
    }

    @Test
    void everySchemaNamesItsOwnSchemaConstant() throws Exception {
        for (String name : List.of("fit", "prediction", "optimal", "selection", "selection-comparison",
                "allocation", "dynamics", "shape-effect", "backtest", "isoflop", "envelope")) {
            JsonNode schema = schema(name + ".schema.json");
            String constant = schema.at("/properties/schema/const").asText();
            assertThat(constant).as(name).isEqualTo("scalinglaws." + (name.equals("prediction") ? "prediction"
                    : name) + "/1");
            assertThat(schema.get("title").asText()).as(name).startsWith(constant);
            assertThat(schema.get("$id").asText()).as(name).endsWith("/" + name + ".schema.json");
        }
    }

    @Test
    void theNewCommandsValidate() throws Exception {
        Cli.Result select = Cli.run("select", "--dataset", "lin-finetune", "--where", "dataset=wmt19",
                "--budget-ratio", "32", "--format", "json");
        assertThat(SchemaValidator.validate(schema("selection.schema.json"), Json.MAPPER.readTree(select.out())))
                .isEmpty();
        Cli.Result backtest = Cli.run("backtest", "--dataset", "chinchilla", "--law", "chinchilla",
                "--holdout-largest", "3", "--starts", "sobol:8", "--format", "json");
        assertThat(SchemaValidator.validate(schema("backtest.schema.json"), Json.MAPPER.readTree(backtest.out())))
                .isEmpty();
        Cli.Result boot = Cli.run("fit", "--starts", "sobol:8", "--interval", "bootstrap", "--resamples", "20",
                "--format", "json");
        JsonNode b = Json.MAPPER.readTree(boot.out());
        assertThat(SchemaValidator.validate(schema("fit.schema.json"), b)).isEmpty();
        assertThat(b.at("/interval/seconds").asDouble()).isPositive();
        Path curves = Fixtures.write(dir, "tg.csv", TransferAllocationTest.transferGapCsv());
        Path tg = dir.resolve("tg.json");
        assertThat(Cli.run("fit", "--data", curves.toString(), "--law", "transfer-gap", "--starts", "sobol:8",
                "--format", "json", "--output", tg.toString()).exit()).isZero();
        Cli.Result allocation = Cli.run("optimal", "--fit", tg.toString(), "--budget", "1e9", "--cost-pretrain", "1",
                "--cost-finetune", "3", "--format", "json");
        assertThat(SchemaValidator.validate(schema("allocation.schema.json"),
                Json.MAPPER.readTree(allocation.out()))).isEmpty();
    }

    @Test
    void isoflopAndEnvelopeOutputValidate() throws Exception {
        Cli.Result one = Cli.run("isoflop", "--dataset", "isoflop-porian2024", "--where", "config=rw/tuned-const",
                "--resamples", "50", "--format", "json");
        assertThat(one.exit()).as(one.err()).isZero();
        assertThat(SchemaValidator.validate(schema("isoflop.schema.json"), Json.MAPPER.readTree(one.out())))
                .isEmpty();
        Cli.Result by = Cli.run("isoflop", "--dataset", "isoflop-porian2024", "--by", "config", "--resamples", "20",
                "--format", "json");
        assertThat(by.out().lines().toList()).hasSize(11);
        for (String line : by.out().lines().toList()) {
            assertThat(SchemaValidator.validate(schema("isoflop.schema.json"), Json.MAPPER.readTree(line))).isEmpty();
        }
        Path base = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        Path ckpt = base.resolve("../docs/examples/checkpoints.csv").normalize();
        Cli.Result env = Cli.run("envelope", "--data", ckpt.toString(), "--resamples", "50", "--format", "json");
        assertThat(env.exit()).as(env.err()).isZero();
        assertThat(SchemaValidator.validate(schema("envelope.schema.json"), Json.MAPPER.readTree(env.out())))
                .isEmpty();
    }

    @Test
    void theValidatorRejectsWhatItShould() throws Exception {
        JsonNode schema = schema("fit.schema.json");
        JsonNode fit = Json.MAPPER.readTree(Files.readString(Fixtures.chinchillaFit()));
        com.fasterxml.jackson.databind.node.ObjectNode broken = fit.deepCopy();
        broken.put("status", "FINE");
        broken.remove("goodness");
        broken.put("extra", 1);
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("parameters").get(0)).put("estimate", "x");
        List<String> errors = SchemaValidator.validate(schema, broken);
        assertThat(errors).anyMatch(e -> e.contains("/status"))
                .anyMatch(e -> e.contains("goodness"))
                .anyMatch(e -> e.contains("extra"))
                .anyMatch(e -> e.contains("/parameters/0/estimate"));
    }
}
