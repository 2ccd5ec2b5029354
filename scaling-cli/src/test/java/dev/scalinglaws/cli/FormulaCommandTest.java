/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalinglaws.core.formula.FormulaLaw;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --formula} in fit and backtest, the fit JSON round trip, its errors, and {@code --start-range}. */
class FormulaCommandTest {

    private static final String CHINCHILLA = "E + A/N^alpha + B/D^beta";

    @TempDir
    Path dir;

    @Test
    void fitsAFormulaAndReadsTheFitBack() throws Exception {
        Path json = dir.resolve("f.json");
        Cli.Result r = Cli.run("fit", "--formula", CHINCHILLA, "--starts", "sobol:64", "--format", "json",
                "--output", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(Files.readString(json));
        assertThat(SchemaValidator.validate(SchemaTest.schema("fit.schema.json"), n)).isEmpty();
        assertThat(n.get("law").asText()).isEqualTo("formula");
        assertThat(n.get("formula").asText()).isEqualTo("E + A / N^alpha + B / D^beta");
        assertThat(n.get("covariates").toString()).isEqualTo("[\"N\",\"D\"]");
        assertThat(n.get("status").asText()).isEqualTo("CONVERGED");
        assertThat(n.get("parameters").findValuesAsText("name")).containsExactly("E", "A", "alpha", "B", "beta");
        // the Epoch optimum (objective 1.0183e-3, alpha 0.3473)
        assertThat(n.get("objective").asDouble()).isCloseTo(1.0183e-3, within(1e-6));
        assertThat(n.at("/parameters/2/estimate").asDouble()).isCloseTo(0.3473, within(1e-3));

        FitFile f = FitFile.read(json);
        assertThat(f.law()).isEqualTo(FormulaLaw.parse(CHINCHILLA, List.of("N", "D")));
        double expected = f.law().value(f.theta(), 7e10, 1.4e12);
        Cli.Result p = Cli.run("predict", "--fit", json.toString(), "--at", "N=7e10,D=1.4e12", "--format", "json");
        assertThat(p.exit()).as(p.err()).isZero();
        assertThat(Json.MAPPER.readTree(p.out()).findValue("estimate").asDouble())
                .isCloseTo(expected, within(1e-12 * expected));

        Path png = dir.resolve("f.png");
        Cli.Result plot = Cli.run("plot", "--fit", json.toString(), "--output", png.toString());
        assertThat(plot.exit()).as(plot.err()).isZero();
        assertThat(Files.size(png)).isPositive();
    }

    @Test
    void aNameUsedTwiceIsOneParameter() throws Exception {
        Cli.Result r = Cli.run("fit", "--formula", "E + A/N^alpha + B/D^alpha", "--starts", "sobol:32",
                "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(n.get("parameters").findValuesAsText("name")).containsExactly("E", "A", "alpha", "B");
        assertThat(n.at("/goodness/freeParameters").asInt()).isEqualTo(4);
    }

    @Test
    void errorsAreOneLineWithExitTwo() {
        assertError(new String[] {"fit", "--formula", "E + A / N^alpha + lg(D)"},
                "scaling fit: --formula: position 19: unknown function 'lg' (functions: exp, log, sqrt, min, max)");
        assertError(new String[] {"fit", "--formula", "E + A/N^alpha + B/U^beta"},
                "scaling fit: --formula: position 19: 'U' is not a column of dataset:chinchilla (columns: x, y, "
                        + "color, N, C, hex_color, D); map one with --column U=HEADER");
        assertError(new String[] {"fit", "--formula", "E + A/n^alpha + B/D^beta"},
                "scaling fit: --formula: position 7: 'n' is not a column; did you mean the column 'N'?");
        assertError(new String[] {"fit", "--formula", "E + A*B/N^alpha + B2/D^beta"},
                "scaling fit: --formula: parameters A, B cannot all be determined: on these data the formula "
                        + "depends only on a combination of them; pin one with --pin or rewrite the formula");
        assertError(new String[] {"fit", "--formula", "E + A/N^alpha + 0*k"},
                "scaling fit: --formula: parameter 'k' cannot be determined: the formula does not change with it "
                        + "on these data");
        assertError(new String[] {"fit", "--law", "chinchilla", "--formula", CHINCHILLA},
                "scaling fit: give --law NAME or --formula EXPR, not both");
        assertError(new String[] {"backtest", "--dataset", "chinchilla", "--holdout-largest", "5"},
                "scaling backtest: give --law NAME or --formula EXPR");
        assertError(new String[] {"fit", "--formula", CHINCHILLA, "--start-range", "A=0:10"},
                "scaling fit: --start-range A=0:10: A is positive (searched in log space); LO must be above 0");
        assertError(new String[] {"fit", "--formula", CHINCHILLA, "--start-range", "gamma=0:1"},
                "scaling fit: law formula has no parameter 'gamma'; it has [E, A, alpha, B, beta]");
    }

    @Test
    void startRangeOverridesTheSearchRangeOfAnyLaw() throws Exception {
        Cli.Result r = Cli.run("fit", "--law", "chinchilla", "--starts", "sobol:16", "--start-range",
                "alpha=0.2:0.5", "--start-range", "beta=0.2:0.5", "--format", "json", "--interval", "none");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(n.at("/spec/starts").asText())
                .isEqualTo("sobol:16 (start ranges alpha=0.2:0.5 beta=0.2:0.5)");
        assertThat(n.at("/convergence/starts").asInt()).isEqualTo(16);
    }

    @Test
    void backtestsAFormula() throws Exception {
        Cli.Result r = Cli.run("backtest", "--dataset", "chinchilla", "--formula", "E + A/N^alpha + B/D^alpha",
                "--holdout-largest", "10", "--starts", "sobol:16", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(SchemaValidator.validate(SchemaTest.schema("backtest.schema.json"), n)).isEmpty();
        assertThat(n.get("law").asText()).isEqualTo("formula");
        assertThat(n.get("formula").asText()).isEqualTo("E + A / N^alpha + B / D^alpha");
        assertThat(n.get("meanAbsoluteRelativeError").asDouble()).isBetween(0.0, 0.05);
    }

    @Test
    void predictsFromAFormulaWithPublishedConstants() throws Exception {
        Cli.Result r = Cli.run("predict", "--formula", CHINCHILLA, "--params",
                "E=1.69,A=406.4,B=410.7,alpha=0.34,beta=0.28", "--at", "N=7e10,D=1.4e12", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        double expected = 1.69 + 406.4 / Math.pow(7e10, 0.34) + 410.7 / Math.pow(1.4e12, 0.28);
        assertThat(Json.MAPPER.readTree(r.out()).findValue("estimate").asDouble())
                .isCloseTo(expected, within(1e-12 * expected));
        assertError(new String[] {"predict", "--formula", CHINCHILLA, "--law", "chinchilla", "--params", "E=1", "--at",
                "N=1"},
                "scaling predict: give --law NAME or --formula EXPR, not both");
        assertError(new String[] {"predict", "--formula", "E + A/N^alpha +", "--params", "E=1", "--at", "N=1"},
                "scaling predict: --formula: position 16: formula ends where an operand is expected");
    }

    private static void assertError(String[] args, String message) {
        Cli.Result r = Cli.run(args);
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly(message);
    }
}
