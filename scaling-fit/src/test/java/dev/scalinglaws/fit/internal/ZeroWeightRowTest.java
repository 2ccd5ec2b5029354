/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Columns;
import org.junit.jupiter.api.Test;

/**
 * The vector loss path (HuberVector, found by review): a row of weight zero must contribute nothing to the objective or its
 * gradient, as in the scalar loop (which skips it). Here the zero-weight row (a row a case bootstrap did not draw, or
 * a row given weight 0) has a value that overflows at a line-search trial point, so its Jacobian entries are
 * infinite; HuberVector.accumulate masks its w psi to 0, but HuberVector.dot then forms 0 * inf = NaN.
 */
class ZeroWeightRowTest {

    @Test
    void aZeroWeightRowWithAnInfiniteJacobianLeavesTheGradientAlone() {
        assertThat(Simd.ENABLED).as(Simd.describe()).isTrue();
        int n = 12;
        double[] nn = new double[n];
        double[] dd = new double[n];
        double[] loss = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            nn[i] = i == n - 1 ? 1e30 : Math.pow(10, 6 + 0.3 * i);
            dd[i] = 20 * nn[i];
            loss[i] = 2 + 400 * Math.pow(nn[i], -0.34) + 400 * Math.pow(dd[i], -0.28);
            w[i] = 1;
        }
        w[n - 1] = 0;
        int[] free = {0, 1, 2, 3, 4};
        for (String name : new String[] {"squared", "huber"}) {
            LossKernel l = name.equals("squared") ? LossKernel.squared() : LossKernel.huber(1e-3);
            Objective withRow = new Objective(ChinchillaLaw.INSTANCE, Columns.of(nn, dd), loss, w,
                    false, l, new double[5], free);
            Objective withoutRow = new Objective(ChinchillaLaw.INSTANCE,
                    Columns.of(Arrays.copyOf(nn, n - 1), Arrays.copyOf(dd, n - 1)), Arrays.copyOf(loss, n - 1),
                    Arrays.copyOf(w, n - 1), false, l, new double[5], free);
            // a trial point: alpha = -11 makes A N^-alpha overflow for N = 1e30 only (the zero-weight row)
            double[] u = withRow.toCoordinates(new double[] {2, 400, 400, -11, 0.28}, 0);
            double[] g1 = new double[5];
            double[] g2 = new double[5];
            double v1 = withRow.valueAndGradient(u, g1);
            double v2 = withoutRow.valueAndGradient(u, g2);
            assertThat(v1).as("objective, %s", name).isFinite().isEqualTo(v2);
            for (int k = 0; k < 5; k++) {
                assertThat(g1[k]).as("gradient %d, %s: %s vs %s", k, name, Arrays.toString(g1), Arrays.toString(g2))
                        .isFinite().isCloseTo(g2[k], org.assertj.core.data.Percentage.withPercentage(1e-9));
            }
        }
    }
}
