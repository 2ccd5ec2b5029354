/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalinglaws.cli.ScalingCommand;
import picocli.CommandLine;

/** The command on Spark against the command in one JVM: same JSON lines, same order; bad input is exit 2. */
class SparkFitCommandTest {

    @TempDir
    static Path dir;

    private static Path groups;

    @BeforeAll
    static void writeGroups() throws IOException {
        LocalSpark.get();
        groups = dir.resolve("groups.csv");
        StringBuilder sb = new StringBuilder("task,params,tokens,loss\n");
        SplittableRandom rnd = new SplittableRandom(42);
        // 240 groups, each with its own truth, interleaved so that first appearance differs from sorted order
        int count = 240;
        double[][] truth = new double[count][];
        for (int g = 0; g < count; g++) {
            truth[g] = new double[] {1.6 + 0.4 * rnd.nextDouble(), 300 + 300 * rnd.nextDouble(),
                800 + 1500 * rnd.nextDouble(), 0.3 + 0.1 * rnd.nextDouble(), 0.3 + 0.1 * rnd.nextDouble()};
        }
        for (double n : new double[] {1e7, 3e7, 1e8, 3e8}) {
            for (double tpp : new double[] {5, 10, 20, 40, 80}) {
                for (int k = 0; k < count; k++) {
                    int g = (k * 7919) % count;
                    double[] t = truth[g];
                    double d = n * tpp;
                    double loss = (t[0] + t[1] * Math.pow(n, -t[3]) + t[2] * Math.pow(d, -t[4]))
                            * Math.exp(0.005 * rnd.nextGaussian());
                    sb.append(String.format(Locale.ROOT, "t%03d,%s,%s,%s%n", g, n, d, loss));
                }
            }
        }
        Files.writeString(groups, sb);
    }

    private static int run(CommandLine cl, StringWriter err, String... args) {
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }

    @Test
    void jsonLinesEqualTheLocalCommandsInTheSameGroupOrder() throws IOException {
        Path local = dir.resolve("local.jsonl");
        Path spark = dir.resolve("spark.jsonl");
        String[] common = {"--data", groups.toString(), "--column", "N=params", "--column", "D=tokens", "--by",
            "task", "--starts", "sobol:8", "--seed", "3", "--format", "json"};
        StringWriter err = new StringWriter();
        int localStatus = run(ScalingCommand.commandLine(), err, concat(new String[] {"fit"}, common, "--output",
                local.toString()));
        assertThat(localStatus).as(err.toString()).isIn(0, 1);
        int sparkStatus = run(SparkFitCommand.commandLine(), err, concat(new String[0], common, "--output",
                spark.toString(), "--partitions", "5"));
        assertThat(sparkStatus).as(err.toString()).isEqualTo(localStatus);
        List<String> a = Files.readAllLines(local);
        List<String> b = Files.readAllLines(spark);
        assertThat(a).hasSize(240);
        assertThat(b).hasSize(240);
        ObjectMapper m = new ObjectMapper();
        for (int i = 0; i < a.size(); i++) {
            JsonNode x = comparable(m.readTree(a.get(i)));
            JsonNode y = comparable(m.readTree(b.get(i)));
            assertThat(y).as("line %d", i + 1).isEqualTo(x);
        }
        // the first group is the first label of the file, not the smallest
        assertThat(m.readTree(b.get(0)).path("data").path("group").asText()).isEqualTo("t000");
        assertThat(m.readTree(b.get(1)).path("data").path("group").asText()).isEqualTo("t239");
    }

    /** A line without what may differ: timings and data.source. */
    private static JsonNode comparable(JsonNode n) {
        ObjectNode o = n.deepCopy();
        o.remove("seconds");
        ((ObjectNode) o.path("data")).remove("source");
        if (o.has("interval")) {
            ((ObjectNode) o.path("interval")).remove("seconds");
        }
        return o;
    }

    @Test
    void badGroupsGetErrorLinesAndTheOthersAreFitted() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, String.join("\n", "task,N,D,loss",
                "ok,1e7,1e9,3.1", "ok,1e8,1e9,2.8", "ok,1e9,1e9,2.6", "ok,1e7,1e10,2.9", "ok,1e8,1e10,2.6",
                "ok,1e9,1e10,2.4", "ok,1e7,1e11,2.85", "ok,1e8,1e11,2.5", "ok,1e9,1e11,2.3",
                "neg,1e7,1e9,3.1", "neg,-1e8,1e9,2.8", "neg,1e9,1e9,2.6", "empty,1e7,1e9,oops", ""));
        Path out = dir.resolve("bad.jsonl");
        StringWriter err = new StringWriter();
        int status = run(SparkFitCommand.commandLine(), err, "--data", file.toString(), "--by", "task",
                "--starts", "sobol:8", "--output", out.toString());
        assertThat(status).as(err.toString()).isEqualTo(1);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(3);
        ObjectMapper m = new ObjectMapper();
        assertThat(m.readTree(lines.get(0)).path("status").asText()).isNotEqualTo("ERROR");
        for (String l : lines.subList(1, 3)) {
            JsonNode n = m.readTree(l);
            assertThat(n.path("status").asText()).isEqualTo("ERROR");
            assertThat(n.path("message").asText()).isNotBlank();
        }
        assertThat(m.readTree(lines.get(1)).path("group").asText()).isEqualTo("neg");
        assertThat(m.readTree(lines.get(1)).path("message").asText()).contains("N");
    }

    @Test
    void aMalformedFileIsOneLineAndExitTwo() throws IOException {
        Path file = dir.resolve("ragged.csv");
        Files.writeString(file, "task,N,D,loss\na,1e7,1e9,3.1\na,1e8,1e9\n");
        StringWriter err = new StringWriter();
        int status = run(SparkFitCommand.commandLine(), err, "--data", file.toString(), "--by", "task");
        assertThat(status).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("scaling-spark: " + file).doesNotContain("\n")
                .doesNotContain("Exception");
        StringWriter err2 = new StringWriter();
        assertThat(run(SparkFitCommand.commandLine(), err2, "--data", dir.resolve("missing.csv").toString(), "--by",
                "task")).isEqualTo(2);
        assertThat(err2.toString()).contains("no such file");
        StringWriter err3 = new StringWriter();
        assertThat(run(SparkFitCommand.commandLine(), err3, "--data", file.toString())).isEqualTo(2);
        assertThat(err3.toString()).contains("--by");
    }

    private static String[] concat(String[] head, String[] mid, String... tail) {
        String[] all = new String[head.length + mid.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(mid, 0, all, head.length, mid.length);
        System.arraycopy(tail, 0, all, head.length + mid.length, tail.length);
        return all;
    }
}
