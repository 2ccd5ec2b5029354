/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
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
 * <p>Reading streams: cells are parsed as rows arrive, numbers into primitive blocks (8 bytes a cell), and text is
 * kept only for columns that hold a cell that is not a number. Cells are decimal numbers, or {@code nan},
 * {@code inf}, {@code infinity} in any case and with a sign; anything else (a decimal comma, hex, {@code 1d}, a
 * number beyond the range of a double) is text, and using it as a number raises a {@link DataException} that says
 * why. Two limits, {@link #withMaxRows(int)} (default 5,000,000 rows) and {@link #withMaxBytes(long)} (default
 * 2 GiB), refuse huge inputs with a message instead of exhausting memory; a heap too small even for the numbers is
 * reported the same way, never as an {@link OutOfMemoryError}.
 *
 * <p>Errors are {@link DataException}s naming the file, row and column (rows are 1-based data rows, header and
 * blank lines excluded). Immutable and thread-safe; configure with {@link #withColumn(String, String)} and friends.
 */
public final class CsvReader {

    /** Default cap on the number of data rows read, so that a huge file fails fast instead of exhausting memory. */
    public static final int DEFAULT_MAX_ROWS = 5_000_000;

    /** Default cap on the input size: 2 GiB. */
    public static final long DEFAULT_MAX_BYTES = 1L << 31;

    private final Map<String, String> mapping;
    private final int maxRows;
    private final long maxBytes;

    private CsvReader(Map<String, String> mapping, int maxRows, long maxBytes) {
        this.mapping = mapping;
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
    }

    /** {@return a reader with no column mapping} */
    public static CsvReader defaults() {
        return new CsvReader(Map.of(), DEFAULT_MAX_ROWS, DEFAULT_MAX_BYTES);
    }

    /**
     * This reader with one more mapping: the CSV header {@code header} becomes column {@code key} (the mapping wins
     * over a column of the file named {@code key}, which is then not read unless another mapping renames it).
     *
     * @param key    the name a law uses ({@code N}, {@code D}, {@code C}, {@code loss}, ...)
     * @param header the header in the file
     * @return a new reader
     */
    public CsvReader withColumn(String key, String header) {
        Map<String, String> m = new LinkedHashMap<>(mapping);
        m.put(key, header);
        return new CsvReader(Map.copyOf(m), maxRows, maxBytes);
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
        return new CsvReader(Map.copyOf(m), maxRows, maxBytes);
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
        return new CsvReader(mapping, rows, maxBytes);
    }

    /**
     * This reader with another limit on the size of the input.
     *
     * @param bytes maximum size of a file in bytes (for {@link #read(Reader, String)}: characters read)
     * @return a new reader
     */
    public CsvReader withMaxBytes(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + bytes);
        }
        return new CsvReader(mapping, maxRows, bytes);
    }

    /** {@return the limit on the number of data rows} */
    public int maxRows() {
        return maxRows;
    }

    /** {@return the limit on the input size in bytes (characters for a {@link Reader})} */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Reads a file (UTF-8).
     *
     * @param file the CSV file
     * @return the dataset, with {@link Dataset#source()} the file name
     * @throws DataException for a missing or unreadable file, a file larger than {@link #maxBytes()}, text that is
     *                       not UTF-8, an empty file, duplicate or missing mapped columns, rows of the wrong length,
     *                       an unterminated quote, or more than {@link #maxRows()} rows
     */
    public Dataset read(Path file) {
        String name = file.toString();
        long size;
        try {
            if (Files.isDirectory(file)) {
                throw new DataException(name, -1, null, null, "is a directory, not a CSV file");
            }
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new DataException(name, -1, null, null, "no such file");
        } catch (IOException e) {
            throw new DataException(name, -1, null, null, "cannot read: " + e.getMessage());
        }
        if (size > maxBytes) {
            throw new DataException(name, -1, null, null, String.format(Locale.ROOT,
                    "the file has %d bytes, more than the limit of %d; raise it with CsvReader.withMaxBytes or "
                            + "split the file", size, maxBytes));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader r = new InputStreamReader(Files.newInputStream(file), decoder)) {
            return read(r, name);
        } catch (NoSuchFileException e) {
            throw new DataException(name, -1, null, null, "no such file");
        } catch (IOException e) {
            throw new DataException(name, -1, null, null, "cannot read: " + e.getMessage());
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new DataException(name, -1, null, null,
                        "the file is not UTF-8 text (malformed byte sequence); save it as UTF-8 CSV");
            }
            throw new DataException(name, -1, null, null, "cannot read: " + e.getCause().getMessage());
        }
    }

    /**
     * Reads CSV text, streaming: numbers are parsed as rows arrive into primitive arrays, and text is kept only
     * for columns that hold a cell that is not a number (their numeric cells are kept in canonical form, e.g.
     * {@code 1.0} reads back as {@code 1}). A numeric cell costs 8 bytes, so a file of n rows and k columns needs
     * about 8nk bytes of heap; if even that is not available the read fails with a {@link DataException}, not an
     * {@link OutOfMemoryError}.
     *
     * @param reader the text (not closed)
     * @param source a name for error messages
     * @return the dataset
     * @throws DataException         for bad CSV (see {@link #read(Path)})
     * @throws UncheckedIOException if {@code reader} itself fails
     */
    public Dataset read(Reader reader, String source) {
        Input in = new Input(reader);
        int[] progress = new int[1];
        try {
            return parse(in, source, progress);
        } catch (OutOfMemoryError e) {
            // every partial column is garbage once we are here, so the heap is free again for the message
            throw new DataException(source, progress[0], null, null, String.format(Locale.ROOT,
                    "not enough memory to hold the data (heap limit %d MB, %d rows read); give the JVM more heap "
                            + "(-Xmx) or read fewer rows (CsvReader.withMaxRows)",
                    Runtime.getRuntime().maxMemory() >> 20, progress[0]));
        } catch (IOException e) {
            throw translate(e, in, source, progress[0] + 1);
        } catch (UncheckedIOException e) {
            throw translate(e.getCause(), in, source, progress[0] + 1);
        } catch (IllegalStateException | IllegalArgumentException e) {
            if (e instanceof DataException de) {
                throw de;
            }
            throw new DataException(source, -1, null, null, "malformed CSV: " + e.getMessage());
        }
    }

    private RuntimeException translate(IOException e, Input in, String source, int row) {
        if (in.failure != null) {
            return new UncheckedIOException(in.failure);
        }
        String m = String.valueOf(e.getMessage());
        if (m.contains("EOF reached before encapsulated token finished")) {
            return new DataException(source, row, null, null, String.format(Locale.ROOT,
                    "unterminated quoted field: a quote (\") opened%s is never closed",
                    m.startsWith("(startline ") ? " on line " + m.substring(11, m.indexOf(')')) : ""));
        }
        if (m.contains("Invalid character between encapsulated token and delimiter")) {
            return new DataException(source, row, null, null,
                    "text after a closing quote (" + m.substring(m.indexOf("at line")) + "); quote the whole cell "
                            + "and double any quote inside it (\"\")");
        }
        return new DataException(source, row, null, null, "malformed CSV: " + m);
    }

    private Dataset parse(Input in, String source, int[] progress) throws IOException {
        String first = in.readHead();
        if (first.isBlank()) {
            throw new DataException(source, -1, null, null, "the file is empty (a header row is required)");
        }
        char delimiter = detectDelimiter(first);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader()
                .setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true).setDuplicateHeaderMode(
                        org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL).build();
        try (CSVParser parser = format.parse(in)) {
            List<String> headers = new ArrayList<>(parser.getHeaderNames());
            checkHeaders(headers, source);
            Map<String, String> headerToKey = invertMapping(headers, source);
            int k = headers.size();
            CsvColumnBuffer[] cols = new CsvColumnBuffer[k];
            for (int j = 0; j < k; j++) {
                cols[j] = new CsvColumnBuffer();
            }
            int row = 0;
            for (CSVRecord rec : parser) {
                if (rec.size() == 1 && k > 1 && rec.get(0).isEmpty()) {
                    continue; // a line of blanks, like an empty line
                }
                row++;
                if (row > maxRows) {
                    throw new DataException(source, row, null, null, String.format(Locale.ROOT,
                            "more than %d data rows; raise the limit (CsvReader.withMaxRows) or split the file",
                            maxRows));
                }
                if (in.count > maxBytes) {
                    throw new DataException(source, row, null, null, String.format(Locale.ROOT,
                            "more than %d characters; raise the limit (CsvReader.withMaxBytes) or split the file",
                            maxBytes));
                }
                if (rec.size() != k) {
                    throw new DataException(source, row, null, null, String.format(Locale.ROOT,
                            "row has %d cells, the header %d (delimiter '%s')%s", rec.size(), k,
                            delimiter == '\t' ? "\\t" : String.valueOf(delimiter), rec.size() > k && delimiter == ','
                                    ? "; a decimal comma (3,5) or an unquoted comma inside a cell splits it" : ""));
                }
                for (int j = 0; j < k; j++) {
                    cols[j].add(rec.get(j));
                }
                progress[0] = row;
            }
            progress[0] = row;
            if (row == 0) {
                throw new DataException(source, -1, null, null, "the file has a header but no data rows");
            }
            Dataset.Builder b = Dataset.builder(source);
            for (int j = 0; j < k; j++) {
                String h = headers.get(j);
                CsvColumnBuffer c = cols[j];
                cols[j] = null;
                double[] numbers = c.numbers();
                String[] text = c.text();
                if (headerToKey.getOrDefault(h, h) != null) { // null: a column a mapping shadows
                    b.parsedColumn(headerToKey.getOrDefault(h, h), numbers, text, c.firstBad);
                }
            }
            return b.build();
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
                inverse.put(e.getKey(), null); // the mapping wins: the file's own column of that name is not read
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

    /**
     * The user's reader, counted, with the first line read ahead (to detect the delimiter) and a byte-order mark
     * dropped. Remembers a failure of the underlying reader so that it is not mistaken for bad CSV.
     */
    private static final class Input extends Reader {
        private static final int HEAD_LIMIT = 1 << 20;
        private final Reader in;
        private final StringBuilder head = new StringBuilder();
        private int headPos;
        long count;
        IOException failure;

        Input(Reader in) {
            this.in = in;
        }

        /** Reads ahead to the end of the first non-blank line (at most 1M characters) and returns that line. */
        String readHead() throws IOException {
            int lineStart = 0;
            while (head.length() < HEAD_LIMIT) {
                int c = underlying();
                if (c < 0) {
                    break;
                }
                if (head.length() == 0 && c == '\uFEFF') {
                    continue;
                }
                head.append((char) c);
                if (c == '\n') {
                    if (!head.substring(lineStart).isBlank()) {
                        return head.substring(lineStart);
                    }
                    lineStart = head.length();
                }
            }
            return head.substring(lineStart);
        }

        private int underlying() throws IOException {
            try {
                int c = in.read();
                if (c >= 0) {
                    count++;
                }
                return c;
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (headPos < head.length()) {
                int n = Math.min(len, head.length() - headPos);
                head.getChars(headPos, headPos + n, buf, off);
                headPos += n;
                return n;
            }
            try {
                int n = in.read(buf, off, len);
                if (n > 0) {
                    count += n;
                }
                return n;
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void close() {
            // the caller owns the underlying reader
        }
    }
}
