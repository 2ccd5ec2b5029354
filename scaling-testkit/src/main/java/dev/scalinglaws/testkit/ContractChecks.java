/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.LinearStructure;
import dev.scalinglaws.core.Parameter;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.core.ScalingLaws;

/** The checks behind {@link ScalingLawContract}'s properties, one failure message each. Not API. */
final class ContractChecks {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** A value no law computes by accident: marks output cells a law must not write. */
    private static final double SENTINEL = -7.7e-77;

    private ContractChecks() {
    }

    static void finiteAndConsistent(ScalingLaw law, double[] theta, double[] point) {
        int p = law.parameterCount();
        Columns x = GradientCheck.columns(point);
        double[] v = new double[1];
        double[][] jac = new double[p][1];
        law.evaluate(theta, x, 0, 1, v, jac);
        String where = where(law, theta, point);
        if (law.positiveResponse()) {
            double[] lv = new double[1];
            double[][] ljac = new double[p][1];
            law.evaluateLog(theta, x, 0, 1, lv, ljac);
            check(Double.isFinite(lv[0]), "%s: log value %s is not finite (a positive-response law must be positive "
                    + "and its log representable)", where, lv[0]);
            for (int j = 0; j < p; j++) {
                check(Double.isFinite(ljac[j][0]), "%s: d ln f / d %s = %s is not finite", where, name(law, j),
                        ljac[j][0]);
            }
            check(!Double.isNaN(v[0]) && v[0] >= 0, "%s: value %s (log value %s): a positive-response law must "
                    + "evaluate to a positive number (0 or Infinity only by underflow or overflow)", where, v[0],
                    lv[0]);
            double e = Math.exp(lv[0]);
            if (e > 1e-300 && e < 1e300) {
                check(Math.abs(v[0] - e) <= 1e-11 * e, "%s: evaluate gives %s but exp(evaluateLog) gives %s", where,
                        v[0], e);
                for (int j = 0; j < p; j++) {
                    double expected = ljac[j][0] * v[0];
                    check(Math.abs(jac[j][0] - expected) <= 1e-8 * Math.max(Math.abs(expected),
                                    Math.abs(jac[j][0])) + 1e-300,
                            "%s: d f / d %s = %s from evaluate, but f d ln f / d %s = %s from evaluateLog", where,
                            name(law, j), jac[j][0], name(law, j), expected);
                }
            }
        } else {
            check(Double.isFinite(v[0]), "%s: value %s is not finite", where, v[0]);
            for (int j = 0; j < p; j++) {
                check(Double.isFinite(jac[j][0]), "%s: d f / d %s = %s is not finite", where, name(law, j),
                        jac[j][0]);
            }
        }
        if (law instanceof LinearStructure structure && Double.isFinite(v[0]) && Math.abs(v[0]) < 1e300) {
            int[] linear = structure.linearParameters();
            double[][] basis = new double[linear.length][1];
            structure.basis(theta, x, 0, 1, basis);
            double sum = 0;
            double scale = 0;
            for (int k = 0; k < linear.length; k++) {
                double term = theta[linear[k]] * basis[k][0];
                sum += term;
                scale += Math.abs(term);
            }
            check(Math.abs(sum - v[0]) <= 1e-12 * Math.max(scale, Double.MIN_NORMAL) + Double.MIN_NORMAL,
                    "%s: the linear structure gives %s, the law %s", where, sum, v[0]);
        }
    }

    static void finiteLog(ScalingLaw law, double[] theta, double[] point) {
        int p = law.parameterCount();
        double[] lv = new double[1];
        double[][] ljac = new double[p][1];
        law.evaluateLog(theta, GradientCheck.columns(point), 0, 1, lv, ljac);
        String where = where(law, theta, point);
        check(Double.isFinite(lv[0]), "%s: log value %s is not finite at extreme scale", where, lv[0]);
        for (int j = 0; j < p; j++) {
            check(Double.isFinite(ljac[j][0]), "%s: d ln f / d %s = %s is not finite at extreme scale", where,
                    name(law, j), ljac[j][0]);
        }
    }

