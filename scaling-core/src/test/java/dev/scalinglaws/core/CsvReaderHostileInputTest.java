/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue of hostile CSV inputs (GitHub issue 10), each read through the library API: what comes out is a
 * {@link Dataset} or a {@link DataException} whose message names the source, row, column and value. Messages are
 * checked exactly; {@code docs/reliability.md} lists the same cases.
 */
class CsvReaderHostileInputTest {

    private static Dataset read(String text) {
        return CsvReader.defaults().read(new StringReader(text), "data.csv");
    }

    private static DataException failure(String text) {
        return catchThrowableOfType(DataException.class, () -> read(text));
    }

    private static Dataset resource(String name) {
        InputStream in = CsvReaderHostileInputTest.class.getResourceAsStream("/hostile/" + name);
        assertThat(in).as(name).isNotNull();
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return CsvReader.defaults().read(r, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DataException resourceFailure(String name) {
        return catchThrowableOfType(DataException.class, () -> resource(name));
    }

    // ---- structure of the file

    @Test
    void emptyFile() {
        assertThat(failure("")).hasMessage("data.csv: the file is empty (a header row is required)");
        assertThat(failure("\n\n  \n")).hasMessage("data.csv: the file is empty (a header row is required)");
    }

    @Test
    void headerOnly() {
        assertThat(failure("N,D,loss\n")).hasMessage("data.csv: the file has a header but no data rows");
        assertThat(failure("N,D,loss")).hasMessage("data.csv: the file has a header but no data rows");
    }

    @Test
    void duplicateColumn() {
        DataException e = failure("N,D,N\n1,2,3\n");
        assertThat(e).hasMessage("data.csv: column 'N': duplicate column header");
        assertThat(e.column()).isEqualTo("N");
        assertThat(e.row()).isEqualTo(-1);
    }

    @Test
    void missingMappedColumn() {
        DataException e = catchThrowableOfType(DataException.class, () -> CsvReader.defaults()
                .withColumn("N", "Model Size").read(new StringReader("params,loss\n1,2\n"), "data.csv"));
        assertThat(e).hasMessage("data.csv: column 'Model Size': column mapping N=\"Model Size\": the file has no "
                + "such header (headers: params, loss)");
    }

    @Test
    void mappingOntoAnExistingColumnWins() {
        Dataset d = CsvReader.defaults().withColumn("N", "params")
                .read(new StringReader("N,params,loss\n1,2,3\n"), "data.csv");
        assertThat(d.columnNames()).containsExactly("N", "loss");
        assertThat(d.column("N")).containsExactly(2.0);
        // a swap reads both
        Dataset swapped = CsvReader.defaults().withColumn("N", "params").withColumn("params", "N")
                .read(new StringReader("N,params,loss\n1,2,3\n"), "data.csv");
        assertThat(swapped.column("N")).containsExactly(2.0);
        assertThat(swapped.column("params")).containsExactly(1.0);
    }

    @Test
    void missingColumnForALaw() {
        Dataset d = read("N,loss\n1e9,3.5\n");
        assertThatThrownBy(() -> d.withCovariatesFor(ChinchillaLaw.INSTANCE, null))
                .isInstanceOf(DataException.class)
                .hasMessage("data.csv: column 'D': law chinchilla needs covariate D, but the data has no such column "
                        + "(columns: N, loss)");
    }

    @Test
    void unknownColumnName() {
        Dataset d = read("N,loss\n1e9,3.5\n");
        assertThatThrownBy(() -> d.column("tokens")).isInstanceOf(DataException.class)
                .hasMessage("data.csv: column 'tokens': no such column; columns are: N, loss");
    }

    @Test
    void raggedRows() {
        DataException e = resourceFailure("ragged.csv");
        assertThat(e).hasMessage("ragged.csv: row 2: row has 2 cells, the header 3 (delimiter ',')");
        assertThat(e.row()).isEqualTo(2);
        assertThat(failure("N,loss\n1,2,3\n")).hasMessage("data.csv: row 1: row has 3 cells, the header 2 "
                + "(delimiter ','); a decimal comma (3,5) or an unquoted comma inside a cell splits it");
    }

    @Test
    void unterminatedQuote() {
        DataException e = resourceFailure("unterminated-quote.csv");
        assertThat(e).hasMessage("unterminated-quote.csv: row 2: unterminated quoted field: a quote (\") opened "
                + "on line 3 is never closed");
        assertThat(failure("N,loss\n1,\"2\"x\n")).hasMessage("data.csv: row 1: text after a closing quote (at line: "
                + "2, position: 13); quote the whole cell and double any quote inside it (\"\")");
    }

    @Test
    void unterminatedQuoteInTheHeader() {
        assertThat(failure("\"N,loss\n1,2\n")).hasMessage("data.csv: row 1: unterminated quoted field: a quote (\") "
                + "opened on line 1 is never closed");
    }

    @Test
    void byteOrderMarkQuotedHeadersTabsCrlfAndBlankLinesAreAccepted() {
        Dataset d = resource("bom-tab-crlf.csv");
        assertThat(d.columnNames()).containsExactly("N", "D", "loss");
        assertThat(d.column("loss")).containsExactly(3.5, 3.1);
        assertThat(d.rowNumber(1)).isEqualTo(2);
    }

    @Test
    void linesOfBlanksAreSkippedLikeEmptyLines() {
        Dataset d = read("N,loss\n1,2\n  ,  \n3,4\n");
        assertThat(d.size()).isEqualTo(3);
        Dataset e = read("N,loss\n1,2\n   \n3,4\n");
        assertThat(e.size()).isEqualTo(2);
    }

    // ---- cells

    @Test
    void nonNumericCell() {
        Dataset d = read("N,D,loss\n1e9,2e10,3.5\n2e9,4e10,abc\n");
        assertThat(d.isNumeric("loss")).isFalse();
        DataException e = catchThrowableOfType(DataException.class, () -> d.response(ChinchillaLaw.INSTANCE, true));
        assertThat(e).hasMessage("data.csv: row 2, column 'loss': value 'abc': not a number");
        assertThat(e.row()).isEqualTo(2);
        assertThat(e.column()).isEqualTo("loss");
        assertThat(e.value()).isEqualTo("abc");
        // the text survives for label columns, numbers in canonical form
        assertThat(d.textColumn("loss")).containsExactly("3.5", "abc");
    }

    @Test
    void emptyCell() {
        Dataset d = read("N,loss\n1e9,\n");
        assertThatThrownBy(() -> d.column("loss")).isInstanceOf(DataException.class)
                .hasMessage("data.csv: row 1, column 'loss': value '': empty cell where a number is required");
    }

    @Test
    void nanAndInfinitySpellingsParseAsNonFiniteNumbersAndAreRejectedWhereUsed() {
        Dataset d = resource("non-finite.csv");
        assertThat(d.isNumeric("loss")).isTrue();
        assertThat(d.isNumeric("D")).isTrue();
        assertThat(d.column("loss")).containsExactly(Double.NaN, Double.POSITIVE_INFINITY, 3.0,
                Double.NEGATIVE_INFINITY);
        assertThat(d.column("D")[2]).isEqualTo(Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> d.response(ChinchillaLaw.INSTANCE, true)).isInstanceOf(DataException.class)
                .hasMessage("non-finite.csv: row 1, column 'loss': value 'NaN': value is not finite");
        assertThatThrownBy(() -> d.covariates(ChinchillaLaw.INSTANCE)).isInstanceOf(DataException.class)
                .hasMessage("non-finite.csv: row 3, column 'D': value 'Infinity': value is not finite");
        for (String spelling : List.of("nan", "NaN", "NAN", "-nan", "inf", "INF", "+inf", "-inf", "Infinity",
                "-Infinity", "infinity")) {
            Dataset one = read("N,loss\n1e9," + spelling + "\n");
            assertThat(one.isNumeric("loss")).as(spelling).isTrue();
            assertThat(Double.isFinite(one.column("loss")[0])).as(spelling).isFalse();
            assertThatThrownBy(() -> one.response(KaplanLaw.N, true)).as(spelling)
                    .isInstanceOf(DataException.class).hasMessageEndingWith(": value is not finite");
        }
    }

    @Test
    void javaOnlyNumberSyntaxIsNotANumber() {
        for (String cell : List.of("1d", "2f", "0x1p3", "1_000", "1e", "e5", ".", "--1", "1.2.3", "NaNa", "infinite")) {
            Dataset d = read("N,loss\n1e9," + cell + "\n");
            assertThat(d.isNumeric("loss")).as(cell).isFalse();
        }
    }

    @Test
    void zeroOrNegativeValueWhereTheLawTakesALog() {
        Dataset d = read("N,D,loss\n1e9,2e10,3.5\n-1e9,4e10,3.1\n");
        assertThatThrownBy(() -> d.covariates(ChinchillaLaw.INSTANCE)).isInstanceOf(DataException.class)
                .hasMessage("data.csv: row 2, column 'N': value '-1000000000': law chinchilla takes the logarithm "
                        + "of N, so it must be positive");
        Dataset z = read("N,D,loss\n1e9,0,3.5\n");
        assertThatThrownBy(() -> z.covariates(ChinchillaLaw.INSTANCE)).isInstanceOf(DataException.class)
                .hasMessage("data.csv: row 1, column 'D': value '0': law chinchilla takes the logarithm of D, so it "
                        + "must be positive");
        Dataset l = read("N,D,loss\n1e9,2e10,0\n");
        assertThatThrownBy(() -> l.response(ChinchillaLaw.INSTANCE, true)).isInstanceOf(DataException.class)
                .hasMessage("data.csv: row 1, column 'loss': value '0': log residuals need a positive response");
        assertThat(l.response(ChinchillaLaw.INSTANCE, false)).containsExactly(0.0);
    }

    @Test
    void hugeAndTinyValuesAreKeptExactly() {
        Dataset d = read("N,D,loss\n1e300,1e-300,1e300\n4.9e-324,1.7976931348623157e308,1e-300\n");
        assertThat(d.column("N")).containsExactly(1e300, 4.9e-324);
        assertThat(d.column("D")).containsExactly(1e-300, Double.MAX_VALUE);
        Columns x = d.covariates(ChinchillaLaw.INSTANCE);
        assertThat(x.logValue(0, 0)).isCloseTo(Math.log(1e300), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(x.logValue(0, 1)).isEqualTo(Math.log(Double.MIN_VALUE));
    }

    @Test
    void numbersBeyondTheRangeOfADoubleAreRefusedNotRounded() {
        Dataset big = read("N,loss\n1e400,2\n");
        assertThatThrownBy(() -> big.column("N")).isInstanceOf(DataException.class)
                .hasMessage("data.csv: row 1, column 'N': value '1e400': number out of the range of a double (its "
                        + "magnitude must lie between 4.9e-324 and 1.8e308)");
        Dataset tiny = read("N,loss\n1e-400,2\n");
        assertThatThrownBy(() -> tiny.column("N")).isInstanceOf(DataException.class)
                .hasMessageContaining("value '1e-400': number out of the range of a double");
        assertThat(read("N,loss\n0e-400,2\n").column("N")).containsExactly(0.0);
    }

    @Test
    void decimalCommaInASemicolonFileSuggestsTheFix() {
        Dataset d = resource("decimal-comma.csv");
        assertThat(d.columnNames()).containsExactly("N", "D", "loss");
        DataException e = catchThrowableOfType(DataException.class, () -> d.response(ChinchillaLaw.INSTANCE, true));
        assertThat(e).hasMessage("decimal-comma.csv: row 1, column 'loss': value '3,5': not a number (decimal comma? "
                + "write 3.5, not 3,5)");
        assertThat(read("N;loss\n1;1,000\n").textColumn("loss")).containsExactly("1,000");
        assertThatThrownBy(() -> read("N;loss\n1;1,000\n").column("loss")).hasMessage("data.csv: row 1, column "
                + "'loss': value '1,000': not a number (thousands separator or decimal comma? write 1000, not 1,000, "
                + "and 3.5, not 3,5)");
    }

    @Test
    void duplicateRowsAreKept() {
        Dataset d = read("N,loss\n1,2\n1,2\n1,2\n");
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.rowNumber(2)).isEqualTo(3);
    }

    @Test
    void textColumnsKeepLabelsAndNumericCellsInCanonicalForm() {
        Dataset d = read("model,N,loss\n1.0,1e9,3\nx,2e9,2\n1,3e9,1\n");
        assertThat(d.textColumn("model")).containsExactly("1", "x", "1");
        assertThat(d.withGroups("model").groupIndices()).containsExactly(0, 1, 0);
    }

    @Test
    void aBadCellInAColumnADerivationUsesIsNamedInTheUsersTerms() {
        Dataset d = read("N,C,loss\n1e9,1.2e20,3.5\n2e9,0,3.1\n");
        List<String> notes = new ArrayList<>();
        assertThatThrownBy(() -> d.withCovariatesFor(ChinchillaLaw.INSTANCE, notes)).isInstanceOf(DataException.class)
                .hasMessage("data.csv: row 2, column 'C': value '0': deriving D = C / (6 N) needs finite, positive C");
        Dataset n = read("N,C,loss\n-1,1.2e20,3.5\n");
        assertThatThrownBy(n::withTokensFromCompute).isInstanceOf(DataException.class)
                .hasMessage("data.csv: row 1, column 'N': value '-1': deriving D = C / (6 N) needs finite, positive N");
        Dataset ok = read("N,C,loss\n1e9,1.2e20,3.5\n").withCovariatesFor(ChinchillaLaw.INSTANCE, notes);
        assertThat(ok.column("D")).containsExactly(1.2e20 / 6e9);
        assertThat(notes).containsExactly("derived D = C / (6 N) from columns C and N");
    }

    @Test
    void unicodeHeadersAndLabelsSurvive() {
        Dataset d = CsvReader.defaults().withColumn("N", "Größe (Parameter)").read(new StringReader(
                "Größe (Parameter);Verlust;模型\n1e9;3.5;小😀\n"), "daten.csv");
        assertThat(d.columnNames()).containsExactly("N", "Verlust", "模型");
        assertThat(d.textColumn("模型")).containsExactly("小😀");
    }

    @Test
    void datasetBuilderRejectsInconsistentColumns() {
        assertThatThrownBy(() -> Dataset.builder("arrays").column("N", new double[] {1, 2})
                .column("loss", new double[] {1}).build()).isInstanceOf(DataException.class)
                .hasMessage("arrays: column 'loss': column has 1 values, earlier columns 2");
        assertThatThrownBy(() -> Dataset.builder("arrays").column("N", new double[] {1})
                .column("N", new double[] {2}).build()).isInstanceOf(DataException.class)
                .hasMessage("arrays: column 'N': duplicate column");
        assertThatThrownBy(() -> Dataset.builder("arrays").build()).isInstanceOf(DataException.class)
                .hasMessage("arrays: no columns");
        Dataset w = Dataset.builder("arrays").column("N", new double[] {1, 2}).column("w", new double[] {1, -1})
                .weights("w").build();
        assertThatThrownBy(w::weights).isInstanceOf(DataException.class)
                .hasMessage("arrays: row 2, column 'w': value '-1': weights must be finite and non-negative");
    }

    // ---- limits and memory

    @Test
    void rowLimitIsAClearMessage() {
        assertThatThrownBy(() -> CsvReader.defaults().withMaxRows(2).read(new StringReader("N\n1\n2\n3\n"), "data.csv"))
                .isInstanceOf(DataException.class).hasMessage("data.csv: row 3: more than 2 data rows; raise the "
                        + "limit (CsvReader.withMaxRows) or split the file");
        assertThatThrownBy(() -> CsvReader.defaults().withMaxRows(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxRows must be positive: 0");
    }

    @Test
    void byteLimitIsAClearMessage(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("big.csv");
        StringBuilder sb = new StringBuilder("N,loss\n");
        for (int i = 1; i <= 2000; i++) {
            sb.append(i).append(",3.5\n");
        }
        Files.writeString(file, sb);
        long size = Files.size(file);
        DataException e = catchThrowableOfType(DataException.class,
                () -> CsvReader.defaults().withMaxBytes(1000).read(file));
        assertThat(e).hasMessage(file + ": the file has " + size + " bytes, more than the limit of 1000; raise it with "
                + "CsvReader.withMaxBytes or split the file");
        // a Reader is counted as it streams
        DataException r = catchThrowableOfType(DataException.class,
                () -> CsvReader.defaults().withMaxBytes(10_000).read(new StringReader(sb.toString()), "data.csv"));
        assertThat(r.getMessage()).startsWith("data.csv: row ")
                .endsWith(": more than 10000 characters; raise the limit (CsvReader.withMaxBytes) or split the file");
    }

    @Test
    void missingFileDirectoryAndNonUtf8Bytes(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.csv");
        assertThatThrownBy(() -> CsvReader.defaults().read(missing)).isInstanceOf(DataException.class)
                .hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> CsvReader.defaults().read(dir)).isInstanceOf(DataException.class)
                .hasMessage(dir + ": is a directory, not a CSV file");
        Path latin = dir.resolve("latin1.csv");
        try (InputStream in = getClass().getResourceAsStream("/hostile/not-utf8.csv")) {
            Files.write(latin, in.readAllBytes());
        }
        assertThatThrownBy(() -> CsvReader.defaults().read(latin)).isInstanceOf(DataException.class)
                .hasMessage(latin + ": the file is not UTF-8 text (malformed byte sequence); save it as UTF-8 CSV");
    }

    @Test
    void aFailingReaderIsAnIoErrorNotBadData() {
        Reader broken = new Reader() {
            private int calls;

            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                if (calls++ > 0) {
                    throw new IOException("disk on fire");
                }
                String s = "N,loss\n1,2\n";
                s.getChars(0, s.length(), cbuf, off);
                return s.length();
            }

            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> CsvReader.defaults().read(broken, "pipe")).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("disk on fire");
    }

    /**
     * A CSV of about 16 MB read in a child JVM with a 32 MB heap: the old reader kept every cell as a String (about
     * 800,000 of them) and ran out of memory; the streaming reader holds 8 bytes per numeric cell.
     */
    @Test
    void aLargeFileIsReadInASmallHeap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("large.csv");
        int rows = writeLargeCsv(file, 16L << 20);
        ChildResult r = runChild(file, "32m");
        assertThat(r.output).as(r.toString()).isEqualTo("rows=" + rows);
        assertThat(r.exitCode).isZero();
    }

    /** Too little heap for the numbers themselves: a DataException that says so, never an OutOfMemoryError. */
    @Test
    void tooLittleHeapIsAClearMessageNotAnOutOfMemoryError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("large.csv");
        writeLargeCsv(file, 32L << 20);
        ChildResult r = runChild(file, "12m");
        assertThat(r.output).as(r.toString()).startsWith("DataException: " + file + ": row ")
                .contains(": not enough memory to hold the data (heap limit ")
                .endsWith("give the JVM more heap (-Xmx) or read fewer rows (CsvReader.withMaxRows)");
        assertThat(r.exitCode).isZero();
    }

