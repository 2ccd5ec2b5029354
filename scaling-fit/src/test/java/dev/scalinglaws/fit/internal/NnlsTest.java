/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** {@link Nnls} against exhaustive enumeration of the active sets on small random problems. */
class NnlsTest {

    private static double objective(double[][] a, double[] b, double[] c, int rows, int cols) {
        double s = 0;
        for (int i = 0; i < rows; i++) {
            double r = -b[i];
            for (int k = 0; k < cols; k++) {
                r += a[k][i] * c[k];
            }
            s += r * r;
        }
        return s;
    }

    /** The best feasible solution over all subsets of free constrained coefficients (normal equations). */
    private static double bruteForce(double[][] a, double[] b, int rows, int cols, boolean[] nonNegative) {
        double best = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < (1 << cols); mask++) {
            boolean ok = true;
            for (int k = 0; k < cols; k++) {
                if (!nonNegative[k] && (mask & (1 << k)) == 0) {
                    ok = false;
                }
            }
            if (!ok) {
                continue;
            }
            int p = Integer.bitCount(mask);
            int[] idx = new int[p];
            for (int k = 0, q = 0; k < cols; k++) {
                if ((mask & (1 << k)) != 0) {
                    idx[q++] = k;
                }
            }
            double[][] m = new double[p][p + 1];
            for (int x = 0; x < p; x++) {
                for (int y = 0; y < p; y++) {
                    for (int i = 0; i < rows; i++) {
                        m[x][y] += a[idx[x]][i] * a[idx[y]][i];
                    }
                }
                for (int i = 0; i < rows; i++) {
                    m[x][p] += a[idx[x]][i] * b[i];
                }
            }
            double[] sol = gauss(m, p);
            double[] c = new double[cols];
            boolean feasible = true;
            for (int q = 0; q < p; q++) {
                c[idx[q]] = sol[q];
                if (nonNegative[idx[q]] && sol[q] < 0) {
                    feasible = false;
                }
            }
            if (feasible) {
                best = Math.min(best, objective(a, b, c, rows, cols));
            }
        }
        return best;
    }

    private static double[] gauss(double[][] m, int p) {
        for (int c = 0; c < p; c++) {
            int piv = c;
            for (int r = c + 1; r < p; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
                    piv = r;
                }
            }
            double[] t = m[c];
            m[c] = m[piv];
            m[piv] = t;
            for (int r = 0; r < p; r++) {
                if (r != c) {
                    double f = m[r][c] / m[c][c];
                    for (int k = c; k <= p; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[] x = new double[p];
        for (int c = 0; c < p; c++) {
            x[c] = m[c][p] / m[c][c];
        }
        return x;
    }

    @Test
    void matchesExhaustiveSearchOnRandomProblems() {
        SplittableRandom rng = new SplittableRandom(42L);
        Nnls nnls = new Nnls(30, 5);
        for (int trial = 0; trial < 300; trial++) {
            int rows = 8 + rng.nextInt(20);
            int cols = 1 + rng.nextInt(5);
            double[][] a = new double[cols][rows];
            double[] b = new double[rows];
            boolean[] nonNegative = new boolean[cols];
            for (int k = 0; k < cols; k++) {
                nonNegative[k] = rng.nextInt(4) != 0;
                double scale = Math.pow(10, rng.nextInt(7) - 3);
                for (int i = 0; i < rows; i++) {
                    a[k][i] = scale * rng.nextDouble();
                }
            }
            for (int i = 0; i < rows; i++) {
                b[i] = rng.nextDouble() * 2 - 0.5;
            }
            double[] c = new double[cols];
            assertThat(nnls.solve(a, b, rows, cols, nonNegative, c)).isTrue();
            for (int k = 0; k < cols; k++) {
                if (nonNegative[k]) {
                    assertThat(c[k]).isGreaterThanOrEqualTo(0);
                }
            }
            double expected = bruteForce(a, b, rows, cols, nonNegative);
            assertThat(objective(a, b, c, rows, cols)).as("trial %d", trial)
                    .isCloseTo(expected, within(1e-9 * Math.max(1, expected)));
        }
    }
}
