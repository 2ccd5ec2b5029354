/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.spark;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scalinglaws.cli.FitJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scaling-spark fit}: the {@code scaling fit --by} command on Apache Spark (local mode by default, any cluster
 * with {@code --master} or {@code spark-submit}). Exit status: 0 every group converged, 1 some group did not converge
 * or could not be fitted (its line says why), 2 bad input or usage, 3 internal error.
 */
@Command(name = "scaling-spark", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = SparkFitCommand.Version.class,
        description = {"Fit a scaling law to every group of a CSV or Parquet file on Apache Spark.",
                "Takes the flags of 'scaling fit' that it supports; with --format json it writes the same JSON "
                        + "lines as 'scaling fit --by COLUMN --format json', in the same group order."},
        footer = {"", "Examples:",
                "  scaling-spark --data runs.csv --law chinchilla --by task --format json --output fits.jsonl",
                "  scaling-spark --master local[2] --data runs.parquet --law chinchilla --by task --starts sobol:64",
                "", "Exit status: 0 all converged, 1 some group did not converge or failed, 2 bad input, 3 internal "
                + "error."})
public final class SparkFitCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "FILE", required = true,
            description = "CSV (with a header) or Parquet file or directory, one row per observation.")
    Path data;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "Spark master (default: ${DEFAULT-VALUE}); ignored under spark-submit, which sets it.")
    String master;

    @Option(names = "--law", paramLabel = "NAME", description = "Law to fit (default: chinchilla).")
    String law;

    @Option(names = "--formula", paramLabel = "EXPR", description = "A formula law instead of --law.")
    String formula;

    @Option(names = "--column", paramLabel = "KEY=HEADER", description = "Map a law key to a header. Repeatable.")
    List<String> columns = new ArrayList<>();

    @Option(names = "--by", paramLabel = "COLUMN", required = true, description = "Fit each group separately.")
    String by;

    @Option(names = "--group", paramLabel = "COLUMN", description = "The column naming each row's run (model).")
    String group;

    @Option(names = "--loss", paramLabel = "NAME", description = "Loss: huber (default), squared, ...")
    String loss;

    @Option(names = "--delta", paramLabel = "X", description = "Huber delta (default 1e-3).")
    String delta;

    @Option(names = "--residual", paramLabel = "log|linear", description = "Residual space (default log).")
    String residual;

    @Option(names = "--starts", paramLabel = "SPEC", description = "Multistart: sobol:N, lhs:N, hoffmann, grid:FILE.")
    String starts;

    @Option(names = "--interval", paramLabel = "METHOD", description = "asymptotic (default), bootstrap, profile, "
            + "none.")
    String interval;

    @Option(names = "--resamples", paramLabel = "B", description = "Bootstrap resamples.")
    String resamples;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default 0).")
    String seed;

    @Option(names = "--format", paramLabel = "json|table", defaultValue = "json",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--output", paramLabel = "FILE|DIR/",
            description = "Write JSON lines to FILE (atomically, collected on the driver) or, for a path ending in / "
                    + "or an existing directory, as Spark part files written by the executors.")
    String output;

    @Option(names = "--partitions", paramLabel = "P",
            description = "Shuffle partitions for the groups (default: Spark's spark.sql.shuffle.partitions).")
    Integer partitions;

    /**
     * Runs the command and exits the JVM with its status: 0 when every group's fit converged, 1 when some did not,
     * 2 for bad input, 3 for an internal error.
     *
     * @param args the command-line arguments ({@code --help} lists them)
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The configured command line: one-line errors, exit 2 for bad input.
     *
     * @return a new picocli command line around a new command, with case-insensitive enum values and the exit
     *         codes of {@link #main}
     */

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SparkFitCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("scaling-spark: " + oneLine(ex.getMessage())
                    + " (see 'scaling-spark --help')");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            boolean bad = ex instanceof BadInput || ex instanceof IllegalArgumentException
                    || (ex instanceof RuntimeException r && FitJob.isBadInput(r));
            c.getErr().println("scaling-spark: " + (bad ? "" : "internal error: ") + oneLine(ex.getMessage()));
            return bad ? 2 : 3;
        });
        return cl;
    }

    /** Bad input found by the command itself (a missing or malformed file). */
    static final class BadInput extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadInput(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public Integer call() {
        if (law != null && formula != null) {
            throw new BadInput("give --law or --formula, not both", null);
        }
        if (!format.equals("json") && !format.equals("table")) {
            throw new BadInput("--format must be json or table: " + format, null);
        }
        if (!Files.exists(data)) {
            throw new BadInput(data + ": no such file", null);
        }
        FitJob job = FitJob.of(data.toString(), fitArguments());
        boolean ownSession = SparkSession.getActiveSession().isEmpty();
        SparkSession spark = session();
        try {
            List<Row> rows;
            Dataset<Row> fits = CommandFits.fit(read(spark), job);
            boolean toDirectory = output != null && (output.endsWith("/") || Files.isDirectory(Path.of(output)));
            if (toDirectory) {
                // two actions (the executors' write, the driver's status check): keep the fits so that each group
                // is fitted once, not once per action
                fits = fits.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
                fits.select("json").write().mode("overwrite").text(output);
                rows = fits.select("group", "json").collectAsList();
            } else {
                rows = fits.collectAsList();
            }
            StringBuilder text = new StringBuilder();
            boolean allConverged = true;
            ObjectMapper mapper = new ObjectMapper();
            if (format.equals("table")) {
                text.append(String.format(Locale.ROOT, "%-24s %-14s %14s  %s%n", "group", "status", "objective",
                        "estimates"));
            }
            for (Row r : rows) {
                String json = r.getString(1);
                JsonNode node = mapper.readTree(json);
                String status = node.path("status").asText();
                allConverged &= status.equals("CONVERGED");
                if (format.equals("json")) {
                    text.append(json);
                } else {
                    text.append(tableRow(r.getString(0), node));
                }
            }
            if (toDirectory) {
                if (format.equals("table")) {
                    new PrintWriter(System.out, true).print(text);
                }
            } else if (output != null) {
                FitJob.write(Path.of(output), text.toString());
            } else {
                System.out.print(text);
                System.out.flush();
            }
            return allConverged ? 0 : 1;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a fit produced unreadable JSON: " + e.getMessage(), e);
        } catch (Exception e) {
            // Spark throws Scala's undeclared checked exceptions: an unreadable or malformed file is bad input
            if (e instanceof org.apache.spark.sql.AnalysisException) {
                throw new BadInput(data + ": " + firstLine(e.getMessage()), e);
            }
            if (e instanceof org.apache.spark.SparkException || e.getCause() instanceof org.apache.spark.SparkException) {
                throw new BadInput(data + ": " + rootMessage(e), e);
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
    }

    private static String tableRow(String group, JsonNode node) {
        StringBuilder est = new StringBuilder();
        for (JsonNode p : node.path("parameters")) {
            if (est.length() > 0) {
                est.append(", ");
            }
            est.append(p.path("name").asText()).append(' ').append(String.format(Locale.ROOT, "%.5g",
                    p.path("estimate").asDouble()));
        }
        String status = node.path("status").asText();
        return String.format(Locale.ROOT, "%-24s %-14s %14s  %s%n", group, status,
                node.has("objective") ? String.format(Locale.ROOT, "%.6g", node.path("objective").asDouble()) : "-",
                status.equals("ERROR") ? node.path("message").asText() : est);
    }

    /** The arguments of 'scaling fit' that this command forwards, plus one thread per fit. */
    List<String> fitArguments() {
        List<String> a = new ArrayList<>();
        add(a, "--law", law);
        add(a, "--formula", formula);
        for (String c : columns) {
            add(a, "--column", c);
        }
        add(a, "--by", by);
        add(a, "--group", group);
        add(a, "--loss", loss);
        add(a, "--delta", delta);
        add(a, "--residual", residual);
        add(a, "--starts", starts);
        add(a, "--interval", interval);
        add(a, "--resamples", resamples);
        add(a, "--seed", seed);
        add(a, "--threads", "1");
        return a;
    }

    private static void add(List<String> args, String option, String value) {
        if (value != null) {
            args.add(option);
            args.add(value);
        }
    }

    private SparkSession session() {
        SparkSession.Builder b = SparkSession.builder().appName("scaling-spark");
        if (System.getProperty("spark.master") == null) {
            b.master(master);
        }
        b.config("spark.ui.showConsoleProgress", "false");
        if (partitions != null) {
            b.config("spark.sql.shuffle.partitions", String.valueOf(partitions));
        }
        return b.getOrCreate();
    }

    private Dataset<Row> read(SparkSession spark) {
        String path = data.toString();
        boolean parquet = path.endsWith(".parquet") || (Files.isDirectory(data) && !path.endsWith(".csv"));
        if (parquet) {
            return spark.read().parquet(path);
        }
        return spark.read().option("header", "true").option("mode", "FAILFAST").option("inferSchema", "false")
                .option("enforceSchema", "false").csv(path);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return firstLine(t.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "error";
        }
        String m = message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }

    private static String oneLine(String message) {
        return message == null ? "error" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    /** The library's version and Spark's. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SparkFitCommand.class.getPackage().getImplementationVersion();
            return new String[] {"scaling-spark " + (v == null ? "(development build)" : v) + ", Apache Spark "
                    + org.apache.spark.package$.MODULE$.SPARK_VERSION()};
        }
    }
}
