package dev.scalinglaws.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a long-format CSV (one row per observation) into a {@link Dataset}: comma, semicolon or tab delimited
 * (detected from the header), quoted headers, a UTF-8 byte-order mark and CRLF line ends are all accepted. A column
 * mapping renames headers to the names laws use ({@code N="Model Size"}).
 *
 * <p>Errors are {@link DataException}s naming the file, row and column. Immutable and thread-safe; configure with
 * {@link #withColumn(String, String)} and friends.
 */
public final class CsvReader {

    /** Default cap on the number of data rows read, so that a huge file fails fast instead of exhausting memory. */
    public static final int DEFAULT_MAX_ROWS = 5_000_000;

    private final Map<String, String> mapping;
    private final int maxRows;

    private CsvReader(Map<String, String> mapping, int maxRows) {
        this.mapping = mapping;
        this.maxRows = maxRows;
    }

    /** A reader with no column mapping. */
    public static CsvReader defaults() {
        return new CsvReader(Map.of(), DEFAULT_MAX_ROWS);
    }

    /**
     * This reader with one more mapping: the CSV header {@code header} becomes column {@code key}.
     *
     * @param key    the name a law uses ({@code N}, {@code D}, {@code C}, {@code loss}, ...)
     * @param header the header in the file
     * @return a new reader
     */
    public CsvReader withColumn(String key, String header) {
        Map<String, String> m = new LinkedHashMap<>(mapping);
        m.put(key, header);
        return new CsvReader(Map.copyOf(m), maxRows);
    }

    /**
     * This reader with a set of mappings added.
     *
     * @param keyToHeader mapping from law names to headers
     * @return a new reader
     */
    public CsvReader withColumns(Map<String, String> keyToHeader) {
        Map<String, String> m = new LinkedHashMap<>(mapping);
        m.putAll(keyToHeader);
        return new CsvReader(Map.copyOf(m), maxRows);
    }

    /**
     * This reader with another limit on the number of data rows.
     *
     * @param rows maximum number of data rows
     * @return a new reader
     */
    public CsvReader withMaxRows(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("maxRows must be positive: " + rows);
        }
        return new CsvReader(mapping, rows);
    }

    /**
     * Reads a file.
     *
     * @param file the CSV file
     * @return the dataset, with {@link Dataset#source()} the file name
     * @throws DataException for a missing file, an empty file, duplicate or missing mapped columns, or rows of the
     *                       wrong length
     */
    public Dataset read(Path file) {
        String name = file.toString();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, name);
        } catch (NoSuchFileException e) {
            throw new DataException(name, -1, null, null, "no such file");
        } catch (IOException e) {
            throw new DataException(name, -1, null, null, "cannot read: " + e.getMessage());
        }
    }

    /**
     * Reads CSV text.
     *
     * @param reader the text (not closed)
     * @param source a name for error messages
     * @return the dataset
     */
    public Dataset read(Reader reader, String source) {
        try {
            BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
            in.mark(1 << 16);
            String first = in.readLine();
            if (first == null || first.isBlank()) {
                throw new DataException(source, -1, null, null, "the file is empty (a header row is required)");
            }
            in.reset();
            if (first.startsWith("\uFEFF")) {
                in.skip(1);
                first = first.substring(1);
            }
            char delimiter = detectDelimiter(first);
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader()
                    .setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true)
                    .setAllowMissingColumnNames(true).setDuplicateHeaderMode(
                            org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL).build();
            try (CSVParser parser = format.parse(in)) {
                List<String> headers = new ArrayList<>(parser.getHeaderNames());
                checkHeaders(headers, source);
                List<List<String>> cells = new ArrayList<>();
                for (int j = 0; j < headers.size(); j++) {
                    cells.add(new ArrayList<>());
                }
                List<Integer> rowNumbers = new ArrayList<>();
                int row = 0;
                for (CSVRecord rec : parser) {
                    row++;
                    if (row > maxRows) {
                        throw new DataException(source, row, null, null, String.format(Locale.ROOT,
                                "more than %d data rows; raise the limit (CsvReader.withMaxRows) or split the file",
                                maxRows));
                    }
                    if (rec.size() != headers.size()) {
                        throw new DataException(source, row, null, null, String.format(Locale.ROOT,
                                "row has %d cells, the header %d (delimiter '%s')", rec.size(), headers.size(),
                                delimiter == '\t' ? "\\t" : String.valueOf(delimiter)));
                    }
                    for (int j = 0; j < headers.size(); j++) {
                        cells.get(j).add(rec.get(j));
                    }
                    rowNumbers.add(row);
                }
                if (row == 0) {
                    throw new DataException(source, -1, null, null, "the file has a header but no data rows");
                }
                Map<String, String> headerToKey = invertMapping(headers, source);
                Dataset.Builder b = Dataset.builder(source);
                for (int j = 0; j < headers.size(); j++) {
                    String h = headers.get(j);
                    String key = headerToKey.getOrDefault(h, h);
                    b.textColumn(key, cells.get(j).toArray(new String[0]));
                }
                b.rowNumbers(rowNumbers.stream().mapToInt(Integer::intValue).toArray());
                return b.build();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            if (e instanceof DataException de) {
                throw de;
            }
            throw new DataException(source, -1, null, null, "malformed CSV: " + e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            throw new DataException(source, -1, null, null, "malformed CSV: " + e.getMessage());
        }
    }

    private void checkHeaders(List<String> headers, String source) {
        Map<String, Integer> seen = new HashMap<>();
        for (String h : headers) {
            if (seen.merge(h, 1, Integer::sum) > 1) {
                throw new DataException(source, -1, h, null, "duplicate column header");
            }
        }
    }

    private Map<String, String> invertMapping(List<String> headers, String source) {
        Map<String, String> inverse = new HashMap<>();
        for (Map.Entry<String, String> e : mapping.entrySet()) {
            if (!headers.contains(e.getValue())) {
                throw new DataException(source, -1, e.getValue(), null, String.format(Locale.ROOT,
                        "column mapping %s=\"%s\": the file has no such header (headers: %s)", e.getKey(),
                        e.getValue(), String.join(", ", headers)));
            }
            if (!e.getKey().equals(e.getValue()) && headers.contains(e.getKey())
                    && !mapping.containsValue(e.getKey())) {
                throw new DataException(source, -1, e.getKey(), null, String.format(Locale.ROOT,
                        "column mapping %s=\"%s\": the file already has a column named %s", e.getKey(),
                        e.getValue(), e.getKey()));
            }
            inverse.put(e.getValue(), e.getKey());
        }
        return inverse;
    }

    static char detectDelimiter(String header) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == ',') {
                    commas++;
                } else if (c == ';') {
                    semicolons++;
                } else if (c == '\t') {
                    tabs++;
                }
            }
        }
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        if (semicolons > commas) {
            return ';';
        }
        return ',';
    }
}
