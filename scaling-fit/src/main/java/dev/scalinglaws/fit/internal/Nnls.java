/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.internal;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Linear least squares min ||A c - b||_2 with a sign constraint c_k &gt;= 0 on chosen coefficients: the active-set
 * method of Lawson and Hanson (1974, <i>Solving Least Squares Problems</i>, ch. 23, algorithm NNLS), extended to
 * leave unconstrained coefficients always in the passive set. Columns are scaled to unit norm before solving, and the
 * passive-set subproblems are solved by Householder QR (EJML; every {@code setA} is checked: a rank-deficient
 * subproblem drops the newest column).
 *
 * <p>Holds workspaces for problems of up to {@code maxRows} x {@code maxCols}: NOT thread-safe, one per thread.
 */
public final class Nnls {

    private final int maxRows;
    private final int maxCols;
    private final DMatrixRMaj sub;
    private final DMatrixRMaj rhs;
    private final DMatrixRMaj sol;
    private final double[] colScale;
    private final double[] z;
    private final double[] grad;
    private final boolean[] passive;
    private final int[] index;
    private final double[] residual;
    private final List<LinearSolverDense<DMatrixRMaj>> solvers;

    /**
     * @param maxRows largest number of rows
     * @param maxCols largest number of coefficients
     */
    public Nnls(int maxRows, int maxCols) {
        this.maxRows = maxRows;
        this.maxCols = maxCols;
        this.sub = new DMatrixRMaj(maxRows, maxCols);
        this.rhs = new DMatrixRMaj(maxRows, 1);
        this.sol = new DMatrixRMaj(maxCols, 1);
        this.colScale = new double[maxCols];
        this.z = new double[maxCols];
        this.grad = new double[maxCols];
        this.passive = new boolean[maxCols];
        this.index = new int[maxCols];
        this.residual = new double[maxRows];
        this.solvers = new ArrayList<>();
        for (int p = 0; p <= maxCols; p++) {
            solvers.add(null);
        }
    }

    /**
     * Solves the problem; {@code a} is column-major ({@code a[k][i]}, k &lt; cols, i &lt; rows).
     *
     * @param a           columns of A (not modified)
     * @param b           right-hand side (not modified)
     * @param rows        number of rows used
     * @param cols        number of coefficients
     * @param nonNegative which coefficients must be &gt;= 0
     * @param c           output coefficients
     * @return whether a solution was found (false if A has no usable column or a subproblem failed)
     */
    public boolean solve(double[][] a, double[] b, int rows, int cols, boolean[] nonNegative, double[] c) {
        if (rows > maxRows || cols > maxCols) {
            throw new IllegalArgumentException("problem larger than the workspace");
        }
        for (int k = 0; k < cols; k++) {
            double s = 0;
            for (int i = 0; i < rows; i++) {
                s += a[k][i] * a[k][i];
            }
            colScale[k] = s > 0 && Double.isFinite(s) ? 1 / Math.sqrt(s) : 0;
            c[k] = 0;
            passive[k] = !nonNegative[k] && colScale[k] > 0;
        }
        if (!leastSquares(a, b, rows, cols)) {
            return false;
        }
        for (int k = 0; k < cols; k++) {
            if (passive[k]) {
                c[k] = z[k];
            }
        }
        for (int outer = 0; outer < 3 * cols + 3; outer++) {
            // gradient of -1/2 ||A c - b||^2 in scaled coordinates
            for (int i = 0; i < rows; i++) {
                double s = b[i];
                for (int k = 0; k < cols; k++) {
                    s -= a[k][i] * c[k];
                }
                residual[i] = s;
            }
            int enter = -1;
            double best = 0;
            for (int k = 0; k < cols; k++) {
                if (passive[k] || colScale[k] == 0) {
                    continue;
                }
                double g = 0;
                for (int i = 0; i < rows; i++) {
                    g += a[k][i] * residual[i];
                }
                g *= colScale[k];
                grad[k] = g;
                if (g > best) {
                    best = g;
                    enter = k;
                }
            }
            if (enter < 0 || best <= 1e-13 * norm(b, rows)) {
                return true;
            }
            passive[enter] = true;
            for (int inner = 0; inner < 3 * cols + 3; inner++) {
                if (!leastSquares(a, b, rows, cols)) {
                    passive[enter] = false;
                    return true;
                }
                double step = 1;
                int leave = -1;
                for (int k = 0; k < cols; k++) {
                    if (passive[k] && nonNegative[k] && z[k] <= 0) {
                        double t = c[k] / (c[k] - z[k]);
                        if (t < step) {
                            step = t;
                            leave = k;
                        }
                    }
                }
                if (leave < 0) {
                    for (int k = 0; k < cols; k++) {
                        c[k] = passive[k] ? z[k] : 0;
                    }
                    break;
                }
                for (int k = 0; k < cols; k++) {
                    if (passive[k]) {
                        c[k] += step * (z[k] - c[k]);
                        if (nonNegative[k] && (k == leave || c[k] <= 0)) {
                            c[k] = 0;
                            passive[k] = false;
                        }
                    }
                }
            }
        }
        return true;
    }

    /** Least squares on the passive columns; result (unscaled) in z. */
    private boolean leastSquares(double[][] a, double[] b, int rows, int cols) {
        int p = 0;
        for (int k = 0; k < cols; k++) {
            z[k] = 0;
            if (passive[k]) {
                index[p++] = k;
            }
        }
        if (p == 0) {
            return true;
        }
        if (p > rows) {
            return false;
        }
        sub.reshape(rows, p);
        rhs.reshape(rows, 1);
        sol.reshape(p, 1);
        for (int i = 0; i < rows; i++) {
            for (int q = 0; q < p; q++) {
                int k = index[q];
                sub.data[i * p + q] = a[k][i] * colScale[k];
            }
            rhs.data[i] = b[i];
        }
        LinearSolverDense<DMatrixRMaj> solver = solvers.get(p);
        if (solver == null) {
            solver = LinearSolverFactory_DDRM.leastSquares(maxRows, p);
            solvers.set(p, solver);
        }
        if (!solver.setA(sub)) {
            return false;
        }
        if (solver.quality() < 1e-13) {
            return false;
        }
        solver.solve(rhs, sol);
        for (int q = 0; q < p; q++) {
            double v = sol.data[q] * colScale[index[q]];
            if (!Double.isFinite(v)) {
                return false;
            }
            z[index[q]] = v;
        }
        return true;
    }

    private static double norm(double[] v, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[i] * v[i];
        }
        return Math.sqrt(s);
    }
}
