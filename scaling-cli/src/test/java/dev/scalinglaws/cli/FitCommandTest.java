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

class FitCommandTest {

    @TempDir
    Path dir;

    @Test
    void defaultFitReproducesEpochReplicateExactlyAsATable() {
        Cli.Result r = Cli.run("fit");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("chinchilla", "L = E + A/N^alpha + B/D^beta", "245 rows, 240 used",
                "CONVERGED", "4,500 starts", "hoffmann", "a = 0.5139", "rmseLog", "time");
        assertThat(r.out()).containsPattern("E\\s+1\\.817");
        assertThat(r.out()).containsPattern("alpha\\s+0\\.347");
    }

    @Test
    void jsonFollowsTheContract() throws Exception {
        JsonNode n = Json.MAPPER.readTree(Files.readString(Fixtures.chinchillaFit()));
        assertThat(n.get("schema").asText()).isEqualTo("scalinglaws.fit/1");
        assertThat(n.get("law").asText()).isEqualTo("chinchilla");
        assertThat(n.at("/data/source").asText()).isEqualTo("dataset:chinchilla");
        assertThat(n.at("/data/rows").asInt()).isEqualTo(245);
        assertThat(n.at("/data/used").asInt()).isEqualTo(240);
        assertThat(n.at("/data/group").isNull()).isTrue();
        assertThat(n.at("/spec/residual").asText()).isEqualTo("log");
        assertThat(n.at("/spec/loss").asText()).isEqualTo("huber");
        assertThat(n.at("/spec/delta").asDouble()).isEqualTo(1e-3);
        assertThat(n.at("/spec/starts").asText()).isEqualTo("sobol:64");
        assertThat(n.get("status").asText()).isEqualTo("CONVERGED");
        assertThat(n.at("/convergence/starts").asInt()).isEqualTo(64);
        assertThat(n.get("parameters")).hasSize(5);
        assertThat(n.at("/parameters/0/name").asText()).isEqualTo("E");
        assertThat(n.at("/parameters/0/estimate").asDouble()).isBetween(1.7, 1.9);
        // smoothed-sandwich standard errors by default
        assertThat(n.at("/parameters/0/stdError").asDouble())
                .isCloseTo(0.0239, org.assertj.core.api.Assertions.within(0.002));
        assertThat(n.at("/parameters/0").has("lower")).isFalse();
        assertThat(n.get("derived").findValuesAsText("name")).containsExactly("a", "b", "G");
        assertThat(n.at("/goodness/n").asInt()).isEqualTo(240);
        assertThat(n.at("/goodness/freeParameters").asInt()).isEqualTo(5);
        assertThat(n.at("/goodness/rmseLog").asDouble()).isBetween(0.0, 0.05);
        assertThat(n.get("warnings").isArray()).isTrue();
        assertThat(n.get("seconds").asDouble()).isPositive();
        assertThat(Files.readString(Fixtures.chinchillaFit())).doesNotContain("NaN", "Infinity");
    }

    @Test
    void csvHasOneRowPerParameterAndDerivedQuantity() {
        Cli.Result r = Cli.run("fit", "--starts", "sobol:16", "--format", "csv");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("group,law,kind,name,estimate");
        assertThat(lines).hasSize(1 + 5 + 3);
        assertThat(lines.get(1)).startsWith(",chinchilla,parameter,E,");
        assertThat(lines.get(6)).startsWith(",chinchilla,derived,a,");
    }

    @Test
    void derivesTokensFromComputeWithAWarningOnStderrNotInJson() {
        Path csv = Fixtures.write(dir, "runs.csv", Fixtures.computeCsv());
        Cli.Result r = Cli.run("fit", "--data", csv.toString(), "--column", "N=params", "--starts", "sobol:16",
                "--format", "json");
        assertThat(r.exit()).isIn(0, 1);
        assertThat(r.err()).contains("warning: derived D = C / (6 N)");
        assertThat(r.out()).doesNotContain("derived D");
        assertThat(r.out()).contains("\"source\": \"" + csv + "\"", "\"rows\": 9", "\"dropTopLoss\": 0");
    }

