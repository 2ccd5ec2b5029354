/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.datasets.Datasets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scaling datasets}: the bundled public datasets. */
@Command(name = "datasets", description = "The bundled public datasets: list, show (with provenance), export as CSV.",
        subcommands = {DatasetsCommand.ListCommand.class, DatasetsCommand.ShowCommand.class,
            DatasetsCommand.ExportCommand.class},
        footer = {"", "Examples:", "  scaling datasets list", "  scaling datasets show chinchilla",
            "  scaling datasets export chinchilla --output chinchilla.csv"})
final class DatasetsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "missing subcommand: list, show NAME or export NAME");
    }

    /** {@code scaling datasets list}. */
    @Command(name = "list", description = "List the bundled datasets.",
            footer = {"", "Example:", "  scaling datasets list --format json"})
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        FormatOption format = new FormatOption();

        @Override
        public Integer call() {
            List<Datasets.Info> infos = Datasets.list();
            String text = switch (format.format) {
                case json -> {
                    ArrayNode a = Json.MAPPER.createArrayNode();
                    for (Datasets.Info i : infos) {
                        a.add(info(i));
                    }
                    yield Json.pretty(a);
                }
                case csv -> {
                    StringBuilder sb = new StringBuilder("name,rows,title,citation\n");
                    for (Datasets.Info i : infos) {
                        sb.append(String.join(",", i.name(), Integer.toString(i.rows()), Table.csvCell(i.title()),
                                Table.csvCell(i.citation()))).append('\n');
                    }
                    yield sb.toString();
                }
                case table -> {
                    Table t = new Table(List.of("name", "rows", "title"));
                    for (Datasets.Info i : infos) {
                        t.add(i.name(), Integer.toString(i.rows()), i.title());
                    }
                    yield t.render();
                }
            };
            Output.emit(null, text, spec.commandLine().getOut(), List.of());
            return 0;
        }
    }

    static ObjectNode info(Datasets.Info i) {
        ObjectNode o = Json.object();
        o.put("name", i.name());
        o.put("title", i.title());
        o.put("citation", i.citation());
        o.put("rows", i.rows());
        o.put("columns", i.columns());
        return o;
    }

    static Datasets.Info find(String name) {
        for (Datasets.Info i : Datasets.list()) {
            if (i.name().equalsIgnoreCase(name.trim())) {
                return i;
            }
        }
        throw new CliException(String.format(Locale.ROOT, "unknown dataset '%s'; bundled datasets: %s", name,
                String.join(", ", Datasets.names())));
    }

    /** The {@code NAME} parameter of {@code show} and {@code export}, as a picocli mixin. */
    static final class DatasetName {

        @Parameters(paramLabel = "NAME", description = "Dataset name.")
        String name;

        /** The bundled dataset of this name (see {@link DatasetsCommand#find}). */
        Datasets.Info info() {
            return find(name);
        }
    }

    /** {@code scaling datasets show NAME}. */
    @Command(name = "show", description = "Describe a dataset: citation, columns, first rows and provenance.",
            footer = {"", "Example:", "  scaling datasets show gadre-overtraining"})
    static final class ShowCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DatasetName dataset = new DatasetName();

        @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
                description = "Output format (default: ${DEFAULT-VALUE}).")
        Format format;

        @Override
        public Integer call() {
            Datasets.Info info = dataset.info();
            Dataset d = Datasets.byName(info.name());
            String provenance = Datasets.provenance(info.name());
            String text;
            if (format == Format.json) {
                ObjectNode o = info(info);
                o.put("source", d.source());
                ArrayNode cols = o.putArray("columnNames");
                d.columnNames().forEach(cols::add);
                o.put("provenance", provenance);
                text = Json.pretty(o);
            } else {
                StringBuilder sb = new StringBuilder();
                sb.append(String.format(Locale.ROOT, "name      %s (%s)%n", info.name(), d.source()));
                sb.append(String.format(Locale.ROOT, "title     %s%n", info.title()));
                sb.append(String.format(Locale.ROOT, "citation  %s%n", info.citation()));
                sb.append(String.format(Locale.ROOT, "rows      %d%n", d.size()));
                sb.append(String.format(Locale.ROOT, "columns   %s%n", info.columns()));
                List<String> names = d.columnNames();
                sb.append(String.format(Locale.ROOT, "all       %d columns: %s%n%n", names.size(),
                        names.size() > 12 ? String.join(", ", names.subList(0, 12)) + ", ..." : String.join(", ",
                                names)));
                sb.append("--- PROVENANCE.md ---\n").append(provenance);
                if (!provenance.endsWith("\n")) {
                    sb.append('\n');
                }
                text = sb.toString();
            }
            Output.emit(null, text, spec.commandLine().getOut(), List.of());
            return 0;
        }
    }

    /** {@code scaling datasets export NAME [--output FILE]}. */
    @Command(name = "export", description = "Write a dataset as CSV (all columns, with the derived ones).",
            footer = {"", "Example:", "  scaling datasets export chinchilla --output chinchilla.csv"})
    static final class ExportCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DatasetName dataset = new DatasetName();

        @Option(names = "--output", paramLabel = "FILE", description = "Write here (atomically) instead of stdout.")
        Path output;

        @Override
        public Integer call() {
            Datasets.Info info = dataset.info();
            Dataset d = Datasets.byName(info.name());
            List<String> names = d.columnNames();
            List<String[]> cols = new ArrayList<>();
            for (String c : names) {
                cols.add(d.textColumn(c));
            }
            StringBuilder sb = new StringBuilder();
            sb.append(String.join(",", names.stream().map(Table::csvCell).toList())).append('\n');
            for (int i = 0; i < d.size(); i++) {
                for (int j = 0; j < cols.size(); j++) {
                    if (j > 0) {
                        sb.append(',');
                    }
                    sb.append(Table.csvCell(cols.get(j)[i]));
                }
                sb.append('\n');
            }
            Output.emit(output, sb.toString(), spec.commandLine().getOut(), List.of());
            return 0;
        }
    }
}
