/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The data-constrained law (Muennighoff et al. 2023, arXiv:2305.16264) at the notebook's constants: both branches of
 * U_N = min(N, N_opt(C(U))) are reached, its analytic gradient equals central differences on both, and the special
 * cases reduce to Chinchilla.
 */
class DataConstrainedLawTest {

    /** The notebook's constants with its fitted RDstar, RNstar. */
    static final double[] NOTEBOOK = {1.869144, 520.825, 1487.72, 0.3526596, 0.3526596, 15.387756, 5.309743};

    private static final DataConstrainedLaw LAW = DataConstrainedLaw.INSTANCE;

    @Test
    void singleEpochAndFewParametersIsChinchilla() {
        double[] chin = {NOTEBOOK[0], NOTEBOOK[1], NOTEBOOK[2], NOTEBOOK[3], NOTEBOOK[4]};
        // D = U (one epoch) and N below the compute-optimal size for U: N' = N, D' = D
        double u = 1e11;
        assertThat(Math.exp(DataConstrainedLaw.logOptimalParametersForUnique(NOTEBOOK, u))).isGreaterThan(1e9);
        assertThat(LAW.value(NOTEBOOK, 1e9, u, u)).isCloseTo(ChinchillaLaw.INSTANCE.value(chin, 1e9, u),
                within(1e-12));
        // fewer tokens than unique tokens: D' = D (and U_N is computed from the min(U, D) = 1e10 tokens seen)
        assertThat(LAW.value(NOTEBOOK, 1e8, 1e10, 1e12)).isCloseTo(ChinchillaLaw.INSTANCE.value(chin, 1e8, 1e10),
                within(1e-12));
    }

    @Test
    void repeatedDataIsWorthLessAndSaturates() {
        double n = 1e8;
        double u = 1e10;
        assertThat(Math.exp(DataConstrainedLaw.logOptimalParametersForUnique(NOTEBOOK, u))).isGreaterThan(n);
        double fresh = LAW.value(NOTEBOOK, n, 40 * u, 40 * u);
        double repeated = LAW.value(NOTEBOOK, n, 40 * u, u);
        assertThat(repeated).isGreaterThan(fresh);
        // effective data approaches U (1 + RDstar): the loss with infinitely many epochs
        double chinAtLimit = ChinchillaLaw.INSTANCE.value(new double[] {NOTEBOOK[0], NOTEBOOK[1], NOTEBOOK[2],
            NOTEBOOK[3], NOTEBOOK[4]}, n, u * (1 + NOTEBOOK[5]));
        assertThat(LAW.value(NOTEBOOK, n, 1e6 * u, u)).isCloseTo(chinAtLimit, within(1e-9));
    }

    @Test
    void gradientEqualsCentralDifferencesOnBothBranches() {
        double u = 1e9;
        double lnUN = DataConstrainedLaw.logOptimalParametersForUnique(NOTEBOOK, u);
        // U_N is about 5e7 for U = 1e9: one point below it (inactive), two above it (excess parameters)
        double[][] points = {
            {Math.exp(lnUN) / 3, 3 * u, u},
            {Math.exp(lnUN) * 4, 7 * u, u},
            {Math.exp(lnUN) * 200, 60 * u, u},
            {2e9, 1e9, 2e9},
        };
        double[][] thetas = {NOTEBOOK, {1.7, 300, 2500, 0.3, 0.42, 4.0, 11.0}, {2.1, 900, 800, 0.5, 0.25, 40, 1.5}};
        int active = 0;
        for (double[] theta : thetas) {
            for (double[] x : points) {
                if (DataConstrainedLaw.logOptimalParametersForUnique(theta, Math.min(x[1], x[2])) < Math.log(x[0])) {
                    active++;
                }
                double[] g = LAW.gradient(theta, x);
                double[][] jac = new double[7][1];
                double[] lv = new double[1];
                LAW.evaluateLog(theta, Columns.of(new double[] {x[0]}, new double[] {x[1]}, new double[] {x[2]}), 0,
                        1, lv, jac);
                double f = LAW.value(theta, x);
                for (int j = 0; j < 7; j++) {
                    double h = 1e-6 * theta[j];
                    double[] p = theta.clone();
                    double[] m = theta.clone();
                    p[j] += h;
                    m[j] -= h;
                    double fd = (LAW.value(p, x) - LAW.value(m, x)) / (2 * h);
                    assertThat(g[j]).as("d/d%s at %s", LAW.parameters().get(j).name(), java.util.Arrays.toString(x))
                            .isCloseTo(fd, within(1e-6 * Math.abs(fd) + 1e-10 * f / theta[j]));
                    assertThat(jac[j][0] * f).isCloseTo(g[j], within(1e-12 * Math.abs(g[j]) + 1e-15));
                }
            }
        }
        assertThat(active).as("points with excess parameters").isGreaterThanOrEqualTo(4);
    }

    @Test
    void hugeCovariatesStayFinite() {
        assertThat(LAW.logValue(NOTEBOOK, 1e30, 1e30, 1e3)).isFinite();
        assertThat(LAW.logValue(new double[] {1.8, 500, 1500, 0.01, 2, 15, 5}, 1e30, 1e30, 1e3)).isFinite();
        double[] g = LAW.gradient(new double[] {1.8, 500, 1500, 0.01, 2, 15, 5}, 1e20, 1e25, 1e6);
        for (double v : g) {
            assertThat(v).isFinite();
        }
    }
}
