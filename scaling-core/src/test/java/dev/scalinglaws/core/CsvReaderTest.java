/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CsvReader}: delimiters, BOM, CRLF, quoted headers, mapping, and errors naming row and column. */
class CsvReaderTest {

    private static Dataset read(String text) {
        return CsvReader.defaults().read(new StringReader(text), "test.csv");
    }

    @Test
    void readsCommaSemicolonAndTabDelimitedFiles() {
        for (String sep : new String[] {",", ";", "\t"}) {
            Dataset d = read("N" + sep + "D" + sep + "loss\n1e9" + sep + "2e10" + sep + "2.5\n2e9" + sep + "4e10"
                    + sep + "2.4\n");
            assertThat(d.size()).as("delimiter %s", sep).isEqualTo(2);
            assertThat(d.columnNames()).containsExactly("N", "D", "loss");
            assertThat(d.column("D")).containsExactly(2e10, 4e10);
        }
    }

    @Test
    void acceptsByteOrderMarkCrlfAndQuotedHeaders() {
        Dataset d = read("\uFEFF\"Model Size\",\"Training FLOP\",loss\r\n1e9,6e19,2.5\r\n2e9,1.2e20,2.4\r\n");
        assertThat(d.columnNames()).containsExactly("Model Size", "Training FLOP", "loss");
        assertThat(d.column("loss")).containsExactly(2.5, 2.4);
    }

    @Test
    void semicolonFilesMayUseCommasInsideQuotes() {
        Dataset d = read("name;N;loss\n\"a, b\";1e9;2.5\n");
        assertThat(d.textColumn("name")).containsExactly("a, b");
        assertThat(CsvReader.detectDelimiter("\"a,b,c\";x;y")).isEqualTo(';');
    }

    @Test
    void mapsHeadersAndDerivesTokensWithAMessage() {
        Dataset d = CsvReader.defaults().withColumn("N", "Model Size").withColumn("C", "Training FLOP")
                .read(new StringReader("Model Size,Training FLOP,loss\n1e9,6e19,2.5\n"), "m.csv");
        assertThat(d.has("N")).isTrue();
        assertThat(d.has("Model Size")).isFalse();
        List<String> messages = new ArrayList<>();
        Dataset withD = d.withCovariatesFor(ChinchillaLaw.INSTANCE, messages);
        assertThat(withD.column("D")[0]).isEqualTo(6e19 / (6 * 1e9));
        assertThat(messages).containsExactly("derived D = C / (6 N) from columns C and N");
    }

    @Test
    void missingMappedHeaderIsNamed() {
        assertThatThrownBy(() -> CsvReader.defaults().withColumn("N", "params")
                .read(new StringReader("N2,loss\n1,2\n"), "m.csv"))
                .isInstanceOf(DataException.class)
                .hasMessage("m.csv: column 'params': column mapping N=\"params\": the file has no such header "
                        + "(headers: N2, loss)");
    }

    @Test
    void badCellsNameRowColumnAndValue() {
        Dataset d = read("N,D,loss\n1e9,2e10,2.5\n2e9,4e10,abc\n");
        assertThat(d.isNumeric("loss")).isFalse();
        assertThatThrownBy(() -> d.column("loss")).isInstanceOf(DataException.class)
                .hasMessage("test.csv: row 2, column 'loss': value 'abc': not a number")
                .satisfies(e -> {
                    DataException de = (DataException) e;
                    assertThat(de.row()).isEqualTo(2);
                    assertThat(de.column()).isEqualTo("loss");
                    assertThat(de.value()).isEqualTo("abc");
                });
        Dataset comma = read("N;loss\n1e9;2,5\n");
        assertThatThrownBy(() -> comma.column("loss")).isInstanceOf(DataException.class)
                .hasMessage("test.csv: row 1, column 'loss': value '2,5': not a number (decimal comma? write 3.5, "
                        + "not 3,5)");
        Dataset empty = read("N,loss\n1e9,\n");
        assertThatThrownBy(() -> empty.column("loss")).isInstanceOf(DataException.class)
                .hasMessage("test.csv: row 1, column 'loss': value '': empty cell where a number is required");
    }

    @Test
    void rowsOfTheWrongLengthAndEmptyFilesAreRejected() {
        assertThatThrownBy(() -> read("N,loss\n1e9,2.5,7\n")).isInstanceOf(DataException.class)
                .hasMessageStartingWith("test.csv: row 1: row has 3 cells, the header 2 (delimiter ',')");
        assertThatThrownBy(() -> read("")).isInstanceOf(DataException.class)
                .hasMessage("test.csv: the file is empty (a header row is required)");
        assertThatThrownBy(() -> read("N,loss\n")).isInstanceOf(DataException.class)
                .hasMessage("test.csv: the file has a header but no data rows");
        assertThatThrownBy(() -> read("N,N\n1,2\n")).isInstanceOf(DataException.class)
                .hasMessage("test.csv: column 'N': duplicate column header");
    }

    @Test
    void rowLimitFailsFast() {
        assertThatThrownBy(() -> CsvReader.defaults().withMaxRows(1).read(new StringReader("N\n1\n2\n"), "big.csv"))
                .isInstanceOf(DataException.class)
                .hasMessage("big.csv: row 2: more than 1 data rows; raise the limit (CsvReader.withMaxRows) or split "
                        + "the file");
        assertThatThrownBy(() -> CsvReader.defaults().withMaxRows(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxRows must be positive: 0");
    }

    @Test
    void readsFilesAndNamesMissingOnes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("runs.csv");
        Files.writeString(file, "N,D,loss\r\n1e9,2e10,2.5\r\n", StandardCharsets.UTF_8);
        assertThat(CsvReader.defaults().read(file).source()).isEqualTo(file.toString());
        Path missing = dir.resolve("none.csv");
        assertThatThrownBy(() -> CsvReader.defaults().read(missing)).isInstanceOf(DataException.class)
                .hasMessage(missing + ": no such file");
    }
}
