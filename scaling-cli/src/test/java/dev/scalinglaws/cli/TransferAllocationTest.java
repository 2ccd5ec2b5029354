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

/** {@code scaling optimal --budget}: the transfer-gap split between pre-training and fine-tuning data. */
class TransferAllocationTest {

    @TempDir
    Path dir;

    /** Exact transfer-gap losses with A 300, G 2, E 1.2, alpha 0.3, beta 0.25 on a 4 x 4 grid. */
    static String transferGapCsv() {
        StringBuilder sb = new StringBuilder("Dp,Df,loss\n");
        for (double dp = 1e6; dp <= 1e9; dp *= 10) {
            for (double df = 1e3; df <= 1e6; df *= 10) {
                sb.append(dp).append(',').append(df).append(',')
                        .append((300 * Math.pow(dp, -0.3) + 2) * Math.pow(df, -0.25) + 1.2).append('\n');
            }
        }
        return sb.toString();
    }

    private Path transferGapFit() {
        Path csv = Fixtures.write(dir, "tg.csv", transferGapCsv());
        Path fit = dir.resolve("tg.json");
        Cli.Result r = Cli.run("fit", "--data", csv.toString(), "--law", "transfer-gap", "--starts", "sobol:16",
                "--format", "json", "--output", fit.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        return fit;
    }

    @Test
    void theSplitSpendsTheBudgetAndEqualisesTheMarginalValues() throws Exception {
        Path fit = transferGapFit();
        Cli.Result r = Cli.run("optimal", "--fit", fit.toString(), "--budget", "1e10", "--cost-pretrain", "1",
                "--cost-finetune", "10", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(SchemaValidator.validate(SchemaTest.schema("allocation.schema.json"), n)).isEmpty();
        double p = n.at("/pretrain/estimate").asDouble();
        double f = n.at("/finetune/estimate").asDouble();
        assertThat(p + 10 * f).isCloseTo(1e10, within(1e-3));
        assertThat(n.at("/marginal/finetuneOverPretrain").asDouble()).isCloseTo(1.0, within(1e-6));
        assertThat(n.get("kktResidual").asDouble()).isLessThan(1e-8);
        // the floor G f^-beta + E lies below the loss at the optimum, and the fit recovers G = 2
        assertThat(n.at("/dataScarcityFloor/estimate").asDouble()).isLessThan(n.at("/loss/estimate").asDouble());
        assertThat(n.get("gap").asDouble()).isCloseTo(2.0, within(1e-3));
        double loss = (300 * Math.pow(p, -0.3) + 2) * Math.pow(f, -0.25) + 1.2;
        // the fit recovers the generating constants to the optimiser's tolerance (G to 1e-3 above), so the fitted
        // loss at the optimum matches the generating law's to about 1e-6, not to the last digits: 1e-5 says that
        assertThat(n.at("/loss/estimate").asDouble()).isCloseTo(loss, within(1e-5));

        Cli.Result table = Cli.run("optimal", "--fit", fit.toString(), "--budget", "1e10", "--cost-pretrain", "1",
                "--cost-finetune", "10");
        assertThat(table.out()).contains("pre-training data p", "fine-tuning data f", "data-scarcity floor",
                "marginal value");
        Cli.Result csv = Cli.run("optimal", "--fit", fit.toString(), "--budget", "1e10", "--cost-pretrain", "1",
                "--cost-finetune", "10", "--format", "csv");
        assertThat(csv.out()).startsWith("budget,costPretrain,costFinetune,pretrain,finetune,loss");
    }

    @Test
    void anAllocationRepeatsTheFitsWarnings() throws Exception {
        Path fit = transferGapFit();
        Cli.Result clean = Cli.run("optimal", "--fit", fit.toString(), "--budget", "1e10", "--cost-pretrain", "1",
                "--cost-finetune", "10");
        assertThat(clean.out()).contains("fit diagnostics  none");
        // the same fit file with a warning, as a fit whose G sat at its bound would carry
        com.fasterxml.jackson.databind.node.ObjectNode root =
                (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(fit.toFile());
        com.fasterxml.jackson.databind.node.ObjectNode d = root.putArray("diagnostics").addObject();
        d.put("code", "AT_BOUND");
        d.put("severity", "warning");
        d.put("message", "G = 0 sits at its lower bound 0");
        d.putArray("parameters").add("G");
        d.putArray("rows");
        Path warned = dir.resolve("tg-warned.json");
        java.nio.file.Files.writeString(warned, Json.MAPPER.writeValueAsString(root));
        Cli.Result table = Cli.run("optimal", "--fit", warned.toString(), "--budget", "1e10", "--cost-pretrain", "1",
                "--cost-finetune", "10");
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).contains("fit diagnostics  1 warning", "AT_BOUND: G = 0 sits at its lower bound 0");
        Cli.Result json = Cli.run("optimal", "--fit", warned.toString(), "--budget", "1e10", "--cost-pretrain", "1",
                "--cost-finetune", "10", "--format", "json");
        JsonNode n = Json.MAPPER.readTree(json.out());
        assertThat(SchemaValidator.validate(SchemaTest.schema("allocation.schema.json"), n)).isEmpty();
        assertThat(n.at("/diagnostics/0/code").asText()).isEqualTo("AT_BOUND");
    }

    @Test
    void aFitOfAnotherLawOrMissingCostsIsOneLine() {
        Cli.Result other = Cli.run("optimal", "--fit", Fixtures.chinchillaFit().toString(), "--budget", "1e10",
                "--cost-pretrain", "1", "--cost-finetune", "10");
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.errLines()).hasSize(1);
        assertThat(other.err()).contains("needs a transfer-gap fit", "law chinchilla");
        Cli.Result noCost = Cli.run("optimal", "--fit", Fixtures.chinchillaFit().toString(), "--budget", "1e10");
        assertThat(noCost.exit()).isEqualTo(2);
        assertThat(noCost.err()).contains("--cost-pretrain");
        Path fit = transferGapFit();
        Cli.Result negative = Cli.run("optimal", "--fit", fit.toString(), "--budget", "-1", "--cost-pretrain", "1",
                "--cost-finetune", "10");
        assertThat(negative.exit()).isEqualTo(2);
        assertThat(negative.err()).contains("--budget must be positive");
        Cli.Result compute = Cli.run("optimal", "--fit", fit.toString(), "--compute", "1e21");
        assertThat(compute.exit()).isEqualTo(2);
        assertThat(compute.err()).contains("needs a law in (N, D)");
    }
}
