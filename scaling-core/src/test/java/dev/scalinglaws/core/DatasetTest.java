/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link Dataset}: derivations, filtering with source row numbers, weights, groups and validation messages. */
class DatasetTest {

    private static Dataset runs() {
        return Dataset.builder("runs").column("N", new double[] {1e9, 2e9, 4e9})
                .column("C", new double[] {6e19, 2.4e20, 9.6e20})
                .textColumn("model", new String[] {"a", "b", "a"})
                .column("loss", new double[] {2.5, 2.4, 2.3}).build();
    }

    @Test
    void derivesTokensComputeAndMultiplier() {
        Dataset d = runs().withTokensFromCompute();
        assertThat(d.column("D")).containsExactly(10e9, 20e9, 40e9);
        assertThat(d.withComputeFromTokens().column("C")[1]).isEqualTo(6 * 2e9 * 20e9);
        assertThat(d.withTokensPerParameter().column("M")).containsExactly(10, 10, 10);
    }

    @Test
    void derivesModelSizeFromComputeAndTokensForALaw() {
        Dataset d = Dataset.builder("x").column("C", new double[] {6e20}).column("D", new double[] {1e10})
                .column("loss", new double[] {2}).build();
        java.util.List<String> notes = new java.util.ArrayList<>();
        assertThat(d.withCovariatesFor(ChinchillaLaw.INSTANCE, notes).column("N")).containsExactly(1e10);
        assertThat(notes).containsExactly("derived N = C / (6 D) from columns C and D");
    }

    @Test
    void missingCovariateIsNamedInTheLibrarysTerms() {
        Dataset d = Dataset.builder("x").column("N", new double[] {1}).column("loss", new double[] {2}).build();
        assertThatThrownBy(() -> d.withCovariatesFor(ChinchillaLaw.INSTANCE, null))
                .isInstanceOfSatisfying(MissingColumnException.class, e -> {
                    assertThat(e.law()).isEqualTo("chinchilla");
                    assertThat(e.role()).isEqualTo(MissingColumnException.Role.COVARIATE);
                    assertThat(e.column()).isEqualTo("D");
                    assertThat(e.columns()).containsExactly("N", "loss");
                    assertThat(e.reshapeAdvice()).isEmpty();
                })
                .hasMessage("x: column 'D': law chinchilla needs covariate D, but the data has no such column "
                        + "(columns: N, loss)");
    }

    @Test
    void missingResponseIsNamedInTheLibrarysTerms() {
        Dataset d = Dataset.builder("x").column("N", new double[] {1}).column("D", new double[] {2}).build();
        assertThatThrownBy(() -> d.withCovariatesFor(ChinchillaLaw.INSTANCE, null))
                .isInstanceOfSatisfying(MissingColumnException.class, e -> {
                    assertThat(e.role()).isEqualTo(MissingColumnException.Role.RESPONSE);
                    assertThat(e.column()).isEqualTo("loss");
                    assertThat(e.requirement()).isEqualTo("law chinchilla needs the response column 'loss' "
                            + "(columns: N, D)");
                })
                .hasMessage("x: column 'loss': law chinchilla needs the response column 'loss' (columns: N, D)");
    }

    @Test
    void filteredRowsKeepTheirSourceRowNumbers() {
        Dataset d = runs().withoutLargest("loss", 1);
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.rowNumber(0)).isEqualTo(2);
        Dataset bad = Dataset.builder("f.csv").column("N", new double[] {1e9, -1, 2e9})
                .column("D", new double[] {1, 1, 1}).column("loss", new double[] {1, 1, 1}).build()
                .filter(i -> i > 0);
        assertThatThrownBy(() -> bad.covariates(ChinchillaLaw.INSTANCE)).isInstanceOf(DataException.class)
                .hasMessage("f.csv: row 2, column 'N': value '-1': law chinchilla takes the logarithm of N, so it "
                        + "must be positive");
    }

    @Test
    void groupsAndWeights() {
        Dataset d = runs().withGroups("model").withColumn("w", new double[] {1, 0, 2}).withWeights("w");
        assertThat(d.groupIndices()).containsExactly(0, 1, 0);
        assertThat(d.groupLabels()).containsExactly("a", "b");
        assertThat(d.weights()).containsExactly(1, 0, 2);
        Dataset negative = runs().withColumn("w", new double[] {1, -1, 2}).withWeights("w");
        assertThatThrownBy(negative::weights).isInstanceOf(DataException.class)
                .hasMessage("runs: row 2, column 'w': value '-1': weights must be finite and non-negative");
    }

    @Test
    void responseValidation() {
        Dataset d = Dataset.builder("r").column("N", new double[] {1}).column("loss", new double[] {0}).build();
        assertThatThrownBy(() -> d.response(KaplanLaw.N, true)).isInstanceOf(DataException.class)
                .hasMessage("r: row 1, column 'loss': value '0': log residuals need a positive response");
        assertThat(d.response(KaplanLaw.N, false)).containsExactly(0);
    }

    @Test
    void columnLengthsMustAgree() {
        assertThatThrownBy(() -> Dataset.builder("b").column("N", new double[] {1, 2}).column("D", new double[] {1}))
                .isInstanceOf(DataException.class).hasMessage("b: column 'D': column has 1 values, earlier columns 2");
        assertThatThrownBy(() -> runs().withColumn("x", new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("column 'x' has 1 values, the dataset 3 rows");
    }

    @Test
    void wideFormatFilesGetAHintToReshape() {
        String wide = "config name,0,200,400,800,size,family\nm1,4.8,4.2,4.1,4.0,124000000,x\n";
        Dataset d = CsvReader.defaults().read(new java.io.StringReader(wide), "wide.csv");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> d.withCovariatesFor(ChinchillaLaw.INSTANCE, null))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("law chinchilla needs covariate N")
                .hasMessageContaining("The file looks wide: its headers 0, 200, 400... are values")
                .hasMessageContaining("Reshape it to long format")
                .hasMessageEndingWith("(for example model,N,loss)")
                .isInstanceOfSatisfying(MissingColumnException.class, e -> assertThat(e.reshapeAdvice())
                        .startsWith(". The file looks wide: its headers 0, 200, 400... are values"));
    }
}
