/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.formula;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.scalinglaws.core.Columns;

/**
 * A formula compiled to a flat instruction array in static single assignment form: instruction {@code i} writes
 * register {@code i}, a block of {@link #BLOCK} doubles. Evaluation runs instruction by instruction over a block of
 * rows (column at a time, so each instruction is one tight loop the JIT compiles once), then, for the Jacobian,
 * runs the instructions backwards accumulating adjoints: reverse-mode automatic differentiation, exact to rounding,
 * one backward sweep for all parameters. A hand-written tape instead of an expression library: the per-row cost
 * must stay within a small factor of the hand-written laws (see {@code FormulaBenchmark}).
 *
 * <p>The compiler folds constant subexpressions, shares repeated subexpressions, reads the logarithm of a covariate
 * from {@link Columns#logColumn} instead of taking it per row, and turns {@code x^p} and {@code c / x^p} with a
 * covariate (or other parameter-free) base into one fused {@code exp(+-p ln x)} instruction, so that
 * {@code E + A / N^alpha + B / D^beta} costs two exponentials per row, like the hand-written Chinchilla law.
 *
 * <p>Immutable and thread-safe: the register blocks live in a per-thread scratch ({@link ThreadLocal}), allocated
 * on a thread's first call; later calls allocate nothing.
 */
final class Program {

    /** Rows per block. */
    static final int BLOCK = 128;

    static final int PARAM = 0;
    static final int CONST = 1;
    static final int COV = 2;
    static final int LOGCOV = 3;
    static final int ADD = 4;
    static final int SUB = 5;
    static final int MUL = 6;
    static final int DIV = 7;
    static final int NEG = 8;
    static final int EXP = 9;
    static final int LOG = 10;
    static final int SQRT = 11;
    static final int POW = 12;
    /** y = pow(a, c) for a constant c. */
    static final int POWC = 13;
    /** y = exp(c * a * b) for c = +1 or -1. */
    static final int EXPMUL = 14;
    static final int MIN = 15;
    static final int MAX = 16;

    private final int[] op;
    private final int[] ra;
    private final int[] rb;
    private final double[] imm;
    /** Whether register i depends on a parameter (only those carry adjoints). */
    private final boolean[] active;
    /** Instructions run per block: everything but the per-call PARAM and CONST loads. */
    private final int[] body;
    private final int[] uniforms;
    private final int[] paramRegister;
    private final int out;
    private final boolean readsLogs;
    private final transient ThreadLocal<Scratch> scratch;

    private static final class Scratch {
        final double[][] val;
        final double[][] adj;

        Scratch(int n) {
            val = new double[n][BLOCK];
            adj = new double[n][BLOCK];
        }
    }

