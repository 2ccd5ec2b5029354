/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.scalinglaws.core.AbstractScalingLaw;
import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.DataConstrainedLaw;
import org.junit.jupiter.api.Test;

/**
 * {@link GradientCheck} next to a kink of the second derivative: data-constrained's U_N = min(N, N_opt(U)) makes the
 * law C^1 but not C^2, and a central stencil that straddles U_N = N can look smooth while its estimate is off by
 * 1.5e-4 (the contract's counterexamples, kept here). The check falls back on the one-sided stencil away from the
 * kink, which must accept the right gradient at the standard tolerance and still reject a wrong one.
 */
class GradientCheckKinkTest {

    /** The contract's counterexamples (2026-12-02): the central stencil straddles U_N = N. */
    private static final double[][][] NEAR_KINK = {
        {{0.36787944120307997, 1.0000000229400003, 1.0000231775085944, 0.05000000000419403, 0.05000000042779057,
            0.5000044726004326, 0.500018347797474}, {1.0, 5.192651794120115E13, 1.0058221691525568}},
        {{0.3678804023077695, 1.000000458390105, 1.0002840038814682, 0.050000975931473866, 0.05000000075432539,
            0.5000000267928809, 39.914234214228706}, {1.000090691126743, 1.000000000138155, 1.0000003167897074}},
        {{0.3678794520275648, 1.0000052544938047, 1.0000153828883154, 0.050000802314467324, 0.05000002752719229,
            0.5000227607565654, 15.692490655033556}, {1.0054880868099378, 1.0000000028321796, 1.000000023210058}},
    };

    /** data-constrained with d/dA off by a factor 1 + 1e-3. */
    static final class WrongA extends AbstractScalingLaw {
        private static final long serialVersionUID = 1L;

        WrongA() {
            super("wrong-a", "data-constrained, d/dA off by 0.1%", "a broken example", "loss",
                    DataConstrainedLaw.INSTANCE.covariates(), DataConstrainedLaw.INSTANCE.parameters());
        }

        @Override
        public double[] startRange(int j) {
            return DataConstrainedLaw.INSTANCE.startRange(j);
        }

        @Override
        public void evaluateLog(double[] t, Columns x, int from, int to, double[] logValue, double[][] jac) {
            DataConstrainedLaw.INSTANCE.evaluateLog(t, x, from, to, logValue, jac);
            if (jac != null) {
                for (int k = 0; k < to - from; k++) {
                    jac[DataConstrainedLaw.A][k] *= 1 + 1e-3;
                }
            }
        }
    }

    @Test
    void theRightGradientAgreesNearTheKinkAtTheStandardTolerance() {
        for (double[][] p : NEAR_KINK) {
            for (GradientCheck.Space space : GradientCheck.Space.values()) {
                List<GradientCheck.Entry> entries = GradientCheck.compare(DataConstrainedLaw.INSTANCE, p[0], p[1],
                        space, 1e-6);
                // without the second look (GradientCheck.nearKink) d/d ln A, B, alpha or beta fails at each point
                assertThat(entries).allMatch(GradientCheck.Entry::agrees, "agrees at " + space);
            }
        }
    }

    @Test
    void aWrongGradientStillFailsNearTheKink() {
        for (double[][] p : NEAR_KINK) {
            for (GradientCheck.Space space : GradientCheck.Space.values()) {
                GradientCheck.Entry a = GradientCheck.compare(new WrongA(), p[0], p[1], space, 1e-6)
                        .get(DataConstrainedLaw.A);
                assertThat(a.agrees()).as("d/d ln A at %s, %s", space, a).isFalse();
            }
        }
    }
}
