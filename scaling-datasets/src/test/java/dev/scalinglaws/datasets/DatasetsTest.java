/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.scalinglaws.core.Dataset;
import org.junit.jupiter.api.Test;

class DatasetsTest {

    @Test
    void chinchillaHas245RowsWithDerivedTokens() {
        Dataset d = Datasets.chinchilla();
        assertThat(d.size()).isEqualTo(245);
        double[] n = d.column("N");
        double[] c = d.column("C");
        double[] tokens = d.column("D");
        for (int i = 0; i < d.size(); i++) {
            assertThat(tokens[i] * 6 * n[i]).isCloseTo(c[i], within(c[i] * 1e-12));
        }
        // ranges stated in PROVENANCE.md
        assertThat(min(n)).isCloseTo(5.73e7, within(0.01e7));
        assertThat(max(n)).isCloseTo(1.62e10, within(0.01e10));
        assertThat(min(d.column("loss"))).isCloseTo(2.077, within(0.001));
        assertThat(max(d.column("loss"))).isCloseTo(5.006, within(0.001));
        assertThat(d.source()).isEqualTo("dataset:chinchilla");
    }

    @Test
    void gadreHas104ModelsWithMappedColumns() {
        Dataset d = Datasets.gadreOvertraining();
        assertThat(d.size()).isEqualTo(104);
        double[] n = d.column("N");
        double[] tokens = d.column("D");
        double[] c = d.column("C");
        double[] m = d.column("M");
        for (int i = 0; i < d.size(); i++) {
            assertThat(c[i]).isCloseTo(6 * n[i] * tokens[i], within(c[i] * 1e-6));
            assertThat(m[i]).isCloseTo(tokens[i] / n[i], within(m[i] * 0.05));
        }
        assertThat(d.textColumn("dataset_name")).contains("c4_original", "rpj", "rw_original");
    }

    @Test
    void linFinetuneIsLongFormat() {
        Dataset d = Datasets.linFinetune();
        assertThat(d.size()).isEqualTo(3 * 30 * 15);
        assertThat(d.groupColumn()).isEqualTo("model");
        double[] examples = d.column("D");
        assertThat(min(examples)).isZero();
        assertThat(max(examples)).isEqualTo(1638400);
        assertThat(d.textColumn("model")[0]).isEqualTo("MBZUAI/LaMini-GPT-124M");
        assertThat(d.column("loss")[0]).isCloseTo(4.891325951, within(1e-12));
    }

    @Test
    void porianIsoflopHas1264PointsOf11Configurations() {
        Dataset d = Datasets.byName("isoflop-porian2024");
        assertThat(d.size()).isEqualTo(1264);
        assertThat(new java.util.TreeSet<>(java.util.List.of(d.textColumn("config")))).hasSize(11)
                .contains("rw/tuned-const", "owt2/kaplan-repro", "rw/kaplan-adjusted");
        double[] c = d.column("C");
        double[] n = d.column("N");
        double[] tokens = d.column("D");
        for (int i = 0; i < d.size(); i++) {
            assertThat(6 * n[i] * tokens[i]).isCloseTo(c[i], within(c[i] * 1e-9));
        }
        assertThat(Datasets.provenance("isoflop-porian2024")).contains("MIT", "arXiv:2406.19146");
        assertThat(Datasets.text("isoflop-porian2024/optimal_pairs.csv").lines().count()).isEqualTo(128);
        assertThat(Datasets.text("isoflop-porian2024/published.json")).contains("\"a_CI\"");
    }

    @Test
    void muennighoffRunsHaveUniqueTokensAndEpochs() {
        Dataset all = Datasets.byName("muennighoff-runs");
        Dataset clean = Datasets.byName("muennighoff-clean");
        assertThat(all.size()).isEqualTo(296);
        assertThat(clean.size()).isEqualTo(182);
        for (Dataset d : new Dataset[] {all, clean}) {
            double[] tokens = d.column("D");
            double[] unique = d.column("U");
            double[] epochs = d.column("epochs");
            for (int i = 0; i < d.size(); i++) {
                assertThat(epochs[i]).isCloseTo(tokens[i] / unique[i], within(1e-9 * epochs[i]));
            }
        }
        // the notebook's subsets (PROVENANCE.md): 62 runs with epochs <= 2.5, 59 with epochs <= 2
        assertThat(all.filter(i -> all.column("epochs")[i] <= 2.5).size()).isEqualTo(62);
        assertThat(all.filter(i -> all.column("epochs")[i] <= 2).size()).isEqualTo(59);
        assertThat(max(clean.column("loss"))).isCloseTo(8.102005, within(1e-9));
        assertThat(Datasets.provenance("muennighoff-clean")).contains("arXiv:2305.16264", "Apache License 2.0");
        assertThat(clean.source()).isEqualTo("dataset:muennighoff-clean");
    }

    @Test
    void unknownNameIsAClearError() {
        assertThatThrownBy(() -> Datasets.byName("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chinchilla");
        assertThat(Datasets.provenance("chinchilla")).contains("arXiv:2404.10102");
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
