/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.LinearStructure;
import dev.scalinglaws.core.Parameter;
import dev.scalinglaws.core.ScalingLaw;

/**
 * The reduced search of variable projection (Golub and Pereyra 1973; Golub and Pereyra 2003, "Separable nonlinear
 * least squares: the variable projection method and its applications", Inverse Problems 19): for a law
 * f = SUM_k c_k phi_k(x; theta_nl) ({@link LinearStructure}), a cell-centred grid over the free nonlinear parameters
 * only; at each grid point the free linear coefficients solve the weighted linear least-squares problem
 *
 * <pre>
 *   min_c SUM_i omega_i (SUM_k c_k phi_ik - y_i)^2,  c_k &gt;= 0 for positive parameters (Lawson-Hanson NNLS),
 *   omega_i = w_i / y_i^2 for log residuals (ln f - ln y ~ (f - y) / y), omega_i = w_i for linear residuals,
 * </pre>
 *
 * and the point is scored by the full objective (robust loss, residual space) at (theta_nl, c). The best few points
 * become the starts of a full local optimisation.
 *
 * <p>Stateless; {@link #starts} allocates its workspaces once per call and is thread-safe.
 */
public final class VariableProjection {

    private VariableProjection() {
    }

    /**
     * Ranked starting coordinates from the reduced grid search.
     *
     * @param objective  the full objective (its buffers are used)
     * @param structure  the law's linear structure
     * @param baseTheta  full parameter vector with the pinned values
     * @param free       free parameter indices (u order)
     * @param lower      natural lower bounds per parameter
     * @param upper      natural upper bounds per parameter
     * @param count      number of starts to return (the best grid points)
     * @param gridPoints total grid points to aim for
     * @return at most {@code count} coordinate vectors, best first (lowest objective, earliest grid index on ties)
     */
    public static List<double[]> starts(Objective objective, LinearStructure structure, double[] baseTheta,
                                        int[] free, double[] lower, double[] upper, int count, int gridPoints) {
        return starts(objective, structure, baseTheta, free, lower, upper, count, gridPoints,
                objective.law()::startRange);
    }