    /** The case: 100 MB under -Xmx256m. Slow (writes 100 MB), so only with -Dscaling.full=true. */
    @Test
    @EnabledIfSystemProperty(named = "scaling.full", matches = "true")
    void aHundredMegabyteFileUnderA256MegabyteHeap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.csv");
        int rows = writeLargeCsv(file, 100L << 20);
        ChildResult r = runChild(file, "256m");
        assertThat(r.output).as(r.toString()).isEqualTo("rows=" + rows);
    }

    /** Writes N, D, loss and a label column until the file has {@code bytes} bytes; returns the number of rows. */
    static int writeLargeCsv(Path file, long bytes) throws IOException {
        int rows = 0;
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String header = "N,D,loss,run\n";
            w.write(header);
            written += header.length();
            while (written < bytes) {
                rows++;
                String line = (1e6 + rows * 17.0) + "," + (2e9 + rows * 101.0) + "," + (2 + 1.0 / rows) + ",model-"
                        + (rows % 64) + "\n";
                w.write(line);
                written += line.length();
            }
        }
        return rows;
    }

    record ChildResult(int exitCode, String output) {
    }

    static ChildResult runChild(Path file, String heap) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), ReadMain.class.getName(), file.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new ChildResult(p.exitValue(), new String(out, StandardCharsets.UTF_8).trim());
    }

    /** The child JVM: reads a file and prints the row count or the DataException; exit 3 on OutOfMemoryError. */
    public static final class ReadMain {
        private ReadMain() {
        }

        public static void main(String[] args) {
            try {
                Dataset d = CsvReader.defaults().read(Path.of(args[0]));
                System.out.println("rows=" + d.size());
            } catch (DataException e) {
                System.out.println("DataException: " + e.getMessage());
            } catch (OutOfMemoryError e) {
                System.out.println("OutOfMemoryError");
                System.exit(3);
            }
        }
    }
}
