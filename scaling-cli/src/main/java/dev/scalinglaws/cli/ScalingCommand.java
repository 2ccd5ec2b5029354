/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

import dev.scalinglaws.core.ScalingLaws;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code scaling} command: fit, check and use neural scaling laws from the command line. The contract (commands,
 * flags, exit codes, output) is {@code docs/cli.md}, with the JSON schemas in {@code docs/schema/}.
 *
 * <p>Exit status: 0 success, 1 a fit that ran but did not converge (the result is still written), 2 bad input or
 * usage (one line on stderr naming file, row and column where they apply; {@code --debug} adds the stack trace),
 * 3 an internal error, 130 interrupted (Ctrl-C: one line "interrupted", no output file written).
 */
@Command(name = "scaling", mixinStandardHelpOptions = true, versionProvider = ScalingCommand.Version.class,
        scope = ScopeType.INHERIT,
        description = "Fit, check and use neural scaling laws.",
        footer = {"", "Examples:",
            "  scaling fit                                  # Chinchilla, Epoch AI protocol",
            "  scaling fit --format json --output fit.json",
            "  scaling optimal --fit fit.json --compute 5.88e23",
            "  scaling shape --family t5 --config base",
            "", "Exit status: 0 success, 1 fit did not converge, 2 bad input or usage, 3 internal error, 130 interrupted."})
public final class ScalingCommand implements Runnable {

    /** Exit status for bad input or usage. */
    public static final int BAD_INPUT = 2;
    /** Exit status for an internal error. */
    public static final int INTERNAL_ERROR = 3;
    /** Exit status when interrupted (Ctrl-C), as shells report SIGINT: 128 + 2. */
    public static final int INTERRUPTED = 130;

    /**
     * The subcommands in the order help lists them, each built only when registered: picocli reflects over every
     * option of a registered command, and building all eleven cost a one-shot {@code scaling fit} about 0.17 s of a
     * JVM start without the class-data archive (BENCHMARKS.md), so {@link #commandLine(String...)} registers only the
     * one named.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("fit", FitCommand::new);
        m.put("predict", PredictCommand::new);
        m.put("optimal", OptimalCommand::new);
        m.put("backtest", BacktestCommand::new);
        m.put("select", SelectCommand::new);
        m.put("shape", ShapeCommand::new);
        m.put("datasets", DatasetsCommand::new);
        m.put("plot", PlotCommand::new);
        m.put("isoflop", IsoflopCommand::new);
        m.put("envelope", EnvelopeCommand::new);
        m.put("approaches", ApproachesCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(m);
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "On error, print the stack trace as well as the one-line message.")
    boolean debug;

    /**
     * Runs the command and exits with its status.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        useStderrFromLauncher();
        // Ctrl-C: interrupt the work so that it stops at the next check and reports "interrupted" (exit 130)
        // instead of dying mid-way; results are written only once complete, so no partial output is left.
        Thread main = Thread.currentThread();
        Thread hook = new Thread(() -> {
            main.interrupt();
            try {
                main.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "scaling-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        int status = commandLine(args).execute(args);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return; // the JVM is exiting on a signal (status 130 for SIGINT); the hook is waiting for us
        }
        System.exit(status);
    }

    /**
     * The {@code scaling} launcher runs the JVM with its stderr piped through a filter that drops the JVM's notice
     * about the Vector API module, and passes the caller's own stderr as an open descriptor named by
     * {@code -Dscaling.stderr.fd} (4). The command writes there directly, through that very descriptor: it never
     * waits in the filter, and it shares the caller's file offset, so under {@code > log 2>&1} the lines of stdout
     * and stderr land complete and in the order written (reopening {@code /dev/fd/4} would create a second offset).
     * Java has no public way to wrap a descriptor number, so the launcher opens {@code java.io} to this code; if
     * that fails, everything stays on the inherited (filtered) stderr.
     */
    private static void useStderrFromLauncher() {
        String fd = System.getProperty("scaling.stderr.fd");
        if (fd == null || !fd.matches("[0-9]{1,4}")) {
            return;
        }
        try {
            java.io.FileDescriptor descriptor = new java.io.FileDescriptor();
            java.lang.reflect.Field field = java.io.FileDescriptor.class.getDeclaredField("fd");
            field.setAccessible(true);
            field.setInt(descriptor, Integer.parseInt(fd));
            System.setErr(new java.io.PrintStream(new java.io.FileOutputStream(descriptor), true));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // keep the inherited stderr (java.io not opened to us, or another JVM layout)
        }
    }

