/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.shape;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The DeepNarrow scaling strategy of Tay et al. (2021): increase depth before width.
 *
 * <p>The paper's rule: a model made deeper and narrower than the standard T5 configuration (more layers, same or
 * smaller \(d_{model}\) and \(d_{ff}\)) is more Pareto-efficient for downstream quality; "increase depth before
 * width". A DeepNarrow model matches T5-Base downstream with about 50% fewer parameters and about 40% faster
 * training. Upstream (pre-training) loss depends mostly on the parameter count, downstream quality on the shape.
 *
 * <p>Given a base shape, this class enumerates the grid of layer counts \(n_{layer}\) (encoder and decoder alike),
 * \(d_{model}\) and \(d_{ff}\) values (heads and head size unchanged, as in the paper's variants), keeps the shapes
 * whose cost is within a {@link Budget} (total or non-embedding parameters, or training FLOPs per token), and
 * orders them depth-first: deeper first, then narrower (smaller \(d_{model}\), then smaller \(d_{ff}\)). Each
 * {@link Candidate} carries its parameter counts, its cost and, as the trade-off the paper reports, a latency proxy:
 * the sequential depth \(n_{enc} + n_{dec}\), since layers run one after another while width parallelises.
 *
 * <p>Defaults: layer counts \(\{2, 4, 6, 8, 12, 16, 24, 32, 36\}\) (the NL variants of the paper) plus the base
 * layer count; \(d_{model}\) and \(d_{ff}\) at \(\tfrac12\), \(\tfrac34\) and 1 times the base value (rounded
 * down).
 *
 * <p>References: Y. Tay et al., "Scale Efficiently: Insights from Pre-training and Fine-tuning Transformers",
 * arXiv:2109.10686 (2021); FLOPs as in J. Kaplan et al., "Scaling Laws for Neural Language Models",
 * arXiv:2001.08361 (2020).
 *
 * <p>Instances are immutable (each {@code withX} returns a new one) and therefore thread-safe.
 */
public final class DeepNarrow {

    /** The layer counts of the NL variants of Tay et al. (2021). */
    public static final List<Integer> PAPER_LAYER_COUNTS = List.of(2, 4, 6, 8, 12, 16, 24, 32, 36);

    private final TransformerShape base;
    private final List<Integer> layerCounts;
    private final List<Integer> dModels;
    private final List<Integer> dFfs;

    private DeepNarrow(TransformerShape base, List<Integer> layerCounts, List<Integer> dModels, List<Integer> dFfs) {
        this.base = base;
        this.layerCounts = layerCounts;
        this.dModels = dModels;
        this.dFfs = dFfs;
    }

    /**
     * Returns the strategy for the given base shape with the default grid.
     *
     * @param base the shape to make deeper and narrower
     * @return the strategy
     * @throws IllegalArgumentException if {@code base} is null
     */
    public static DeepNarrow of(TransformerShape base) {
        if (base == null) {
            throw new IllegalArgumentException("base must not be null");
        }
        List<Integer> layers = new ArrayList<>(PAPER_LAYER_COUNTS);
        layers.add(base.decoderLayers());
        return new DeepNarrow(base, sortedDistinct(layers, "layer count"),
                sortedDistinct(fractions(base.dModel()), "dModel"), sortedDistinct(fractions(base.dFf()), "dFf"));
    }

    private static List<Integer> fractions(int value) {
        List<Integer> result = new ArrayList<>();
        for (int quarters = 2; quarters <= 4; quarters++) {
            int fraction = (int) ((long) value * quarters / 4);
            if (fraction > 0) {
                result.add(fraction);
            }
        }
        return result;
    }

    private static List<Integer> sortedDistinct(List<Integer> values, String name) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException(name + " values must not be empty");
        }
        for (int value : values) {
            if (value <= 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be positive: %d", name, value));
            }
        }
        return List.copyOf(new TreeSet<>(values));
    }

    private static List<Integer> boxed(int[] values, String name) {
        if (values == null) {
            throw new IllegalArgumentException(name + " values must not be null");
        }
        List<Integer> list = new ArrayList<>(values.length);
        for (int value : values) {
            list.add(value);
        }
        return sortedDistinct(list, name);
    }

    /**
     * Returns this strategy with other layer counts (applied to encoder and decoder alike).
     *
     * @param values positive layer counts; duplicates are ignored
     * @return the new strategy
     * @throws IllegalArgumentException if {@code values} is empty or holds a non-positive value
     */
    public DeepNarrow withLayerCounts(int... values) {
        return new DeepNarrow(base, boxed(values, "layer count"), dModels, dFfs);
    }

    /**
     * Returns this strategy with other \(d_{model}\) values.
     *
     * @param values positive widths; duplicates are ignored
     * @return the new strategy
     * @throws IllegalArgumentException if {@code values} is empty or holds a non-positive value
     */
    public DeepNarrow withDModels(int... values) {
        return new DeepNarrow(base, layerCounts, boxed(values, "dModel"), dFfs);
    }

    /**
     * Returns this strategy with other \(d_{ff}\) values.
     *
     * @param values positive widths; duplicates are ignored
     * @return the new strategy
     * @throws IllegalArgumentException if {@code values} is empty or holds a non-positive value
     */
    public DeepNarrow withDFfs(int... values) {
        return new DeepNarrow(base, layerCounts, dModels, boxed(values, "dFf"));
    }

    /**
     * Returns the base shape.
     *
     * @return the base shape
     */
    public TransformerShape base() {
        return base;
    }

    /**
     * Returns the layer counts of the grid, ascending.
     *
     * @return an unmodifiable list
     */
    public List<Integer> layerCounts() {
        return layerCounts;
    }

    /**
     * Returns the \(d_{model}\) values of the grid, ascending.
     *
     * @return an unmodifiable list
     */
    public List<Integer> dModels() {
        return dModels;
    }

    /**
     * Returns the \(d_{ff}\) values of the grid, ascending.
     *
     * @return an unmodifiable list
     */
    public List<Integer> dFfs() {
        return dFfs;
    }

    /**
     * Returns the shapes of the grid whose cost is at most the budget, deeper first, then narrower
     * (descending layer count, then ascending \(d_{model}\), then ascending \(d_{ff}\)).
     *
     * @param budget the budget
     * @return the candidates, possibly empty, unmodifiable
     * @throws IllegalArgumentException if {@code budget} is null or its sequence lengths do not fit the base shape
     */
    public List<Candidate> candidates(Budget budget) {
        if (budget == null) {
            throw new IllegalArgumentException("budget must not be null");
        }
        List<Candidate> result = new ArrayList<>();
        for (int layers : layerCounts) {
            for (int dModel : dModels) {
                for (int dFf : dFfs) {
                    TransformerShape shape = base.withLayers(layers).withDModel(dModel).withDFf(dFf);
                    double cost = budget.cost(shape);
                    if (cost <= budget.limit()) {
                        String label = String.format(Locale.ROOT, "nl%d-dm%d-ff%d", layers, dModel, dFf);
                        result.add(new Candidate(label, shape, shape.totalParameters(),
                                shape.nonEmbeddingParameters(), shape.embeddingParameters(), cost,
                                cost / budget.limit(), shape.sequentialDepth()));
                    }
                }
            }
        }
        result.sort(Comparator.comparingInt((Candidate c) -> -c.shape().decoderLayers())
                .thenComparingInt(c -> c.shape().dModel())
                .thenComparingInt(c -> c.shape().dFf()));
        return List.copyOf(result);
    }

    /**
     * A budget: an upper bound on a cost measure of a shape.
     *
     * <p>Records are immutable and therefore thread-safe.
     *
     * @param measure what is bounded
     * @param limit the largest admissible cost, finite and positive
     * @param inputLength input (encoder) tokens per example for a FLOPs budget, else 0
     * @param targetLength target (decoder) tokens per example for a FLOPs budget, else 0
     */
    public record Budget(Measure measure, double limit, int inputLength, int targetLength) {

        /**
         * The cost measures.
         *
         * <p>Enum constants are immutable and therefore thread-safe.
         */
        public enum Measure {
            /** {@link TransformerShape#totalParameters()}. */
            TOTAL_PARAMETERS,
            /** {@link TransformerShape#nonEmbeddingParameters()}. */
            NON_EMBEDDING_PARAMETERS,
            /**
             * Training FLOPs per token, \(\mathrm{trainingFlops}(L_{in}, L_{tgt}) / (L_{in} + L_{tgt})\); for a
             * decoder-only shape this is \(6N + 6 n_{layer} n_{ctx} d_{attn}\) with \(n_{ctx} = L_{in} + L_{tgt}\).
             */
            TRAINING_FLOPS_PER_TOKEN
        }

        /**
         * Validates the components.
         *
         * @param measure see the record component
         * @param limit see the record component
         * @param inputLength see the record component
         * @param targetLength see the record component
         * @throws IllegalArgumentException if the measure is null, the limit is not finite and positive, or the
         *     lengths do not fit the measure
         */
        public Budget {
            if (measure == null) {
                throw new IllegalArgumentException("measure must not be null");
            }
            if (!(limit > 0) || limit == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "limit must be finite and positive: %s", limit));
            }
            if (measure == Measure.TRAINING_FLOPS_PER_TOKEN) {
                if (inputLength < 0 || targetLength < 0 || (long) inputLength + targetLength == 0
                        || (long) inputLength + targetLength > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "lengths must be non-negative with a positive sum: inputLength=%d, targetLength=%d",
                            inputLength, targetLength));
                }
            } else if (inputLength != 0 || targetLength != 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "lengths apply only to a FLOPs budget: inputLength=%d, targetLength=%d",
                        inputLength, targetLength));
            }
        }

        /**
         * Returns a budget on total parameters.
         *
         * @param maximum the largest admissible total parameter count
         * @return the budget
         * @throws IllegalArgumentException if {@code maximum} is not positive
         */
        public static Budget totalParameters(long maximum) {
            return new Budget(Measure.TOTAL_PARAMETERS, maximum, 0, 0);
        }

        /**
         * Returns a budget on non-embedding parameters.
         *
         * @param maximum the largest admissible non-embedding parameter count
         * @return the budget
         * @throws IllegalArgumentException if {@code maximum} is not positive
         */
        public static Budget nonEmbeddingParameters(long maximum) {
            return new Budget(Measure.NON_EMBEDDING_PARAMETERS, maximum, 0, 0);
        }

        /**
         * Returns a budget on training FLOPs per token for examples of the given lengths.
         *
         * @param maximum the largest admissible training FLOPs per token
         * @param inputLength input tokens per example (encoder; for a decoder-only shape, the prefix)
         * @param targetLength target tokens per example
         * @return the budget
         * @throws IllegalArgumentException if {@code maximum} is not finite and positive or the lengths are invalid
         */
        public static Budget trainingFlopsPerToken(double maximum, int inputLength, int targetLength) {
            return new Budget(Measure.TRAINING_FLOPS_PER_TOKEN, maximum, inputLength, targetLength);
        }

        /**
         * Returns the cost of a shape under this budget's measure.
         *
         * @param shape the shape
         * @return the cost
         * @throws IllegalArgumentException if {@code shape} is null or the lengths do not fit its architecture
         */
        public double cost(TransformerShape shape) {
            if (shape == null) {
                throw new IllegalArgumentException("shape must not be null");
            }
            switch (measure) {
                case TOTAL_PARAMETERS:
                    return shape.totalParameters();
                case NON_EMBEDDING_PARAMETERS:
                    return shape.nonEmbeddingParameters();
                default:
                    return shape.trainingFlops(inputLength, targetLength) / ((double) inputLength + targetLength);
            }
        }
    }

    /**
     * One DeepNarrow candidate with its counts, its cost and the latency proxy.
     *
     * <p>Records are immutable and therefore thread-safe.
     *
     * @param label {@code nl<layers>-dm<d_model>-ff<d_ff>}
     * @param shape the shape
     * @param totalParameters all parameters
     * @param nonEmbeddingParameters non-embedding parameters
     * @param embeddingParameters embedding parameters
     * @param cost the cost under the budget's measure
     * @param budgetFraction cost divided by the budget limit, in \((0, 1]\)
     * @param sequentialDepth latency proxy: layers traversed in sequence, \(n_{enc} + n_{dec}\)
     */
    public record Candidate(String label, TransformerShape shape, long totalParameters, long nonEmbeddingParameters,
            long embeddingParameters, double cost, double budgetFraction, int sequentialDepth) {

        /**
         * Validates the components.
         *
         * @param label see the record component
         * @param shape see the record component
         * @param totalParameters see the record component
         * @param nonEmbeddingParameters see the record component
         * @param embeddingParameters see the record component
         * @param cost see the record component
         * @param budgetFraction see the record component
         * @param sequentialDepth see the record component
         * @throws IllegalArgumentException if the label or shape is null or the counts disagree with the shape
         */
        public Candidate {
            if (label == null || shape == null) {
                throw new IllegalArgumentException("label and shape must not be null");
            }
            if (totalParameters != shape.totalParameters()
                    || nonEmbeddingParameters != shape.nonEmbeddingParameters()
                    || embeddingParameters != shape.embeddingParameters()
                    || sequentialDepth != shape.sequentialDepth()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "counts of candidate %s disagree with its shape", label));
            }
        }
    }
}
