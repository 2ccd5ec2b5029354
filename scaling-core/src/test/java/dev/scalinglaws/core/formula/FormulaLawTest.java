/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.LinearStructure;
import dev.scalinglaws.core.Parameter;
import dev.scalinglaws.core.ScalingLaw;
import org.junit.jupiter.api.Test;

/** Parsing, errors, normal form, defaults, linear structure and agreement with the built-in Chinchilla law. */
class FormulaLawTest {

    private static final List<String> ND = List.of("N", "D");
    private static final String CHINCHILLA = "E + A / N^alpha + B / D^beta";

    @Test
    void errorsNameThePosition() {
        assertError("E + A / N^alpha + lg(D)", 19, "unknown function 'lg'");
        assertError("E + A / N^alpha +", 18, "formula ends where an operand is expected");
        assertError("E + (A / N^alpha", 5, "'(' is not closed");
        assertError("E + A) / N", 6, "unmatched ')'");
        assertError("E + A / N^alpha + 2B", 20, "a number is followed by 'B'; write * for a product");
        assertError("E + A # N", 7, "unexpected character '#'");
        assertError("E + 1e / N", 6, "malformed number '1e'");
        assertError("exp(N, A)", 6, "exp takes one argument");
        assertError("min(N)", 1, "min takes two or more arguments");
        assertError("E + exp * N", 5, "function 'exp' needs arguments: exp(...)");
        assertError("E A", 3, "expected an operator, found 'A'");
        assertError("   ", 1, "empty formula");
        assertThat(catchFormula("E + A / N^alpha + lg(D)").getMessage())
                .isEqualTo("position 19: unknown function 'lg' (functions: exp, log, sqrt, min, max)");
    }

    @Test
    void formulasWithoutParametersOrCovariatesAreRejected() {
        FormulaException e = catchFormula("N * D", ND);
        assertThat(e.position()).isZero();
        assertThat(e.getMessage()).contains("no parameter");
        assertThat(catchFormula("E + A / Nparams^alpha", ND).getMessage())
                .isEqualTo("the formula uses no covariate: no identifier (E, A, Nparams, alpha) names one of [N, D]");
    }

    @Test
    void normalFormParsesBackAndDefinesEquality() {
        FormulaLaw a = FormulaLaw.parse("E+A/N^alpha+B/(D^beta)", ND);
        FormulaLaw b = FormulaLaw.parse(" E + A / N ^ alpha + B / D ** beta ", ND);
        assertThat(a.formula()).isEqualTo(CHINCHILLA);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(FormulaLaw.parse(a.formula(), ND)).isEqualTo(a);
        assertThat(a).isNotEqualTo(FormulaLaw.parse("E + A / N^alpha + B / D^alpha", ND));
        assertThat(a).isNotEqualTo(a.withResponse("loss2"));
        for (String s : List.of("a - (b - N)", "a / (b / N)", "(a^b)^N", "a^b^N", "-a^2 + N", "(-a)^2 * N",
                "a * -N", "min(a, N, b) - max(a * N, 2)", "exp(-a * N) + log(N) / sqrt(b)", "a - b + N",
                "2.5e-7 * a + 1e20 * N", "0.001 * a * N")) {
            FormulaLaw f = FormulaLaw.parse(s, List.of("N"));
            assertThat(FormulaLaw.parse(f.formula(), List.of("N"))).as(s + " -> " + f.formula()).isEqualTo(f);
        }
        assertThat(FormulaLaw.parse("a - (b - N)", List.of("N")).formula()).isEqualTo("a - (b - N)");
        assertThat(FormulaLaw.parse("-a^2 + N", List.of("N")).formula()).isEqualTo("-a^2 + N");
        assertThat(FormulaLaw.parse("0.001 * a * N", List.of("N")).formula()).isEqualTo("0.001 * a * N");
    }

