/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scalinglaws.core.CsvReader;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.dynamics.Checkpoints;
import dev.scalinglaws.core.dynamics.KaplanTrajectoryLaw;
import dev.scalinglaws.core.dynamics.TrainingDynamics;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Loss;
import dev.scalinglaws.fit.Starts;
import dev.scalinglaws.fit.uncertainty.AsymptoticCovariance;
import dev.scalinglaws.fit.uncertainty.DerivedQuantity;
import dev.scalinglaws.fit.uncertainty.Interval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scaling predict --level / --plot for training dynamics, on docs/examples/checkpoints.csv: delta-method intervals
 * for steps, tokens, compute, the critical batch and the loss trajectory, identical to the library's
 * {@link AsymptoticCovariance} applied to {@link TrainingDynamics#ofTheta(java.util.function.ToDoubleFunction)}, and
 * the trajectory plot.
 */
class DynamicsIntervalsCommandTest {

    /** The kaplan-trajectory estimates on checkpoints.csv (docs/cli.md, warm-up before 2e7 tokens dropped). */
    private static final double[] THETA = {6.812e13, 2111.7, 0.076803, 0.7583, 2.106e8, 0.20834};

    @TempDir
    Path dir;

    static Path checkpoints() {
        Path base = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        Path file = base.resolve("../docs/examples/checkpoints.csv").normalize();
        return Files.exists(file) ? file : base.resolve("docs/examples/checkpoints.csv").normalize();
    }

    /** A fit file as 'scaling fit --group run --warmup-tokens 2e7 --loss squared --format json' writes it. */
    private Path fitFile() {
        List<String> names = TrainingDynamics.PARAMETER_NAMES;
        StringBuilder sb = new StringBuilder("{\"schema\": \"scalinglaws.fit/1\", \"law\": \"kaplan-trajectory\", "
                + "\"status\": \"CONVERGED\", \"spec\": {\"residual\": \"log\", \"loss\": \"squared\"}, "
                + "\"data\": {\"source\": \"" + checkpoints().toString().replace("\\", "\\\\") + "\", "
                + "\"runs\": {\"column\": \"run\", \"count\": 6}, \"warmupTokens\": 2e7}, \"parameters\": [");
        for (int j = 0; j < THETA.length; j++) {
            sb.append(j == 0 ? "" : ", ").append("{\"name\": \"").append(names.get(j)).append("\", \"estimate\": ")
                    .append(THETA[j]).append('}');
        }
        return Fixtures.write(dir, "dynamics.json", sb.append("]}").toString());
    }

    /** The same intervals through the public library API: the example a library user would write. */
    private static Interval library(double[] thetaOut, java.util.function.ToDoubleFunction<TrainingDynamics> p,
                                    String name) {
        Dataset runs = Checkpoints.byRun(CsvReader.defaults().read(checkpoints()), "run");
        Dataset data = Checkpoints.withoutWarmup(runs, "tokens", 2e7);
        FitSpec spec = FitSpec.defaults().withLoss(Loss.squared()).withThreads(1)
                .withStarts(Starts.of(List.of(THETA.clone())));
        FitResult fit = Fitter.fit(KaplanTrajectoryLaw.INSTANCE, data, spec);
        System.arraycopy(fit.theta(), 0, thetaOut, 0, thetaOut.length);
        AsymptoticCovariance cov = AsymptoticCovariance.of(fit, data, AsymptoticCovariance.Form.SMOOTHED_SANDWICH);
        return cov.interval(DerivedQuantity.of(name, TrainingDynamics.ofTheta(p)), 0.95, true);
    }

    @Test
    void intervalsMatchTheLibraryAndBracketTheEstimates() throws Exception {
        Cli.Result r = Cli.run("predict", "--fit", fitFile().toString(), "--at", "N=1e9,B=524288",
                "--steps-to-loss", "2.5", "--trajectory", "1e3:2e5:5", "--level", "0.95", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(SchemaValidator.validate(SchemaTest.schema("dynamics.schema.json"), n)).isEmpty();
        assertThat(n.get("level").asDouble()).isEqualTo(0.95);
        for (String q : List.of("criticalBatch", "minimumSteps", "minimumTokens", "steps", "tokens", "compute")) {
            double est = n.at("/stepsToLoss/" + q).asDouble();
            double lo = n.at("/stepsToLoss/intervals/" + q + "/lower").asDouble();
            double hi = n.at("/stepsToLoss/intervals/" + q + "/upper").asDouble();
            assertThat(lo).as(q).isLessThan(est);
            assertThat(hi).as(q).isGreaterThan(est);
            // log-scale Wald interval: symmetric in log around the refitted estimate, a few percent wide here
            assertThat(Math.log(hi / lo)).as(q).isBetween(1e-3, 1.0);
        }
        for (JsonNode e : n.get("trajectory")) {
            assertThat(e.get("lossLower").asDouble()).isLessThan(e.get("loss").asDouble());
            assertThat(e.get("lossUpper").asDouble()).isGreaterThan(e.get("loss").asDouble());
        }

        double[] theta = new double[6];
        Interval steps = library(theta, d -> d.stepsToLoss(1e9, 524288, 2.5), "steps");
        assertThat(steps.ok()).isTrue();
        assertThat(n.at("/stepsToLoss/intervals/steps/lower").asDouble()).isCloseTo(steps.lower(),
                within(1e-6 * steps.lower()));
        assertThat(n.at("/stepsToLoss/intervals/steps/upper").asDouble()).isCloseTo(steps.upper(),
                within(1e-6 * steps.upper()));
        // the refit from the stored (rounded) estimates stays at them
        for (int j = 0; j < theta.length; j++) {
            assertThat(theta[j]).isCloseTo(THETA[j], within(1e-3 * Math.abs(THETA[j])));
        }
        Interval last = library(theta, d -> d.lossAtStep(1e9, 524288, 2e5), "loss");
        assertThat(n.at("/trajectory/4/lossLower").asDouble()).isCloseTo(last.lower(), within(1e-9));
        assertThat(n.at("/trajectory/4/lossUpper").asDouble()).isCloseTo(last.upper(), within(1e-9));

        Cli.Result table = Cli.run("predict", "--fit", fitFile().toString(), "--at", "N=1e9,B=65536",
                "--steps-to-loss", "2.5", "--level", "0.9");
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).contains("(90% intervals in brackets)", "90% intervals: delta method");

        Cli.Result unreachable = Cli.run("predict", "--fit", fitFile().toString(), "--at", "N=1e9,B=65536",
                "--steps-to-loss", "2", "--level", "0.95", "--format", "json");
        assertThat(unreachable.exit()).as(unreachable.err()).isZero();
        JsonNode u = Json.MAPPER.readTree(unreachable.out());
        assertThat(SchemaValidator.validate(SchemaTest.schema("dynamics.schema.json"), u)).isEmpty();
        assertThat(u.at("/stepsToLoss/intervals/steps/lower").isNull()).isTrue();
    }

    @Test
    void trajectoryPlotIsAPngWithContent() throws Exception {
        Path png = dir.resolve("trajectory.png");
        Cli.Result r = Cli.run("predict", "--fit", fitFile().toString(), "--at", "N=1e9,B=524288",
                "--trajectory", "1e3:2e5:12", "--plot", png.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(TrajectoryPlot.WIDTH);
        assertThat(image.getHeight()).isEqualTo(TrajectoryPlot.HEIGHT);
        Set<Integer> colours = new HashSet<>();
        int nonWhite = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (rgb != 0xffffff) {
                    nonWhite++;
                }
            }
        }
        assertThat(colours.size()).isGreaterThan(50);
        assertThat(nonWhite).isGreaterThan(image.getWidth() * image.getHeight() / 4 / 50);

        Cli.Result noTrajectory = Cli.run("predict", "--fit", fitFile().toString(), "--at", "N=1e9,B=524288",
                "--steps-to-loss", "2.5", "--plot", png.toString());
        assertThat(noTrajectory.exit()).isEqualTo(2);
        assertThat(noTrajectory.err()).contains("--plot needs --trajectory");
        Cli.Result twoPoints = Cli.run("predict", "--fit", fitFile().toString(), "--at", "N=1e9,B=524288",
                "--at", "N=1e8,B=524288", "--trajectory", "1e3:2e5:5", "--plot", png.toString());
        assertThat(twoPoints.exit()).isEqualTo(2);
        assertThat(twoPoints.err()).contains("one --at");
    }

    @Test
    void clusterBootstrapResamplesRuns() throws Exception {
        Cli.Result r = Cli.run("predict", "--fit", fitFile().toString(), "--at", "N=1e9,B=524288",
                "--steps-to-loss", "2.5", "--trajectory", "1e3:2e5:3", "--level", "0.9", "--interval", "bootstrap",
                "--resamples", "20", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(SchemaValidator.validate(SchemaTest.schema("dynamics.schema.json"), n)).isEmpty();
        assertThat(n.get("intervalMethod").asText()).startsWith("bootstrap-cluster-percentile (20 resamples of 6 runs");
        double lo = n.at("/stepsToLoss/intervals/steps/lower").asDouble();
        double hi = n.at("/stepsToLoss/intervals/steps/upper").asDouble();
        assertThat(lo).isLessThan(hi);
        assertThat(lo).isGreaterThan(0.5 * n.at("/stepsToLoss/steps").asDouble());
        assertThat(hi).isLessThan(2 * n.at("/stepsToLoss/steps").asDouble());
        for (JsonNode e : n.get("trajectory")) {
            assertThat(e.get("lossLower").asDouble()).isLessThan(e.get("lossUpper").asDouble());
        }

        Cli.Result noLevel = Cli.run("predict", "--fit", fitFile().toString(), "--at", "N=1e9,B=524288",
                "--steps-to-loss", "2.5", "--interval", "bootstrap");
        assertThat(noLevel.exit()).isEqualTo(2);
        assertThat(noLevel.err()).contains("need --level");
        Cli.Result badScheme = Cli.run("predict", "--fit", fitFile().toString(), "--at", "N=1e9,B=524288",
                "--steps-to-loss", "2.5", "--level", "0.95", "--interval", "bootstrap", "--resample", "wild");
        assertThat(badScheme.exit()).isEqualTo(2);
        assertThat(badScheme.err()).contains("cluster or case");
    }
}