    /**
     * The configured command line (handlers for usage and execution errors). Tests call
     * {@code commandLine().setOut(..).setErr(..).execute(..)}.
     *
     * @return a new command line
     */
    public static CommandLine commandLine() {
        return build(SUBCOMMANDS.keySet());
    }

    /**
     * The command line for these arguments: when the first names a subcommand (other than {@code help}), the root
     * with that subcommand alone, which parses and runs it exactly as the whole tree would; otherwise the whole
     * tree (usage, {@code help}, a misspelt command's suggestions).
     *
     * @param args the command-line arguments
     * @return a new command line
     */
    public static CommandLine commandLine(String... args) {
        if (args.length > 0 && SUBCOMMANDS.containsKey(args[0]) && !args[0].equals("help")) {
            return build(List.of(args[0]));
        }
        return commandLine();
    }

    private static CommandLine build(Collection<String> names) {
        CommandLine cl = new CommandLine(new ScalingCommand());
        for (String name : names) {
            cl.addSubcommand(name, SUBCOMMANDS.get(name).get());
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpAutoWidth(false);
        cl.setUsageHelpWidth(120);
        configureHelp(cl);
        if (!Terminal.colour()) { // NO_COLOR or TERM=dumb: plain help even on a terminal
            cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        }
        cl.setParameterExceptionHandler(ScalingCommand::usageError);
        cl.setExecutionExceptionHandler(ScalingCommand::executionError);
        return cl;
    }

    /** Options in declaration order (synopsis included) and 30 columns for long option names, recursively. */
    private static void configureHelp(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        spec.usageMessage().sortOptions(false).sortSynopsis(false).longOptionsMaxWidth(30);
        // a subcommand added to a built root gets -h and -V before the inherited --debug; help lists them last
        List<OptionSpec> help = spec.options().stream().filter(o -> o.usageHelp() || o.versionHelp()).toList();
        help.forEach(spec::remove);
        help.forEach(spec::addOption);
        cl.getSubcommands().values().forEach(ScalingCommand::configureHelp);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int usageError(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        if (java.util.Arrays.asList(args).contains("--debug")) {
            ex.printStackTrace(err);
        }
        err.println(cl.getCommandSpec().qualifiedName() + ": " + oneLine(ex.getMessage()) + " (see '"
                + cl.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return BAD_INPUT;
    }

    private static int executionError(Exception ex, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean debug = debugRequested(parsed);
        if (debug) {
            ex.printStackTrace(err);
        }
        String name = cl.getCommandSpec().qualifiedName();
        int status;
        String message;
        if (isCancellation(ex)) {
            Thread.interrupted(); // handled: clear the flag
            err.println(name + ": interrupted");
            err.flush();
            return INTERRUPTED;
        }
        if (ex instanceof CliException || ex instanceof IllegalArgumentException) {
            status = BAD_INPUT;
            message = LibraryMessages.of(ex);
        } else if (ex instanceof UncheckedIOException || ex instanceof IOException) {
            status = BAD_INPUT;
            message = ex.getCause() != null ? String.valueOf(ex.getCause().getMessage()) : ex.getMessage();
        } else {
            status = INTERNAL_ERROR;
            message = "internal error: " + ex + (debug ? "" : " (run with --debug for the stack trace)");
        }
        err.println(name + ": " + oneLine(message));
        err.flush();
        return status;
    }

    private static boolean isCancellation(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.CancellationException || t instanceof InterruptedException
                    || t instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    private static boolean debugRequested(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    static String oneLine(String message) {
        if (message == null) {
            return "error";
        }
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    /**
     * "commit 0123456789ab" ("commit 0123456789ab (modified)" when the working tree had changes), from what the build
     * recorded ({@code git describe --always --abbrev=12 --dirty=+modified}, and its exit status); "commit unknown"
     * when the build had no git or no repository.
     */
    static String commit(String described, String status) {
        if (described == null || !"0".equals(status) || !described.matches("[0-9a-f]{7,40}(\\+modified)?")) {
            return "commit unknown";
        }
        return "commit " + described.replace("+modified", " (modified)");
    }

    /** Version from the build (with the git commit), plus the registered laws. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            for (String resource : new String[] {"version.properties", "commit.properties"}) {
                try (InputStream in = ScalingCommand.class.getResourceAsStream(resource)) {
                    if (in != null) {
                        p.load(in);
                    }
                } catch (IOException e) {
                    // fall through to "unknown"
                }
            }
            return new String[] {"scaling " + p.getProperty("version", "unknown") + " (dev.scalinglaws, "
                    + commit(p.getProperty("commit"), p.getProperty("status")) + ")",
                "Java " + System.getProperty("java.version") + ", laws: " + String.join(", ", ScalingLaws.names())};
        }
    }
}
