/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.dynamics;

/**
 * A predicted loss trajectory of one run: per step, the equivalent minimum steps, the loss, the critical batch
 * size at that loss, and the tokens processed. Immutable: arrays are copied in and out.
 *
 * @param parameters    N, non-embedding parameters
 * @param batch         B, tokens per step
 * @param steps         S, steps taken
 * @param minimumSteps  S_min solving S_min = S / (1 + Bcrit(L(N, S_min)) / B)
 * @param loss          L(N, S_min)
 * @param criticalBatch Bcrit(L)
 */
public record Trajectory(double parameters, double batch, double[] steps, double[] minimumSteps, double[] loss,
                         double[] criticalBatch) {

    /**
     * Copies the arrays and checks their lengths.
     *
     * @param parameters    N
     * @param batch         B in tokens
     * @param steps         S
     * @param minimumSteps  S_min
     * @param loss          L
     * @param criticalBatch Bcrit(L)
     */
    public Trajectory {
        steps = steps.clone();
        minimumSteps = minimumSteps.clone();
        loss = loss.clone();
        criticalBatch = criticalBatch.clone();
        int n = steps.length;
        if (minimumSteps.length != n || loss.length != n || criticalBatch.length != n) {
            throw new IllegalArgumentException("trajectory columns differ in length");
        }
    }

    /**
     * @return S (copy)
     */
    @Override
    public double[] steps() {
        return steps.clone();
    }

    /**
     * @return S_min (copy)
     */
    @Override
    public double[] minimumSteps() {
        return minimumSteps.clone();
    }

    /**
     * @return L (copy)
     */
    @Override
    public double[] loss() {
        return loss.clone();
    }

    /**
     * @return Bcrit (copy)
     */
    @Override
    public double[] criticalBatch() {
        return criticalBatch.clone();
    }

    /**
     * @return number of points
     */
    public int size() {
        return steps.length;
    }

    /**
     * @return tokens processed at each step, B S (new array)
     */
    public double[] tokens() {
        double[] t = new double[steps.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = batch * steps[i];
        }
        return t;
    }

    /** Equal when every component is, arrays compared by content. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Trajectory o)) {
            return false;
        }
        return Double.compare(parameters, o.parameters) == 0 && Double.compare(batch, o.batch) == 0
                && java.util.Arrays.equals(steps, o.steps) && java.util.Arrays.equals(minimumSteps, o.minimumSteps)
                && java.util.Arrays.equals(loss, o.loss) && java.util.Arrays.equals(criticalBatch, o.criticalBatch);
    }

    /** Consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        int h = 17;
        h = 31 * h + Double.hashCode(parameters);
        h = 31 * h + Double.hashCode(batch);
        h = 31 * h + java.util.Arrays.hashCode(steps);
        h = 31 * h + java.util.Arrays.hashCode(minimumSteps);
        h = 31 * h + java.util.Arrays.hashCode(loss);
        h = 31 * h + java.util.Arrays.hashCode(criticalBatch);
        return h;
    }
}