    @Test
    void rolesSetTheDefaults() {
        FormulaLaw law = FormulaLaw.parse("E + A / N^alpha + B * exp(-k * D) + (Nc / N)^g + b * log(N)", ND);
        assertThat(law.parameters().stream().map(Parameter::name))
                .containsExactly("E", "A", "alpha", "B", "k", "Nc", "g", "b");
        assertThat(law.role("E")).isEqualTo(FormulaLaw.Role.CONSTANT);
        assertThat(law.role("A")).isEqualTo(FormulaLaw.Role.COEFFICIENT);
        assertThat(law.role("B")).isEqualTo(FormulaLaw.Role.COEFFICIENT);
        assertThat(law.role("alpha")).isEqualTo(FormulaLaw.Role.EXPONENT);
        assertThat(law.role("k")).isEqualTo(FormulaLaw.Role.EXPONENT);
        assertThat(law.role("g")).isEqualTo(FormulaLaw.Role.EXPONENT);
        assertThat(law.role("Nc")).isEqualTo(FormulaLaw.Role.SCALE);
        assertThat(law.role("b")).isEqualTo(FormulaLaw.Role.OTHER);
        assertThat(law.parameters().get(law.indexOf("A")).positive()).isTrue();
        assertThat(law.parameters().get(law.indexOf("alpha")).positive()).isFalse();
        assertThat(law.startRange(law.indexOf("alpha"))).containsExactly(0, 2);
        assertThat(law.startRange(law.indexOf("E"))).containsExactly(0.1, 10);
        assertThat(law).isNotInstanceOf(LinearStructure.class);
        assertThat(law.requiresPositiveCovariates()).isTrue();
        assertThat(FormulaLaw.parse("a + b * N", List.of("N")).requiresPositiveCovariates()).isFalse();
    }

    @Test
    void linearCoefficientsAreDetected() {
        FormulaLaw law = FormulaLaw.parse(CHINCHILLA, ND);
        assertThat(law).isInstanceOf(LinearStructure.class);
        LinearStructure s = (LinearStructure) law;
        assertThat(s.linearParameters()).containsExactly(0, 1, 3);
        assertThat(law.parameters().stream().filter(Parameter::linear).map(Parameter::name))
                .containsExactly("E", "A", "B");
        // tied exponent: still linear in E, A, B
        assertThat(FormulaLaw.parse("E + A / N^alpha + B / D^alpha", ND)).isInstanceOf(LinearStructure.class);
        // a coefficient used twice, a product of two parameters, a bare constant: not linear
        assertThat(FormulaLaw.parse("E + A / N^alpha + A / D^beta", ND)).isNotInstanceOf(LinearStructure.class);
        assertThat(FormulaLaw.parse("E + 1 + A / N^alpha", ND)).isNotInstanceOf(LinearStructure.class);
        assertThat(FormulaLaw.parse("E - 2 * A * D / N^alpha", ND)).isInstanceOf(LinearStructure.class);

        Columns x = Columns.of(new double[] {1e8, 3e9, 7e10}, new double[] {2e9, 5e10, 1e12});
        double[] theta = {1.8, 480, 0.35, 2100, 0.37};
        double[][] basis = new double[3][3];
        s.basis(theta, x, 0, 3, basis);
        double[] f = new double[3];
        law.evaluate(theta, x, 0, 3, f, null);
        int[] lin = s.linearParameters();
        for (int i = 0; i < 3; i++) {
            double sum = 0;
            for (int k = 0; k < lin.length; k++) {
                sum += theta[lin[k]] * basis[k][i];
            }
            assertThat(sum).isCloseTo(f[i], within(1e-14 * f[i]));
        }
    }

