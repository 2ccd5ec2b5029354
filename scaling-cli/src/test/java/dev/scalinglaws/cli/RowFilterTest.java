/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.scalinglaws.core.DataException;
import dev.scalinglaws.core.Dataset;
import org.junit.jupiter.api.Test;

class RowFilterTest {

    private static final Dataset DATA = Dataset.builder("test")
            .column("N", new double[] {1e7, 1e8, 1e9, 1e10})
            .column("loss", new double[] {4.0, 3.5, 3.0, 2.5})
            .textColumn("name", new String[] {"a", "b", "c", "b"})
            .build();

    private static int rows(String... conditions) {
        return RowFilter.apply(DATA, java.util.Arrays.stream(conditions).map(RowFilter::parse).toList()).size();
    }

    @Test
    void everyOperator() {
        assertThat(rows("N<1e9")).isEqualTo(2);
        assertThat(rows("N<=1e9")).isEqualTo(3);
        assertThat(rows("N>1e9")).isEqualTo(1);
        assertThat(rows("N>=1e8")).isEqualTo(3);
        assertThat(rows("loss=3")).isEqualTo(1);
        assertThat(rows("loss==3")).isEqualTo(1);
        assertThat(rows("loss!=3")).isEqualTo(3);
        assertThat(rows(" loss < 3.6 ")).isEqualTo(3);
    }

    @Test
    void textEqualityAndAnd() {
        assertThat(rows("name=b")).isEqualTo(2);
        assertThat(rows("name!=b")).isEqualTo(2);
        assertThat(rows("name='b'", "N>1e9")).isEqualTo(1);
        assertThat(RowFilter.parse("N>=1e8").toString()).isEqualTo("N>=1e8");
    }

    @Test
    void errors() {
        assertThatThrownBy(() -> RowFilter.parse("N~3")).isInstanceOf(CliException.class);
        assertThatThrownBy(() -> RowFilter.parse("N<")).isInstanceOf(CliException.class);
        assertThatThrownBy(() -> rows("size>3")).isInstanceOf(DataException.class).hasMessageContaining("size");
        assertThatThrownBy(() -> rows("name<b")).isInstanceOf(CliException.class)
                .hasMessageContaining("= or !=");
        assertThatThrownBy(() -> rows("name>1")).isInstanceOf(DataException.class)
                .hasMessageContaining("row 1").hasMessageContaining("name");
        assertThat(List.of()).isEmpty();
    }
}
