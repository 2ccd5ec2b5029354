/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.shape;

import java.util.Locale;

// Longer than 500 lines on purpose: a public record of 15 components whose API is its with-ers, its three nested
// enums and its parameter and FLOP counts, each with Javadoc giving its formula (about 280 lines are code). The named
// configurations are in T5Configs; splitting the counts out would only add a forwarding method per count.

/**
 * The shape of a Transformer language model, with exact parameter counts and Kaplan-style FLOP counts.
 *
 * <p>Two architectures are covered: the encoder-decoder of T5 (v1.0 with a ReLU feed-forward network and a tied
 * language-model head; v1.1 with a gated-GELU feed-forward network and an untied head) and the decoder-only
 * (GPT-style) model, optionally with grouped-query attention ({@code kvHeads < heads}) and a gated feed-forward network.
 *
 * <p>Parameter counts, with \(d = d_{model}\), \(h\) query heads, \(h_{kv}\) key/value heads, head size
 * \(d_{kv}\), \(d_{attn} = h\, d_{kv}\), \(m = 2\) weight matrices in a dense and \(m = 3\) in a gated feed-forward
 * network, and \(p_{norm} = d\) for RMSNorm (T5, LLaMA) or \(2d\) for LayerNorm (GPT-2):
 * <ul>
 *   <li>attention block: \(2\, d\, d_{attn} + 2\, d\, h_{kv} d_{kv}\) (Q, O and K, V), plus biases
 *       \(d_{attn} + 2 h_{kv} d_{kv} + d\) when {@link #biases()} is set;</li>
 *   <li>feed-forward block: \(m\, d\, d_{ff}\), plus biases \((m - 1) d_{ff} + d\);</li>
 *   <li>encoder layer: attention + feed-forward + 2 norms; encoder-decoder decoder layer: self- and
 *       cross-attention + feed-forward + 3 norms; decoder-only layer: attention + feed-forward + 2 norms;</li>
 *   <li>per stack: a final norm and a relative position bias of \(b\, h\) ({@code relativeAttentionBuckets}
 *       \(b = 32\) in T5, shared by the layers of the stack);</li>
 *   <li>embedding: \(V d\), another \(V d\) for an untied language-model head, and \(n_{pos}\, d\) per stack for
 *       learned absolute positions.</li>
 * </ul>
 * For T5 v1.0 this is the formula of Tay et al. (2021): encoder layer \(4 d\, h d_{kv} + 2 d\, d_{ff} + 2d\), decoder
 * layer \(8 d\, h d_{kv} + 2 d\, d_{ff} + 3 d\), plus \(2 \cdot 32 h\), \(2d\) and \(V d\) with \(V = 32128\); it
 * reproduces t5-small (60,506,624), t5-base (222,903,552) and, gated and untied, t5-v1_1-base (247,577,856).
 *
 * <p>FLOPs follow Kaplan et al. (2020), Table 1: with \(N\) the non-embedding parameters, a forward pass costs
 * \(C_{forward} = 2N + 2\, n_{layer} n_{ctx} d_{attn}\) per token and training (forward and backward) three times as
 * much, \(6N + 6\, n_{layer} n_{ctx} d_{attn}\). Embedding and de-embedding FLOPs are neglected, as in Kaplan.
 *
 * <p>References: Y. Tay et al., "Scale Efficiently: Insights from Pre-training and Fine-tuning Transformers",
 * arXiv:2109.10686 (2021); J. Kaplan et al., "Scaling Laws for Neural Language Models", arXiv:2001.08361 (2020).
 *
 * <p>Instances are immutable and therefore thread-safe.
 *
 * @param architecture encoder-decoder or decoder-only
 * @param encoderLayers number of encoder layers (0 for a decoder-only model)
 * @param decoderLayers number of decoder layers
 * @param dModel width of the residual stream, \(d_{model}\)
 * @param dFf inner width of the feed-forward network, \(d_{ff}\)
 * @param heads number of query heads, \(h\)
 * @param kvHeads number of key/value heads, \(h_{kv}\) (equal to {@code heads} unless grouped-query attention)
 * @param dKv size of one attention head, \(d_{kv}\)
 * @param vocabularySize vocabulary size \(V\)
 * @param feedForward dense (two matrices) or gated (three matrices) feed-forward network
 * @param tiedEmbeddings whether the language-model head shares the input embedding
 * @param normalization RMSNorm (\(d\) parameters) or LayerNorm (\(2d\) parameters)
 * @param biases whether linear layers carry biases
 * @param relativeAttentionBuckets number of relative position buckets per stack (0 for none)
 * @param learnedPositions number of learned absolute positions per stack (0 for none)
 */
