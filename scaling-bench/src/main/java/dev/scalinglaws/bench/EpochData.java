/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.bench;

import java.nio.file.Path;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.CsvReader;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.datasets.Datasets;

/** The 240 Epoch points and Hoffmann's published starting values. Not API. */
final class EpochData {

    /**
     * Hoffmann et al.'s unrounded estimates, the single start of Epoch's bootstrap refits (E, A, B, alpha, beta in
     * {@link ChinchillaLaw} order): a = 6.0073404, b = 6.0179186, e = 0.5267228, alpha = 0.33917084,
     * beta = 0.2849083.
     */
    static final double[] HOFFMANN_START = {Math.exp(0.5267228), Math.exp(6.0073404), Math.exp(6.0179186),
        0.33917084, 0.2849083};

    private EpochData() {
    }

    /** The bundled digitisation without the 5 highest losses: 240 rows. */
    static Dataset bundled240() {
        return Datasets.chinchilla().withoutLargest("loss", 5);
    }

    /**
     * The Epoch CSV read from a file exactly as {@link Datasets#chinchilla()} reads the bundled copy, without the 5
     * highest losses.
     *
     * @param csv the file ({@code svg_extracted_data.csv})
     * @return 240 rows with N, C, D, loss
     */
    static Dataset read240(Path csv) {
        Dataset d = CsvReader.defaults().withColumn("N", "Model Size").withColumn("C", "Training FLOP").read(csv);
        return d.withTokensFromCompute().withoutLargest("loss", 5);
    }
}
