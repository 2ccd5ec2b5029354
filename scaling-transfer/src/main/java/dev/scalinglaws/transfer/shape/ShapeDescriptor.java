/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer.shape;

import java.util.Locale;

import dev.scalinglaws.core.shape.TransformerShape;

/**
 * The shape variable tested by {@link ShapeEffectAnalysis}: depth (number of layers) or aspect ratio (d_model /
 * layers, Kaplan et al. 2020's width-to-depth ratio). The analysis adds {@code gamma ln(descriptor)} to the size law,
 * so only ratios of descriptor values matter.
 */
public enum ShapeDescriptor {

    /** Number of layers; for encoder-decoder models the sequential depth n_enc + n_dec. */
    DEPTH,
    /** d_model divided by the number of layers (sequential depth for encoder-decoder models). */
    ASPECT_RATIO;

    /**
     * The descriptor of a model.
     *
     * @param layers number of layers (sequential depth), &gt; 0
     * @param dModel residual width, &gt; 0 (ignored for {@link #DEPTH})
     * @return the descriptor value
     */
    public double of(int layers, int dModel) {
        if (layers <= 0 || (this == ASPECT_RATIO && dModel <= 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "layers and d_model must be positive: layers = %d, d_model = %d", layers, dModel));
        }
        return this == DEPTH ? layers : (double) dModel / layers;
    }

    /**
     * The descriptor of a Transformer shape (see {@link TransformerShape#sequentialDepth()}).
     *
     * @param shape the model
     * @return the descriptor value
     */
    public double of(TransformerShape shape) {
        return of(shape.sequentialDepth(), shape.dModel());
    }

    /**
     * The descriptor of many models.
     *
     * @param layers layers per model
     * @param dModel widths per model (may be null for {@link #DEPTH})
     * @return descriptor values
     */
    public double[] of(int[] layers, int[] dModel) {
        double[] out = new double[layers.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = of(layers[i], dModel == null ? 1 : dModel[i]);
        }
        return out;
    }
}