public record TransformerShape(
        Architecture architecture,
        int encoderLayers,
        int decoderLayers,
        int dModel,
        int dFf,
        int heads,
        int kvHeads,
        int dKv,
        int vocabularySize,
        FeedForward feedForward,
        boolean tiedEmbeddings,
        Normalization normalization,
        boolean biases,
        int relativeAttentionBuckets,
        int learnedPositions) {

    /** Vocabulary size of the T5 SentencePiece model (32,000 pieces padded to 32,128). */
    public static final int T5_VOCABULARY_SIZE = 32128;

    /** Number of relative position buckets of T5. */
    public static final int T5_RELATIVE_ATTENTION_BUCKETS = 32;

    /**
     * The two Transformer architectures.
     *
     * <p>Enum constants are immutable and therefore thread-safe.
     */
    public enum Architecture {
        /** An encoder stack and a decoder stack with cross-attention (T5). */
        ENCODER_DECODER,
        /** A single causal decoder stack (GPT). */
        DECODER_ONLY
    }

    /**
     * The feed-forward network of a layer.
     *
     * <p>Enum constants are immutable and therefore thread-safe.
     */
    public enum FeedForward {
        /** Two matrices, \(W_o\, \phi(W_i x)\), e.g. ReLU in T5 v1.0 and GELU in GPT-2. */
        DENSE(2),
        /** Three matrices, \(W_o (\phi(W_{i,0} x) \odot W_{i,1} x)\), e.g. gated-GELU in T5 v1.1, SwiGLU. */
        GATED(3);

        private final int matrices;

        FeedForward(int matrices) {
            this.matrices = matrices;
        }

        /**
         * Returns the number of \(d_{model} \times d_{ff}\) weight matrices.
         *
         * @return 2 for dense, 3 for gated
         */
        public int matrices() {
            return matrices;
        }
    }

    /**
     * The normalization layer.
     *
     * <p>Enum constants are immutable and therefore thread-safe.
     */
    public enum Normalization {
        /** RMSNorm (T5 "LayerNorm" without bias and mean), \(d_{model}\) scale parameters. */
        RMS_NORM(1),
        /** LayerNorm with scale and bias, \(2 d_{model}\) parameters. */
        LAYER_NORM(2);

        private final int vectors;

        Normalization(int vectors) {
            this.vectors = vectors;
        }

        /**
         * Returns the number of \(d_{model}\)-vectors of parameters of one normalization layer.
         *
         * @return 1 for RMSNorm, 2 for LayerNorm
         */
        public int vectors() {
            return vectors;
        }
    }

    /**
     * Validates the components.
     *
     * @param architecture see the record component
     * @param encoderLayers see the record component
     * @param decoderLayers see the record component
     * @param dModel see the record component
     * @param dFf see the record component
     * @param heads see the record component
     * @param kvHeads see the record component
     * @param dKv see the record component
     * @param vocabularySize see the record component
     * @param feedForward see the record component
     * @param tiedEmbeddings see the record component
     * @param normalization see the record component
     * @param biases see the record component
     * @param relativeAttentionBuckets see the record component
     * @param learnedPositions see the record component
     * @throws IllegalArgumentException if a component is null, a size is not positive, the layer counts do not fit
     *     the architecture, or {@code kvHeads} does not divide {@code heads}
     */
    public TransformerShape {
        requireNonNull(architecture, "architecture");
        requireNonNull(feedForward, "feedForward");
        requireNonNull(normalization, "normalization");
        if (architecture == Architecture.ENCODER_DECODER) {
            requirePositive(encoderLayers, "encoderLayers");
        } else if (encoderLayers != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "encoderLayers must be 0 for a decoder-only shape: %d", encoderLayers));
        }
        requirePositive(decoderLayers, "decoderLayers");
        requirePositive(dModel, "dModel");
        requirePositive(dFf, "dFf");
        requirePositive(heads, "heads");
        requirePositive(kvHeads, "kvHeads");
        requirePositive(dKv, "dKv");
        requirePositive(vocabularySize, "vocabularySize");
        if (kvHeads > heads || heads % kvHeads != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "kvHeads must divide heads: kvHeads=%d, heads=%d", kvHeads, heads));
        }
        requireNonNegative(relativeAttentionBuckets, "relativeAttentionBuckets");
        requireNonNegative(learnedPositions, "learnedPositions");
    }

    /**
     * Returns a T5 v1.0 encoder-decoder: ReLU (dense) feed-forward network, tied embedding, RMSNorm, no biases,
     * 32 relative position buckets, vocabulary 32128.
     *
     * @param encoderLayers number of encoder layers
     * @param decoderLayers number of decoder layers
     * @param dModel \(d_{model}\)
     * @param dFf \(d_{ff}\)
     * @param heads number of heads
     * @param dKv size of one head
     * @return the shape
     * @throws IllegalArgumentException if a size is not positive
     */
    public static TransformerShape t5(int encoderLayers, int decoderLayers, int dModel, int dFf, int heads, int dKv) {
        return new TransformerShape(Architecture.ENCODER_DECODER, encoderLayers, decoderLayers, dModel, dFf, heads,
                heads, dKv, T5_VOCABULARY_SIZE, FeedForward.DENSE, true, Normalization.RMS_NORM, false,
                T5_RELATIVE_ATTENTION_BUCKETS, 0);
    }

    /**
     * Returns a T5 v1.1 encoder-decoder: as {@link #t5} but with a gated-GELU feed-forward network and an untied
     * language-model head.
     *
     * @param encoderLayers number of encoder layers
     * @param decoderLayers number of decoder layers
     * @param dModel \(d_{model}\)
     * @param dFf \(d_{ff}\)
     * @param heads number of heads
     * @param dKv size of one head
     * @return the shape
     * @throws IllegalArgumentException if a size is not positive
     */
    public static TransformerShape t5V11(int encoderLayers, int decoderLayers, int dModel, int dFf, int heads,
            int dKv) {
        return t5(encoderLayers, decoderLayers, dModel, dFf, heads, dKv)
                .withFeedForward(FeedForward.GATED)
                .withTiedEmbeddings(false);
    }

    /**
     * Returns a GPT-style decoder-only model: dense feed-forward network, tied embedding, LayerNorm, biases, multi-head
     * attention with \(d_{kv} = d_{model} / h\), no position parameters (add them with
     * {@link #withLearnedPositions}). GPT-2 small is {@code decoderOnly(12, 768, 3072, 12, 50257)
     * .withLearnedPositions(1024)}.
     *
     * @param layers number of layers
     * @param dModel \(d_{model}\)
     * @param dFf \(d_{ff}\)
     * @param heads number of heads; must divide {@code dModel}
     * @param vocabularySize vocabulary size
     * @return the shape
     * @throws IllegalArgumentException if a size is not positive or {@code heads} does not divide {@code dModel}
     */
    public static TransformerShape decoderOnly(int layers, int dModel, int dFf, int heads, int vocabularySize) {
        requirePositive(heads, "heads");
        if (dModel % heads != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "heads must divide dModel: heads=%d, dModel=%d", heads, dModel));
        }
        return new TransformerShape(Architecture.DECODER_ONLY, 0, layers, dModel, dFf, heads, heads, dModel / heads,
                vocabularySize, FeedForward.DENSE, true, Normalization.LAYER_NORM, true, 0, 0);
    }

    /**
     * Returns this shape with {@code layers} layers in every stack (the "NL" variants of Tay et al.).
     *
     * @param layers number of layers of the encoder (if any) and of the decoder
     * @return the new shape
     * @throws IllegalArgumentException if {@code layers} is not positive
     */
    public TransformerShape withLayers(int layers) {
        return new TransformerShape(architecture, architecture == Architecture.ENCODER_DECODER ? layers : 0, layers,
                dModel, dFf, heads, kvHeads, dKv, vocabularySize, feedForward, tiedEmbeddings, normalization, biases,
                relativeAttentionBuckets, learnedPositions);
    }

    /**
     * Returns this shape with another number of encoder layers.
     *
     * @param layers number of encoder layers
     * @return the new shape
     * @throws IllegalArgumentException if the value does not fit the architecture
     */
    public TransformerShape withEncoderLayers(int layers) {
        return new TransformerShape(architecture, layers, decoderLayers, dModel, dFf, heads, kvHeads, dKv,
                vocabularySize, feedForward, tiedEmbeddings, normalization, biases, relativeAttentionBuckets,
                learnedPositions);
    }

    /**
     * Returns this shape with another number of decoder layers.
     *
     * @param layers number of decoder layers
     * @return the new shape
     * @throws IllegalArgumentException if {@code layers} is not positive
     */
    public TransformerShape withDecoderLayers(int layers) {
        return new TransformerShape(architecture, encoderLayers, layers, dModel, dFf, heads, kvHeads, dKv,
                vocabularySize, feedForward, tiedEmbeddings, normalization, biases, relativeAttentionBuckets,
                learnedPositions);
    }

    /**
     * Returns this shape with another \(d_{model}\) (heads and head size unchanged).
     *
     * @param value new \(d_{model}\)
     * @return the new shape
     * @throws IllegalArgumentException if {@code value} is not positive
     */
    public TransformerShape withDModel(int value) {
        return new TransformerShape(architecture, encoderLayers, decoderLayers, value, dFf, heads, kvHeads, dKv,
                vocabularySize, feedForward, tiedEmbeddings, normalization, biases, relativeAttentionBuckets,
                learnedPositions);
    }

    /**
     * Returns this shape with another \(d_{ff}\).
     *
     * @param value new \(d_{ff}\)
     * @return the new shape
     * @throws IllegalArgumentException if {@code value} is not positive
     */
    public TransformerShape withDFf(int value) {
        return new TransformerShape(architecture, encoderLayers, decoderLayers, dModel, value, heads, kvHeads, dKv,
                vocabularySize, feedForward, tiedEmbeddings, normalization, biases, relativeAttentionBuckets,
                learnedPositions);
    }

    /**
     * Returns this shape with another number of heads; the key/value heads follow unless grouped-query attention
     * is in use, in which case they are kept.
     *
     * @param value new number of query heads
     * @return the new shape
     * @throws IllegalArgumentException if {@code value} is not positive or not a multiple of the key/value heads
     */
    public TransformerShape withHeads(int value) {
        int newKvHeads = kvHeads == heads ? value : kvHeads;
        return new TransformerShape(architecture, encoderLayers, decoderLayers, dModel, dFf, value, newKvHeads, dKv,
                vocabularySize, feedForward, tiedEmbeddings, normalization, biases, relativeAttentionBuckets,
                learnedPositions);
    }

    /**
     * Returns this shape with another number of key/value heads (grouped-query attention when fewer than heads).
     *
     * @param value new number of key/value heads; must divide {@link #heads()}
     * @return the new shape
     * @throws IllegalArgumentException if {@code value} does not divide the number of heads
     */
    public TransformerShape withKvHeads(int value) {
        return new TransformerShape(architecture, encoderLayers, decoderLayers, dModel, dFf, heads, value, dKv,
                vocabularySize, feedForward, tiedEmbeddings, normalization, biases, relativeAttentionBuckets,
                learnedPositions);
    }

    /**
     * Returns this shape with another head size \(d_{kv}\).
     *
     * @param value new head size
     * @return the new shape
     * @throws IllegalArgumentException if {@code value} is not positive
     */
    public TransformerShape withDKv(int value) {
        return new TransformerShape(architecture, encoderLayers, decoderLayers, dModel, dFf, heads, kvHeads, value,
                vocabularySize, feedForward, tiedEmbeddings, normalization, biases, relativeAttentionBuckets,
                learnedPositions);
    }

    /**
     * Returns this shape with another vocabulary size.
     *
     * @param value new vocabulary size
     * @return the new shape
     * @throws IllegalArgumentException if {@code value} is not positive
     */
    public TransformerShape withVocabularySize(int value) {
        return new TransformerShape(architecture, encoderLayers, decoderLayers, dModel, dFf, heads, kvHeads, dKv,
                value, feedForward, tiedEmbeddings, normalization, biases, relativeAttentionBuckets,
                learnedPositions);
    }

    /**
     * Returns this shape with another feed-forward network.
     *
     * @param value dense or gated
     * @return the new shape
     * @throws IllegalArgumentException if {@code value} is null
     */
    public TransformerShape withFeedForward(FeedForward value) {
        return new TransformerShape(architecture, encoderLayers, decoderLayers, dModel, dFf, heads, kvHeads, dKv,
                vocabularySize, value, tiedEmbeddings, normalization, biases, relativeAttentionBuckets,
                learnedPositions);
    }

    /**
     * Returns this shape with a tied or untied language-model head.
     *
     * @param value whether the head shares the input embedding
     * @return the new shape
     */
    public TransformerShape withTiedEmbeddings(boolean value) {
        return new TransformerShape(architecture, encoderLayers, decoderLayers, dModel, dFf, heads, kvHeads, dKv,
                vocabularySize, feedForward, value, normalization, biases, relativeAttentionBuckets,
                learnedPositions);
    }

    /**
     * Returns this shape with another normalization layer.
     *
     * @param value RMSNorm or LayerNorm
     * @return the new shape
     * @throws IllegalArgumentException if {@code value} is null
     */
    public TransformerShape withNormalization(Normalization value) {
        return new TransformerShape(architecture, encoderLayers, decoderLayers, dModel, dFf, heads, kvHeads, dKv,
                vocabularySize, feedForward, tiedEmbeddings, value, biases, relativeAttentionBuckets,
                learnedPositions);
    }

    /**
     * Returns this shape with or without biases in its linear layers.
     *
     * @param value whether linear layers carry biases
     * @return the new shape
     */
    public TransformerShape withBiases(boolean value) {
        return new TransformerShape(architecture, encoderLayers, decoderLayers, dModel, dFf, heads, kvHeads, dKv,
                vocabularySize, feedForward, tiedEmbeddings, normalization, value, relativeAttentionBuckets,
                learnedPositions);
    }

    /**
     * Returns this shape with another number of relative position buckets per stack.
     *
     * @param value number of buckets (0 for none)
     * @return the new shape
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public TransformerShape withRelativeAttentionBuckets(int value) {
        return new TransformerShape(architecture, encoderLayers, decoderLayers, dModel, dFf, heads, kvHeads, dKv,
                vocabularySize, feedForward, tiedEmbeddings, normalization, biases, value, learnedPositions);
    }

    /**
     * Returns this shape with a learned absolute position table of {@code value} positions per stack.
     *
     * @param value number of positions (0 for none)
     * @return the new shape
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public TransformerShape withLearnedPositions(int value) {
        return new TransformerShape(architecture, encoderLayers, decoderLayers, dModel, dFf, heads, kvHeads, dKv,
                vocabularySize, feedForward, tiedEmbeddings, normalization, biases, relativeAttentionBuckets, value);
    }

    /**
     * Returns the attention width \(d_{attn} = h\, d_{kv}\) of Kaplan et al.
     *
     * @return \(h\, d_{kv}\)
     */
    public long dAttn() {
        return (long) heads * dKv;
    }

    /**
     * Returns the number of stacks: 2 for an encoder-decoder, 1 for a decoder-only model.
     *
     * @return the number of stacks
     */
    public int stacks() {
        return architecture == Architecture.ENCODER_DECODER ? 2 : 1;
    }

    /**
     * Returns the latency proxy used by Tay et al.: the number of layers a token passes through in sequence,
     * \(n_{enc} + n_{dec}\).
     *
     * @return the total number of layers
     */
    public int sequentialDepth() {
        return encoderLayers + decoderLayers;
    }

    /**
     * Returns the parameters of one attention block, \(2 d\, d_{attn} + 2 d\, h_{kv} d_{kv}\) (plus biases).
     *
     * @return the parameter count
     */
    public long attentionParameters() {
        long kvWidth = (long) kvHeads * dKv;
        long count = Math.addExact(Math.multiplyExact(2L * dModel, dAttn()), Math.multiplyExact(2L * dModel, kvWidth));
        if (biases) {
            count = Math.addExact(count, dAttn() + 2 * kvWidth + dModel);
        }
        return count;
    }

    /**
     * Returns the parameters of one feed-forward block, \(m\, d\, d_{ff}\) (plus biases).
     *
     * @return the parameter count
     */
    public long feedForwardParameters() {
        long count = Math.multiplyExact((long) feedForward.matrices() * dModel, (long) dFf);
        if (biases) {
            count = Math.addExact(count, (long) (feedForward.matrices() - 1) * dFf + dModel);
        }
        return count;
    }

    /**
     * Returns the parameters of one normalization layer, \(d\) or \(2d\).
     *
     * @return the parameter count
     */
    public long normParameters() {
        return (long) normalization.vectors() * dModel;
    }

    /**
     * Returns the parameters of one encoder layer: attention + feed-forward + 2 norms
     * (T5 v1.0: \(4 d\, h d_{kv} + 2 d\, d_{ff} + 2d\)); 0 for a decoder-only model.
     *
     * @return the parameter count
     */
    public long parametersPerEncoderLayer() {
        if (architecture == Architecture.DECODER_ONLY) {
            return 0;
        }
        return Math.addExact(Math.addExact(attentionParameters(), feedForwardParameters()), 2 * normParameters());
    }

    /**
     * Returns the parameters of one decoder layer: for an encoder-decoder, self- and cross-attention + feed-forward
     * + 3 norms (T5 v1.0: \(8 d\, h d_{kv} + 2 d\, d_{ff} + 3d\)); for a decoder-only model, attention +
     * feed-forward + 2 norms.
     *
     * @return the parameter count
     */
    public long parametersPerDecoderLayer() {
        int attentionBlocks = stacks();
        int norms = attentionBlocks + 1;
        return Math.addExact(Math.addExact(Math.multiplyExact(attentionBlocks, attentionParameters()),
                feedForwardParameters()), norms * normParameters());
    }

    /**
     * Returns the parameters of all encoder layers, \(n_{enc}\) times {@link #parametersPerEncoderLayer()}
     * (column {@code enc_nonemb} of the Tay et al. table; excludes the final norm and relative bias).
     *
     * @return the parameter count
     */
    public long encoderLayerParameters() {
        return Math.multiplyExact(encoderLayers, parametersPerEncoderLayer());
    }

    /**
     * Returns the parameters of all decoder layers, \(n_{dec}\) times {@link #parametersPerDecoderLayer()}
     * (column {@code dec_nonemb}; excludes the final norm and relative bias).
     *
     * @return the parameter count
     */
    public long decoderLayerParameters() {
        return Math.multiplyExact(decoderLayers, parametersPerDecoderLayer());
    }

    /**
     * Returns the parameters that belong to one stack but to none of its layers: the final norm and the
     * relative position bias, \(p_{norm} + b\, h\).
     *
     * @return the parameter count per stack
     */
    public long stackParameters() {
        return normParameters() + (long) relativeAttentionBuckets * heads;
    }

    /**
     * Returns the non-embedding parameters \(N\): all layers, plus per stack the final norm and the relative bias.
     *
     * @return the parameter count
     */
    public long nonEmbeddingParameters() {
        return Math.addExact(Math.addExact(encoderLayerParameters(), decoderLayerParameters()),
                stacks() * stackParameters());
    }

    /**
     * Returns the embedding parameters: \(V d\), plus \(V d\) for an untied language-model head, plus
     * \(n_{pos} d\) per stack for learned positions.
     *
     * @return the parameter count
     */
    public long embeddingParameters() {
        long tokens = Math.multiplyExact((long) vocabularySize, (long) dModel);
        long head = tiedEmbeddings ? 0 : tokens;
        long positions = Math.multiplyExact((long) stacks() * learnedPositions, (long) dModel);
        return Math.addExact(Math.addExact(tokens, head), positions);
    }

    /**
     * Returns all parameters, {@link #nonEmbeddingParameters()} + {@link #embeddingParameters()}.
     *
     * @return the parameter count
     */
    public long totalParameters() {
        return Math.addExact(nonEmbeddingParameters(), embeddingParameters());
    }

    /**
     * Returns the forward FLOPs per token of a decoder-only model, Kaplan's
     * \(C_{forward} = 2N + 2\, n_{layer} n_{ctx} d_{attn}\).
     *
     * @param contextLength \(n_{ctx}\)
     * @return the forward FLOPs per token
     * @throws IllegalArgumentException if {@code contextLength} is not positive
     * @throws IllegalStateException if this is an encoder-decoder shape (use {@link #forwardFlops(int, int)})
     */
    public double forwardFlopsPerToken(int contextLength) {
        if (architecture != Architecture.DECODER_ONLY) {
            throw new IllegalStateException(
                    "FLOPs per token are defined for decoder-only shapes; use forwardFlops(inputLength, targetLength)");
        }
        requirePositive(contextLength, "contextLength");
        return 2.0 * nonEmbeddingParameters() + 2.0 * decoderLayers * contextLength * dAttn();
    }

    /**
     * Returns the training (forward and backward) FLOPs per token of a decoder-only model,
     * \(3 C_{forward} = 6N + 6\, n_{layer} n_{ctx} d_{attn}\).
     *
     * @param contextLength \(n_{ctx}\)
     * @return the training FLOPs per token
     * @throws IllegalArgumentException if {@code contextLength} is not positive
     * @throws IllegalStateException if this is an encoder-decoder shape (use {@link #trainingFlops(int, int)})
     */
    public double trainingFlopsPerToken(int contextLength) {
        return 3.0 * forwardFlopsPerToken(contextLength);
    }

    /**
     * Returns the forward FLOPs of one example with {@code inputLength} input and {@code targetLength} target tokens.
     *
     * <p>Encoder-decoder, encoder and decoder tokens counted separately: every parameter costs 2 FLOPs per token of
     * the stack that applies it, where the key and value projections of cross-attention, \(P_{kv} = 2 d\, h_{kv}
     * d_{kv}\) per decoder layer, apply to the \(L_{in}\) encoder outputs; the attention term of Kaplan is
     * \(2 d_{attn}\) per pair of query and key: \[ C = 2 (N_{enc} + n_{dec} P_{kv}) L_{in}
     * + 2 (N_{dec} - n_{dec} P_{kv}) L_{tgt} + 2 n_{enc} L_{in}^2 d_{attn} + 2 n_{dec} L_{tgt} (L_{tgt} + L_{in})
     * d_{attn}, \] with \(N_{enc}\), \(N_{dec}\) the non-embedding parameters of each stack.
     *
     * <p>Decoder-only, the input and target are concatenated into one sequence of
     * \(L = L_{in} + L_{tgt}\) tokens: \(C = L \cdot (2N + 2\, n_{layer} L\, d_{attn})\).
     *
     * @param inputLength \(L_{in}\), positive for an encoder-decoder, non-negative for a decoder-only model
     * @param targetLength \(L_{tgt}\), positive for an encoder-decoder, non-negative for a decoder-only model
     * @return the forward FLOPs of the example
     * @throws IllegalArgumentException if a length is out of range
     */
    public double forwardFlops(int inputLength, int targetLength) {
        if (architecture == Architecture.DECODER_ONLY) {
            requireNonNegative(inputLength, "inputLength");
            requireNonNegative(targetLength, "targetLength");
            long length = (long) inputLength + targetLength;
            if (length == 0 || length > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "inputLength + targetLength must be in [1, %d]: %d", Integer.MAX_VALUE, length));
            }
            return length * forwardFlopsPerToken((int) length);
        }
        requirePositive(inputLength, "inputLength");
        requirePositive(targetLength, "targetLength");
        double crossKeyValue = (double) decoderLayers * 2.0 * dModel * kvHeads * dKv;
        if (biases) {
            crossKeyValue += (double) decoderLayers * 2.0 * kvHeads * dKv;
        }
        double encoderParameters = encoderLayerParameters() + stackParameters() + crossKeyValue;
        double decoderParameters = decoderLayerParameters() + stackParameters() - crossKeyValue;
        double attention = 2.0 * encoderLayers * inputLength * (double) inputLength * dAttn()
                + 2.0 * decoderLayers * targetLength * ((double) targetLength + inputLength) * dAttn();
        return 2.0 * encoderParameters * inputLength + 2.0 * decoderParameters * targetLength + attention;
    }

    /**
     * Returns the training (forward and backward) FLOPs of one example, three times {@link #forwardFlops}.
     *
     * @param inputLength \(L_{in}\)
     * @param targetLength \(L_{tgt}\)
     * @return the training FLOPs of the example
     * @throws IllegalArgumentException if a length is out of range
     */
    public double trainingFlops(int inputLength, int targetLength) {
        return 3.0 * forwardFlops(inputLength, targetLength);
    }

    private static void requireNonNull(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be positive: %d", name, value));
        }
    }

    private static void requireNonNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be non-negative: %d", name, value));
        }
    }
}