    @Test
    void byFitsEachGroupAndWritesJsonLines() throws Exception {
        Cli.Result r = Cli.run("fit", "--dataset", "gadre-overtraining", "--law", "overtraining", "--by",
                "dataset_name", "--starts", "sobol:16", "--format", "json");
        assertThat(r.exit()).as(r.err()).isIn(0, 1);
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            JsonNode n = Json.MAPPER.readTree(line);
            assertThat(n.get("law").asText()).isEqualTo("overtraining");
            assertThat(n.at("/data/group").asText()).isIn("c4_original", "rpj", "rw_original");
            assertThat(n.at("/data/groupColumn").asText()).isEqualTo("dataset_name");
            assertThat(n.get("derived").findValuesAsText("name")).contains("Mstar");
        }
    }

    @Test
    void refineSolvesTheStationarityConditionAndSaysSo() throws Exception {
        Cli.Result plain = Cli.run("fit", "--starts", "sobol:16", "--format", "json");
        Cli.Result refined = Cli.run("fit", "--starts", "sobol:16", "--refine", "--format", "json");
        assertThat(refined.exit()).as(refined.err()).isZero();
        JsonNode a = Json.MAPPER.readTree(plain.out());
        JsonNode b = Json.MAPPER.readTree(refined.out());
        assertThat(SchemaValidator.validate(SchemaTest.schema("fit.schema.json"), b)).isEmpty();
        assertThat(b.get("warnings").toString()).contains("refined: Newton's method on grad S = 0");
        assertThat(b.get("objective").asDouble()).isLessThanOrEqualTo(a.get("objective").asDouble() * (1 + 1e-12));
        // the search's report is the plain fit's; the estimates moved, but only within the flat valley
        assertThat(b.get("convergence")).isEqualTo(a.get("convergence"));
        double bPlain = a.at("/parameters/2/estimate").asDouble();
        double bRefined = b.at("/parameters/2/estimate").asDouble();
        assertThat(bRefined).isNotEqualTo(bPlain).isCloseTo(bPlain, org.assertj.core.api.Assertions.within(
                1e-3 * bPlain));
    }

    @Test
    void byPrintsOneTablePerGroupAndDropsWithinEachGroup() {
        Cli.Result r = Cli.run("fit", "--dataset", "gadre-overtraining", "--law", "overtraining", "--by",
                "dataset_name", "--drop-top-loss", "2", "--starts", "sobol:8");
        assertThat(r.exit()).as(r.err()).isIn(0, 1);
        assertThat(r.out()).contains("(group dataset_name = c4_original)", "(group dataset_name = rpj)",
                "(group dataset_name = rw_original)", "2 highest losses dropped");
        assertThat(r.out()).contains("34 rows, 32 used");
    }

    @Test
    void whereFiltersRowsAndSeveralConditionsAreAnded() throws Exception {
        Cli.Result r = Cli.run("fit", "--where", "N>=1e8", "--where", "loss<4", "--drop-top-loss", "0",
                "--starts", "sobol:8", "--format", "json");
        assertThat(r.exit()).as(r.err()).isIn(0, 1);
        JsonNode n = Json.MAPPER.readTree(r.out());
        int used = n.at("/data/used").asInt();
        assertThat(used).isLessThan(245).isGreaterThan(100);
        assertThat(n.at("/data/where").toString()).isEqualTo("[\"N>=1e8\",\"loss<4\"]");
        assertThat(n.at("/data/ranges/N/min").asDouble()).isGreaterThanOrEqualTo(1e8);
    }

    @Test
    void whereOnTextColumns() throws Exception {
        Cli.Result r = Cli.run("fit", "--dataset", "gadre-overtraining", "--where", "dataset_name=c4_original",
                "--starts", "sobol:8", "--format", "json");
        assertThat(r.exit()).as(r.err()).isIn(0, 1);
        assertThat(Json.MAPPER.readTree(r.out()).at("/data/where/0").asText()).isEqualTo("dataset_name=c4_original");
    }

    @Test
    void pinsAndBoundsReachTheFit() throws Exception {
        Cli.Result r = Cli.run("fit", "--pin", "E=1.8", "--bound", "alpha=0.1:0.6", "--starts", "sobol:16",
                "--format", "json");
        assertThat(r.exit()).as(r.err()).isIn(0, 1);
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(n.at("/parameters/0/pinned").asBoolean()).isTrue();
        assertThat(n.at("/parameters/0/estimate").asDouble()).isEqualTo(1.8);
        assertThat(n.at("/parameters/3/estimate").asDouble()).isBetween(0.1, 0.6);
        assertThat(n.at("/goodness/freeParameters").asInt()).isEqualTo(4);
        assertThat(n.at("/spec/pins/E").asDouble()).isEqualTo(1.8);
    }

    @Test
    void gridStartsFromAFile() {
        Path grid = Fixtures.write(dir, "grid.csv", "E,A,B,alpha,beta\n1.8,400,2000,0.3,0.3\n1.5,100,100,0.5,0.5\n");
        Cli.Result r = Cli.run("fit", "--starts", "grid:" + grid, "--format", "json");
        assertThat(r.exit()).as(r.err()).isIn(0, 1);
        assertThat(r.out()).contains("\"starts\": 2");
    }

    @Test
    void notConvergedExitsOneAndStillWritesTheResult() throws Exception {
        // every run has the same D, so Dc and alphaD of kaplan-nd cannot be told apart
        Path csv = Fixtures.write(dir, "flat.csv",
                "N,D,loss\n1e7,1e9,4.0\n1e8,1e9,3.5\n1e9,1e9,3.2\n1e10,1e9,3.05\n1e11,1e9,3.0\n3e7,1e9,3.7\n");
        Cli.Result r = Cli.run("fit", "--data", csv.toString(), "--law", "kaplan-nd", "--starts", "sobol:16",
                "--format", "json");
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(n.get("status").asText()).isNotEqualTo("CONVERGED");
        assertThat(r.exit()).isEqualTo(1);
    }

    @Test
    void outputIsWrittenAtomicallyAndNeverOverTheInput() throws Exception {
        Path csv = Fixtures.write(dir, "runs.csv", Fixtures.computeCsv());
        Cli.Result refused = Cli.run("fit", "--data", csv.toString(), "--column", "N=params", "--output",
                csv.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.errLines()).hasSize(1);
        assertThat(refused.err()).contains("refusing to overwrite the input file");
        assertThat(Files.readString(csv)).isEqualTo(Fixtures.computeCsv());

        Path out = dir.resolve("fit.txt");
        Cli.Result ok = Cli.run("fit", "--starts", "sobol:8", "--output", out.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).isEmpty();
        assertThat(Files.readString(out)).contains("chinchilla");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void everyIntervalMethodBracketsTheEstimates() throws Exception {
        JsonNode schema = SchemaTest.schema("fit.schema.json");
        for (String method : List.of("asymptotic", "bootstrap", "profile")) {
            Cli.Result r = Cli.run("fit", "--starts", "sobol:16", "--interval", method, "--resamples", "40",
                    "--level", "0.9", "--format", "json");
            assertThat(r.exit()).as(method + ": " + r.err()).isZero();
            JsonNode n = Json.MAPPER.readTree(r.out());
            assertThat(SchemaValidator.validate(schema, n)).as(method).isEmpty();
            assertThat(n.at("/interval/level").asDouble()).isEqualTo(0.9);
            assertThat(n.at("/interval/method").asText()).startsWith(method);
            for (JsonNode p : n.get("parameters")) {
                assertThat(p.get("lower").asDouble()).as(method + " " + p.get("name"))
                        .isLessThan(p.get("estimate").asDouble());
                assertThat(p.get("upper").asDouble()).as(method + " " + p.get("name"))
                        .isGreaterThan(p.get("estimate").asDouble());
            }
            JsonNode a = n.at("/derived/0");
            assertThat(a.get("name").asText()).isEqualTo("a");
            assertThat(a.get("lower").asDouble()).isBetween(0.4, a.get("estimate").asDouble());
        }
        Cli.Result boot = Cli.run("fit", "--starts", "sobol:16", "--interval", "bootstrap", "--resamples", "40",
                "--format", "json");
        assertThat(Json.MAPPER.readTree(boot.out()).at("/interval/resamples").asInt()).isEqualTo(40);
        assertThat(Json.MAPPER.readTree(boot.out()).at("/interval/failed").asInt()).isZero();
        Cli.Result table = Cli.run("fit", "--starts", "sobol:16", "--interval", "asymptotic");
        assertThat(table.out()).contains("lower", "upper", "(95% asymptotic-smoothed-sandwich intervals)",
                "a = 0.513");
    }

    @Test
    void intervalUsageErrorsAreOneLine() {
        Cli.Result cluster = Cli.run("fit", "--starts", "sobol:4", "--interval", "bootstrap", "--resample",
                "cluster", "--resamples", "10");
        assertThat(cluster.exit()).isEqualTo(2);
        assertThat(cluster.errLines()).as(cluster.err()).hasSize(1);
        assertThat(Cli.run("fit", "--interval", "none", "--starts", "sobol:4").exit()).isIn(0, 1);
        assertThat(Cli.run("fit", "--level", "1.5").err()).contains("--level");
        assertThat(Cli.run("fit", "--resample", "jackknife").exit()).isEqualTo(2);
        assertThat(Cli.run("fit", "--interval", "bootstrap", "--resamples", "1").err()).contains("--resamples");
    }

    @Test
    void helpShowsAnExample() {
        Cli.Result r = Cli.run("fit", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Examples:", "scaling fit --format json", "--drop-top-loss", "--interval");
    }
}
