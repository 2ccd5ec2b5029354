package dev.scalinglaws.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.scalinglaws.core.CsvReader;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.datasets.Datasets;
import picocli.CommandLine.Option;

/**
 * Where the data comes from: {@code --data FILE} or {@code --dataset NAME}, with {@code --column KEY=HEADER}
 * mappings and {@code --where} conditions. Shared by the commands that read data.
 */
final class DataOptions {

    @Option(names = "--data", paramLabel = "FILE", description = "CSV in long format (one row per observation).")
    Path file;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "A bundled dataset (see 'scaling datasets list').")
    String dataset;

    @Option(names = "--column", paramLabel = "KEY=HEADER",
            description = "Map a covariate or the response to a CSV header, e.g. --column N=\"Model Size\". "
                    + "Repeatable.")
    List<String> columns = new ArrayList<>();

    @Option(names = "--where", paramLabel = "EXPR",
            description = "Keep rows meeting COLUMN OP VALUE (OP: < <= > >= = !=), e.g. 'N>=1e8', "
                    + "'dataset_name=c4_original'. Repeatable (ANDed).")
    List<String> where = new ArrayList<>();

    /** Whether neither --data nor --dataset was given. */
    boolean isDefault() {
        return file == null && dataset == null;
    }

    /** The input files (for the overwrite guard). */
    List<Path> inputs() {
        return file == null ? List.of() : List.of(file);
    }

    /** The parsed --where conditions. */
    List<RowFilter> filters() {
        List<RowFilter> out = new ArrayList<>();
        for (String w : where) {
            out.add(RowFilter.parse(w));
        }
        return out;
    }

    /**
     * Reads the data, without applying --where.
     *
     * @param defaultDataset dataset to use when neither --data nor --dataset is given (null: required)
     * @return the dataset with the column mappings applied
     */
    Dataset read(String defaultDataset) {
        if (file != null && dataset != null) {
            throw new CliException("give --data FILE or --dataset NAME, not both");
        }
        Map<String, String> mapping = Parsing.keyValues("--column", columns);
        if (file != null) {
            return CsvReader.defaults().withColumns(mapping).read(file);
        }
        String name = dataset != null ? dataset : defaultDataset;
        if (name == null) {
            throw new CliException("no data: give --data FILE or --dataset NAME");
        }
        Dataset d = Datasets.byName(name);
        for (Map.Entry<String, String> e : mapping.entrySet()) {
            String key = e.getKey();
            String header = e.getValue();
            if (!d.has(header)) {
                throw new dev.scalinglaws.core.DataException(d.source(), -1, header, null, String.format(
                        java.util.Locale.ROOT, "column mapping %s=\"%s\": no such column (columns: %s)", key, header,
                        String.join(", ", d.columnNames())));
            }
            d = d.withColumn(key, d.column(header));
        }
        return d;
    }
}
