/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** predict, optimal, shape, datasets, backtest, select, --version, --help. */
class OtherCommandsTest {

    @TempDir
    Path dir;

    @Test
    void optimalForAComputeBudgetMatchesTheClosedForm() throws Exception {
        Cli.Result r = Cli.run("optimal", "--fit", Fixtures.chinchillaFit().toString(), "--compute",
                String.valueOf(6 * 70e9 * 1.4e12), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(n.get("schema").asText()).isEqualTo("scalinglaws.optimal/1");
        // docs/laws.md check: with the Epoch fit N_opt = 7.4e10, D_opt = 1.32e12, D/N = 17.9
        assertThat(n.at("/N/estimate").asDouble()).isCloseTo(7.4e10, within(0.3e10));
        assertThat(n.at("/D/estimate").asDouble()).isCloseTo(1.32e12, within(0.05e12));
        assertThat(n.at("/tokensPerParameter/estimate").asDouble()).isCloseTo(17.9, within(1.0));
        assertThat(n.at("/loss/estimate").asDouble()).isBetween(1.8, 2.2);
    }

    @Test
    void optimalForATargetLossAndAtAFixedSize() throws Exception {
        String fit = Fixtures.chinchillaFit().toString();
        Cli.Result r = Cli.run("optimal", "--fit", fit, "--target-loss", "2.0", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(n.at("/loss/estimate").asDouble()).isCloseTo(2.0, within(1e-6));
        assertThat(n.get("targetLoss").asDouble()).isEqualTo(2.0);

        Cli.Result fixed = Cli.run("optimal", "--fit", fit, "--target-loss", "2.2", "--at", "N=7e9", "--format",
                "json");
        assertThat(fixed.exit()).as(fixed.err()).isZero();
        JsonNode f = Json.MAPPER.readTree(fixed.out());
        assertThat(f.at("/N/estimate").asDouble()).isEqualTo(7e9);
        assertThat(f.at("/loss/estimate").asDouble()).isCloseTo(2.2, within(1e-6));

        Cli.Result table = Cli.run("optimal", "--fit", fit, "--compute", "1e22");
        assertThat(table.out()).contains("parameters N", "tokens D", "tokens per parameter", "loss");
    }

    @Test
    void optimalUsageErrors() {
        String fit = Fixtures.chinchillaFit().toString();
        assertThat(Cli.run("optimal", "--fit", fit).exit()).isEqualTo(2);
        assertThat(Cli.run("optimal", "--fit", fit, "--compute", "1e21", "--target-loss", "2").exit()).isEqualTo(2);
        Cli.Result unreachable = Cli.run("optimal", "--fit", fit, "--target-loss", "1.0");
        assertThat(unreachable.exit()).isEqualTo(2);
        assertThat(unreachable.errLines()).hasSize(1);
        Cli.Result transfer = Cli.run("optimal", "--fit", fit, "--budget", "1e6", "--cost-pretrain", "1",
                "--cost-finetune", "3");
        assertThat(transfer.exit()).isEqualTo(2);
        assertThat(transfer.err()).contains("needs a transfer-gap fit");
    }

    @Test
    void predictAPointAndDeriveDFromC() throws Exception {
        String fit = Fixtures.chinchillaFit().toString();
        Cli.Result r = Cli.run("predict", "--fit", fit, "--at", "N=1e9,C=1e21", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(n.get("schema").asText()).isEqualTo("scalinglaws.prediction/1");
        assertThat(n.at("/at/D").asDouble()).isCloseTo(1e21 / 6e9, within(1.0));
        assertThat(n.get("estimate").asDouble()).isBetween(2.0, 3.0);
        assertThat(n.get("confidence").isNull()).isTrue();
        assertThat(n.at("/extrapolation/outside").asBoolean()).isFalse();

        Cli.Result far = Cli.run("predict", "--fit", fit, "--at", "N=1e12,D=1e14", "--format", "json");
        JsonNode x = Json.MAPPER.readTree(far.out());
        assertThat(x.at("/extrapolation/outside").asBoolean()).isTrue();
        assertThat(x.at("/extrapolation/N/decadesOutside").asDouble()).isPositive();

        Cli.Result table = Cli.run("predict", "--fit", fit, "--at", "N=1e9,D=2e10", "--at", "N=2e9,D=4e10");
        assertThat(table.exit()).isZero();
        assertThat(table.out()).contains("N=1e09,D=2e10".replace("1e09", "1.000e09").replace("2e10", "2.000e10"));

        Cli.Result level = Cli.run("predict", "--fit", fit, "--at", "N=1e9,D=2e10", "--level", "0.9");
        assertThat(level.exit()).as(level.err()).isZero();
        assertThat(level.out()).contains("confidence", "prediction", "90% intervals");
        assertThat(Cli.run("predict", "--fit", fit, "--at", "N=1e9").exit()).isEqualTo(2);
        assertThat(Cli.run("predict", "--fit", fit, "--at", "N=1e9,Q=3,D=1e9").exit()).isEqualTo(2);
    }

    @Test
    void shapeOfT5BaseAndCustomShapes() throws Exception {
        Cli.Result r = Cli.run("shape", "--family", "t5", "--config", "base");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("222,903,552", "non-embedding", "embedding", "training FLOPs per token");

        Cli.Result json = Cli.run("shape", "--family", "t5", "--config", "small", "--format", "json");
        assertThat(Json.MAPPER.readTree(json.out()).get("totalParameters").asLong()).isEqualTo(60_506_624L);

        Cli.Result custom = Cli.run("shape", "--family", "t5", "--layers", "12", "--d-model", "768", "--d-ff",
                "3072", "--heads", "12", "--d-kv", "64", "--format", "json");
        assertThat(Json.MAPPER.readTree(custom.out()).get("totalParameters").asLong()).isEqualTo(222_903_552L);

        Cli.Result gpt2 = Cli.run("shape", "--family", "decoder", "--config", "gpt2", "--format", "json");
        JsonNode g = Json.MAPPER.readTree(gpt2.out());
        assertThat(g.get("totalParameters").asLong()).isEqualTo(124_439_808L);
        assertThat(g.get("trainingFlopsPerToken").asDouble()).isPositive();

        assertThat(Cli.run("shape", "--family", "t5", "--layers", "12").exit()).isEqualTo(2);
        assertThat(Cli.run("shape", "--family", "rnn", "--config", "base").exit()).isEqualTo(2);
        assertThat(Cli.run("shape", "--family", "t5", "--config", "huge").exit()).isEqualTo(2);
    }

    @Test
    void paretoFrontierWithGapsAndRatios() throws Exception {
        Path csv = Fixtures.write(dir, "configs.csv",
                "config,flops,score\nsmall,1,70\nbase,4,74\ndeep-narrow,2.5,75\nlarge,10,76\nbad,6,73\n");
        Cli.Result r = Cli.run("shape", "--pareto", csv.toString(), "--name-column", "config", "--cost-column",
                "flops", "--quality-column", "score", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(n.get("frontier").findValuesAsText("name")).containsExactly("small", "deep-narrow", "large");
        assertThat(n.get("dominated").findValuesAsText("name")).containsExactly("base", "bad");
        assertThat(n.at("/dominated/0/qualityGap").asDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(n.at("/dominated/0/costRatio").asDouble()).isCloseTo(2.5 / 4, within(1e-12));

        Cli.Result table = Cli.run("shape", "--pareto", csv.toString(), "--name-column", "config",
                "--cost-column", "flops", "--quality-column", "score", "--lower-is-better");
        assertThat(table.exit()).isZero();
        assertThat(table.out()).contains("lower quality is better", "on frontier");
        assertThat(Cli.run("shape", "--pareto", csv.toString()).err()).contains("column 'name'");
    }

    @Test
    void datasetsListShowExport() throws Exception {
        Cli.Result list = Cli.run("datasets", "list");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("chinchilla", "gadre-overtraining", "lin-finetune", "muennighoff-runs",
                "muennighoff-clean", "isoflop-porian2024");
        JsonNode arr = Json.MAPPER.readTree(Cli.run("datasets", "list", "--format", "json").out());
        assertThat(arr).hasSize(dev.scalinglaws.datasets.Datasets.names().size());

        Cli.Result show = Cli.run("datasets", "show", "chinchilla");
        assertThat(show.exit()).isZero();
        assertThat(show.out()).contains("245", "arXiv:2404.10102", "PROVENANCE.md");

        Path out = dir.resolve("chinchilla.csv");
        Cli.Result export = Cli.run("datasets", "export", "chinchilla", "--output", out.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(246);
        assertThat(Files.readAllLines(out).get(0)).contains("N", "C", "loss", "D");

        // the export reads back and fits like the bundled data
        Cli.Result fit = Cli.run("fit", "--data", out.toString(), "--drop-top-loss", "5", "--starts", "sobol:8",
                "--format", "json");
        assertThat(fit.exit()).as(fit.err()).isIn(0, 1);
        assertThat(fit.out()).contains("\"used\": 240");

        Cli.Result unknown = Cli.run("datasets", "show", "imagenet");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown dataset 'imagenet'");
        assertThat(Cli.run("datasets").exit()).isEqualTo(2);
    }

    @Test
    void backtestHoldsOutTheLargestRunsAndLeavesGroupsOut() throws Exception {
        Cli.Result b = Cli.run("backtest", "--dataset", "chinchilla", "--law", "chinchilla", "--holdout-largest", "20",
                "--drop-top-loss", "5", "--starts", "sobol:16", "--format", "json");
        assertThat(b.exit()).as(b.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(b.out());
        assertThat(SchemaValidator.validate(SchemaTest.schema("backtest.schema.json"), n)).isEmpty();
        assertThat(n.get("heldOut").asInt()).isEqualTo(20);
        assertThat(n.get("points")).hasSize(20);
        assertThat(n.get("meanAbsoluteRelativeError").asDouble()).isBetween(0.0, 0.05);
        assertThat(n.get("coverage").asDouble()).isBetween(0.5, 1.0);
        Cli.Result groups = Cli.run("backtest", "--dataset", "gadre-overtraining", "--where", "dataset_name=rpj",
                "--law", "overtraining", "--by-group", "--group", "N", "--starts", "sobol:8", "--format", "csv");
        assertThat(groups.exit()).as(groups.err()).isZero();
        assertThat(groups.out().lines().count()).isEqualTo(36);
        Cli.Result table = Cli.run("backtest", "--dataset", "chinchilla", "--law", "chinchilla",
                "--holdout-largest", "5", "--starts", "sobol:8");
        assertThat(table.out()).contains("hold out the 5 largest by compute", "prediction intervals cover");

        assertThat(Cli.run("backtest", "--law", "chinchilla").err()).contains("exactly one of");
        assertThat(Cli.run("backtest", "--law", "nope", "--by-group").err()).contains("unknown law");
        Cli.Result noGroup = Cli.run("backtest", "--dataset", "chinchilla", "--law", "chinchilla", "--by-group");
        assertThat(noGroup.exit()).isEqualTo(2);
        assertThat(noGroup.errLines()).hasSize(1);
        assertThat(noGroup.err()).contains("--group COLUMN");
    }

    @Test
    void everyCommandHasHelpWithAnExampleAndThereIsAVersion() {
        for (String[] cmd : new String[][] {{"fit"}, {"predict"}, {"optimal"}, {"backtest"}, {"select"},
            {"shape"}, {"datasets"}, {"plot"}, {"datasets", "list"}, {"datasets", "show"}, {"datasets", "export"}}) {
            String[] args = java.util.Arrays.copyOf(cmd, cmd.length + 1);
            args[cmd.length] = "--help";
            Cli.Result r = Cli.run(args);
            assertThat(r.exit()).as(String.join(" ", cmd)).isZero();
            assertThat(r.out()).as(String.join(" ", cmd)).contains("Usage:", "Example");
        }
        Cli.Result v = Cli.run("--version");
        assertThat(v.exit()).isZero();
        assertThat(v.out()).contains("scaling ", "chinchilla");
    }
}
