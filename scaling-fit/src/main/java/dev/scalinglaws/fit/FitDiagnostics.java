/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.Parameter;
import dev.scalinglaws.fit.internal.CompiledProblem;
import dev.scalinglaws.fit.internal.Multistart;
import dev.scalinglaws.fit.internal.Objective;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Computes the {@link Diagnostic}s of a fit: what is weak about it, in codes a report can show. {@link Fitter}
 * attaches them to every {@link FitResult}; {@link #of(FitResult, Dataset)} recomputes them for a fit and its data.
 *
 * <p>Thresholds and why:
 * <ul>
 * <li>{@code NOT_IDENTIFIABLE} (error; the status becomes {@link FitStatus#NOT_IDENTIFIABLE}): fewer distinct design
 *     points (covariate tuples among rows of positive weight) than free parameters; a covariate with one value
 *     while the law has several; covariates whose logarithms (raw values where not all positive) are affinely
 *     dependent, i.e. the smallest singular value of the centred, unit-norm design columns is below
 *     {@value #COLLINEAR_TOLERANCE} of the largest (exact relations such as D = 100 N or D = C / 6N at one budget
 *     give 1e-15; any real variation gives far more); or a flat direction of the scaled Gauss-Newton matrix
 *     ({@link Identifiability}).</li>
 * <li>{@code AT_BOUND} (warning): a free parameter on a finite bound (within 1e-6 relative, or 1e-6 absolute for a
 *     bound of magnitude below 1), or a positive parameter with lower bound 0 whose term moves no fitted value by
 *     more than {@value #BOUND_SENSITIVITY} relative per unit change of its logarithm (E = 4e-9 next to losses of 2:
 *     the data cannot tell it from 0).</li>
 * <li>{@code WEAKLY_DETERMINED} (warning): relative standard error above {@value #MAX_RELATIVE_SE} (the sign or order
 *     of magnitude is not known; a Wald interval on the log scale then spans more than two orders of magnitude), a
 *     standard error that could not be computed, or values that disagree by more than
 *     {@value #START_DISAGREEMENT} (relative) among starts ending within {@value #START_OBJECTIVE_TOLERANCE}
 *     (relative) of the best objective: the objective cannot tell those points apart.</li>
 * <li>Residual-based codes need at least {@value #MIN_RESIDUAL_DOF} residual degrees of freedom (rows minus free
 *     parameters); their noise scale is the robust s = 1.4826 MAD(r) sqrt(n / (n - p)) (the MAD of fitted residuals
 *     shrinks with the parameters fitted; Rousseeuw and Croux 1993, JASA 88, 1273), floored at 1e-6 (log
 *     residuals) or 1e-6 median|y| (linear) so that exact synthetic fits do not flag rounding.</li>
 * <li>{@code OUTLIER} (warning): |r_i - median(r)| / s above max({@value #OUTLIER_MIN_Z}, z), z the
 *     Bonferroni normal quantile Phi^-1(1 - {@value #OUTLIER_FAMILY_RATE} / (2n)): under normal errors the chance
 *     that a clean data set shows any such row is below 1%.</li>
 * <li>{@code IRREDUCIBLE_ABOVE_DATA} (warning): a free parameter named E (the irreducible loss) with
 *     ln(E / y_min) (or (E - y_min) for linear residuals) above z s, z = Phi^-1(1 - {@value #FLOOR_FAMILY_RATE} / n):
 *     every fitted value exceeds E, so a clean data set puts any row that far below E with probability below 5%.</li>
 * <li>{@code FRONTIER_BIAS} (warning): the rows of largest scale (compute 6ND, or C, or the product of the size
 *     covariates N, D, C, S, M, batch, step): the top decile (at least {@value #MIN_FRONTIER_ROWS} rows), and the rows
 *     at the largest value of a data column C (the largest isoFLOP budget) when it repeats. A set of m rows (at most
 *     half the data) is flagged when all its residuals share a sign and |mean| exceeds
 *     {@value #FRONTIER_Z} s / sqrt(m) (a 3-sigma mean shift; with the sign condition well under 1% false alarms).</li>
 * <li>{@code HIGH_CORRELATION} (info): estimates correlated beyond 0.99 ({@link Identifiability#highCorrelations()}).
 *     </li>
 * </ul>
 * Measured false-alarm rates are in {@code docs/diagnostics.md}.
 *
 * <p>Stateless and thread-safe.
 */
public final class FitDiagnostics {

    /** Relative smallest singular value of the centred design below which covariates are collinear. */
    public static final double COLLINEAR_TOLERANCE = 1e-8;
    /** Largest change of any fitted value (relative) per unit log change of a parameter treated as at its 0 bound. */
    public static final double BOUND_SENSITIVITY = 1e-6;
    /** Relative standard error above which a parameter is weakly determined. */
    public static final double MAX_RELATIVE_SE = 1;
    /** Relative disagreement among near-best starts above which a parameter is weakly determined. */
    public static final double START_DISAGREEMENT = 0.01;
    /** Relative objective distance from the best within which starts count as ending at the best objective. */
    public static final double START_OBJECTIVE_TOLERANCE = 1e-6;
    /** Residual degrees of freedom needed for residual-based diagnostics. */
    public static final int MIN_RESIDUAL_DOF = 3;
    /** Smallest robust z of an outlier. */
    public static final double OUTLIER_MIN_Z = 4;
    /** Family-wise rate of the Bonferroni outlier threshold. */
    public static final double OUTLIER_FAMILY_RATE = 0.01;
    /** Family-wise rate of the irreducible-loss threshold. */
    public static final double FLOOR_FAMILY_RATE = 0.05;
    /** Standard errors of the mean residual beyond which a frontier set is biased. */
    public static final double FRONTIER_Z = 3;
    /** Fewest rows in the top-decile frontier set. */
    public static final int MIN_FRONTIER_ROWS = 5;

    private FitDiagnostics() {
    }

    /**
     * The diagnostics of a fit, recomputed from its data (without the multistart record, so the start-disagreement
     * rule is not applied; {@link FitResult#diagnostics()} of a fresh fit includes it).
     *
     * @param fit  the fit
     * @param data the data it was fitted to
     * @return the diagnostics, errors first
     */
    public static List<Diagnostic> of(FitResult fit, Dataset data) {
        return compute(fit, new View(FitProblem.compile(fit.law(), data, fit.spec())), null, data);
    }

    /** What the diagnostics read of a compiled problem (its objective is a private copy). */
    static final class View {
        final dev.scalinglaws.core.ScalingLaw law;
        final Columns x;
        final double[] response;
        final Objective objective;
        final int[] free;
        final double[] naturalLower;
        final double[] naturalUpper;
        final boolean logResiduals;

        View(CompiledProblem c) {
            law = c.law();
            x = c.covariates();
            response = c.response();
            objective = c.newObjective();
            free = c.free();
            naturalLower = c.naturalLower();
            naturalUpper = c.naturalUpper();
            logResiduals = c.logResiduals();
        }
    }

    /**
     * Computes the diagnostics of a fresh fit and attaches them, turning a converged status into
     * {@link FitStatus#NOT_IDENTIFIABLE} when the design cannot determine the parameters.
     */
    static FitResult attach(FitResult result, CompiledProblem problem, Multistart.Outcome[] outcomes, Dataset data) {
        List<Diagnostic> d = compute(result, new View(problem), outcomes, data);
        FitStatus status = result.status();
        if (status == FitStatus.CONVERGED && d.stream().anyMatch(x -> x.code() == DiagnosticCode.NOT_IDENTIFIABLE)) {
            status = FitStatus.NOT_IDENTIFIABLE;
        }
        return result.withDiagnostics(status, d);
    }

    static List<Diagnostic> compute(FitResult r, View p, Multistart.Outcome[] outcomes, Dataset data) {
        List<Diagnostic> out = new ArrayList<>();
        int[] used = usedRows(p);
        int[] rowNumbers = new int[p.response.length];
        for (int i = 0; i < rowNumbers.length; i++) {
            rowNumbers[i] = i < data.size() ? data.rowNumber(i) : i + 1;
        }
        design(r, p, used, out);
        double[] theta = r.theta();
        boolean finite = Double.isFinite(r.objective()) && r.residuals().length == p.response.length;
        for (double t : theta) {
            finite &= Double.isFinite(t);
        }
        if (finite) {
            bounds(r, p, theta, used, out);
            weak(r, p, theta, outcomes, out);
            ResidualDiagnostics.add(r, p, theta, used, rowNumbers, data, out);
            if (r.identifiability() != null && !r.identifiability().highCorrelations().isEmpty()) {
                List<String> names = new ArrayList<>();
                for (String pair : r.identifiability().highCorrelations()) {
                    for (String n : pair.substring(0, pair.indexOf(' ')).split("~")) {
                        if (!names.contains(n)) {
                            names.add(n);
                        }
                    }
                }
                out.add(Diagnostic.of(DiagnosticCode.HIGH_CORRELATION, Severity.INFO,
                        "estimates correlated beyond 0.99: " + String.join(", ",
                                r.identifiability().highCorrelations()), names));
            }
        }
        out.sort(Comparator.comparing(Diagnostic::severity).reversed()
                .thenComparing(Diagnostic::code));
        return List.copyOf(out);
    }

    static int[] usedRows(View p) {
        double[] w = p.objective.weights();
        int n = 0;
        for (double v : w) {
            if (v > 0) {
                n++;
            }
        }
        int[] used = new int[n];
        for (int i = 0, k = 0; i < w.length; i++) {
            if (w[i] > 0) {
                used[k++] = i;
            }
        }
        return used;
    }

    private static List<String> freeNames(View p) {
        List<String> names = new ArrayList<>();
        for (int j : p.free) {
            names.add(p.law.parameters().get(j).name());
        }
        return names;
    }

    /** NOT_IDENTIFIABLE from the design alone, and from a singular Gauss-Newton matrix. */
    private static void design(FitResult r, View p, int[] used, List<Diagnostic> out) {
        Columns x = p.x;
        List<String> cov = p.law.covariates();
        int k = cov.size();
        int n = used.length;
        int dim = p.objective.dimension();
        boolean found = false;
        Set<List<Double>> points = new HashSet<>();
        int[] distinct = new int[k];
        for (int j = 0; j < k; j++) {
            Set<Double> values = new HashSet<>();
            for (int i : used) {
                values.add(x.value(j, i));
            }
            distinct[j] = values.size();
        }
        for (int i : used) {
            List<Double> pt = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                pt.add(x.value(j, i));
            }
            points.add(pt);
        }
        if (points.size() < dim) {
            out.add(Diagnostic.of(DiagnosticCode.NOT_IDENTIFIABLE, Severity.ERROR, String.format(Locale.ROOT,
                    "%d distinct design points (of %s) for %d free parameters: the parameters cannot all be "
                            + "determined; add points or pin parameters", points.size(), String.join(", ", cov), dim),
                    freeNames(p)));
            found = true;
        }
        if (k >= 2 && n > 0) {
            for (int j = 0; j < k; j++) {
                if (distinct[j] == 1) {
                    out.add(Diagnostic.of(DiagnosticCode.NOT_IDENTIFIABLE, Severity.ERROR, String.format(Locale.ROOT,
                            "covariate %s takes one value (%.6g) on every row: its effect cannot be told from the "
                                    + "constant; vary it or pin its parameters", cov.get(j), x.value(j, used[0])),
                            freeNames(p)));
                    found = true;
                }
            }
            if (!found) {
                String relation = collinearity(x, cov, used);
                if (relation != null) {
                    out.add(Diagnostic.of(DiagnosticCode.NOT_IDENTIFIABLE, Severity.ERROR,
                            "the design is exactly collinear (" + relation + " on every row): the law cannot "
                                    + "separate the effects of " + String.join(" and ", cov)
                                    + "; add rows that vary them independently", freeNames(p)));
                    found = true;
                }
            }
        }
        Identifiability id = r.identifiability();
        if (!found && id != null && !id.identifiable()) {
            StringBuilder few = new StringBuilder();
            for (int j = 0; j < k; j++) {
                if (distinct[j] < 3) {
                    few.append(String.format(Locale.ROOT, "; covariate %s takes only %d distinct values",
                            cov.get(j), distinct[j]));
                }
            }
            out.add(Diagnostic.of(DiagnosticCode.NOT_IDENTIFIABLE, Severity.ERROR, String.format(Locale.ROOT,
                    "the parameters are not identifiable from these data: %d flat direction(s) of the scaled "
                            + "Gauss-Newton matrix (condition number %.3g)%s", id.flatDirections(),
                    id.conditionNumber(), few), id.parameters()));
        }
    }

    /**
     * An exact affine relation among the (log) covariates over the used rows, described, or null. Centred columns
     * scaled to unit norm; collinear when the smallest singular value is below the tolerance times the largest.
     */
    static String collinearity(Columns x, List<String> cov, int[] used) {
        int k = cov.size();
        int n = used.length;
        if (n < 2) {
            return null;
        }
        double[][] t = new double[k][n];
        boolean[] logged = new boolean[k];
        for (int j = 0; j < k; j++) {
            boolean positive = true;
            for (int i : used) {
                positive &= x.value(j, i) > 0;
            }
            logged[j] = positive;
            double mean = 0;
            for (int a = 0; a < n; a++) {
                t[j][a] = positive ? x.logValue(j, used[a]) : x.value(j, used[a]);
                mean += t[j][a];
            }
            mean /= n;
            double norm = 0;
            for (int a = 0; a < n; a++) {
                t[j][a] -= mean;
                norm += t[j][a] * t[j][a];
            }
            norm = Math.sqrt(norm);
            if (!(norm > 0) || !Double.isFinite(norm)) {
                return null;
            }
            for (int a = 0; a < n; a++) {
                t[j][a] /= norm;
            }
        }
        DMatrixRMaj m = new DMatrixRMaj(n, k);
        for (int a = 0; a < n; a++) {
            for (int j = 0; j < k; j++) {
                m.set(a, j, t[j][a]);
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, k, false, false, true);
        if (n < k || !svd.decompose(m)) {
            return null;
        }
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double s : svd.getSingularValues()) {
            max = Math.max(max, s);
            min = Math.min(min, s);
        }
        if (!(min <= COLLINEAR_TOLERANCE * max)) {
            return null;
        }
        if (k == 2) {
            // the relation t1 = c + s t0 by least squares on the raw (log) columns
            double[] a = new double[n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = logged[0] ? x.logValue(0, used[i]) : x.value(0, used[i]);
                b[i] = logged[1] ? x.logValue(1, used[i]) : x.value(1, used[i]);
            }
            double ma = mean(a);
            double mb = mean(b);
            double sab = 0;
            double saa = 0;
            for (int i = 0; i < n; i++) {
                sab += (a[i] - ma) * (b[i] - mb);
                saa += (a[i] - ma) * (a[i] - ma);
            }
            double slope = sab / saa;
            double c = mb - slope * ma;
            if (logged[0] && logged[1]) {
                return String.format(Locale.ROOT, "%s = %.6g %s^%.6g", cov.get(1), Math.exp(c), cov.get(0), slope);
            }
            return String.format(Locale.ROOT, "%s%s = %.6g + %.6g %s%s", logged[1] ? "ln " : "", cov.get(1), c,
                    slope, logged[0] ? "ln " : "", cov.get(0));
        }
        return "the covariates " + String.join(", ", cov) + " satisfy an exact linear relation";
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** AT_BOUND. */
    private static void bounds(FitResult r, View p, double[] theta, int[] used, List<Diagnostic> out) {
        double[][] jac = null;
        double[] fitted = null;
        for (int j : p.free) {
            Parameter par = p.law.parameters().get(j);
            ParameterEstimate est = r.parameters().get(j);
            double lo = p.naturalLower[j];
            double hi = p.naturalUpper[j];
            double v = theta[j];
            String which = null;
            double bound = Double.NaN;
            if (est.onBound() || near(v, lo, par.positive())) {
                which = v - lo <= hi - v || Double.isInfinite(hi) ? "lower" : "upper";
                bound = which.equals("lower") ? lo : hi;
            } else if (near(v, hi, par.positive())) {
                which = "upper";
                bound = hi;
            }
            if (which != null) {
                out.add(Diagnostic.of(DiagnosticCode.AT_BOUND, Severity.WARNING, String.format(Locale.ROOT,
                        "%s = %.6g sits on its %s bound %.6g", par.name(), v, which, bound), List.of(par.name())));
                continue;
            }
            if (par.positive() && lo == 0 && used.length > 0) {
                if (jac == null) {
                    jac = p.objective.residualJacobian(theta);
                    fitted = fitted(r, p);
                }
                boolean log = p.logResiduals;
                double largest = 0;
                for (int i : used) {
                    double s = Math.abs(v * jac[i][j]) / (log ? 1 : Math.abs(fitted[i]));
                    largest = Math.max(largest, Double.isNaN(s) ? Double.POSITIVE_INFINITY : s);
                }
                if (largest < BOUND_SENSITIVITY) {
                    out.add(Diagnostic.of(DiagnosticCode.AT_BOUND, Severity.WARNING, String.format(Locale.ROOT,
                            "%s = %.3g sits at its lower bound 0: its term moves no fitted value by more than %.1g "
                                    + "(relative), so the data cannot tell it from 0", par.name(), v,
                            BOUND_SENSITIVITY), List.of(par.name())));
                }
            }
        }
    }

    private static boolean near(double v, double bound, boolean positive) {
        if (!Double.isFinite(bound)) {
            return false;
        }
        double tol = positive ? 1e-6 * Math.abs(bound) : 1e-6 * Math.max(1, Math.abs(bound));
        return Math.abs(v - bound) <= tol && !(positive && bound == 0);
    }

    /** Fitted values in natural units (response + residual in the fit's space, mapped back). */
    static double[] fitted(FitResult r, View p) {
        double[] res = r.residuals();
        double[] f = new double[res.length];
        boolean log = p.logResiduals;
        for (int i = 0; i < f.length; i++) {
            f[i] = log ? p.response[i] * Math.exp(res[i]) : p.response[i] + res[i];
        }
        return f;
    }

    /** WEAKLY_DETERMINED from standard errors and from the near-best starts. */
    private static void weak(FitResult r, View p, double[] theta, Multistart.Outcome[] outcomes,
                             List<Diagnostic> out) {
        Set<String> flagged = new HashSet<>();
        for (int j : p.free) {
            ParameterEstimate est = r.parameters().get(j);
            double se = est.stdError();
            double v = theta[j];
            if (!Double.isFinite(se) || !(se > 0)) {
                out.add(Diagnostic.of(DiagnosticCode.WEAKLY_DETERMINED, Severity.WARNING, String.format(Locale.ROOT,
                        "the standard error of %s could not be computed (%s): its precision is unknown",
                        est.name(), Double.isNaN(se) ? "NaN" : Double.toString(se)), List.of(est.name())));
                flagged.add(est.name());
            } else if (se > MAX_RELATIVE_SE * Math.abs(v)) {
                out.add(Diagnostic.of(DiagnosticCode.WEAKLY_DETERMINED, Severity.WARNING, String.format(Locale.ROOT,
                        "%s = %.6g has standard error %.3g, %.3g times its value: not even its order of magnitude "
                                + "is determined", est.name(), v, se, se / Math.abs(v)), List.of(est.name())));
                flagged.add(est.name());
            }
        }
        if (outcomes == null || !Double.isFinite(r.objective())) {
            return;
        }
        double tol = START_OBJECTIVE_TOLERANCE * Math.max(Math.abs(r.objective()), Double.MIN_NORMAL);
        double[] largest = new double[p.law.parameterCount()];
        int near = 0;
        double[] t = new double[p.law.parameterCount()];
        for (Multistart.Outcome o : outcomes) {
            if (!Double.isFinite(o.value()) || o.value() - r.objective() > tol) {
                continue;
            }
            near++;
            p.objective.toTheta(o.x(), t);
            for (int j : p.free) {
                double d = Math.abs(t[j] - theta[j]) / Math.abs(theta[j]);
                largest[j] = Math.max(largest[j], Double.isNaN(d) ? Double.POSITIVE_INFINITY : d);
            }
        }
        for (int j : p.free) {
            String name = p.law.parameters().get(j).name();
            if (largest[j] > START_DISAGREEMENT && !flagged.contains(name)) {
                out.add(Diagnostic.of(DiagnosticCode.WEAKLY_DETERMINED, Severity.WARNING, String.format(Locale.ROOT,
                        "%s differs by up to %.3g%% among the %d start(s) ending within %.0e of the best objective: "
                                + "the objective is flat along it", name, 100 * largest[j], near,
                        START_OBJECTIVE_TOLERANCE), List.of(name)));
            }
        }
    }
}