    /**
     * As {@link #starts(Objective, LinearStructure, double[], int[], double[], double[], int, int)}, with the grid
     * spanning other start ranges.
     *
     * @param startRange parameter index to its start range {@code {lower, upper}}
     */
    public static List<double[]> starts(Objective objective, LinearStructure structure, double[] baseTheta,
                                        int[] free, double[] lower, double[] upper, int count, int gridPoints,
                                        java.util.function.IntFunction<double[]> startRange) {
        ScalingLaw law = objective.law();
        List<Parameter> params = law.parameters();
        int p = law.parameterCount();
        int[] linear = structure.linearParameters();
        boolean[] isLinear = new boolean[p];
        for (int j : linear) {
            if (!params.get(j).linear()) {
                throw new IllegalStateException("law " + law.name() + ": parameter " + params.get(j).name()
                        + " is listed as linear but Parameter.linear() is false");
            }
            isLinear[j] = true;
        }
        boolean[] isFree = new boolean[p];
        for (int j : free) {
            isFree[j] = true;
        }
        int[] nonlinear = Arrays.stream(free).filter(j -> !isLinear[j]).toArray();
        int[] freeLinear = Arrays.stream(linear).filter(j -> isFree[j]).toArray();
        int[] pinnedLinear = Arrays.stream(linear).filter(j -> !isFree[j]).toArray();
        int kFree = freeLinear.length;

        Columns x = objective.covariates();
        double[] t = objective.targets();
        double[] w = objective.weights();
        boolean log = objective.inLogSpace();
        int n = objective.rows();
        double[] y = new double[n];
        double[] sqrtOmega = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = log ? Math.exp(t[i]) : t[i];
            double omega = log ? w[i] / (y[i] * y[i]) : w[i];
            sqrtOmega[i] = Math.sqrt(omega);
        }
        int used = 0;
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            if (w[i] > 0) {
                rows[used++] = i;
            }
        }
        double[][] basis = new double[linear.length][n];
        double[][] design = new double[kFree][used];
        double[] rhs = new double[used];
        double[] coef = new double[kFree];
        boolean[] nonNegative = new boolean[kFree];
        double[] floor = new double[kFree];
        for (int q = 0; q < kFree; q++) {
            Parameter par = params.get(freeLinear[q]);
            nonNegative[q] = par.positive() || lower[freeLinear[q]] >= 0;
        }
        Nnls nnls = new Nnls(Math.max(used, 1), Math.max(kFree, 1));

        // the grid: cell centres of each nonlinear parameter's start range within its bounds
        int d = nonlinear.length;
        int perDim = d == 0 ? 1 : Math.max(2, (int) Math.floor(Math.pow(gridPoints, 1.0 / d) + 1e-9));
        double[][] axis = new double[d][perDim];
        for (int q = 0; q < d; q++) {
            int j = nonlinear[q];
            double[] r = startRange.apply(j);
            double lo = Math.max(r[0], lower[j]);
            double hi = Math.min(r[1], upper[j]);
            boolean positive = params.get(j).positive();
            for (int g = 0; g < perDim; g++) {
                double f = (g + 0.5) / perDim;
                axis[q][g] = positive ? Math.exp(Math.log(Math.max(lo, Double.MIN_NORMAL)) + f
                        * (Math.log(hi) - Math.log(Math.max(lo, Double.MIN_NORMAL)))) : lo + f * (hi - lo);
            }
        }
        int total = 1;
        for (int q = 0; q < d; q++) {
            total *= perDim;
        }
        double[] score = new double[total];
        double[][] coords = new double[total][];
        double[] theta = baseTheta.clone();
        for (int g = 0; g < total; g++) {
            int rest = g;
            for (int q = d - 1; q >= 0; q--) {
                theta[nonlinear[q]] = axis[q][rest % perDim];
                rest /= perDim;
            }
            structure.basis(theta, x, 0, n, basis);
            for (int s = 0; s < used; s++) {
                int i = rows[s];
                double target = y[i];
                for (int j2 : pinnedLinear) {
                    target -= theta[j2] * basis[indexOf(linear, j2)][i];
                }
                rhs[s] = sqrtOmega[i] * target;
                for (int q = 0; q < kFree; q++) {
                    design[q][s] = sqrtOmega[i] * basis[indexOf(linear, freeLinear[q])][i];
                }
            }
            score[g] = Double.POSITIVE_INFINITY;
            if (!nnls.solve(design, rhs, used, kFree, nonNegative, coef)) {
                continue;
            }
            double rhsNorm = 0;
            for (int s = 0; s < used; s++) {
                rhsNorm += rhs[s] * rhs[s];
            }
            rhsNorm = Math.sqrt(rhsNorm);
            boolean ok = true;
            for (int q = 0; q < kFree; q++) {
                int j = freeLinear[q];
                double c = coef[q];
                if (params.get(j).positive()) {
                    double colNorm = 0;
                    for (int s = 0; s < used; s++) {
                        colNorm += design[q][s] * design[q][s];
                    }
                    floor[q] = colNorm > 0 ? 1e-10 * rhsNorm / Math.sqrt(colNorm) : Double.MIN_NORMAL;
                    c = Math.max(c, Math.max(floor[q], Double.MIN_NORMAL));
                }
                c = Math.min(upper[j], Math.max(lower[j] > 0 ? lower[j] : c, c));
                if (!Double.isFinite(c)) {
                    ok = false;
                }
                theta[j] = c;
            }
            if (!ok) {
                continue;
            }
            double[] u = objective.toCoordinates(theta, 0);
            double v = objective.value(u);
            if (Double.isFinite(v)) {
                score[g] = v;
                coords[g] = u;
            }
        }
        Integer[] order = new Integer[total];
        for (int g = 0; g < total; g++) {
            order[g] = g;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(score[a], score[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        List<double[]> out = new ArrayList<>();
        for (int g = 0; g < total && out.size() < count; g++) {
            if (coords[order[g]] != null) {
                out.add(coords[order[g]]);
            }
        }
        return out;
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
