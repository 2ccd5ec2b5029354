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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line of issue 15's sections 2 to 5: --tie, --weight, --residuals, the data-constrained law with
 * optimal --at U=..., --law/--params instead of a fit, fits whose every parameter is pinned, R^2, --column onto an
 * existing column and arithmetic in --where. Every bad input is exit 2 with one line.
 */
class OpenLawsCommandTest {

    @TempDir
    Path dir;

    private static JsonNode json(Cli.Result r) throws Exception {
        assertThat(r.exit()).as(r.err()).isZero();
        return Json.MAPPER.readTree(r.out());
    }

    private static void badInput(Cli.Result r, String... fragments) {
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).contains(fragments);
    }

    @Test
    void aTiedFitCountsTheTieAndRoundTripsThroughPredictAndOptimal() throws Exception {
        Path fit = dir.resolve("tied.json");
        Cli.Result r = Cli.run("fit", "--dataset", "muennighoff-runs", "--where", "epochs<=2.5", "--tie", "beta=alpha",
                "--starts", "sobol:32", "--format", "json", "--output", fit.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(Files.readString(fit));
        assertThat(SchemaValidator.validate(SchemaTest.schema("fit.schema.json"), n)).isEmpty();
        assertThat(n.get("law").asText()).isEqualTo("chinchilla");
        assertThat(n.at("/ties/beta").asText()).isEqualTo("alpha");
        assertThat(n.at("/data/used").asInt()).isEqualTo(62);
        assertThat(n.at("/goodness/freeParameters").asInt()).isEqualTo(4);
        // Muennighoff et al.'s cell 16 (double-precision refit): alpha = beta 0.3596087, E 1.89655
        assertThat(n.at("/parameters/3/estimate").asDouble()).isCloseTo(0.3596087, within(0.3596087 * 2e-3));
        assertThat(n.at("/parameters/0/estimate").asDouble()).isCloseTo(1.89655, within(1.89655 * 2e-3));
        assertThat(n.at("/parameters/4/name").asText()).isEqualTo("beta");
        assertThat(n.at("/parameters/4/tiedTo").asText()).isEqualTo("alpha");
        assertThat(n.at("/parameters/4/estimate").asDouble()).isEqualTo(n.at("/parameters/3/estimate").asDouble());
        assertThat(n.at("/derived/0/estimate").asDouble()).isEqualTo(0.5);

        double e = n.at("/parameters/0/estimate").asDouble();
        double a = n.at("/parameters/1/estimate").asDouble();
        double b = n.at("/parameters/2/estimate").asDouble();
        double alpha = n.at("/parameters/3/estimate").asDouble();
        JsonNode p = json(Cli.run("predict", "--fit", fit.toString(), "--at", "N=1e9,D=2e10", "--format", "json"));
        double expected = e + a * Math.pow(1e9, -alpha) + b * Math.pow(2e10, -alpha);
        assertThat(p.toString()).contains(Double.toString(expected).substring(0, 8));
        JsonNode o = json(Cli.run("optimal", "--fit", fit.toString(), "--compute", "1e21", "--format", "json"));
        // equal exponents: N_opt = G (C/6)^(1/2), D_opt = (C/6)^(1/2) / G with G = (A/B)^(1/(2 alpha))
        double g = Math.pow(a / b, 1 / (2 * alpha));
        assertThat(o.at("/N/estimate").asDouble()).isCloseTo(g * Math.sqrt(1e21 / 6), within(g * Math.sqrt(1e21 / 6)
                * 1e-6));
        assertThat(o.at("/N/lower").asDouble()).isLessThan(o.at("/N/estimate").asDouble());

        Cli.Result table = Cli.run("fit", "--dataset", "muennighoff-runs", "--where", "epochs<=2.5", "--tie",
                "beta=alpha", "--starts", "sobol:16");
        assertThat(table.out()).contains("chinchilla[beta=alpha]", "tied: beta = alpha", "free parameters 4",
                "R^2");
    }

    @Test
    void badTiesAreOneLine() {
        badInput(Cli.run("fit", "--tie", "gamma=alpha"), "--tie", "no parameter 'gamma'");
        badInput(Cli.run("fit", "--tie", "beta=beta"), "--tie", "itself");
        badInput(Cli.run("fit", "--tie", "beta=alpha", "--pin", "beta=0.3"), "no parameter 'beta'");
    }

    @Test
    void weightsEnterTheObjectiveAndTheSpec() throws Exception {
        Path csv = Fixtures.write(dir, "w.csv", "N,D,loss,w\n1e8,2e9,3.4,1\n2e8,4e9,3.1,1\n4e8,8e9,2.9,1\n"
                + "8e8,1.6e10,2.75,1\n1.6e9,3.2e10,2.6,1\n3.2e9,6.4e10,2.5,1\n1e8,1e10,3.2,0\n6.4e9,1.3e11,2.4,2\n");
        JsonNode n = json(Cli.run("fit", "--data", csv.toString(), "--weight", "w", "--pin", "E=1.8",
                "--starts", "sobol:16", "--format", "json"));
        assertThat(SchemaValidator.validate(SchemaTest.schema("fit.schema.json"), n)).isEmpty();
        assertThat(n.at("/spec/weight").asText()).isEqualTo("w");
        assertThat(n.at("/goodness/n").asInt()).isEqualTo(7);
        JsonNode unweighted = json(Cli.run("fit", "--data", csv.toString(), "--pin", "E=1.8", "--starts", "sobol:16",
                "--format", "json"));
        assertThat(unweighted.at("/goodness/n").asInt()).isEqualTo(8);
        assertThat(unweighted.at("/spec").has("weight")).isFalse();
        assertThat(unweighted.at("/objective").asDouble()).isNotEqualTo(n.at("/objective").asDouble());

        badInput(Cli.run("fit", "--data", csv.toString(), "--weight", "nope"), "--weight", "nope");
        Path negative = Fixtures.write(dir, "neg.csv", "N,D,loss,w\n1e8,2e9,3.4,1\n2e8,4e9,3.1,-1\n");
        badInput(Cli.run("fit", "--data", negative.toString(), "--weight", "w"), "row 2", "'w'", "non-negative");
    }

    @Test
    void residualsFileHasEveryRowWithFittedValueResidualAndRobustWeight() throws Exception {
        Path out = dir.resolve("res.csv");
        Cli.Result r = Cli.run("fit", "--dataset", "muennighoff-clean", "--law", "data-constrained", "--pin",
                "E=1.869144", "--pin", "A=520.825", "--pin", "B=1487.72", "--pin", "alpha=0.3526596", "--pin",
                "beta=0.3526596", "--starts", "sobol:8", "--residuals", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("row,N,D,U,observed,fitted,residual,weight,robustWeight");
        assertThat(lines).hasSize(183);
        int down = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            double observed = Double.parseDouble(c[4]);
            double fitted = Double.parseDouble(c[5]);
            double residual = Double.parseDouble(c[6]);
            double robust = Double.parseDouble(c[8]);
            assertThat(residual).isCloseTo(Math.log(fitted) - Math.log(observed), within(1e-12));
            assertThat(robust).isBetween(0.0, 1.0);
            // Huber(1e-3): rows beyond delta are down-weighted by delta/|r|
            assertThat(robust).isCloseTo(Math.min(1, 1e-3 / Math.abs(residual)), within(1e-12));
            down += robust < 1 ? 1 : 0;
        }
        assertThat(down).isGreaterThan(100);
        assertThat(dir.toFile().list()).containsExactly("res.csv");
        badInput(Cli.run("fit", "--starts", "sobol:4", "--residuals", dir.resolve("x.csv").toString(), "--output",
                dir.resolve("x.csv").toString()), "same file");
    }

    @Test
    void publishedConstantsNeedNoDataAndNoFit() throws Exception {
        JsonNode p = json(Cli.run("predict", "--law", "chinchilla", "--params", "E=1.69,A=406.4,B=410.7,alpha=0.34,"
                + "beta=0.28", "--at", "N=7e10,D=1.4e12", "--format", "json"));
        double expected = 1.69 + 406.4 * Math.pow(7e10, -0.34) + 410.7 * Math.pow(1.4e12, -0.28);
        assertThat(p.toString()).contains(Double.toString(expected).substring(0, 9));
        Cli.Result o = Cli.run("optimal", "--law", "chinchilla", "--params", "E=1.69,A=406.4,B=410.7,alpha=0.34,"
                + "beta=0.28", "--compute", "5.88e23", "--format", "json");
        JsonNode on = json(o);
        assertThat(SchemaValidator.validate(SchemaTest.schema("optimal.schema.json"), on)).isEmpty();
        assertThat(on.get("noIntervals").asText()).contains("given");
        assertThat(on.at("/N").has("lower")).isFalse();
        assertThat(Cli.run("optimal", "--law", "chinchilla", "--params", "E=1.69,A=406.4,B=410.7,alpha=0.34,"
                + "beta=0.28", "--compute", "5.88e23").out()).contains("(no intervals: the parameters are given");

        badInput(Cli.run("predict", "--law", "chinchilla", "--params", "E=1.69,A=406.4", "--at", "N=1e9,D=1e10"),
                "--params", "missing B, alpha, beta");
        badInput(Cli.run("predict", "--law", "chinchilla", "--params", "E=1.69,A=406.4,B=410.7,alpha=0.34,beta=0.28,"
                + "gamma=1", "--at", "N=1e9,D=1e10"), "no parameter 'gamma'");
        badInput(Cli.run("predict", "--law", "chinchilla", "--params", "E=-1,A=406.4,B=410.7,alpha=0.34,beta=0.28",
                "--at", "N=1e9,D=1e10"), "E=", "positive");
        badInput(Cli.run("predict", "--params", "E=1", "--at", "N=1e9,D=1e10"), "--params needs --law");
        badInput(Cli.run("predict", "--at", "N=1e9,D=1e10"), "--fit");
        badInput(Cli.run("predict", "--fit", Fixtures.chinchillaFit().toString(), "--law", "chinchilla", "--params",
                "E=1.69,A=406.4,B=410.7,alpha=0.34,beta=0.28", "--at", "N=1e9,D=1e10"), "not both");
    }

    @Test
    void aFitWithEveryParameterPinnedOnlyEvaluatesAndOptimalSaysItHasNoIntervals() throws Exception {
        Path fit = dir.resolve("pinned.json");
        Cli.Result r = Cli.run("fit", "--dataset", "muennighoff-clean", "--pin", "E=1.869144", "--pin", "A=520.825",
                "--pin", "B=1487.72", "--pin", "alpha=0.3526596", "--pin", "beta=0.3526596", "--format", "json",
                "--output", fit.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(Files.readString(fit));
        assertThat(n.at("/convergence/starts").asInt()).isZero();
        assertThat(n.at("/convergence/evaluations").asInt()).isEqualTo(1);
        assertThat(n.at("/convergence/iterations").asInt()).isZero();
        assertThat(n.at("/goodness/freeParameters").asInt()).isZero();
        // R^2 of Chinchilla's constants on the 182 runs, as Muennighoff et al. report it
        assertThat(n.at("/goodness/rSquaredLinear").asDouble()).isCloseTo(0.4452, within(1e-4));
        assertThat(n.get("warnings").toString()).contains("every parameter is pinned");
        Cli.Result o = Cli.run("optimal", "--fit", fit.toString(), "--compute", "1e21");
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out()).contains("(no intervals: every parameter of the fit is pinned)");
    }

    @Test
    void theDataConstrainedOptimumHoldsTheUniqueTokens() throws Exception {
        String params = "E=1.869144,A=520.825,B=1487.72,alpha=0.3526596,beta=0.3526596,RDstar=15.387756,"
                + "RNstar=5.309743";
        JsonNode o = json(Cli.run("optimal", "--law", "data-constrained", "--params", params, "--compute", "1e22",
                "--at", "U=1e10", "--format", "json"));
        assertThat(SchemaValidator.validate(SchemaTest.schema("optimal.schema.json"), o)).isEmpty();
        double n = o.at("/N/estimate").asDouble();
        double d = o.at("/D/estimate").asDouble();
        assertThat(6 * n * d).isCloseTo(1e22, within(1e22 * 1e-9));
        assertThat(o.at("/epochs/estimate").asDouble()).isCloseTo(d / 1e10, within(1e-9 * d / 1e10));
        assertThat(o.at("/held/U").asDouble()).isEqualTo(1e10);

        Path fit = dir.resolve("dc.json");
        Cli.Result r = Cli.run("fit", "--dataset", "muennighoff-clean", "--law", "data-constrained", "--pin",
                "E=1.869144", "--pin", "A=520.825", "--pin", "B=1487.72", "--pin", "alpha=0.3526596", "--pin",
                "beta=0.3526596", "--starts", "sobol:8", "--format", "json", "--output", fit.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Cli.Result t = Cli.run("optimal", "--fit", fit.toString(), "--compute", "1e22", "--at", "U=1e10");
        assertThat(t.exit()).as(t.err()).isZero();
        assertThat(t.out()).contains("epochs D/U", "(held U=1e10)", "asymptotic");
        assertThat(t.out()).containsPattern("epochs D/U\\s+\\S+\\s+\\[\\S+, \\S+\\]");

        badInput(Cli.run("optimal", "--fit", fit.toString(), "--compute", "1e22"), "give --at", "covariate U");
        badInput(Cli.run("optimal", "--fit", fit.toString(), "--compute", "1e22", "--at", "U=1e10,S=3"), "'S'");
        badInput(Cli.run("optimal", "--fit", fit.toString(), "--target-loss", "2.5"), "in (N, D)");
    }

    @Test
    void aColumnMappingOntoAnExistingColumnWinsAndSaysSoOnce() throws Exception {
        // loss = 1.8 + 400 N^-0.34 + 400 D^-0.28 exactly, N in column Neff; the file's own N is all ones
        Path csv = Fixtures.write(dir, "neff.csv", "N,Neff,D,loss\n1,1e8,2e9,3.557066331\n1,2e8,4e9,3.221532989\n"
                + "1,4e8,8e9,2.950559608\n1,8e8,1.6e10,2.731629991\n1,1.6e9,3.2e10,2.554672585\n"
                + "1,3.2e9,6.4e10,2.411579531\n1,6.4e9,1.3e11,2.294476042\n1,1e8,1e11,2.894889796\n"
                + "1,1e9,1e9,3.356366124\n");
        Cli.Result r = Cli.run("fit", "--data", csv.toString(), "--column", "N=Neff", "--pin", "E=1.8",
                "--starts", "sobol:8", "--loss", "squared", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).contains("--column N=Neff", "mapping wins");
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(n.at("/data/ranges/N/min").asDouble()).isEqualTo(1e8);
        assertThat(n.at("/parameters/3/estimate").asDouble()).isCloseTo(0.34, within(1e-4));
    }

    @Test
    void whereTakesArithmeticOverColumns() throws Exception {
        JsonNode n = json(Cli.run("fit", "--dataset", "muennighoff-runs", "--where", "D/U<=2.5", "--tie",
                "beta=alpha", "--starts", "sobol:8", "--format", "json"));
        assertThat(n.at("/data/used").asInt()).isEqualTo(62);
        Cli.Result subset = Cli.run("fit", "--dataset", "muennighoff-runs", "--where", "D / N >= 100", "--where",
                "6*N*D < 1e20", "--starts", "sobol:8", "--format", "json");
        assertThat(subset.exit()).as(subset.err()).isLessThanOrEqualTo(1);
        JsonNode m = Json.MAPPER.readTree(subset.out());
        assertThat(m.at("/data/where").toString()).contains("D / N>=100");
        assertThat(m.at("/data/used").asInt()).isPositive();
        badInput(Cli.run("fit", "--where", "D/Q>=2"), "--where 'D/Q>=2': position 3", "no column 'Q'");
        badInput(Cli.run("fit", "--where", "D/(N>=2"), "position", "expected ')'");
        badInput(Cli.run("fit", "--where", "lg(D)>=2"), "position 1", "unknown function 'lg'");
    }
}
