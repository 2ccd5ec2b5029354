/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.uncertainty;

import java.util.Locale;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.fit.FitProblem;
import dev.scalinglaws.fit.FitResult;

/** How the uncertainty methods reach a fit's problem. Not API. */
final class Fits {

    private Fits() {
    }

    /**
     * The fit's problem, after checking that {@code data} is its data; a fit assembled without its problem gets one
     * compiled from the data with its spec.
     */
    static FitProblem problem(FitResult fit, Dataset data) {
        FitProblem p = fit.problem();
        if (p == null) {
            return FitProblem.of(fit.law(), data, fit.spec());
        }
        p.requireDataOf(data);
        return p;
    }

    /** The estimates, checked finite. */
    static double[] finiteTheta(FitResult fit) {
        double[] theta = fit.theta();
        for (double t : theta) {
            if (!Double.isFinite(t)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "the fit has a non-finite estimate (status %s); no uncertainty can be computed",
                        fit.status()));
            }
        }
        return theta;
    }
}