    @Test
    void chinchillaFormulaAgreesWithTheBuiltInLaw() {
        FormulaLaw law = FormulaLaw.parse(CHINCHILLA, ND);
        ScalingLaw builtIn = ChinchillaLaw.INSTANCE;
        int n = 300;
        double[] nn = new double[n];
        double[] dd = new double[n];
        for (int i = 0; i < n; i++) {
            nn[i] = Math.pow(10, 7 + 5.0 * i / n);
            dd[i] = Math.pow(10, 9 + 4.0 * ((i * 7) % n) / n);
        }
        Columns x = Columns.of(nn, dd);
        // formula order E, A, alpha, B, beta; built-in E, A, B, alpha, beta
        double[] t = {1.82, 482.01, 0.3478, 2085.43, 0.3658};
        double[] builtInTheta = {t[0], t[1], t[3], t[2], t[4]};
        int[] map = {0, 1, 3, 2, 4};
        for (boolean log : new boolean[] {false, true}) {
            double[] f = new double[n];
            double[] g = new double[n];
            double[][] jf = new double[5][n];
            double[][] jg = new double[5][n];
            if (log) {
                law.evaluateLog(t, x, 0, n, f, jf);
                builtIn.evaluateLog(builtInTheta, x, 0, n, g, jg);
            } else {
                law.evaluate(t, x, 0, n, f, jf);
                builtIn.evaluate(builtInTheta, x, 0, n, g, jg);
            }
            for (int i = 0; i < n; i++) {
                assertThat(f[i]).isCloseTo(g[i], within(1e-14 * Math.abs(g[i]) + 1e-15));
                for (int j = 0; j < 5; j++) {
                    double want = jg[map[j]][i];
                    assertThat(jf[j][i]).as("log %s row %d parameter %d", log, i, j)
                            .isCloseTo(want, within(1e-12 * Math.abs(want) + 1e-18));
                }
            }
        }
        // rows from an offset and a block boundary inside the range
        double[] part = new double[200];
        law.evaluate(t, x, 50, 250, part, null);
        assertThat(part[130]).isEqualTo(law.value(t, nn[180], dd[180]));
    }

    @Test
    void logValueIsNaNWhereTheValueIsNotPositive() {
        FormulaLaw law = FormulaLaw.parse("a - N", List.of("N"));
        assertThat(law.logValue(new double[] {1}, 2.0)).isNaN();
        assertThat(law.logValue(new double[] {3}, 2.0)).isEqualTo(0.0);
        assertThat(law.value(new double[] {1}, 2.0)).isEqualTo(-1.0);
    }

    @Test
    void serialisesAsItsFormula() throws Exception {
        FormulaLaw law = FormulaLaw.parse(CHINCHILLA, ND).withResponse("nll");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(law);
        }
        Object back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = in.readObject();
        }
        assertThat(back).isEqualTo(law).isInstanceOf(LinearStructure.class);
        FormulaLaw copy = (FormulaLaw) back;
        assertThat(copy.response()).isEqualTo("nll");
        double[] theta = {1.8, 400, 0.34, 410, 0.28};
        assertThat(copy.value(theta, 7e10, 1.4e12)).isEqualTo(law.value(theta, 7e10, 1.4e12));
    }

    @Test
    void compilesChinchillaToAFewFusedInstructions() {
        // 5 parameters, 2 log columns, 2 fused exp(-p ln x), 2 products, 2 sums
        assertThat(FormulaLaw.parse(CHINCHILLA, ND).instructions()).isEqualTo(13);
        // repeated subexpressions are shared: the tied law computes N^-alpha once (4 parameters, 1 log column,
        // 1 exponential, 2 products, 2 sums)
        assertThat(FormulaLaw.parse("E + A / N^alpha + B / N^alpha", List.of("N")).instructions()).isEqualTo(10);
    }

    private static void assertError(String formula, int position, String detail) {
        FormulaException e = catchFormula(formula);
        assertThat(e.detail()).as(formula).startsWith(detail);
        assertThat(e.position()).as(formula + ": " + e.getMessage()).isEqualTo(position);
    }

    private static FormulaException catchFormula(String formula) {
        return catchFormula(formula, ND);
    }

    private static FormulaException catchFormula(String formula, List<String> covariates) {
        try {
            FormulaLaw.parse(formula, covariates);
        } catch (FormulaException e) {
            return e;
        }
        throw new AssertionError("no error for " + formula);
    }
}
