/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.scalinglaws.core.shape.DeepNarrow.Budget;
import dev.scalinglaws.core.shape.DeepNarrow.Candidate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeepNarrowTest {

    private static final TransformerShape SMALL = T5Configs.byName("small");
    private static final TransformerShape BASE = T5Configs.byName("base");

    @Test
    void defaultGridIsThePaperLayerCountsAndNarrowerWidths() {
        DeepNarrow strategy = DeepNarrow.of(SMALL);
        assertThat(strategy.layerCounts()).containsExactly(2, 4, 6, 8, 12, 16, 24, 32, 36);
        assertThat(strategy.dModels()).containsExactly(256, 384, 512);
        assertThat(strategy.dFfs()).containsExactly(1024, 1536, 2048);
        assertThat(DeepNarrow.of(T5Configs.byName("base-nl10")).layerCounts()).contains(10).hasSize(10);
        assertThat(strategy.base()).isEqualTo(SMALL);
    }

    @Test
    void parameterBudgetKeepsShapesWithinItDeeperFirstThenNarrower() {
        List<Candidate> candidates = DeepNarrow.of(SMALL).candidates(Budget.totalParameters(222_903_552L));
        assertThat(candidates).hasSize(78);
        assertThat(candidates).extracting(Candidate::label).startsWith(
                "nl36-dm256-ff1024", "nl36-dm256-ff1536", "nl36-dm256-ff2048", "nl36-dm384-ff1024",
                "nl36-dm384-ff1536", "nl36-dm384-ff2048", "nl36-dm512-ff1024", "nl32-dm256-ff1024");
        assertThat(candidates.get(0).totalParameters()).isEqualTo(102_643_712L);
        assertThat(candidates.get(0).sequentialDepth()).isEqualTo(72);
        assertThat(candidates.get(0).budgetFraction()).isEqualTo(102_643_712.0 / 222_903_552.0);
        // nl36-dm384-ff1536 is the shape of Mini-NL36 in the Tay et al. table
        assertThat(candidates.get(4).totalParameters()).isEqualTo(182_276_864L);
        assertThat(candidates.get(6).totalParameters()).isEqualTo(205_286_912L);
        assertThat(candidates.get(candidates.size() - 1).label()).isEqualTo("nl2-dm512-ff2048");
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            assertThat(candidate.totalParameters()).isLessThanOrEqualTo(222_903_552L);
            assertThat(candidate.cost()).isEqualTo((double) candidate.totalParameters());
            assertThat(candidate.nonEmbeddingParameters() + candidate.embeddingParameters())
                    .isEqualTo(candidate.totalParameters());
            if (i > 0) {
                Candidate previous = candidates.get(i - 1);
                int layers = candidate.shape().decoderLayers();
                int previousLayers = previous.shape().decoderLayers();
                assertThat(previousLayers).isGreaterThanOrEqualTo(layers);
                if (previousLayers == layers) {
                    assertThat(previous.shape().dModel()).isLessThanOrEqualTo(candidate.shape().dModel());
                }
            }
        }
    }

    @Test
    void smallNl16IsTheDeepNarrowAlternativeToBase() {
        List<Candidate> candidates = DeepNarrow.of(SMALL).candidates(Budget.totalParameters(BASE.totalParameters()));
        Candidate smallNl16 = candidates.stream().filter(c -> c.label().equals("nl16-dm512-ff2048")).findFirst()
                .orElseThrow();
        assertThat(smallNl16.shape()).isEqualTo(T5Configs.byName("small-nl16"));
        assertThat(smallNl16.totalParameters()).isEqualTo(133_932_544L);
        // about 40% fewer parameters than Base, at a deeper sequential depth (32 layers against 24)
        assertThat(smallNl16.budgetFraction()).isCloseTo(0.601, within(0.001));
        assertThat(smallNl16.sequentialDepth()).isEqualTo(32).isGreaterThan(BASE.sequentialDepth());
    }

    @Test
    void flopsBudgetCountsEncoderAndDecoderTokens() {
        Budget budget = Budget.trainingFlopsPerToken(BASE.trainingFlops(512, 114) / 626.0, 512, 114);
        assertThat(budget.limit()).isCloseTo(624_129_684.04, within(0.01));
        List<Candidate> candidates = DeepNarrow.of(SMALL).candidates(budget);
        assertThat(candidates).hasSize(75);
        assertThat(candidates.get(0).label()).isEqualTo("nl36-dm256-ff1024");
        assertThat(candidates.get(0).cost()).isCloseTo(342_158_290.198, within(0.01));
        Candidate smallNl16 = candidates.stream().filter(c -> c.label().equals("nl16-dm512-ff2048")).findFirst()
                .orElseThrow();
        assertThat(smallNl16.budgetFraction()).isCloseTo(0.6066, within(0.0001));
        assertThat(candidates).allSatisfy(c -> assertThat(c.cost()).isLessThanOrEqualTo(budget.limit())
                .isEqualTo(c.shape().trainingFlops(512, 114) / 626.0));
    }

    @Test
    void decoderOnlyFlopsBudgetIsKaplanPerToken() {
        TransformerShape gpt = TransformerShape.decoderOnly(12, 768, 3072, 12, 50257);
        Budget budget = Budget.trainingFlopsPerToken(gpt.trainingFlopsPerToken(1024), 0, 1024);
        assertThat(budget.cost(gpt)).isEqualTo(gpt.trainingFlopsPerToken(1024));
        List<Candidate> candidates = DeepNarrow.of(gpt).withLayerCounts(12, 24).withDModels(384, 768)
                .withDFfs(1536, 3072).candidates(budget);
        // nl24-dm384-ff3072 keeps d_attn = 12 * 64: N = 24 * 3,546,624 + 768 = 85,119,744, so its
        // 6N + 6 * 24 * 1024 * 768 = 623,964,672 exceeds the base's 6 * 85,056,000 + 6 * 12 * 1024 * 768 = 566,959,104
        assertThat(budget.limit()).isEqualTo(566_959_104.0);
        assertThat(budget.cost(gpt.withLayers(24).withDModel(384))).isEqualTo(623_964_672.0);
        assertThat(candidates).extracting(Candidate::label).containsExactly(
                "nl24-dm384-ff1536", "nl12-dm384-ff1536", "nl12-dm384-ff3072",
                "nl12-dm768-ff1536", "nl12-dm768-ff3072");
        assertThat(candidates.get(0).sequentialDepth()).isEqualTo(24);
        assertThat(candidates.get(0).shape().encoderLayers()).isZero();
    }

    @Test
    void budgetTooSmallGivesNoCandidates() {
        assertThat(DeepNarrow.of(SMALL).candidates(Budget.nonEmbeddingParameters(1000))).isEmpty();
    }

    @Test
    void rejectsInvalidArgumentsWithExactMessages() {
        assertThatThrownBy(() -> Budget.totalParameters(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be finite and positive: 0.0");
        assertThatThrownBy(() -> Budget.trainingFlopsPerToken(Double.NaN, 512, 114))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be finite and positive: NaN");
        assertThatThrownBy(() -> Budget.trainingFlopsPerToken(1e9, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lengths must be non-negative with a positive sum: inputLength=0, targetLength=0");
        assertThatThrownBy(() -> new Budget(Budget.Measure.TOTAL_PARAMETERS, 1e9, 512, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lengths apply only to a FLOPs budget: inputLength=512, targetLength=0");
        assertThatThrownBy(() -> DeepNarrow.of(SMALL).withLayerCounts(4, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer count must be positive: 0");
        assertThatThrownBy(() -> DeepNarrow.of(SMALL).withDModels())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dModel values must not be empty");
        assertThatThrownBy(() -> DeepNarrow.of(SMALL).candidates(Budget.trainingFlopsPerToken(1e9, 0, 114)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inputLength must be positive: 0");
    }
}
