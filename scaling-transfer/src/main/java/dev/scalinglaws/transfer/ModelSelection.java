/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;

/**
 * Choosing which pre-trained model to fine-tune from a small fine-tuning budget (Lin et al. 2024, "Selecting Large
 * Language Model to Fine-tune via Rectified Scaling Law", arXiv:2402.02314): each {@link Method} scores every
 * candidate from the points it has within the budget, and the candidate with the best score is selected.
 *
 * <p>Methods, with the score each uses (as in the authors' {@code src/model_select.py}):
 * <ul>
 *   <li>{@link Method#ATS}: the AtS-predicted loss at the target size ({@link AcceptThenStop});</li>
 *   <li>{@link Method#ZERO_SHOT}: the loss at D = 0;</li>
 *   <li>{@link Method#SUB_TUNING}: the loss at the largest size within the budget;</li>
 *   <li>{@link Method#MODEL_SIZE}: ln(parameters), larger is better;</li>
 *   <li>{@link Method#VANILLA_FIT}: the vanilla law's loss at the target, fitted on the non-zero sizes within the
 *       budget with {@link FineTuning#fit};</li>
 *   <li>{@link Method#RECTIFIED_FIT}: the rectified law's loss at the target, fitted on the sizes within the budget
 *       <em>and the zero-shot point</em> when the curve has one ({@link FineTuning.ZeroShot#INCLUDE}), as the
 *       authors' {@code our_fit_select} does: with few budget points the zero-shot loss is what pins down Dl.</li>
 * </ul>
 * Metrics against the true loss at the target: {@link #pearson} of the scores with the true losses, and
 * {@link #relativeAccuracy} = (worst true loss - true loss of the selected model) / (worst - best true loss), the
 * definition in the authors' {@code src/draw.py} (1 = the best model was chosen, 0 = the worst).
 *
 * <p>Stateless and thread-safe.
 */
public final class ModelSelection {

    private ModelSelection() {
    }

    /** A selection method. */
    public enum Method {
        /** Accept then Stop. */
        ATS,
        /** Zero-shot loss. */
        ZERO_SHOT,
        /** Loss at the largest budget size. */
        SUB_TUNING,
        /** Model size (larger is better). */
        MODEL_SIZE,
        /** Vanilla law fit. */
        VANILLA_FIT,
        /** Rectified law fit. */
        RECTIFIED_FIT
    }

    /**
     * One candidate model and its fine-tuning curve.
     *
     * @param model  name
     * @param size   parameter count (&gt; 0)
     * @param sizes  fine-tuning sizes (0 = zero-shot), copied
     * @param losses losses, copied
     */
    public record Candidate(String model, double size, double[] sizes, double[] losses) {