    static void batch(ScalingLaw law, double[] theta, List<double[]> rows, int from) {
        int n = rows.size();
        int k = law.covariates().size();
        int p = law.parameterCount();
        double[][] cols = new double[k][n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                cols[c][i] = rows.get(i)[c];
            }
        }
        Columns x = Columns.of(cols);
        int m = n - from;
        for (GradientCheck.Space space : GradientCheck.Space.values()) {
            if (space == GradientCheck.Space.LOG && !law.positiveResponse()) {
                continue;
            }
            double[] out = new double[m + 2];
            double[][] jac = new double[p][m + 2];
            Arrays.fill(out, SENTINEL);
            for (double[] row : jac) {
                Arrays.fill(row, SENTINEL);
            }
            if (space == GradientCheck.Space.LOG) {
                law.evaluateLog(theta, x, from, n, out, jac);
            } else {
                law.evaluate(theta, x, from, n, out, jac);
            }
            String where = String.format(Locale.ROOT, "%s (%s space), rows [%d, %d) of %d at theta %s", law.name(),
                    space.name().toLowerCase(Locale.ROOT), from, n, n, Arrays.toString(theta));
            check(out[m] == SENTINEL && out[m + 1] == SENTINEL,
                    "%s: wrote values beyond index %d of the output", where, m - 1);
            for (int j = 0; j < p; j++) {
                check(jac[j][m] == SENTINEL && jac[j][m + 1] == SENTINEL,
                        "%s: wrote Jacobian entries for %s beyond index %d", where, name(law, j), m - 1);
            }
            for (int r = 0; r < m; r++) {
                double[] one = new double[1];
                double[][] oneJac = new double[p][1];
                GradientCheck.evaluate(law, theta, GradientCheck.columns(rows.get(from + r)), space, one, oneJac);
                check(same(out[r], one[0]), "%s: row %d gives %s in the block but %s alone", where, from + r,
                        out[r], one[0]);
                for (int j = 0; j < p; j++) {
                    check(same(jac[j][r], oneJac[j][0]), "%s: row %d: d/d%s is %s in the block but %s alone", where,
                            from + r, name(law, j), jac[j][r], oneJac[j][0]);
                }
            }
        }
    }

    static void parameters(ScalingLaw law) {
        check(notBlank(law.name()), "a law needs a name");
        String n = law.name();
        check(notBlank(law.formula()), "%s: formula is blank", n);
        check(notBlank(law.citation()), "%s: citation is blank", n);
        check(notBlank(law.response()), "%s: response is blank", n);
        List<String> cov = law.covariates();
        check(cov != null && !cov.isEmpty(), "%s: a law needs at least one covariate", n);
        check(new HashSet<>(cov).size() == cov.size(), "%s: duplicate covariates %s", n, cov);
        check(!cov.contains(law.response()), "%s: the response %s is also a covariate", n, law.response());
        for (String c : cov) {
            check(notBlank(c), "%s: blank covariate name in %s", n, cov);
        }
        List<Parameter> ps = law.parameters();
        check(ps != null && !ps.isEmpty(), "%s: a law needs at least one parameter", n);
        check(law.parameterCount() == ps.size(), "%s: parameterCount() %d but %d parameters", n,
                law.parameterCount(), ps.size());
        Set<String> names = new HashSet<>();
        for (int j = 0; j < ps.size(); j++) {
            Parameter par = ps.get(j);
            String pn = par.name();
            check(IDENTIFIER.matcher(pn).matches(), "%s: parameter name '%s' is not an identifier (it must be "
                    + "usable in pins, bounds and formulas)", n, pn);
            check(names.add(pn), "%s: duplicate parameter name %s", n, pn);
            check(!cov.contains(pn), "%s: %s is both a parameter and a covariate", n, pn);
            check(law.indexOf(pn) == j, "%s: indexOf(%s) is %d, not %d", n, pn, law.indexOf(pn), j);
            double[] r = law.startRange(j);
            check(r != null && r.length == 2 && Double.isFinite(r[0]) && Double.isFinite(r[1]) && r[0] <= r[1],
                    "%s: start range of %s is %s, not a finite interval", n, pn, Arrays.toString(r));
            check(Math.max(r[0], par.lower()) <= Math.min(r[1], par.upper()), "%s: start range %s of %s lies "
                    + "outside its bounds [%s, %s]", n, Arrays.toString(r), pn, par.lower(), par.upper());
            check(!par.positive() || r[0] > 0, "%s: %s is positive (searched in log space) but its start range %s "
                    + "reaches 0", n, pn, Arrays.toString(r));
        }
        boolean threw = false;
        try {
            law.indexOf("no such parameter");
        } catch (IllegalArgumentException e) {
            threw = true;
        }
        check(threw, "%s: indexOf of an unknown name must throw IllegalArgumentException", n);
        if (law instanceof LinearStructure structure) {
            int[] linear = structure.linearParameters().clone();
            Arrays.sort(linear);
            int[] flagged = java.util.stream.IntStream.range(0, ps.size()).filter(j -> ps.get(j).linear())
                    .toArray();
            check(Arrays.equals(linear, flagged), "%s: linearParameters() %s but the parameters flagged linear are %s",
                    n, Arrays.toString(linear), Arrays.toString(flagged));
        }
        if (ScalingLaws.names().contains(n)) {
            // a registered name belongs to one class (variants of one law, such as an option, may share it)
            check(ScalingLaws.byName(n).getClass() == law.getClass(), "%s: the registry holds another law under "
                    + "this name (%s); choose another name", n, ScalingLaws.byName(n).getClass().getName());
        }
    }

    static void admissible(ScalingLaw law, double[] theta) {
        check(theta.length == law.parameterCount(), "%s: the parameter domain gives %d values for %d parameters",
                law.name(), theta.length, law.parameterCount());
        for (int j = 0; j < theta.length; j++) {
            Parameter par = law.parameters().get(j);
            check(par.admits(theta[j]), "%s: the parameter domain gives %s = %s, outside its bounds [%s, %s]%s",
                    law.name(), par.name(), theta[j], par.lower(), par.upper(), par.positive() ? " (positive)" : "");
        }
    }

    static void serialisation(ScalingLaw law, double[] theta, double[] point) {
        check(law instanceof Serializable, "%s (%s) is not Serializable: fit results that carry it cannot be "
                + "serialised", law.name(), law.getClass().getName());
        ScalingLaw copy;
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(law);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                copy = (ScalingLaw) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError(law.name() + " does not survive Java serialisation: " + e, e);
        }
        check(copy.equals(law) && law.equals(copy), "%s: the deserialised law (%s) is not equal to the original; "
                + "implement equals and hashCode (or readResolve for a singleton)", law.name(), copy);
        check(copy.hashCode() == law.hashCode(), "%s: the deserialised law has another hash code", law.name());
        check(copy.name().equals(law.name()) && copy.parameters().equals(law.parameters())
                && copy.covariates().equals(law.covariates()) && copy.formula().equals(law.formula()),
                "%s: the deserialised law describes itself differently", law.name());
        for (GradientCheck.Space space : GradientCheck.Space.values()) {
            double[] a = new double[1];
            double[] b = new double[1];
            GradientCheck.evaluate(law, theta, GradientCheck.columns(point), space, a, null);
            GradientCheck.evaluate(copy, theta, GradientCheck.columns(point), space, b, null);
            check(Double.compare(a[0], b[0]) == 0, "%s: the deserialised law evaluates to %s instead of %s at %s",
                    law.name(), b[0], a[0], where(law, theta, point));
        }
    }

    /** Equal within 2e-14 relative, or both NaN. */
    private static boolean same(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b);
        }
        return a == b || Math.abs(a - b) <= 2e-14 * Math.max(Math.abs(a), Math.abs(b));
    }

    private static String where(ScalingLaw law, double[] theta, double[] point) {
        return String.format(Locale.ROOT, "%s at theta %s, x %s", law.name(), Arrays.toString(theta),
                Arrays.toString(point));
    }

    private static String name(ScalingLaw law, int j) {
        return law.parameters().get(j).name();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static void check(boolean ok, String format, Object... args) {
        if (!ok) {
            throw new AssertionError(String.format(Locale.ROOT, format, args));
        }
    }
}
