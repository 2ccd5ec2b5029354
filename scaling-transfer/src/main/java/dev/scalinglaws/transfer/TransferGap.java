/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer;

import org.apache.commons.math3.analysis.solvers.AllowedSolution;
import org.apache.commons.math3.analysis.solvers.BracketingNthOrderBrentSolver;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Decisions from a fitted {@link TransferGapLaw} L(p, f) = (A p^-alpha + G) f^-beta + E: the transfer gap itself,
 * the loss-minimising split of a data budget, the data-scarcity floor and the marginal value of data.
 *
 * <p><b>Optimal split.</b> Minimising L subject to c_p p + c_f f = budget, the Lagrange condition
 * (dL/dp) / c_p = (dL/df) / c_f gives
 *
 * <pre>
 *   f = (beta c_p) / (alpha c_f) * (p + (G/A) p^(1+alpha)),
 * </pre>
 *
 * and substituting into the budget gives c_p p + c_f f(p) = budget, whose left side increases strictly from 0 to
 * infinity in p: one root, found on ln p by a bracketing root finder (Commons Math's
 * {@code BracketingNthOrderBrentSolver}) and polished by Newton steps in p. With G = 0 the optimal ratio f/p is
 * the constant beta c_p / (alpha c_f); G &gt; 0 moves budget to fine-tuning data.
 *
 * <p>Functions of theta such as {@link #GAP} are plain {@code ToDoubleFunction<double[]>} so that they can be handed
 * to the delta method, the bootstrap or a profile likelihood for an interval when the uncertainty package lands.
 *
 * <p>Stateless and thread-safe.
 */
public final class TransferGap {

    private TransferGap() {
    }

    /** The transfer gap G as a function of theta (for intervals on derived quantities). */
    public static final ToDoubleFunction<double[]> GAP = theta -> theta[TransferGapLaw.G];

    /**
     * An optimal split of a data budget.
     *
     * @param pretrain  pre-training data p
     * @param finetune  fine-tuning data f
     * @param loss      L(p, f)
     * @param budget    the budget c_p p + c_f f
     * @param kktResidual the relative violation of the Lagrange condition at the solution,
     *                    |c_f dL/dp - c_p dL/df| / max(|c_f dL/dp|, |c_p dL/df|)
     */
    public record Allocation(double pretrain, double finetune, double loss, double budget, double kktResidual) {

        /**
         * @return fine-tuning data per unit of pre-training data, f / p
         */
        public double finetunePerPretrain() {
            return finetune / pretrain;
        }
    }

    /**
     * Marginal value of data at a point.
     *
     * @param lossPerPretrain  dL/dp (negative: more data lowers the loss)
     * @param lossPerFinetune  dL/df
     * @param gainPerPretrainCost  -dL/dp / c_p: loss reduction per unit cost spent on pre-training data
     * @param gainPerFinetuneCost  -dL/df / c_f: loss reduction per unit cost spent on fine-tuning data
     */
    public record MarginalValue(double lossPerPretrain, double lossPerFinetune, double gainPerPretrainCost,
                                double gainPerFinetuneCost) {

        /**
         * @return the value of one more unit of cost spent on fine-tuning relative to pre-training (&gt; 1: buy
         *         fine-tuning data)
         */
        public double finetuneOverPretrain() {
            return gainPerFinetuneCost / gainPerPretrainCost;
        }
    }

    /**
     * The optimal share of a budget spent on fine-tuning data, c_f f / budget, as a function of theta (for intervals).
     *
     * @param budget       total budget, &gt; 0
     * @param costPretrain c_p &gt; 0
     * @param costFinetune c_f &gt; 0
     * @return theta to the fine-tuning share of the optimal allocation
     */
    public static ToDoubleFunction<double[]> optimalFinetuneShare(double budget, double costPretrain,
                                                                  double costFinetune) {
        positive("budget", budget);
        positive("pre-training cost c_p", costPretrain);
        positive("fine-tuning cost c_f", costFinetune);
        return theta -> costFinetune * optimalAllocation(theta, budget, costPretrain, costFinetune).finetune() / budget;
    }

    /**
     * The data-scarcity floor at a fixed f as a function of theta (for intervals).
     *
     * @param finetune fine-tuning data f, &gt; 0
     * @return theta to G f^-beta + E
     */
    public static ToDoubleFunction<double[]> dataScarcityFloorAt(double finetune) {
        positive("fine-tuning data f", finetune);
        return theta -> dataScarcityFloor(theta, finetune);
    }

    /**
     * The transfer gap G.
     *
     * @param theta parameters of {@link TransferGapLaw}
     * @return G
     */
    public static double gap(double[] theta) {
        return GAP.applyAsDouble(theta);
    }

    /**
     * The data-scarcity floor: the best loss with f fixed and unlimited pre-training, lim_{p to infinity} L = G f^-beta + E.
     *
     * @param theta    parameters of {@link TransferGapLaw}
     * @param finetune fine-tuning data f, &gt; 0
     * @return G f^-beta + E
     */
    public static double dataScarcityFloor(double[] theta, double finetune) {
        positive("fine-tuning data f", finetune);
        return theta[TransferGapLaw.G] * Math.pow(finetune, -theta[TransferGapLaw.BETA]) + theta[TransferGapLaw.E];
    }

    /**
     * L(p, f).
     *
     * @param theta    parameters
     * @param pretrain p &gt; 0
     * @param finetune f &gt; 0
     * @return the loss
     */
    public static double loss(double[] theta, double pretrain, double finetune) {
        positive("pre-training data p", pretrain);
        positive("fine-tuning data f", finetune);
        return TransferGapLaw.INSTANCE.value(theta, pretrain, finetune);
    }

    /**
     * The marginal value of pre-training and fine-tuning data at (p, f): the partial derivatives of L and the loss
     * reduction per unit cost.
     *
     * @param theta        parameters
     * @param pretrain     p &gt; 0
     * @param finetune     f &gt; 0
     * @param costPretrain c_p &gt; 0, cost of one unit of pre-training data
     * @param costFinetune c_f &gt; 0, cost of one unit of fine-tuning data
     * @return the marginal values
     */
    public static MarginalValue marginalValue(double[] theta, double pretrain, double finetune, double costPretrain,
                                              double costFinetune) {
        positive("pre-training data p", pretrain);
        positive("fine-tuning data f", finetune);
        positive("pre-training cost c_p", costPretrain);
        positive("fine-tuning cost c_f", costFinetune);
        double[] d = partials(theta, pretrain, finetune);
        return new MarginalValue(d[0], d[1], -d[0] / costPretrain, -d[1] / costFinetune);
    }

    /**
     * The split of {@code budget} = c_p p + c_f f that minimises L(p, f).
     *
     * @param theta        parameters of {@link TransferGapLaw} (alpha, beta &gt; 0)
     * @param budget       total budget, &gt; 0
     * @param costPretrain c_p &gt; 0
     * @param costFinetune c_f &gt; 0
     * @return the allocation, with its Lagrange-condition residual
     */
    public static Allocation optimalAllocation(double[] theta, double budget, double costPretrain,
                                               double costFinetune) {
        positive("budget", budget);
        positive("pre-training cost c_p", costPretrain);
        positive("fine-tuning cost c_f", costFinetune);
        double a = theta[TransferGapLaw.A];
        double g = theta[TransferGapLaw.G];
        double alpha = theta[TransferGapLaw.ALPHA];
        double beta = theta[TransferGapLaw.BETA];
        if (!(alpha > 0) || !(beta > 0) || !(a > 0) || !(g >= 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "optimal allocation needs A > 0, G >= 0, alpha > 0 and beta > 0; got A=%s, G=%s, alpha=%s, "
                            + "beta=%s", a, g, alpha, beta));
        }
        double ratio = beta * costPretrain / (alpha * costFinetune);
        double gOverA = g / a;
        // h(ln p) = ln(c_p p + c_f f(p)) - ln budget is increasing; bracket ln p in (ln p_lo, ln(budget / c_p)]
        double hiLog = Math.log(budget / costPretrain);
        double loLog = hiLog - 50;
        while (spend(Math.exp(loLog), costPretrain, costFinetune, ratio, gOverA, alpha) > budget) {
            loLog -= 50;
        }
        double lnP = new BracketingNthOrderBrentSolver(1e-15, 1e-15, 0, 5).solve(500,
                x -> spend(Math.exp(x), costPretrain, costFinetune, ratio, gOverA, alpha) - budget, loLog, hiLog,
                AllowedSolution.ANY_SIDE);
        double p = Math.exp(lnP);
        // three Newton steps in p itself with the analytic slope: the root in ln p is accurate to the last bits of
        // ln p, which rounding through exp leaves a few ulps of p short of the root of c_p p + c_f f(p) = budget
        for (int it = 0; it < 3; it++) {
            double value = spend(p, costPretrain, costFinetune, ratio, gOverA, alpha) - budget;
            double slope = costPretrain + costFinetune * ratio * (1 + gOverA * (1 + alpha) * Math.pow(p, alpha));
            double next = p - value / slope;
            if (next > 0) {
                p = next;
            }
        }
        double f = (budget - costPretrain * p) / costFinetune;
        if (!(f > 0)) {
            f = ratio * (p + gOverA * Math.pow(p, 1 + alpha));
        }
        double[] d = partials(theta, p, f);
        double lhs = costFinetune * d[0];
        double rhs = costPretrain * d[1];
        double kkt = Math.abs(lhs - rhs) / Math.max(Math.abs(lhs), Math.abs(rhs));
        return new Allocation(p, f, TransferGapLaw.INSTANCE.value(theta, p, f), costPretrain * p + costFinetune * f,
                kkt);
    }

    private static double spend(double p, double cp, double cf, double ratio, double gOverA, double alpha) {
        return cp * p + cf * ratio * (p + gOverA * Math.pow(p, 1 + alpha));
    }

    /** {dL/dp, dL/df}. */
    private static double[] partials(double[] theta, double p, double f) {
        double a = theta[TransferGapLaw.A];
        double g = theta[TransferGapLaw.G];
        double alpha = theta[TransferGapLaw.ALPHA];
        double beta = theta[TransferGapLaw.BETA];
        double fPow = Math.pow(f, -beta);
        double pPow = Math.pow(p, -alpha);
        double dp = -alpha * a * pPow / p * fPow;
        double df = -beta * (a * pPow + g) * fPow / f;
        return new double[] {dp, df};
    }

    private static void positive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be positive and finite: %s",
                    what, v));
        }
    }
}
