/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.internal;

/**
 * The residual-side quantities of an {@link Objective} that covariances and diagnostics use once the optimiser is
 * done: residuals r_i = f_i - y_i at a natural parameter vector (in the objective's space), log residuals
 * ln f_i - ln y_i, the Jacobian d r_i / d theta_j, and the weighted Gauss-Newton matrix SUM_i w_i J_ia J_ib in
 * optimisation coordinates. They evaluate the law chunk by chunk into the objective's own buffers, so they are
 * confined to the objective's thread as its other methods are. Stateless.
 */
final class ObjectiveResiduals {

    private static final int CHUNK = Objective.CHUNK;

    private ObjectiveResiduals() {
    }

    /** See {@link Objective#residuals(double[])}. */
    static double[] residuals(Objective o, double[] fullTheta) {
        double[] target = o.targets();
        double[] value = o.chunkValues();
        int n = target.length;
        double[] out = new double[n];
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            o.evaluateChunk(fullTheta, from, to, null);
            for (int i = from; i < to; i++) {
                out[i] = value[i - from] - target[i];
            }
        }
        return out;
    }

    /** See {@link Objective#logResiduals(double[])}. */
    static double[] logResiduals(Objective o, double[] fullTheta) {
        double[] target = o.targets();
        double[] value = o.chunkValues();
        boolean log = o.inLogSpace();
        int n = target.length;
        double[] out = new double[n];
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            o.law().evaluateLog(fullTheta, o.covariates(), from, to, value, null);
            for (int i = from; i < to; i++) {
                double lnY = log ? target[i]
                        : (target[i] > 0 ? Math.log(target[i]) : Double.NaN);
                out[i] = value[i - from] - lnY;
            }
        }
        return out;
    }

    /** See {@link Objective#residualJacobian(double[])}. */
    static double[][] residualJacobian(Objective o, double[] fullTheta) {
        double[][] jac = o.chunkJacobian();
        int n = o.rows();
        int p = o.law().parameterCount();
        double[][] out = new double[n][p];
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            o.evaluateChunk(fullTheta, from, to, jac);
            for (int i = from; i < to; i++) {
                for (int q = 0; q < p; q++) {
                    out[i][q] = jac[q][i - from];
                }
            }
        }
        return out;
    }

    /** See {@link Objective#coordinateGramian(double[], double[][])}. */
    static void coordinateGramian(Objective o, double[] fullTheta, double[][] out) {
        double[][] jac = o.chunkJacobian();
        double[] weights = o.weights();
        int[] free = o.freeIndices();
        int n = o.rows();
        int q = free.length;
        double[] factor = new double[q];
        for (int a = 0; a < q; a++) {
            factor[a] = o.isLogScale(a) ? fullTheta[free[a]] : 1;
        }
        double[] row = new double[q];
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            o.evaluateChunk(fullTheta, from, to, jac);
            for (int i = from; i < to; i++) {
                double w = weights[i];
                if (w == 0) {
                    continue;
                }
                int k = i - from;
                for (int a = 0; a < q; a++) {
                    row[a] = jac[free[a]][k] * factor[a];
                }
                for (int a = 0; a < q; a++) {
                    double wa = w * row[a];
                    for (int b = 0; b <= a; b++) {
                        out[a][b] += wa * row[b];
                    }
                }
            }
        }
        for (int a = 0; a < q; a++) {
            for (int b = a + 1; b < q; b++) {
                out[a][b] = out[b][a];
            }
        }
    }
}
