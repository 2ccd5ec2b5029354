/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalinglaws.transfer.shape.ShapeEffectAnalysis;
import dev.scalinglaws.transfer.shape.ShapeEffectReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scaling shape --effect}: the shape-beyond-size test from the command line. */
class ShapeEffectCommandTest {

    @TempDir
    Path dir;

    static final double[] N = new double[24];
    static final double[] LAYERS = new double[24];
    static final double[] ERROR = new double[24];

    static {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 8; i++) {
            double n = 1e7 * Math.pow(10, 3.0 * i / 7);
            for (int j = 0; j < 3; j++) {
                int r = 3 * i + j;
                N[r] = n;
                LAYERS[r] = Math.round(6 * Math.pow(n / 1e7, 0.12) * (1 << j));
                // a uniform draw with sd 0.01 stands in for Gaussian noise
                ERROR[r] = 0.25 + 40 * Math.pow(n, -0.3) - 0.02 * Math.log(LAYERS[r])
                        + 0.01 * Math.sqrt(12) * (random.nextDouble() - 0.5);
            }
        }
    }

    private Path csv() {
        StringBuilder sb = new StringBuilder("params,layers,error\n");
        for (int i = 0; i < N.length; i++) {
            sb.append(N[i]).append(',').append(LAYERS[i]).append(',').append(ERROR[i]).append('\n');
        }
        return Fixtures.write(dir, "runs.csv", sb.toString());
    }

    @Test
    void theCommandReportsWhatTheLibraryFinds() throws Exception {
        Cli.Result r = Cli.run("shape", "--effect", "--data", csv().toString(), "--column", "N=params", "--column",
                "shape=layers", "--column", "metric=error", "--resamples", "49", "--seed", "3", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(SchemaValidator.validate(SchemaTest.schema("shape-effect.schema.json"), n)).isEmpty();
        ShapeEffectReport expected = ShapeEffectAnalysis.defaults().withResamples(49).withSeed(3)
                .test(N, LAYERS, ERROR);
        assertThat(n.get("shapeMatters").asBoolean()).isEqualTo(expected.shapeMatters()).isTrue();
        assertThat(n.get("likelihoodRatio").asDouble()).isEqualTo(expected.likelihoodRatio());
        assertThat(n.get("bootstrapPValue").asDouble()).isEqualTo(expected.bootstrapPValue());
        assertThat(n.get("shapeCoefficient").asDouble()).isCloseTo(-0.02, within(0.01));
        assertThat(n.get("summary").asText()).isEqualTo(expected.summary());

        Cli.Result table = Cli.run("shape", "--effect", "--data", csv().toString(), "--column", "N=params",
                "--column", "shape=layers", "--column", "metric=error", "--resamples", "0", "--size-law",
                "log-linear");
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).contains("verdict     shape", "metric = a + b ln N + gamma ln(shape)");
    }

    @Test
    void missingColumnsAndBadOptionsAreOneLine() {
        Cli.Result noShape = Cli.run("shape", "--effect", "--data", csv().toString(), "--column", "N=params",
                "--column", "metric=error");
        assertThat(noShape.exit()).isEqualTo(2);
        assertThat(noShape.errLines()).hasSize(1);
        assertThat(noShape.err()).contains("column 'shape'", "--column shape=HEADER");
        Cli.Result descriptor = Cli.run("shape", "--effect", "--data", csv().toString(), "--descriptor", "width");
        assertThat(descriptor.exit()).isEqualTo(2);
        assertThat(descriptor.err()).contains("--descriptor must be depth or aspect-ratio");
        Path tiny = Fixtures.write(dir, "tiny.csv", "N,shape,metric\n1e7,6,0.5\n1e8,12,0.4\n");
        Cli.Result few = Cli.run("shape", "--effect", "--data", tiny.toString());
        assertThat(few.exit()).isEqualTo(2);
        assertThat(few.errLines()).hasSize(1);
    }
}
