/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.example.laws;

import java.util.List;

import dev.scalinglaws.core.AbstractScalingLaw;
import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.Parameter;

/** A user's law: L = E + A / N^alpha, evaluated in log space as a log-sum-exp. */
public final class SaturatingLaw extends AbstractScalingLaw {

    public static final SaturatingLaw INSTANCE = new SaturatingLaw();
    private static final long serialVersionUID = 1L;

    private SaturatingLaw() {
        super("my-saturating-law", "L = E + A / N^alpha", "a user's own law", "loss", List.of("N"),
                List.of(Parameter.positive("E", true, "irreducible loss"),
                        Parameter.positive("A", true, "coefficient"),
                        Parameter.free("alpha", "exponent")));
    }

    @Override
    public double[] startRange(int j) {
        return j == 0 ? new double[] {0.5, 4} : j == 1 ? new double[] {1, 1e4} : new double[] {0, 1};
    }

    @Override
    public void evaluateLog(double[] t, Columns x, int from, int to, double[] logValue, double[][] jacobian) {
        double lnE = Math.log(t[0]);
        double lnA = Math.log(t[1]);
        double[] lnN = x.logColumn(0);
        for (int i = from; i < to; i++) {
            int k = i - from;
            double a = lnA - t[2] * lnN[i];
            double m = Math.max(a, lnE);
            double wa = Math.exp(a - m);
            double we = Math.exp(lnE - m);
            double s = wa + we;
            logValue[k] = m + Math.log(s);
            if (jacobian != null) {
                jacobian[0][k] = we / s / t[0];
                jacobian[1][k] = wa / s / t[1];
                jacobian[2][k] = -wa / s * lnN[i];
            }
        }
    }

    @Override
    protected Object readResolve() {
        return INSTANCE;
    }
}
