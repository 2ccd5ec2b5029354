/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.scalinglaws.core.DataException;
import dev.scalinglaws.core.Dataset;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The {@code scaling fit} command applied to rows that are already in memory, one group at a time: what a
 * distributed engine (the {@code scaling-spark} module) runs in each task so that its JSON lines are exactly those of
 * {@code scaling fit --by COLUMN --format json} on the same file. The arguments are those of {@code scaling fit}
 * without {@code --data}, {@code --dataset}, {@code --output}, {@code --format} and {@code --plot}.
 *
 * <p>Immutable and serialisable (it holds the argument strings only); each call parses them into a fresh command, so
 * instances may be shared across threads.
 */
public final class FitJob implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final List<String> REFUSED = List.of("--data", "--dataset", "--output", "--format", "--plot");

    /** The {@code scaling fit} arguments, as given (an unmodifiable copy); parsed afresh on every use. */
    private final List<String> arguments;
    /** Where the rows come from, as the {@code data.source} field of each JSON line says. */
    private final String source;

    private FitJob(List<String> arguments, String source) {
        this.arguments = List.copyOf(arguments);
        this.source = source;
    }

    /**
     * A job from {@code scaling fit} arguments, checked by parsing them once.
     *
     * @param source    where the rows come from, as {@code data.source} will say
     * @param arguments the fit arguments (no {@code --data}, {@code --output}, {@code --format}, {@code --plot})
     * @return the job
     * @throws IllegalArgumentException with picocli's one-line message if the arguments do not parse
     */
    public static FitJob of(String source, List<String> arguments) {
        for (String a : arguments) {
            for (String r : REFUSED) {
                if (a.equals(r) || a.startsWith(r + "=")) {
                    throw new IllegalArgumentException(r + " is not a per-group option");
                }
            }
        }
        FitJob job = new FitJob(arguments, source);
        FitCommand c = job.command(new PrintWriter(new StringWriter()));
        if (c.by == null) {
            throw new IllegalArgumentException("a fit job needs --by COLUMN");
        }
        return job;
    }

    /** {@return the {@code --by} column, as the fitted data names it (after {@code --column} mapping)} */
    public String byColumn() {
        return command(new PrintWriter(new StringWriter())).by;
    }

    /**
     * The {@code --column KEY=HEADER} mappings.
     *
     * @return a new map from each column key to the file header it reads, in the order given (empty without
     *         {@code --column})
     */

    public Map<String, String> columns() {
        return Parsing.keyValues("--column", command(new PrintWriter(new StringWriter())).data.columns);
    }

    /**
     * The input column that holds the {@code --by} labels.
     *
     * @return the header of the file column
     */
    public String byHeader() {
        return columns().getOrDefault(byColumn(), byColumn());
    }

    /**
     * Builds the rows of one group as {@code scaling fit} reads them from a CSV file: cells parsed as numbers
     * where they are numbers, columns renamed by the {@code --column} mappings.
     *
     * @param headers    the input's column names
     * @param cells      {@code cells[column][row]} as text
     * @param rowNumbers each row's 1-based number in the input
     * @return the dataset
     * @throws DataException if a mapping names a column the input does not have
     */
    public Dataset rows(List<String> headers, String[][] cells, int[] rowNumbers) {
        Map<String, String> mapping = columns();
        Map<String, String> headerToKey = new HashMap<>();
        for (Map.Entry<String, String> e : mapping.entrySet()) {
            if (!headers.contains(e.getValue())) {
                throw new DataException(source, -1, e.getValue(), null, String.format(Locale.ROOT,
                        "column mapping %s=\"%s\": no such column (columns: %s)", e.getKey(), e.getValue(),
                        String.join(", ", headers)));
            }
            headerToKey.put(e.getValue(), e.getKey());
        }
        Dataset.Builder b = Dataset.builder(source).rowNumbers(rowNumbers);
        for (int j = 0; j < headers.size(); j++) {
            String h = headers.get(j);
            b.textColumn(headerToKey.getOrDefault(h, h), cells[j]);
        }
        return b.build();
    }

    /**
     * Fits the rows of one or more groups and returns the JSON lines {@code scaling fit --by} writes for them.
     * Warnings (derived columns, failed bootstrap refits) go to {@code err}.
     *
     * @param rows the rows, as {@link #rows} builds them
     * @param err  where warnings go
     * @return one JSON line (newline-terminated) per group, in order of first appearance
     * @throws CliException or {@link DataException} with the command's one-line message if the rows cannot be fitted
     */
    public String jsonLines(Dataset rows, PrintWriter err) {
        FitCommand c = command(err);
        StringBuilder sb = new StringBuilder();
        for (FitOutcome o : c.outcomes(rows)) {
            sb.append(Json.line(FitReport.json(o)));
        }
        return sb.toString();
    }

    /**
     * Whether an exception from {@link #jsonLines} is the data's fault (a bad group), as opposed to a defect.
     *
     * @param e the exception
     * @return true for bad input
     */
    public static boolean isBadInput(RuntimeException e) {
        return e instanceof CliException || e instanceof IllegalArgumentException;
    }

    /**
     * The message the command prints for an exception, on one line.
     *
     * @param e the exception
     * @return the message
     */
    public static String message(RuntimeException e) {
        return ScalingCommand.oneLine(LibraryMessages.of(e));
    }

    /**
     * The JSON line for a group that could not be fitted: {@code {"group", "groupColumn", "status": "ERROR",
     * "message"}}.
     *
     * @param label   the group's label
     * @param message why it could not be fitted
     * @return the line, newline-terminated
     */
    public String errorLine(String label, String message) {
        var root = Json.MAPPER.createObjectNode();
        root.put("group", label);
        root.put("groupColumn", byColumn());
        root.put("status", "ERROR");
        root.put("message", message);
        return Json.line(root);
    }

    /**
     * Writes text to a file atomically (a temporary file in the same directory, then a rename), as every output of
     * the command is written.
     *
     * @param target the file
     * @param text   the content
     */
    public static void write(java.nio.file.Path target, String text) {
        Output.emit(target, text, null, List.of());
    }

    private FitCommand command(PrintWriter err) {
        List<String> args = new ArrayList<>();
        // a named source (never read): the bundled-data defaults (--drop-top-loss 5) must not apply
        args.add("--data");
        args.add(source);
        args.addAll(arguments);
        // the fit command alone, not the whole command tree: building every subcommand's model took 5-6 ms, a
        // quarter of a 30-row fit, once per group
        CommandLine cl = new CommandLine(new FitCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setErr(err);
        try {
            ParseResult pr = cl.parseArgs(args.toArray(String[]::new));
            return (FitCommand) pr.commandSpec().userObject();
        } catch (ParameterException e) {
            throw new IllegalArgumentException(ScalingCommand.oneLine(e.getMessage()), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FitJob j && j.arguments.equals(arguments) && j.source.equals(source);
    }

    @Override
    public int hashCode() {
        return 31 * arguments.hashCode() + source.hashCode();
    }

    @Override
    public String toString() {
        return "FitJob" + arguments;
    }
}
