/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.dynamics;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.AllowedSolution;
import org.apache.commons.math3.analysis.solvers.BracketingNthOrderBrentSolver;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import dev.scalinglaws.core.internal.Brackets;

/**
 * Predictions from a fitted pair of Kaplan laws: the loss in model size and minimum steps ({@link KaplanStepsLaw},
 * L(N, S_min) = (Nc/N)^alphaN + (Sc/S_min)^alphaS) and the critical batch size ({@link CriticalBatchLaw},
 * Bcrit(L) = Bstar / L^(1/alphaB)), combined through the step trade-off of {@link StepTradeoff}
 * (Kaplan et al. 2020, arXiv:2001.08361, sections 5.1-5.2; Su et al. 2024, arXiv:2403.06563, section 4):
 *
 * <pre>
 *   S_min(L; N) = Sc / (L - (Nc/N)^alphaN)^(1/alphaS)      steps to loss L at B &gt;&gt; Bcrit
 *   S(L; N, B)  = S_min (1 + Bcrit(L) / B)                  steps to loss L at batch B
 *   L(S; N, B)  = L(N, S_min) where S_min (1 + Bcrit(L(N, S_min)) / B) = S   (monotone in S_min, one root)
 * </pre>
 *
 * <p>The six parameters form one vector {@code theta = (Nc, Sc, alphaN, alphaS, Bstar, alphaB)} (see
 * {@link #PARAMETER_NAMES}); every prediction is a function of it, and {@link #ofTheta} turns any prediction into a
 * {@code ToDoubleFunction<double[]>} so that delta-method, bootstrap or profile intervals can be computed by the
 * uncertainty code without knowing this class.
 *
 * <p>Units: batch sizes and Bstar in tokens, steps in optimiser steps, loss in nats. Immutable and thread-safe.
 */
public final class TrainingDynamics {

    /** Names of the combined parameter vector, in order. */
    public static final List<String> PARAMETER_NAMES = List.of("Nc", "Sc", "alphaN", "alphaS", "Bstar", "alphaB");

    /** At most this many evaluations in a one-dimensional search (a bisection to adjacent doubles needs about 60). */
    private static final int MAX_EVALUATIONS = 400;

    private final double nc;
    private final double sc;
    private final double alphaN;
    private final double alphaS;
    private final double bstar;
    private final double alphaB;

