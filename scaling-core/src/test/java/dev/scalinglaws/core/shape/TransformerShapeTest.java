/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scalinglaws.core.shape.TransformerShape.Architecture;
import dev.scalinglaws.core.shape.TransformerShape.FeedForward;
import dev.scalinglaws.core.shape.TransformerShape.Normalization;
import org.junit.jupiter.api.Test;

class TransformerShapeTest {

    private static final TransformerShape T5_SMALL = TransformerShape.t5(6, 6, 512, 2048, 8, 64);
    private static final TransformerShape T5_BASE = TransformerShape.t5(12, 12, 768, 3072, 12, 64);

    /** GPT-2 small as in Hugging Face {@code gpt2}: tied, learned positions, LayerNorm, biases. */
    private static final TransformerShape GPT2 = TransformerShape.decoderOnly(12, 768, 3072, 12, 50257)
            .withLearnedPositions(1024);

    /** LLaMA-2 7B: SwiGLU, untied, RMSNorm, no biases, rotary positions. */
    private static final TransformerShape LLAMA2_7B = TransformerShape.decoderOnly(32, 4096, 11008, 32, 32000)
            .withFeedForward(FeedForward.GATED)
            .withTiedEmbeddings(false)
            .withNormalization(Normalization.RMS_NORM)
            .withBiases(false);

    @Test
    void t5SmallMatchesPublishedCount() {
        assertThat(T5_SMALL.totalParameters()).isEqualTo(60_506_624L);
        assertThat(T5_SMALL.embeddingParameters()).isEqualTo(32128L * 512);
    }

    @Test
    void t5BaseMatchesPublishedCount() {
        assertThat(T5_BASE.totalParameters()).isEqualTo(222_903_552L);
    }

    @Test
    void t5V11BaseGatedUntiedMatchesPublishedCount() {
        TransformerShape v11 = TransformerShape.t5V11(12, 12, 768, 2048, 12, 64);
        assertThat(v11.totalParameters()).isEqualTo(247_577_856L);
        assertThat(v11.embeddingParameters()).isEqualTo(2L * 32128 * 768);
        assertThat(v11.nonEmbeddingParameters()).isEqualTo(198_229_248L);
    }

    @Test
    void t5LayerFormulasOfTay() {
        long d = 512;
        long hdkv = 8 * 64;
        assertThat(T5_SMALL.parametersPerEncoderLayer()).isEqualTo(4 * d * hdkv + 2 * d * 2048 + 2 * d);
        assertThat(T5_SMALL.parametersPerDecoderLayer()).isEqualTo(8 * d * hdkv + 2 * d * 2048 + 3 * d);
        assertThat(T5_SMALL.nonEmbeddingParameters()).isEqualTo(
                6 * T5_SMALL.parametersPerEncoderLayer() + 6 * T5_SMALL.parametersPerDecoderLayer()
                        + 2 * 32 * 8 + 2 * d);
    }

    @Test
    void gpt2SmallMatchesHuggingFaceCount() {
        assertThat(GPT2.parametersPerDecoderLayer()).isEqualTo(7_087_872L);
        assertThat(GPT2.totalParameters()).isEqualTo(124_439_808L);
        assertThat(GPT2.embeddingParameters()).isEqualTo(50257L * 768 + 1024L * 768);
        assertThat(GPT2.dKv()).isEqualTo(64);
    }

    @Test
    void llama2SevenBillionMatchesPublishedCount() {
        assertThat(LLAMA2_7B.totalParameters()).isEqualTo(6_738_415_616L);
        assertThat(LLAMA2_7B.embeddingParameters()).isEqualTo(2L * 32000 * 4096);
    }

    @Test
    void groupedQueryAttentionMatchesMistralSevenBillion() {
        TransformerShape mistral = LLAMA2_7B.withDFf(14336).withKvHeads(8);
        assertThat(mistral.attentionParameters()).isEqualTo(2L * 4096 * 4096 + 2L * 4096 * 1024);
        assertThat(mistral.totalParameters()).isEqualTo(7_241_732_096L);
    }

    @Test
    void decoderOnlyFlopsPerTokenFollowKaplanTable1() {
        long n = GPT2.nonEmbeddingParameters();
        assertThat(n).isEqualTo(85_056_000L);
        assertThat(GPT2.forwardFlopsPerToken(1024)).isEqualTo(188_986_368.0);
        assertThat(GPT2.trainingFlopsPerToken(1024)).isEqualTo(566_959_104.0);
        assertThat(GPT2.trainingFlopsPerToken(1024)).isEqualTo(6.0 * n + 6.0 * 12 * 1024 * 768);
    }