    private Program(Compiler b, int out, int parameterCount) {
        int n = b.op.size();
        this.op = b.op.stream().mapToInt(Integer::intValue).toArray();
        this.ra = b.ra.stream().mapToInt(Integer::intValue).toArray();
        this.rb = b.rb.stream().mapToInt(Integer::intValue).toArray();
        this.imm = b.imm.stream().mapToDouble(Double::doubleValue).toArray();
        this.active = new boolean[n];
        boolean logs = false;
        List<Integer> bodyList = new ArrayList<>();
        List<Integer> uniformList = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            switch (op[i]) {
                case PARAM -> active[i] = true;
                case CONST -> active[i] = false;
                case COV -> active[i] = false;
                case LOGCOV -> {
                    active[i] = false;
                    logs = true;
                }
                default -> active[i] = active[ra[i]] || (rb[i] >= 0 && active[rb[i]]);
            }
            if (op[i] == PARAM || op[i] == CONST) {
                uniformList.add(i);
            } else {
                bodyList.add(i);
            }
        }
        this.body = bodyList.stream().mapToInt(Integer::intValue).toArray();
        this.uniforms = uniformList.stream().mapToInt(Integer::intValue).toArray();
        this.paramRegister = new int[parameterCount];
        Arrays.fill(paramRegister, -1);
        for (int i = 0; i < n; i++) {
            if (op[i] == PARAM) {
                paramRegister[(int) imm[i]] = i;
            }
        }
        this.out = out;
        this.readsLogs = logs;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(n));
    }

    /**
     * Compiles a formula tree.
     *
     * @param root       the tree
     * @param parameters parameter name to index in theta
     * @param covariates covariate name to column index
     * @return the program
     */
    static Program compile(Node root, Map<String, Integer> parameters, Map<String, Integer> covariates) {
        Compiler b = new Compiler(parameters, covariates);
        int out = b.emit(root);
        return new Program(b, out, parameters.size());
    }

    /** Whether the program reads the logarithm of a covariate (which must then be positive). */
    boolean readsLogs() {
        return readsLogs;
    }

    /** Number of instructions. */
    int length() {
        return op.length;
    }

    /**
     * Values and, optionally, the Jacobian on rows {@code [from, to)}.
     *
     * @param theta    parameters
     * @param x        covariates
     * @param from     first row
     * @param to       end row (exclusive)
     * @param value    output, indexed from 0
     * @param jacobian output {@code [parameter][row - from]}, or null
     * @param log      whether to return ln f (NaN where f is not positive) and the Jacobian of ln f
     */
    void run(double[] theta, Columns x, int from, int to, double[] value, double[][] jacobian, boolean log) {
        Scratch s = scratch.get();
        double[][] val = s.val;
        double[][] adj = s.adj;
        for (int i : uniforms) {
            Arrays.fill(val[i], op[i] == PARAM ? theta[(int) imm[i]] : imm[i]);
        }
        for (int start = from; start < to; start += BLOCK) {
            int len = Math.min(BLOCK, to - start);
            forward(x, start, len, val);
            double[] f = val[out];
            int o = start - from;
            if (log) {
                for (int k = 0; k < len; k++) {
                    double v = f[k];
                    value[o + k] = v > 0 ? Math.log(v) : Double.NaN;
                }
            } else {
                System.arraycopy(f, 0, value, o, len);
            }
            if (jacobian == null) {
                continue;
            }
            for (int i = 0; i < op.length; i++) {
                if (active[i] && i != out) {
                    Arrays.fill(adj[i], 0, len, 0);
                }
            }
            // seed 1 and divide by f afterwards for ln f: the adjoints are those of f itself, so a log-space
            // Jacobian overflows exactly where the linear one does
            Arrays.fill(adj[out], 0, len, 1);
            backward(len, val, adj);
            for (int j = 0; j < jacobian.length; j++) {
                int r = paramRegister[j];
                double[] jj = jacobian[j];
                if (r < 0) {
                    Arrays.fill(jj, o, o + len, 0);
                } else if (log) {
                    double[] g = adj[r];
                    for (int k = 0; k < len; k++) {
                        jj[o + k] = g[k] / f[k];
                    }
                } else {
                    System.arraycopy(adj[r], 0, jj, o, len);
                }
            }
        }
    }

    private void forward(Columns x, int start, int len, double[][] val) {
        for (int i : body) {
            double[] y = val[i];
            double[] a = ra[i] >= 0 ? val[ra[i]] : null;
            double[] b = rb[i] >= 0 ? val[rb[i]] : null;
            switch (op[i]) {
                case COV -> System.arraycopy(x.rawColumn((int) imm[i]), start, y, 0, len);
                case LOGCOV -> System.arraycopy(x.logColumn((int) imm[i]), start, y, 0, len);
                case ADD -> {
                    for (int k = 0; k < len; k++) {
                        y[k] = a[k] + b[k];
                    }
                }
                case SUB -> {
                    for (int k = 0; k < len; k++) {
                        y[k] = a[k] - b[k];
                    }
                }
                case MUL -> {
                    for (int k = 0; k < len; k++) {
                        y[k] = a[k] * b[k];
                    }
                }
                case DIV -> {
                    for (int k = 0; k < len; k++) {
                        y[k] = a[k] / b[k];
                    }
                }
                case NEG -> {
                    for (int k = 0; k < len; k++) {
                        y[k] = -a[k];
                    }
                }
                case EXP -> {
                    for (int k = 0; k < len; k++) {
                        y[k] = Math.exp(a[k]);
                    }
                }
                case LOG -> {
                    for (int k = 0; k < len; k++) {
                        y[k] = Math.log(a[k]);
                    }
                }
                case SQRT -> {
                    for (int k = 0; k < len; k++) {
                        y[k] = Math.sqrt(a[k]);
                    }
                }
                case POW -> {
                    for (int k = 0; k < len; k++) {
                        y[k] = Math.pow(a[k], b[k]);
                    }
                }
                case POWC -> {
                    double c = imm[i];
                    for (int k = 0; k < len; k++) {
                        y[k] = Math.pow(a[k], c);
                    }
                }
                case EXPMUL -> {
                    double c = imm[i];
                    for (int k = 0; k < len; k++) {
                        y[k] = Math.exp(c * a[k] * b[k]);
                    }
                }
                case MIN -> {
                    for (int k = 0; k < len; k++) {
                        y[k] = Math.min(a[k], b[k]);
                    }
                }
                case MAX -> {
                    for (int k = 0; k < len; k++) {
                        y[k] = Math.max(a[k], b[k]);
                    }
                }
                default -> throw new IllegalStateException("opcode " + op[i]);
            }
        }
    }

    private void backward(int len, double[][] val, double[][] adj) {
        for (int q = body.length - 1; q >= 0; q--) {
            int i = body[q];
            if (!active[i]) {
                continue;
            }
            double[] g = adj[i];
            double[] y = val[i];
            int ia = ra[i];
            int ib = rb[i];
            double[] a = ia >= 0 ? val[ia] : null;
            double[] b = ib >= 0 ? val[ib] : null;
            double[] ga = ia >= 0 && active[ia] ? adj[ia] : null;
            double[] gb = ib >= 0 && active[ib] ? adj[ib] : null;
            switch (op[i]) {
                case ADD -> {
                    addTo(ga, g, 1, len);
                    addTo(gb, g, 1, len);
                }
                case SUB -> {
                    addTo(ga, g, 1, len);
                    addTo(gb, g, -1, len);
                }
                case NEG -> addTo(ga, g, -1, len);
                case MUL -> {
                    if (ga != null) {
                        for (int k = 0; k < len; k++) {
                            ga[k] += g[k] * b[k];
                        }
                    }
                    if (gb != null) {
                        for (int k = 0; k < len; k++) {
                            gb[k] += g[k] * a[k];
                        }
                    }
                }
                case DIV -> {
                    if (ga != null) {
                        for (int k = 0; k < len; k++) {
                            ga[k] += g[k] / b[k];
                        }
                    }
                    if (gb != null) {
                        for (int k = 0; k < len; k++) {
                            gb[k] -= g[k] * y[k] / b[k];
                        }
                    }
                }
                case EXP -> {
                    for (int k = 0; k < len; k++) {
                        ga[k] += g[k] * y[k];
                    }
                }
                case LOG -> {
                    for (int k = 0; k < len; k++) {
                        ga[k] += g[k] / a[k];
                    }
                }
                case SQRT -> {
                    for (int k = 0; k < len; k++) {
                        ga[k] += 0.5 * g[k] / y[k];
                    }
                }
                case POW -> {
                    if (ga != null) {
                        for (int k = 0; k < len; k++) {
                            ga[k] += g[k] * b[k] * Math.pow(a[k], b[k] - 1);
                        }
                    }
                    if (gb != null) {
                        // d a^b / d b = a^b ln a; 0 where a^b is 0 (a = 0, b > 0), not 0 * -infinity
                        for (int k = 0; k < len; k++) {
                            gb[k] += y[k] == 0 ? 0 : g[k] * y[k] * Math.log(a[k]);
                        }
                    }
                }
                case POWC -> {
                    double c = imm[i];
                    for (int k = 0; k < len; k++) {
                        ga[k] += g[k] * c * Math.pow(a[k], c - 1);
                    }
                }
                case EXPMUL -> {
                    double c = imm[i];
                    if (ga != null) {
                        for (int k = 0; k < len; k++) {
                            ga[k] += c * g[k] * y[k] * b[k];
                        }
                    }
                    if (gb != null) {
                        for (int k = 0; k < len; k++) {
                            gb[k] += c * g[k] * y[k] * a[k];
                        }
                    }
                }
                case MIN, MAX -> {
                    boolean min = op[i] == MIN;
                    for (int k = 0; k < len; k++) {
                        // the selected operand takes the adjoint (the first one on a tie)
                        boolean first = min ? a[k] <= b[k] : a[k] >= b[k];
                        if (first) {
                            if (ga != null) {
                                ga[k] += g[k];
                            }
                        } else if (gb != null) {
                            gb[k] += g[k];
                        }
                    }
                }
                default -> throw new IllegalStateException("opcode " + op[i]);
            }
        }
    }

    private static void addTo(double[] target, double[] g, double sign, int len) {
        if (target == null) {
            return;
        }
        for (int k = 0; k < len; k++) {
            target[k] += sign * g[k];
        }
    }
}
