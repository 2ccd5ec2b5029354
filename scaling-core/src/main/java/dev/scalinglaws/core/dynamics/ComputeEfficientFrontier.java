/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.dynamics;

import java.util.Locale;

/**
 * The compute-efficient frontier of Kaplan et al. 2020 (arXiv:2001.08361, Table 6, eqs. 1.7-1.8 and 6.x): with
 * C_min in PF-days ({@link StepTradeoff#FLOP_PER_PF_DAY} FLOP),
 *
 * <pre>
 *   N_opt = Ne C_min^pN,   B = Be C_min^pB (about Bcrit),   S_min = Se C_min^pS,   D_opt = De C_min^pD
 * </pre>
 *
 * published as Ne 1.3e9 parameters, pN 0.73; Be 2.0e6 tokens, pB 0.24; Se 5.4e3 steps, pS 0.03; De 2e10 tokens,
 * pD 0.27 ({@link #kaplan2020()}). Immutable and thread-safe.
 *
 * @param parametersScale Ne
 * @param parametersPower pN
 * @param batchScale      Be (tokens)
 * @param batchPower      pB
 * @param stepsScale      Se (minimum steps)
 * @param stepsPower      pS
 * @param tokensScale     De (tokens)
 * @param tokensPower     pD
 */
public record ComputeEfficientFrontier(double parametersScale, double parametersPower, double batchScale,
                                       double batchPower, double stepsScale, double stepsPower, double tokensScale,
                                       double tokensPower) {

    /**
     * Checks that scales are positive and powers finite.
     *
     * @param parametersScale Ne
     * @param parametersPower pN
     * @param batchScale      Be (tokens)
     * @param batchPower      pB
     * @param stepsScale      Se (minimum steps)
     * @param stepsPower      pS
     * @param tokensScale     De (tokens)
     * @param tokensPower     pD
     */
    public ComputeEfficientFrontier {
        double[] scales = {parametersScale, batchScale, stepsScale, tokensScale};
        double[] powers = {parametersPower, batchPower, stepsPower, tokensPower};
        for (int j = 0; j < 4; j++) {
            if (!(scales[j] > 0) || Double.isInfinite(scales[j]) || !Double.isFinite(powers[j])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "frontier scales must be positive and powers finite: scale %s, power %s", scales[j],
                        powers[j]));
            }
        }
    }

    /**
     * @return Kaplan et al.'s Table 6
     */
    public static ComputeEfficientFrontier kaplan2020() {
        return new ComputeEfficientFrontier(1.3e9, 0.73, 2.0e6, 0.24, 5.4e3, 0.03, 2e10, 0.27);
    }

    /**
     * The compute-efficient allocation at a compute budget.
     *
     * @param minimumComputePfDays C_min in PF-days, &gt; 0
     * @return N_opt, B, S_min and D_opt
     */
    public Allocation at(double minimumComputePfDays) {
        if (!(minimumComputePfDays > 0) || Double.isInfinite(minimumComputePfDays)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "C_min must be positive and finite (PF-days): %s", minimumComputePfDays));
        }
        double c = minimumComputePfDays;
        return new Allocation(c, parametersScale * Math.pow(c, parametersPower), batchScale * Math.pow(c, batchPower),
                stepsScale * Math.pow(c, stepsPower), tokensScale * Math.pow(c, tokensPower));
    }

    /**
     * How far a planned run (N, B, S) is from the frontier, taking its compute as C_min = 6 N B S (no batch-size
     * correction; use {@link #gap(double, double, double, TrainingDynamics)} to correct with a fitted critical
     * batch size).
     *
     * @param parameters N
     * @param batch      B in tokens
     * @param steps      S
     * @return the comparison
     */
    public Gap gap(double parameters, double batch, double steps) {
        double c = StepTradeoff.toPfDays(StepTradeoff.compute(parameters, batch, steps));
        return new Gap(new Allocation(c, parameters, batch, steps, batch * steps), at(c), Double.NaN, Double.NaN);
    }

    /**
     * How far a planned run (N, B, S) is from the frontier, with C_min = C / (1 + B / Bcrit(L)) at the loss L the
     * dynamics predict for the run, and the run's S replaced by its S_min. Also reports the predicted loss of the
     * run and of the frontier allocation at the same C_min (L(N_opt, S_min,opt)).
     *
     * @param parameters N
     * @param batch      B in tokens
     * @param steps      S
     * @param dynamics   fitted loss and critical-batch laws
     * @return the comparison
     */
    public Gap gap(double parameters, double batch, double steps, TrainingDynamics dynamics) {
        double smin = dynamics.minimumSteps(parameters, batch, steps);
        double loss = dynamics.loss(parameters, smin);
        double bcrit = dynamics.criticalBatch(loss);
        double c = StepTradeoff.toPfDays(StepTradeoff.minimumCompute(StepTradeoff.compute(parameters, batch, steps),
                batch, bcrit));
        Allocation optimal = at(c);
        double frontierLoss = dynamics.loss(optimal.parameters(), optimal.minimumSteps());
        return new Gap(new Allocation(c, parameters, batch, smin, batch * steps), optimal, loss, frontierLoss);
    }

    /**
     * An allocation of compute.
     *
     * @param minimumComputePfDays C_min in PF-days
     * @param parameters           N
     * @param batch                B in tokens
     * @param minimumSteps         S_min (for a planned run without dynamics: its steps S)
     * @param tokens               D, tokens processed (on the frontier, at B = Bcrit, D = 2 E_min)
     */
    public record Allocation(double minimumComputePfDays, double parameters, double batch, double minimumSteps,
                             double tokens) {
    }

    /**
     * A planned run against the frontier at the same C_min.
     *
     * @param planned      the run
     * @param optimal      the frontier allocation
     * @param plannedLoss  predicted loss of the run (NaN without dynamics)
     * @param frontierLoss predicted loss of the frontier allocation (NaN without dynamics)
     */
    public record Gap(Allocation planned, Allocation optimal, double plannedLoss, double frontierLoss) {

        /**
         * @return N / N_opt: above 1, the model is larger than compute-efficient
         */
        public double parametersRatio() {
            return planned.parameters() / optimal.parameters();
        }

        /**
         * @return B / B_opt
         */
        public double batchRatio() {
            return planned.batch() / optimal.batch();
        }

        /**
         * @return S_min / S_min,opt
         */
        public double stepsRatio() {
            return planned.minimumSteps() / optimal.minimumSteps();
        }

        /**
         * @return D / D_opt
         */
        public double tokensRatio() {
            return planned.tokens() / optimal.tokens();
        }

        /**
         * @return |log10(N / N_opt)|: the distance from the frontier in decades of model size
         */
        public double decadesOffFrontier() {
            return Math.abs(Math.log10(parametersRatio()));
        }
    }
}