    private TrainingDynamics(double[] theta) {
        if (theta.length != 6) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "training dynamics take 6 parameters %s, got %d", PARAMETER_NAMES, theta.length));
        }
        for (int j = 0; j < 6; j++) {
            boolean ok = Double.isFinite(theta[j]) && (j == 2 || theta[j] > 0);
            if (!ok) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "training dynamics: %s = %s must be finite%s", PARAMETER_NAMES.get(j), theta[j],
                        j == 2 ? "" : " and positive"));
            }
        }
        this.nc = theta[0];
        this.sc = theta[1];
        this.alphaN = theta[2];
        this.alphaS = theta[3];
        this.bstar = theta[4];
        this.alphaB = theta[5];
    }

    /**
     * @param theta {@code (Nc, Sc, alphaN, alphaS, Bstar, alphaB)}
     * @return the model
     */
    public static TrainingDynamics ofTheta(double[] theta) {
        return new TrainingDynamics(theta.clone());
    }

    /**
     * @param lossTheta  parameters of {@link KaplanStepsLaw} {@code (Nc, Sc, alphaN, alphaS)}
     * @param batchTheta parameters of {@link CriticalBatchLaw} {@code (Bstar, alphaB)}
     * @return the model
     */
    public static TrainingDynamics of(double[] lossTheta, double[] batchTheta) {
        if (lossTheta.length != 4 || batchTheta.length != 2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "expected 4 loss and 2 batch parameters, got %d and %d", lossTheta.length, batchTheta.length));
        }
        return new TrainingDynamics(new double[] {lossTheta[0], lossTheta[1], lossTheta[2], lossTheta[3],
                batchTheta[0], batchTheta[1]});
    }

    /**
     * Kaplan et al.'s published constants: alphaN 0.077, alphaS 0.76, Nc 6.5e13, Sc 2.1e3 (eq. 1.6, Table 5) and
     * Bstar 2e8 tokens, alphaB 0.21 (eq. 1.4; Table 5 gives Bstar 2.1e8).
     *
     * @return the model
     */
    public static TrainingDynamics kaplan2020() {
        return new TrainingDynamics(new double[] {6.5e13, 2.1e3, 0.077, 0.76, 2e8, 0.21});
    }

    /**
     * Turns a prediction into a function of the parameter vector, for interval code (delta method, bootstrap,
     * profile likelihood).
     *
     * @param prediction e.g. {@code d -> d.stepsToLoss(1e9, 5e5, 2.5)}
     * @return theta -&gt; prediction(ofTheta(theta))
     */
    public static ToDoubleFunction<double[]> ofTheta(ToDoubleFunction<TrainingDynamics> prediction) {
        return theta -> prediction.applyAsDouble(ofTheta(theta));
    }

    /**
     * @return {@code (Nc, Sc, alphaN, alphaS, Bstar, alphaB)} (new array)
     */
    public double[] theta() {
        return new double[] {nc, sc, alphaN, alphaS, bstar, alphaB};
    }

    /**
     * @return the {@link KaplanStepsLaw} parameters (new array)
     */
    public double[] lossTheta() {
        return new double[] {nc, sc, alphaN, alphaS};
    }

    /**
     * @return the {@link CriticalBatchLaw} parameters (new array)
     */
    public double[] batchTheta() {
        return new double[] {bstar, alphaB};
    }

    /**
     * L(N, S_min) = (Nc/N)^alphaN + (Sc/S_min)^alphaS.
     *
     * @param parameters   N &gt; 0
     * @param minimumSteps S_min &gt; 0
     * @return the loss
     */
    public double loss(double parameters, double minimumSteps) {
        return Math.exp(logLoss(Math.log(parameters), Math.log(minimumSteps)));
    }

    /**
     * The loss of an N-parameter model trained to convergence (S_min to infinity): (Nc/N)^alphaN.
     *
     * @param parameters N &gt; 0
     * @return the asymptotic loss
     */
    public double convergedLoss(double parameters) {
        return Math.exp(alphaN * (Math.log(nc) - Math.log(parameters)));
    }

    /**
     * Bcrit(L) = Bstar / L^(1/alphaB).
     *
     * @param loss L &gt; 0
     * @return critical batch size in tokens
     */
    public double criticalBatch(double loss) {
        return Math.exp(Math.log(bstar) - Math.log(loss) / alphaB);
    }

    /**
     * S_min = Sc / (L - (Nc/N)^alphaN)^(1/alphaS): steps to reach {@code loss} with a batch much larger than
     * critical.
     *
     * @param parameters N
     * @param loss       target L
     * @return S_min, or +infinity if N parameters never reach L (L at or below {@link #convergedLoss})
     */
    public double minimumStepsToLoss(double parameters, double loss) {
        double gap = loss - convergedLoss(parameters);
        if (!(gap > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        return sc * Math.exp(-Math.log(gap) / alphaS);
    }

    /**
     * E_min = S_min Bcrit(L): tokens to reach {@code loss} with a batch much smaller than critical.
     *
     * @param parameters N
     * @param loss       target L
     * @return E_min in tokens, or +infinity if L is never reached
     */
    public double minimumTokensToLoss(double parameters, double loss) {
        return minimumStepsToLoss(parameters, loss) * criticalBatch(loss);
    }

    /**
     * S = S_min (1 + Bcrit(L)/B): steps to reach {@code loss} at batch size B.
     *
     * @param parameters N
     * @param batch      B in tokens
     * @param loss       target L
     * @return steps, or +infinity if L is never reached
     */
    public double stepsToLoss(double parameters, double batch, double loss) {
        return StepTradeoff.steps(minimumStepsToLoss(parameters, loss), batch, criticalBatch(loss));
    }

    /**
     * Tokens B S to reach {@code loss} at batch size B.
     *
     * @param parameters N
     * @param batch      B in tokens
     * @param loss       target L
     * @return tokens, or +infinity if L is never reached
     */
    public double tokensToLoss(double parameters, double batch, double loss) {
        return batch * stepsToLoss(parameters, batch, loss);
    }

    /**
     * Training FLOP 6 N B S to reach {@code loss} at batch size B.
     *
     * @param parameters N
     * @param batch      B in tokens
     * @param loss       target L
     * @return FLOP, or +infinity if L is never reached
     */
    public double computeToLoss(double parameters, double batch, double loss) {
        return StepTradeoff.compute(parameters, batch, stepsToLoss(parameters, batch, loss));
    }

    /**
     * The S_min equivalent to {@code steps} at batch B for an N-parameter model: the root of
     * S_min (1 + Bcrit(L(N, S_min))/B) = S. The left side increases strictly with S_min (L falls, so Bcrit grows),
     * is below S as S_min tends to 0 and above S at S_min = S, so a bracketing root finder on ln S_min finds the one
     * root (Commons Math's {@code BracketingNthOrderBrentSolver} through scaling-core's one bracketing search, down
     * to a bracket of adjacent doubles, whose midpoint is returned).
     *
     * @param parameters N &gt; 0
     * @param batch      B &gt; 0 in tokens
     * @param steps      S &gt; 0
     * @return S_min in (0, S)
     */
    public double minimumSteps(double parameters, double batch, double steps) {
        if (!(parameters > 0) || !(batch > 0) || !(steps > 0) || Double.isInfinite(steps)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "need N > 0, B > 0 and finite S > 0: N = %s, B = %s, S = %s", parameters, batch, steps));
        }
        double lnN = Math.log(parameters);
        double lnB = Math.log(batch);
        double lnS = Math.log(steps);
        double lnBstar = Math.log(bstar);
        double hi = lnS;
        // g(lo) < 0 once S_min (1 + Bcrit/B) < S; Bcrit -> 0 as S_min -> 0, so halving steps quickly gets there.
        double lo = lnS - 1;
        for (int k = 0; k < 2000 && residual(lo, lnN, lnB, lnS, lnBstar) >= 0; k++) {
            lo -= 1;
        }
        // residual < 0 below the root, >= 0 or NaN above it
        double[] bracket = Brackets.signChange(x -> residual(x, lnN, lnB, lnS, lnBstar), lo, hi);
        return Math.exp(0.5 * (bracket[0] + bracket[1]));
    }

    /**
     * The loss after {@code steps} steps at batch B: L(N, S_min) with S_min from {@link #minimumSteps}.
     *
     * @param parameters N
     * @param batch      B in tokens
     * @param steps      S
     * @return the predicted loss
     */
    public double lossAtStep(double parameters, double batch, double steps) {
        return loss(parameters, minimumSteps(parameters, batch, steps));
    }

    /**
     * The predicted loss trajectory of a new run.
     *
     * @param parameters N
     * @param batch      B in tokens
     * @param steps      the steps at which to predict (each &gt; 0)
     * @return the trajectory
     */
    public Trajectory trajectory(double parameters, double batch, double[] steps) {
        int n = steps.length;
        double[] smin = new double[n];
        double[] loss = new double[n];
        double[] bcrit = new double[n];
        for (int i = 0; i < n; i++) {
            smin[i] = minimumSteps(parameters, batch, steps[i]);
            loss[i] = loss(parameters, smin[i]);
            bcrit[i] = criticalBatch(loss[i]);
        }
        return new Trajectory(parameters, batch, steps, smin, loss, bcrit);
    }

    /**
     * The compute-efficient allocation implied by these laws (Kaplan et al. 2020, section 6.1 and appendix B.2):
     * the N that minimises L(N, S_min) subject to C_min = 6 N E_min = 6 N S_min Bcrit(L), trained at B = Bcrit.
     * For each N the constraint fixes S_min (S_min Bcrit(L(N, S_min)) increases in S_min: a bracketing root finder,
     * Commons Math's {@code BracketingNthOrderBrentSolver}); the loss is then minimised over ln N by Brent's method
     * (Commons Math's {@code BrentOptimizer}, tolerance 1e-13 (1 + |ln N|)) on [ln 1e3, ln 1e16] parameters.
     *
     * @param minimumComputeFlop C_min in FLOP
     * @return N, B = Bcrit, S_min and the tokens D = 2 E_min processed at B = Bcrit (as in Kaplan's Table 6, where
     *         D is one epoch at B = Bcrit), with C_min in PF-days
     */
    public ComputeEfficientFrontier.Allocation computeEfficient(double minimumComputeFlop) {
        if (!(minimumComputeFlop > 0) || Double.isInfinite(minimumComputeFlop)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "C_min must be positive and finite (FLOP): %s", minimumComputeFlop));
        }
        double lnC = Math.log(minimumComputeFlop);
        double lo = Math.log(1e3);
        double hi = Math.log(1e16);
        double lnN = new BrentOptimizer(1e-13, 1e-13).optimize(new MaxEval(MAX_EVALUATIONS), GoalType.MINIMIZE,
                new SearchInterval(lo, hi), new UnivariateObjectiveFunction(u -> lossAtFixedCompute(u, lnC)))
                .getPoint();
        double lnSmin = minimumStepsAtFixedCompute(lnN, lnC);
        double loss = Math.exp(logLoss(lnN, lnSmin));
        double bcrit = criticalBatch(loss);
        double smin = Math.exp(lnSmin);
        return new ComputeEfficientFrontier.Allocation(StepTradeoff.toPfDays(minimumComputeFlop), Math.exp(lnN), bcrit,
                smin, 2 * smin * bcrit);
    }

    /**
     * How far a planned run (N, B, S) is from the compute-efficient allocation these laws imply at the run's own
     * C_min = 6 N B S / (1 + B / Bcrit(L)), with the predicted loss of both.
     *
     * @param parameters N
     * @param batch      B in tokens
     * @param steps      S
     * @return the comparison ({@code planned.minimumSteps()} is the run's S_min)
     */
    public ComputeEfficientFrontier.Gap frontierGap(double parameters, double batch, double steps) {
        double smin = minimumSteps(parameters, batch, steps);
        double loss = loss(parameters, smin);
        double cmin = StepTradeoff.minimumCompute(StepTradeoff.compute(parameters, batch, steps), batch,
                criticalBatch(loss));
        ComputeEfficientFrontier.Allocation optimal = computeEfficient(cmin);
        return new ComputeEfficientFrontier.Gap(new ComputeEfficientFrontier.Allocation(StepTradeoff.toPfDays(cmin),
                parameters, batch, smin, batch * steps), optimal, loss, loss(optimal.parameters(),
                optimal.minimumSteps()));
    }

    private double lossAtFixedCompute(double lnN, double lnC) {
        return logLoss(lnN, minimumStepsAtFixedCompute(lnN, lnC));
    }

    /** ln S_min solving ln S_min + ln Bcrit(L(N, S_min)) = ln(C_min / 6N); the left side increases in S_min. */
    private double minimumStepsAtFixedCompute(double lnN, double lnC) {
        double lnEmin = lnC - Math.log(6) - lnN;
        double lnBstar = Math.log(bstar);
        double lo = -50;
        double hi = lnEmin - lnBstar + 50;
        UnivariateFunction g = x -> x + lnBstar - logLoss(lnN, x) / alphaB - lnEmin;
        // no sign change: the end a bisection on the sign of g would have converged to
        if (g.value(lo) >= 0) {
            return lo;
        }
        if (g.value(hi) < 0) {
            return hi;
        }
        return new BracketingNthOrderBrentSolver(1e-13, 1e-13, 0, 5).solve(MAX_EVALUATIONS, g, lo, hi,
                AllowedSolution.ANY_SIDE);
    }

    private double logLoss(double lnN, double lnSmin) {
        double u1 = alphaN * (Math.log(nc) - lnN);
        double u2 = alphaS * (Math.log(sc) - lnSmin);
        double m = Math.max(u1, u2);
        return m + Math.log(Math.exp(u1 - m) + Math.exp(u2 - m));
    }

    /** ln S_min + ln(1 + Bcrit(L(N, S_min))/B) - ln S, increasing in ln S_min. */
    private double residual(double lnSmin, double lnN, double lnB, double lnS, double lnBstar) {
        double lnBcrit = lnBstar - logLoss(lnN, lnSmin) / alphaB;
        double r = lnBcrit - lnB;
        double log1p = r > 30 ? r + Math.log1p(Math.exp(-r)) : Math.log1p(Math.exp(r));
        return lnSmin + log1p - lnS;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "TrainingDynamics[Nc=%.4g, Sc=%.4g, alphaN=%.4g, alphaS=%.4g, Bstar=%.4g, alphaB=%.4g]",
                nc, sc, alphaN, alphaS, bstar, alphaB);
    }
}