        /**
         * Validates and copies.
         *
         * @param model  name
         * @param size   parameter count
         * @param sizes  fine-tuning sizes
         * @param losses losses
         */
        public Candidate {
            Objects.requireNonNull(model, "model");
            if (sizes.length != losses.length) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "model %s: %d sizes but %d losses",
                        model, sizes.length, losses.length));
            }
            for (double d : sizes) {
                if (!(d >= 0) || Double.isInfinite(d)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "model %s: fine-tuning size %s must be finite and non-negative", model, d));
                }
            }
            sizes = sizes.clone();
            losses = losses.clone();
        }

        /**
         * @return a copy of the sizes
         */
        @Override
        public double[] sizes() {
            return sizes.clone();
        }

        /**
         * @return a copy of the losses
         */
        @Override
        public double[] losses() {
            return losses.clone();
        }

        /**
         * The loss observed at a size.
         *
         * @param d a size on the curve
         * @return the loss
         * @throws IllegalArgumentException if the curve has no such size
         */
        public double lossAt(double d) {
            for (int i = 0; i < sizes.length; i++) {
                if (sizes[i] == d) {
                    return losses[i];
                }
            }
            throw new IllegalArgumentException(String.format(Locale.ROOT, "model %s has no loss at size %s", model, d));
        }

        /**
         * The non-zero sizes at most {@code budget}, with their losses.
         *
         * @param budget largest fine-tuning size allowed
         * @return {sizes, losses}
         */
        public double[][] withinBudget(double budget) {
            int n = 0;
            for (double d : sizes) {
                if (d > 0 && d <= budget) {
                    n++;
                }
            }
            double[][] out = new double[2][n];
            for (int i = 0, j = 0; i < sizes.length; i++) {
                if (sizes[i] > 0 && sizes[i] <= budget) {
                    out[0][j] = sizes[i];
                    out[1][j++] = losses[i];
                }
            }
            return out;
        }

        /** Equal when every component is, arrays compared by content. */
        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Candidate o)) {
                return false;
            }
            return java.util.Objects.equals(model, o.model) && Double.compare(size, o.size) == 0
                    && java.util.Arrays.equals(sizes, o.sizes) && java.util.Arrays.equals(losses, o.losses);
        }

        /** Consistent with {@link #equals}. */
        @Override
        public int hashCode() {
            int h = 17;
            h = 31 * h + java.util.Objects.hashCode(model);
            h = 31 * h + Double.hashCode(size);
            h = 31 * h + java.util.Arrays.hashCode(sizes);
            h = 31 * h + java.util.Arrays.hashCode(losses);
            return h;
        }
    }

    /**
     * The scores of a method and the selected candidate.
     *
     * @param method   the method
     * @param scores   one score per candidate, in candidate order (predicted loss, or ln size for MODEL_SIZE)
     * @param selected index of the selected candidate
     */
    public record Selection(Method method, double[] scores, int selected) {

        /**
         * Copies.
         *
         * @param method   the method
         * @param scores   scores
         * @param selected selected index
         */
        public Selection {
            scores = scores.clone();
        }

        /**
         * @return a copy of the scores
         */
        @Override
        public double[] scores() {
            return scores.clone();
        }

        /** Equal when every component is, arrays compared by content. */
        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Selection o)) {
                return false;
            }
            return java.util.Objects.equals(method, o.method) && java.util.Arrays.equals(scores, o.scores)
                    && selected == o.selected;
        }

        /** Consistent with {@link #equals}. */
        @Override
        public int hashCode() {
            int h = 17;
            h = 31 * h + java.util.Objects.hashCode(method);
            h = 31 * h + java.util.Arrays.hashCode(scores);
            h = 31 * h + selected;
            return h;
        }
    }

    /**
     * Scores every candidate and selects one.
     *
     * @param method     the method
     * @param candidates the candidates
     * @param budget     the largest fine-tuning size that may be used
     * @param target     the size whose loss is predicted (the full fine-tuning set)
     * @param ats        AtS settings (used by {@link Method#ATS})
     * @param fitSpec    fit settings (used by the fit methods), e.g. {@link FineTuning#linProtocol()}
     * @return the selection; ties go to the earlier candidate
     */
    public static Selection select(Method method, List<Candidate> candidates, double budget, double target,
                                   AcceptThenStop ats, FitSpec fitSpec) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidate models");
        }
        double[] scores = new double[candidates.size()];
        for (int c = 0; c < scores.length; c++) {
            Candidate cand = candidates.get(c);
            double[][] within = cand.withinBudget(budget);
            scores[c] = switch (method) {
                case ATS -> ats.predict(cand.model(), within[0], within[1], target).predictedLoss();
                case ZERO_SHOT -> cand.lossAt(0);
                case SUB_TUNING -> {
                    if (within[0].length == 0) {
                        throw new IllegalArgumentException(String.format(Locale.ROOT,
                                "model %s: no fine-tuning size within the budget %s", cand.model(), budget));
                    }
                    int best = 0;
                    for (int i = 1; i < within[0].length; i++) {
                        if (within[0][i] > within[0][best]) {
                            best = i;
                        }
                    }
                    yield within[1][best];
                }
                case MODEL_SIZE -> Math.log(cand.size());
                case VANILLA_FIT -> fitAndPredict(VanillaFinetuneLaw.INSTANCE, cand, within, target, fitSpec);
                case RECTIFIED_FIT -> fitAndPredict(RectifiedLaw.INSTANCE, cand, withZeroShot(cand, within), target,
                        fitSpec);
            };
        }
        boolean larger = method == Method.MODEL_SIZE;
        int selected = 0;
        for (int c = 1; c < scores.length; c++) {
            if (larger ? scores[c] > scores[selected] : scores[c] < scores[selected]) {
                selected = c;
            }
        }
        return new Selection(method, scores, selected);
    }

    private static double[][] withZeroShot(Candidate cand, double[][] within) {
        for (int i = 0; i < cand.sizes.length; i++) {
            if (cand.sizes[i] == 0) {
                double[][] out = new double[2][within[0].length + 1];
                out[0][0] = 0;
                out[1][0] = cand.losses[i];
                System.arraycopy(within[0], 0, out[0], 1, within[0].length);
                System.arraycopy(within[1], 0, out[1], 1, within[1].length);
                return out;
            }
        }
        return within;
    }

    private static double fitAndPredict(dev.scalinglaws.core.ScalingLaw law, Candidate cand, double[][] within,
                                        double target, FitSpec spec) {
        Dataset curve = Dataset.builder("model " + cand.model()).column("D", within[0]).column("loss", within[1])
                .build();
        FitResult fit = FineTuning.fit(law, curve, spec, law instanceof RectifiedLaw ? FineTuning.ZeroShot.INCLUDE
                : FineTuning.ZeroShot.EXCLUDE);
        return fit.predict(target);
    }

    /**
     * Pearson's correlation coefficient.
     *
     * @param a values
     * @param b values of the same length (&gt;= 2)
     * @return the correlation, NaN if either is constant
     */
    public static double pearson(double[] a, double[] b) {
        if (a.length != b.length || a.length < 2) {
            throw new IllegalArgumentException("Pearson correlation needs two series of one length >= 2");
        }
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /**
     * Relative accuracy of a selection: (worst - trueLoss[selected]) / (worst - best) over the true losses.
     *
     * @param trueLoss true loss of every candidate at the target
     * @param selected index of the selected candidate
     * @return in [0, 1]
     */
    public static double relativeAccuracy(double[] trueLoss, int selected) {
        double best = Double.POSITIVE_INFINITY;
        double worst = Double.NEGATIVE_INFINITY;
        for (double v : trueLoss) {
            best = Math.min(best, v);
            worst = Math.max(worst, v);
        }
        return (worst - trueLoss[selected]) / (worst - best);
    }

    /**
     * The true losses of the candidates at the target size.
     *
     * @param candidates candidates
     * @param target     a size on every curve
     * @return losses in candidate order
     */
    public static double[] trueLosses(List<Candidate> candidates, double target) {
        List<Double> out = new ArrayList<>();
        for (Candidate c : candidates) {
            out.add(c.lossAt(target));
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
