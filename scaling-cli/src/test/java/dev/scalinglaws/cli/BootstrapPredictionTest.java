/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * predict and plot with a bootstrapped fit: intervals from a bootstrap of the same fit (its scheme, resamples, seed
 * and level), the same bits whatever --threads, schema-valid, and one-line usage errors.
 */
class BootstrapPredictionTest {

    @TempDir
    static Path dir;

    static Path fit;

    @BeforeAll
    static void bootstrappedFit() {
        fit = dir.resolve("boot.json");
        Cli.Result r = Cli.run("fit", "--starts", "sobol:16", "--interval", "bootstrap", "--resamples", "40",
                "--format", "json", "--output", fit.toString());
        assertThat(r.exit()).as(r.err()).isZero();
    }

    private static JsonNode predict(String... extra) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("predict", "--fit", fit.toString(),
                "--at", "N=7e10,D=1.4e12", "--format", "json"));
        args.addAll(java.util.List.of(extra));
        Cli.Result r = Cli.run(args.toArray(new String[0]));
        assertThat(r.exit()).as(r.err()).isZero();
        return Json.MAPPER.readTree(r.out());
    }

    @Test
    void aBootstrappedFitGivesBootstrapIntervalsThatBracketTheEstimate() throws Exception {
        JsonNode boot = predict("--level", "0.95", "--threads", "1");
        assertThat(SchemaValidator.validate(SchemaTest.schema("prediction.schema.json"), boot)).isEmpty();
        assertThat(boot.at("/interval/method").asText()).isEqualTo("bootstrap-case-bca");
        assertThat(boot.at("/interval/resample").asText()).isEqualTo("case");
        assertThat(boot.at("/interval/resamples").asInt()).isEqualTo(40);
        assertThat(boot.at("/interval/seed").asLong()).isZero();
        double estimate = boot.get("estimate").asDouble();
        double lo = boot.at("/confidence/lower").asDouble();
        double hi = boot.at("/confidence/upper").asDouble();
        assertThat(lo).isLessThan(estimate);
        assertThat(hi).isGreaterThan(estimate);
        assertThat(boot.at("/prediction/lower").asDouble()).isLessThan(lo);
        assertThat(boot.at("/prediction/upper").asDouble()).isGreaterThan(hi);

        JsonNode asymptotic = predict("--level", "0.95", "--interval", "asymptotic");
        assertThat(SchemaValidator.validate(SchemaTest.schema("prediction.schema.json"), asymptotic)).isEmpty();
        assertThat(asymptotic.has("interval")).isFalse();
        assertThat(asymptotic.get("estimate").asDouble()).isEqualTo(estimate);
        assertThat(asymptotic.at("/confidence/lower").asDouble()).isNotEqualTo(lo);
        assertThat(asymptotic.at("/confidence/upper").asDouble()).isNotEqualTo(hi);
    }

    @Test
    void itIsTheFitsOwnBootstrapAgain() throws Exception {
        // refitted from the recorded starts with the recorded settings, the bootstrap gives the fit's own intervals
        FitFile f = FitFile.read(fit);
        FitData d = FitData.of(f, null, java.util.List.of());
        FitBootstrap b = FitBootstrap.settings(f, null, null, null, null, 2);
        assertThat(b.resamples()).isEqualTo(40);
        assertThat(b.scheme()).isEqualTo("case");
        assertThat(b.method()).isEqualTo(dev.scalinglaws.fit.uncertainty.IntervalMethod.BCA);
        var r = b.run(f, d.used(), java.util.List.of());
        JsonNode root = Json.MAPPER.readTree(fit.toFile());
        for (JsonNode p : root.get("parameters")) {
            var iv = r.interval(p.get("name").asText());
            assertThat(iv.lower()).as(p.get("name").asText()).isEqualTo(p.get("lower").asDouble());
            assertThat(iv.upper()).as(p.get("name").asText()).isEqualTo(p.get("upper").asDouble());
        }
    }

    @Test
    void theSameBitsWhateverTheThreads() throws Exception {
        JsonNode one = predict("--level", "0.9", "--threads", "1");
        JsonNode two = predict("--level", "0.9", "--threads", "2");
        assertThat(two).isEqualTo(one);
        assertThat(one.get("level").asDouble()).isEqualTo(0.9);
        assertThat(two.toString()).isEqualTo(one.toString());
    }

    @Test
    void flagsOverrideTheRecordedSettings() throws Exception {
        JsonNode other = predict("--interval", "bootstrap", "--resamples", "30", "--seed", "7", "--resample", "wild",
                "--threads", "2");
        assertThat(SchemaValidator.validate(SchemaTest.schema("prediction.schema.json"), other)).isEmpty();
        assertThat(other.at("/interval/method").asText()).isEqualTo("bootstrap-wild-rademacher-bca");
        assertThat(other.at("/interval/resamples").asInt()).isEqualTo(30);
        assertThat(other.at("/interval/seed").asLong()).isEqualTo(7);
        assertThat(other.get("level").asDouble()).isEqualTo(0.95);
    }

    @Test
    void anAsymptoticFitStaysAsymptoticUnlessTheBootstrapIsAskedFor() throws Exception {
        String plain = Fixtures.chinchillaFit().toString();
        Cli.Result r = Cli.run("predict", "--fit", plain, "--at", "N=1e9,D=2e10", "--level", "0.9", "--format",
                "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Json.MAPPER.readTree(r.out()).has("interval")).isFalse();
    }

    @Test
    void usageErrorsAreOneLineWithExitTwo() {
        // cluster resampling needs runs, and the Chinchilla fit has none
        Cli.Result cluster = Cli.run("predict", "--fit", fit.toString(), "--at", "N=1e9,D=2e10", "--level", "0.9",
                "--resample", "cluster");
        assertThat(cluster.exit()).isEqualTo(2);
        assertThat(cluster.errLines()).hasSize(1);
        assertThat(cluster.err()).contains("--resample cluster").contains("--group");

        Cli.Result noBoot = Cli.run("predict", "--fit", Fixtures.chinchillaFit().toString(), "--at", "N=1e9,D=2e10",
                "--level", "0.9", "--resamples", "40");
        assertThat(noBoot.exit()).isEqualTo(2);
        assertThat(noBoot.errLines()).hasSize(1);
        assertThat(noBoot.err()).contains("go with a bootstrap");

        Cli.Result plot = Cli.run("plot", "--fit", Fixtures.chinchillaFit().toString(), "--output",
                dir.resolve("never.png").toString(), "--resamples", "40");
        assertThat(plot.exit()).isEqualTo(2);
        assertThat(plot.errLines()).hasSize(1);
        assertThat(Files.exists(dir.resolve("never.png"))).isFalse();

        Cli.Result bad = Cli.run("predict", "--fit", fit.toString(), "--at", "N=1e9,D=2e10", "--interval", "jackknife");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.errLines()).hasSize(1);
    }

    @Test
    void plotWithABootstrappedFitWritesTheFile() throws Exception {
        Path png = dir.resolve("boot.png");
        Cli.Result r = Cli.run("plot", "--fit", fit.toString(), "--output", png.toString(), "--threads", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.size(png)).isPositive();
        assertThat(r.err()).doesNotContain("no bootstrap panels");
    }
}
