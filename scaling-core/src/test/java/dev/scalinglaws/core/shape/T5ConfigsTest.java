/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class T5ConfigsTest {

    private static final String TABLE = "/t5-shapes-tay2021/t5_configs_params_COMPUTED.csv";

    static List<CSVRecord> table() throws IOException {
        InputStream in = T5ConfigsTest.class.getResourceAsStream(TABLE);
        assertThat(in).as(TABLE).isNotNull();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                        .parse(reader)) {
            return parser.getRecords();
        }
    }

    @Test
    void everyRowOfTheTayTableIsReproducedExactly() throws IOException {
        List<CSVRecord> rows = table();
        assertThat(rows).hasSize(63);
        int standard = 0;
        for (CSVRecord row : rows) {
            String config = row.get("config");
            TransformerShape shape = T5Configs.byName(config);
            assertThat(shape.encoderLayers()).as(config).isEqualTo(Integer.parseInt(row.get("n_layers_enc")));
            assertThat(shape.decoderLayers()).as(config).isEqualTo(Integer.parseInt(row.get("n_layers_dec")));
            assertThat(shape.dModel()).as(config).isEqualTo(Integer.parseInt(row.get("d_model")));
            assertThat(shape.dFf()).as(config).isEqualTo(Integer.parseInt(row.get("d_ff")));
            assertThat(shape.heads()).as(config).isEqualTo(Integer.parseInt(row.get("n_heads")));
            assertThat(shape.dKv()).as(config).isEqualTo(Integer.parseInt(row.get("d_kv")));
            assertThat(shape.encoderLayerParameters()).as(config).isEqualTo(Long.parseLong(row.get("enc_nonemb")));
            assertThat(shape.decoderLayerParameters()).as(config).isEqualTo(Long.parseLong(row.get("dec_nonemb")));
            assertThat(shape.nonEmbeddingParameters()).as(config).isEqualTo(Long.parseLong(row.get("nonemb")));
            assertThat(shape.embeddingParameters()).as(config).isEqualTo(Long.parseLong(row.get("emb")));
            assertThat(shape.totalParameters()).as(config).isEqualTo(Long.parseLong(row.get("total")));
            if (row.get("is_standard").equals("1")) {
                standard++;
                assertThat(shape).isEqualTo(T5Configs.byName(row.get("base").toLowerCase(Locale.ROOT)));
            }
        }
        assertThat(standard).isEqualTo(7);
    }

    @Test
    void namesListsTheSevenStandardSizes() {
        assertThat(T5Configs.names()).containsExactly("tiny", "mini", "small", "base", "large", "xl", "xxl");
        assertThatThrownBy(() -> T5Configs.names().add("huge")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void standardSizesHaveThePublishedValues() {
        assertThat(T5Configs.byName("small")).isEqualTo(TransformerShape.t5(6, 6, 512, 2048, 8, 64));
        assertThat(T5Configs.byName("xl")).isEqualTo(TransformerShape.t5(24, 24, 1024, 16384, 32, 128));
        assertThat(T5Configs.byName("xxl").heads()).isEqualTo(128);
        assertThat(T5Configs.byName("base").totalParameters()).isEqualTo(222_903_552L);
        assertThat(T5Configs.byName("small").totalParameters()).isEqualTo(60_506_624L);
    }

    @Test
    void paperDeepNarrowSizesWithinTwoPercent() {
        assertThat((double) T5Configs.byName("small-nl16").totalParameters()).isCloseTo(134e6, within(0.02 * 134e6));
        assertThat((double) T5Configs.byName("large-nl36").totalParameters()).isCloseTo(1.09e9, within(0.02 * 1.09e9));
        assertThat((double) T5Configs.byName("xl-nl32").totalParameters()).isCloseTo(3.8e9, within(0.02 * 3.8e9));
    }

    @ParameterizedTest
    @CsvSource({
        "base-nl24, 24, 24, 768, 3072, 12, 64",
        "base-el8, 8, 12, 768, 3072, 12, 64",
        "base-dl8, 12, 8, 768, 3072, 12, 64",
        "small-dm768, 6, 6, 768, 2048, 8, 64",
        "small-ff4096, 6, 6, 512, 4096, 8, 64",
        "base-nh16, 12, 12, 768, 3072, 16, 64",
        "base-kv128, 12, 12, 768, 3072, 12, 128",
        "base-nl16-dm512, 16, 16, 512, 3072, 12, 64",
        "BASE-EL4-DL20-FF1024, 4, 20, 768, 1024, 12, 64",
        "tiny-dm128-nh2-kv32, 4, 4, 128, 1024, 2, 32"
    })
    void variantsChangeExactlyTheNamedDimension(String name, int encoderLayers, int decoderLayers, int dModel,
            int dFf, int heads, int dKv) {
        assertThat(T5Configs.byName(name))
                .isEqualTo(TransformerShape.t5(encoderLayers, decoderLayers, dModel, dFf, heads, dKv));
    }

    @Test
    void variantParameterCountsFollowTheFormula() {
        // encoder 8 layers of 4*768*768 + 2*768*3072 + 2*768, decoder 12 layers of 8*768*768 + 2*768*3072 + 3*768
        long encoder = 8L * (4L * 768 * 768 + 2L * 768 * 3072 + 2 * 768);
        long decoder = 12L * (8L * 768 * 768 + 2L * 768 * 3072 + 3 * 768);
        assertThat(T5Configs.byName("base-el8").totalParameters())
                .isEqualTo(encoder + decoder + 2 * 32 * 12 + 2 * 768 + 32128L * 768);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "huge | unknown size 'huge'",
        "'' | unknown size ''",
        "base-nl | unknown modifier 'nl'",
        "base-nl0 | unknown modifier 'nl0'",
        "base-nl08 | unknown modifier 'nl08'",
        "base-xx8 | unknown modifier 'xx8'",
        "base- | unknown modifier ''",
        "base-nl8-nl4 | conflicting modifier 'nl4'",
        "base-el8-nl4 | conflicting modifier 'nl4'",
        "base-nl8-dl4 | conflicting modifier 'dl4'"
    })
    void unknownNamesListValidForms(String name, String reason) {
        assertThatThrownBy(() -> T5Configs.byName(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid T5 configuration '" + name + "' (" + reason + "): expected one of tiny, mini,"
                        + " small, base, large, xl, xxl, followed by distinct modifiers -nl<layers>,"
                        + " -el<encoder layers>, -dl<decoder layers>, -dm<d_model>, -ff<d_ff>, -nh<heads>,"
                        + " -kv<d_kv> with positive integer values (nl excludes el and dl), e.g. base-nl16-dm512");
    }

    @Test
    void nullNameIsRejected() {
        assertThatThrownBy(() -> T5Configs.byName(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("T5 configuration name must not be null; expected one of tiny");
    }
}
