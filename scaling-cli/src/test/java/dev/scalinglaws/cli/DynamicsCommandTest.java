/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalinglaws.core.dynamics.TrainingDynamics;
import dev.scalinglaws.core.dynamics.Trajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training dynamics: fit --group / --warmup-tokens, predict --steps-to-loss / --trajectory. */
class DynamicsCommandTest {

    @TempDir
    Path dir;

    /** A kaplan-trajectory fit file holding Kaplan et al. 2020's constants (no fitting needed). */
    private Path kaplanFit(String law) {
        List<String> names = TrainingDynamics.PARAMETER_NAMES;
        double[] theta = TrainingDynamics.kaplan2020().theta();
        int count = law.equals("kaplan-ns") ? 4 : 6;
        StringBuilder sb = new StringBuilder("{\"schema\": \"scalinglaws.fit/1\", \"law\": \"" + law
                + "\", \"parameters\": [");
        for (int j = 0; j < count; j++) {
            sb.append(j == 0 ? "" : ", ").append("{\"name\": \"").append(names.get(j)).append("\", \"estimate\": ")
                    .append(theta[j]).append('}');
        }
        return Fixtures.write(dir, law + ".json", sb.append("]}").toString());
    }

    /** Checkpoints from Kaplan's constants: 2 sizes x 2 batches x 10 steps; +15 % loss before 2e7 tokens. */
    static String checkpointsCsv() {
        TrainingDynamics kaplan = TrainingDynamics.kaplan2020();
        StringBuilder sb = new StringBuilder("run,N,batch,step,tokens,loss\n");
        double[] steps = new double[10];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = Math.round(100 * Math.pow(10, i * 3.3 / 9));
        }
        for (double n : new double[] {1e7, 1e9}) {
            for (double b : new double[] {65536, 524288}) {
                Trajectory t = kaplan.trajectory(n, b, steps);
                for (int i = 0; i < steps.length; i++) {
                    double tokens = steps[i] * b;
                    double loss = t.loss()[i] * (tokens < 2e7 ? 1.15 : 1);
                    sb.append("n").append((long) n).append("-b").append((long) b).append(',').append(n).append(',')
                            .append(b).append(',').append(steps[i]).append(',').append(tokens).append(',')
                            .append(loss).append('\n');
                }
            }
        }
        return sb.toString();
    }

    @Test
    void stepsToLossAndTrajectoryMatchTheLibrary() throws Exception {
        TrainingDynamics kaplan = TrainingDynamics.kaplan2020();
        Path fit = kaplanFit("kaplan-trajectory");
        Cli.Result r = Cli.run("predict", "--fit", fit.toString(), "--at", "N=1e9,B=524288", "--steps-to-loss",
                "2.5", "--trajectory", "1e3:2.5e5:6", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(SchemaValidator.validate(SchemaTest.schema("dynamics.schema.json"), n)).isEmpty();
        assertThat(n.at("/stepsToLoss/steps").asDouble()).isEqualTo(kaplan.stepsToLoss(1e9, 524288, 2.5));
        assertThat(n.at("/stepsToLoss/compute").asDouble()).isEqualTo(kaplan.computeToLoss(1e9, 524288, 2.5));
        assertThat(n.at("/stepsToLoss/criticalBatch").asDouble()).isEqualTo(kaplan.criticalBatch(2.5));
        // docs/dynamics.md: S_min 24,925 steps and E_min 6.349e10 tokens to reach 2.5 nats
        assertThat(n.at("/stepsToLoss/minimumSteps").asDouble()).isCloseTo(24_925, within(1.0));
        assertThat(n.get("trajectory")).hasSize(6);
        assertThat(n.at("/trajectory/0/step").asDouble()).isEqualTo(1000);
        assertThat(n.at("/trajectory/5/step").asDouble()).isEqualTo(250_000);
        // docs/dynamics.md worked example: loss 4.4910 at 1,000 steps and 2.4546 at 250,000
        assertThat(n.at("/trajectory/0/loss").asDouble()).isCloseTo(4.4910, within(1e-4));
        assertThat(n.at("/trajectory/5/loss").asDouble()).isCloseTo(2.4546, within(1e-4));

        Cli.Result table = Cli.run("predict", "--fit", fit.toString(), "--at", "N=1e9,B=524288", "--steps-to-loss",
                "2.0");
        assertThat(table.exit()).isZero();
        assertThat(table.out()).contains("loss 2 is not reachable", "converges to 2.3474");
        Cli.Result ns = Cli.run("predict", "--fit", kaplanFit("kaplan-ns").toString(), "--at", "N=1e9,B=524288",
                "--steps-to-loss", "2.5", "--format", "json");
        assertThat(ns.exit()).as(ns.err()).isZero();
        assertThat(Json.MAPPER.readTree(ns.out()).at("/stepsToLoss/steps").asDouble())
                .isEqualTo(kaplan.stepsToLoss(1e9, 524288, 2.5));
    }

    @Test
    void fitDropsTheWarmupAndRecordsTheRuns() throws Exception {
        Path csv = Fixtures.write(dir, "checkpoints.csv", checkpointsCsv());
        Cli.Result r = Cli.run("fit", "--data", csv.toString(), "--law", "kaplan-trajectory", "--group", "run",
                "--warmup-tokens", "2e7", "--loss", "squared", "--starts", "sobol:8", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(SchemaValidator.validate(SchemaTest.schema("fit.schema.json"), n)).isEmpty();
        assertThat(n.at("/data/runs/column").asText()).isEqualTo("run");
        assertThat(n.at("/data/runs/count").asInt()).isEqualTo(4);
        assertThat(n.at("/data/warmupTokens").asDouble()).isEqualTo(2e7);
        // 100 and 232 steps at batch 65536 are below 2e7 tokens, for both sizes
        assertThat(n.at("/data/used").asInt()).isEqualTo(36);
        assertThat(n.at("/parameters/2/name").asText()).isEqualTo("alphaN");
        assertThat(n.at("/parameters/2/estimate").asDouble()).isCloseTo(0.077, within(1e-3));

        Cli.Result table = Cli.run("fit", "--data", csv.toString(), "--law", "kaplan-trajectory", "--group", "run",
                "--warmup-tokens", "2e7", "--loss", "squared", "--starts", "sobol:4");
        assertThat(table.out()).contains("40 rows, 36 used, warm-up before 2.000e07 tokens (4 rows dropped), 4 runs (run)");

        // four starts leave this fit with warnings; a dynamics prediction from it repeats them (issue 21)
        Path weak = dir.resolve("weak.json");
        Cli.Result w = Cli.run("fit", "--data", csv.toString(), "--law", "kaplan-trajectory", "--group", "run",
                "--warmup-tokens", "2e7", "--loss", "squared", "--starts", "sobol:4", "--format", "json", "--output",
                weak.toString());
        assertThat(w.exit()).as(w.err()).isIn(0, 1);
        JsonNode fitted = Json.MAPPER.readTree(weak.toFile());
        long warnings = java.util.stream.StreamSupport.stream(fitted.get("diagnostics").spliterator(), false)
                .filter(d -> !d.get("severity").asText().equals("info")).count();
        assertThat(warnings).isPositive();
        Cli.Result steps = Cli.run("predict", "--fit", weak.toString(), "--at", "N=1e8,B=65536", "--steps-to-loss",
                "4.0");
        assertThat(steps.out()).contains("fit diagnostics  " + warnings + " warning");
        Cli.Result stepsJson = Cli.run("predict", "--fit", weak.toString(), "--at", "N=1e8,B=65536",
                "--steps-to-loss", "4.0", "--format", "json");
        JsonNode p = Json.MAPPER.readTree(stepsJson.out());
        assertThat(SchemaValidator.validate(SchemaTest.schema("dynamics.schema.json"), p)).isEmpty();
        assertThat(p.get("diagnostics")).hasSize(fitted.get("diagnostics").size());
    }

    @Test
    void badDynamicsInputIsOneLine() {
        Path csv = Fixtures.write(dir, "runs.csv", "N,D,loss\n1e8,2e9,3.5\n2e8,4e9,3.2\n4e8,8e9,3.0\n");
        Cli.Result noTokens = Cli.run("fit", "--data", csv.toString(), "--warmup-tokens",
                "1e7", "--starts", "sobol:4");
        assertThat(noTokens.exit()).isEqualTo(2);
        assertThat(noTokens.errLines()).hasSize(1);
        assertThat(noTokens.err()).contains("column 'tokens'", "--column tokens=HEADER");
        Cli.Result noGroup = Cli.run("fit", "--data", csv.toString(), "--group", "run");
        assertThat(noGroup.exit()).isEqualTo(2);
        assertThat(noGroup.err()).contains("--group names no such column");

        Path fit = kaplanFit("kaplan-trajectory");
        String[][] bad = {
            {"--at", "N=1e9", "--steps-to-loss", "2.5"},
            {"--at", "N=1e9,B=524288", "--trajectory", "1e3:1e2:5"},
            {"--at", "N=1e9,B=524288", "--trajectory", "1e3:1e5"},
            {"--at", "N=1e9,B=524288", "--steps-to-loss", "-1"},
            {"--at", "N=1e9,B=524288", "--steps-to-loss", "2.5", "--critical-batch", "2e8:0.21"},
        };
        for (String[] args : bad) {
            String[] all = new String[args.length + 3];
            all[0] = "predict";
            all[1] = "--fit";
            all[2] = fit.toString();
            System.arraycopy(args, 0, all, 3, args.length);
            Cli.Result r = Cli.run(all);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.errLines()).as(r.err()).hasSize(1);
        }
        Cli.Result chinchilla = Cli.run("predict", "--fit", Fixtures.chinchillaFit().toString(), "--at",
                "N=1e9,B=524288", "--steps-to-loss", "2.5");
        assertThat(chinchilla.exit()).isEqualTo(2);
        assertThat(chinchilla.err()).contains("need a kaplan-trajectory or kaplan-ns fit", "law chinchilla");
    }
}