    @Test
    void decoderOnlyExampleFlopsConcatenateInputAndTarget() {
        assertThat(GPT2.forwardFlops(700, 324)).isEqualTo(1024 * GPT2.forwardFlopsPerToken(1024));
        assertThat(GPT2.trainingFlops(0, 1)).isEqualTo(GPT2.trainingFlopsPerToken(1));
        assertThatThrownBy(() -> GPT2.forwardFlops(0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inputLength + targetLength must be in [1, 2147483647]: 0");
    }

    @Test
    void encoderDecoderFlopsCountEncoderAndDecoderTokensSeparately() {
        // encoder side: layers 18,880,512 + final norm 512 + bias 256 + cross-attention K,V 6 * 2 * 512 * 512;
        // decoder side: layers 25,175,040 + 768 - the same K,V; attention 2*6*512^2*512 + 2*6*114*(114+512)*512.
        assertThat(T5_SMALL.forwardFlops(512, 114)).isEqualTo(29_627_587_584.0);
        assertThat(T5_SMALL.trainingFlops(512, 114)).isEqualTo(3 * 29_627_587_584.0);
        // the parameter part alone is 2 N per token when input and target lengths are equal and attention is removed
        double attention = 2.0 * 6 * 100 * 100 * 512 + 2.0 * 6 * 100 * 200 * 512;
        assertThat(T5_SMALL.forwardFlops(100, 100) - attention)
                .isEqualTo(2.0 * T5_SMALL.nonEmbeddingParameters() * 100);
    }

    @Test
    void encoderDecoderHasNoFlopsPerToken() {
        assertThatThrownBy(() -> T5_SMALL.forwardFlopsPerToken(512))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("forwardFlops(inputLength, targetLength)");
        assertThatThrownBy(() -> T5_SMALL.forwardFlops(0, 114))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inputLength must be positive: 0");
    }

    @Test
    void withersChangeOneComponent() {
        TransformerShape deep = T5_SMALL.withLayers(16);
        assertThat(deep.encoderLayers()).isEqualTo(16);
        assertThat(deep.decoderLayers()).isEqualTo(16);
        assertThat(deep.totalParameters()).isEqualTo(133_932_544L);
        assertThat(deep.sequentialDepth()).isEqualTo(32);
        assertThat(T5_SMALL.withHeads(16).kvHeads()).isEqualTo(16);
        assertThat(LLAMA2_7B.withKvHeads(8).withHeads(64).kvHeads()).isEqualTo(8);
        assertThat(GPT2.withLayers(24).encoderLayers()).isZero();
        assertThat(GPT2.architecture()).isEqualTo(Architecture.DECODER_ONLY);
        assertThat(GPT2.dAttn()).isEqualTo(768L);
    }

    @Test
    void rejectsInvalidComponentsWithExactMessages() {
        assertThatThrownBy(() -> TransformerShape.t5(6, 6, 0, 2048, 8, 64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dModel must be positive: 0");
        assertThatThrownBy(() -> T5_SMALL.withEncoderLayers(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("encoderLayers must be positive: 0");
        assertThatThrownBy(() -> GPT2.withEncoderLayers(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("encoderLayers must be 0 for a decoder-only shape: 2");
        assertThatThrownBy(() -> LLAMA2_7B.withKvHeads(5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kvHeads must divide heads: kvHeads=5, heads=32");
        assertThatThrownBy(() -> TransformerShape.decoderOnly(12, 770, 3072, 12, 50257))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("heads must divide dModel: heads=12, dModel=770");
        assertThatThrownBy(() -> T5_SMALL.withFeedForward(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feedForward must not be null");
        assertThatThrownBy(() -> T5_SMALL.withLearnedPositions(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("learnedPositions must be non-negative: -1");
        assertThatThrownBy(() -> GPT2.forwardFlopsPerToken(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("contextLength must be positive: 0");
    }

    @Test
    void overflowIsReportedNotWrapped() {
        TransformerShape huge = TransformerShape.t5(Integer.MAX_VALUE, Integer.MAX_VALUE, 1 << 20, 1 << 30, 1, 1);
        assertThatThrownBy(huge::totalParameters).isInstanceOf(ArithmeticException.class);
    }
}
