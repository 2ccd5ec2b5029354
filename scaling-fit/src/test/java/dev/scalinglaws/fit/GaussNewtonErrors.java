/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import dev.scalinglaws.core.Dataset;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Standard errors of a least-squares fit from the Gauss-Newton covariance s^2 (J' W J)^-1, J = d r / d theta in
 * natural parameters (so the result does not depend on the optimiser's coordinates), s^2 = SUM w r^2 / (n - p).
 * Test helper; the library's uncertainty package does this properly.
 */
final class GaussNewtonErrors {

    private GaussNewtonErrors() {
    }

    static double[] standardErrors(FitResult fit, Dataset data) {
        FitProblem problem = FitProblem.of(fit.law(), data, fit.spec());
        double[] theta = fit.theta();
        FitEvaluation evaluation = problem.evaluate(theta, fit.scale());
        double[][] jac = evaluation.jacobian();
        double[] r = evaluation.residuals();
        double[] w = problem.weights();
        int p = theta.length;
        DMatrixRMaj h = new DMatrixRMaj(p, p);
        double rss = 0;
        int n = 0;
        for (int i = 0; i < jac.length; i++) {
            if (w[i] == 0) {
                continue;
            }
            n++;
            rss += w[i] * r[i] * r[i];
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    h.set(a, b, h.get(a, b) + w[i] * jac[i][a] * jac[i][b]);
                }
            }
        }
        if (!CommonOps_DDRM.invert(h)) {
            throw new IllegalStateException("singular Gauss-Newton matrix");
        }
        CommonOps_DDRM.scale(rss / (n - p), h);
        DMatrixRMaj cov = h;
        double[] se = new double[p];
        for (int j = 0; j < p; j++) {
            se[j] = Math.sqrt(cov.get(j, j));
        }
        return se;
    }
}
