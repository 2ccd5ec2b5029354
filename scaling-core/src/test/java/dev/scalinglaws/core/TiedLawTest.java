/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@link TiedLaw}: reduced parameters, chain-rule Jacobian, kept linear structure, validation. */
class TiedLawTest {

    private static final double[] REDUCED = {1.8, 480, 2100, 0.35};

    @Test
    void aTiedLawDeclaresItsBaseLawsDerivedParametersOnTheReducedParameters() {
        TiedLaw tied = ScalingLaws.tie(ChinchillaLaw.INSTANCE, Map.of("beta", "alpha"));
        double[] reduced = {1.9, 635.2, 3054.1, 0.3596};
        double[] full = tied.expand(reduced);
        assertThat(tied.derivedParameters()).extracting(DerivedParameter::name)
                .containsExactlyElementsOf(ChinchillaLaw.INSTANCE.derivedParameters().stream()
                        .map(DerivedParameter::name).toList());
        for (int k = 0; k < tied.derivedParameters().size(); k++) {
            assertThat(tied.derivedParameters().get(k).value(reduced))
                    .isEqualTo(ChinchillaLaw.INSTANCE.derivedParameters().get(k).value(full));
        }
        // beta = alpha: the compute-optimal exponents a = beta / (alpha + beta) and b are both 1/2
        assertThat(tied.derivedParameters().get(0).value(reduced)).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void chinchillaWithBetaEqualAlphaEvaluatesTheBaseLawAtTheExpandedParameters() {
        TiedLaw law = ScalingLaws.tie(ChinchillaLaw.INSTANCE, Map.of("beta", "alpha"));
        assertThat(law.parameters()).extracting(Parameter::name).containsExactly("E", "A", "B", "alpha");
        assertThat(law.expand(REDUCED)).containsExactly(1.8, 480, 2100, 0.35, 0.35);
        assertThat(law.reduce(new double[] {1.8, 480, 2100, 0.35, 0.35})).containsExactly(REDUCED);
        assertThat(law.name()).isEqualTo("chinchilla[beta=alpha]");
        assertThat(law.formula()).endsWith(", beta = alpha");
        assertThat(law.value(REDUCED, 1e9, 2e10))
                .isEqualTo(ChinchillaLaw.INSTANCE.value(law.expand(REDUCED), 1e9, 2e10));
        assertThat(law).isInstanceOf(LinearStructure.class).isEqualTo(
                ScalingLaws.tie(ChinchillaLaw.INSTANCE, Map.of("beta", "alpha")));
        assertThat(law.hashCode()).isEqualTo(ScalingLaws.tie(ChinchillaLaw.INSTANCE, Map.of("beta", "alpha"))
                .hashCode());
        assertThat(((LinearStructure) law).linearParameters()).containsExactly(0, 1, 2);
    }

    @Test
    void jacobianIsTheChainRuleAndEqualsCentralDifferences() {
        TiedLaw law = ScalingLaws.tie(ChinchillaLaw.INSTANCE, Map.of("beta", "alpha"));
        double[] x = {3e8, 6e9};
        double[] g = law.gradient(REDUCED, x);
        double[] full = ChinchillaLaw.INSTANCE.gradient(law.expand(REDUCED), x);
        assertThat(g[3]).isCloseTo(full[3] + full[4], within(1e-15));
        for (int j = 0; j < REDUCED.length; j++) {
            double h = 1e-6 * REDUCED[j];
            double[] p = REDUCED.clone();
            double[] m = REDUCED.clone();
            p[j] += h;
            m[j] -= h;
            double fd = (law.value(p, x) - law.value(m, x)) / (2 * h);
            assertThat(g[j]).isCloseTo(fd, within(1e-7 * Math.abs(fd) + 1e-12));
        }
        // the log Jacobian too, on several rows at once
        Columns cols = Columns.of(new double[] {1e8, 1e9, 1e10}, new double[] {1e9, 2e10, 3e11});
        double[] lv = new double[3];
        double[][] jac = new double[4][3];
        law.evaluateLog(REDUCED, cols, 0, 3, lv, jac);
        for (int i = 0; i < 3; i++) {
            double[] gi = law.gradient(REDUCED, cols.value(0, i), cols.value(1, i));
            double f = Math.exp(lv[i]);
            for (int j = 0; j < 4; j++) {
                assertThat(jac[j][i] * f).isCloseTo(gi[j], within(1e-12 * Math.abs(gi[j])));
            }
        }
    }

    @Test
    void aTieOfLinearParametersDropsTheLinearStructureAndMergesBounds() {
        TiedLaw law = ScalingLaws.tie(ChinchillaLaw.INSTANCE, Map.of("B", "A"));
        assertThat(law).isNotInstanceOf(LinearStructure.class);
        assertThat(law.parameters()).extracting(Parameter::name).containsExactly("E", "A", "alpha", "beta");
        TiedLaw dc = ScalingLaws.tie(DataConstrainedLaw.INSTANCE, Map.of("beta", "alpha"));
        assertThat(dc.parameters().get(3).positive()).isTrue();
        assertThat(dc.parameterCount()).isEqualTo(6);
    }

    @Test
    void tyingATiedLawFlattens() {
        Map<String, String> more = new LinkedHashMap<>();
        more.put("B", "A");
        TiedLaw twice = ScalingLaws.tie(ScalingLaws.tie(ChinchillaLaw.INSTANCE, Map.of("beta", "alpha")), more);
        assertThat(twice.base()).isSameAs(ChinchillaLaw.INSTANCE);
        assertThat(twice.ties()).containsEntry("beta", "alpha").containsEntry("B", "A");
        assertThat(twice.parameterCount()).isEqualTo(3);
    }

    @Test
    void badTiesAreRejectedWithAReason() {
        assertThatThrownBy(() -> ScalingLaws.tie(ChinchillaLaw.INSTANCE, Map.of("gamma", "alpha")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no parameter 'gamma'");
        assertThatThrownBy(() -> ScalingLaws.tie(ChinchillaLaw.INSTANCE, Map.of("beta", "beta")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("itself");
        Map<String, String> chain = new LinkedHashMap<>();
        chain.put("beta", "alpha");
        chain.put("alpha", "E");
        assertThatThrownBy(() -> ScalingLaws.tie(ChinchillaLaw.INSTANCE, chain))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("itself tied");
        assertThatThrownBy(() -> ScalingLaws.tie(ChinchillaLaw.INSTANCE, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScalingLaws.tie(ScalingLaws.tie(ChinchillaLaw.INSTANCE, Map.of("beta", "alpha")),
                Map.of("beta", "E"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already");
    }
}
