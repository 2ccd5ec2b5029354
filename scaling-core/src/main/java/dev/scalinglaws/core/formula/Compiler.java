/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.formula;

import static dev.scalinglaws.core.formula.Program.ADD;
import static dev.scalinglaws.core.formula.Program.CONST;
import static dev.scalinglaws.core.formula.Program.COV;
import static dev.scalinglaws.core.formula.Program.DIV;
import static dev.scalinglaws.core.formula.Program.EXP;
import static dev.scalinglaws.core.formula.Program.EXPMUL;
import static dev.scalinglaws.core.formula.Program.LOG;
import static dev.scalinglaws.core.formula.Program.LOGCOV;
import static dev.scalinglaws.core.formula.Program.MAX;
import static dev.scalinglaws.core.formula.Program.MIN;
import static dev.scalinglaws.core.formula.Program.MUL;
import static dev.scalinglaws.core.formula.Program.NEG;
import static dev.scalinglaws.core.formula.Program.PARAM;
import static dev.scalinglaws.core.formula.Program.POW;
import static dev.scalinglaws.core.formula.Program.POWC;
import static dev.scalinglaws.core.formula.Program.SQRT;
import static dev.scalinglaws.core.formula.Program.SUB;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Emits the instructions of a {@link Program} for a formula tree: one register per distinct subexpression (repeats
 * are shared), constants folded, {@code log(x)} of a covariate read from its log column, and {@code x^p} or
 * {@code c / x^p} with a parameter-free base and a fitted exponent turned into one fused {@code exp(+-p ln x)}.
 * Constant exponents 1, 2 and 0.5 become a copy, a product and a square root. Not thread-safe (one per compile).
 */
final class Compiler {
    final List<Integer> op = new ArrayList<>();
    final List<Integer> ra = new ArrayList<>();
    final List<Integer> rb = new ArrayList<>();
    final List<Double> imm = new ArrayList<>();
    final Map<String, Integer> shared = new HashMap<>();
    final Map<String, Integer> parameters;
    final Map<String, Integer> covariates;

    Compiler(Map<String, Integer> parameters, Map<String, Integer> covariates) {
        this.parameters = parameters;
        this.covariates = covariates;
    }

    private int add(int code, int a, int b, double immediate) {
        String key = code + ":" + a + ":" + b + ":" + Double.doubleToLongBits(immediate);
        Integer seen = shared.get(key);
        if (seen != null) {
            return seen;
        }
        op.add(code);
        ra.add(a);
        rb.add(b);
        imm.add(immediate);
        shared.put(key, op.size() - 1);
        return op.size() - 1;
    }

    private int constant(double v) {
        return add(CONST, -1, -1, v);
    }

    private boolean isConstant(int r) {
        return op.get(r) == CONST;
    }

    private double constantValue(int r) {
        return imm.get(r);
    }

    private boolean dependsOnParameter(Node n) {
        boolean[] found = {false};
        n.forEach(m -> found[0] |= m.isVariable() && parameters.containsKey(m.name));
        return found[0];
    }

    /** A register holding ln of a parameter-free node: the log column of a covariate, else a LOG instruction. */
    private int logOf(Node base) {
        if (base.isVariable()) {
            return add(LOGCOV, -1, -1, covariates.get(base.name));
        }
        return unary(LOG, emit(base));
    }

    private int unary(int code, int a) {
        if (isConstant(a)) {
            double v = constantValue(a);
            return constant(switch (code) {
                case NEG -> -v;
                case EXP -> Math.exp(v);
                case LOG -> Math.log(v);
                case SQRT -> Math.sqrt(v);
                default -> throw new IllegalStateException("opcode " + code);
            });
        }
        return add(code, a, -1, 0);
    }

    private int binary(int code, int a, int b) {
        if (isConstant(a) && isConstant(b)) {
            double u = constantValue(a);
            double v = constantValue(b);
            return constant(switch (code) {
                case ADD -> u + v;
                case SUB -> u - v;
                case MUL -> u * v;
                case DIV -> u / v;
                case POW -> Math.pow(u, v);
                case MIN -> Math.min(u, v);
                case MAX -> Math.max(u, v);
                default -> throw new IllegalStateException("opcode " + code);
            });
        }
        if (code == ADD || code == MUL || code == MIN || code == MAX) {
            // commutative: one order, so that a + b and b + a share a register
            return add(code, Math.min(a, b), Math.max(a, b), 0);
        }
        return add(code, a, b, 0);
    }

    int emit(Node n) {
        switch (n.kind) {
            case NUM:
                return constant(n.value);
            case VAR: {
                Integer j = parameters.get(n.name);
                if (j != null) {
                    return add(PARAM, -1, -1, j);
                }
                Integer c = covariates.get(n.name);
                if (c == null) {
                    throw new IllegalStateException("identifier " + n.name + " is neither parameter nor covariate");
                }
                return add(COV, -1, -1, c);
            }
            case NEG:
                return unary(NEG, emit(n.a));
            case EXP:
                return unary(EXP, emit(n.a));
            case SQRT:
                return unary(SQRT, emit(n.a));
            case LOG:
                if (n.a.isVariable() && covariates.containsKey(n.a.name)) {
                    return logOf(n.a);
                }
                return unary(LOG, emit(n.a));
            case DIV:
                // c / x^p with a parameter-free base x and a fitted exponent p: c * exp(-p ln x)
                if (isFittedPower(n.b)) {
                    int e = add(EXPMUL, emit(n.b.b), logOf(n.b.a), -1);
                    int c = emit(n.a);
                    if (isConstant(c) && constantValue(c) == 1) {
                        return e;
                    }
                    return binary(MUL, c, e);
                }
                return binary(DIV, emit(n.a), emit(n.b));
            case POW: {
                if (isFittedPower(n)) {
                    return add(EXPMUL, emit(n.b), logOf(n.a), 1);
                }
                int base = emit(n.a);
                int exponent = emit(n.b);
                if (isConstant(exponent) && !isConstant(base)) {
                    double c = constantValue(exponent);
                    if (c == 1) {
                        return base;
                    }
                    if (c == 2) {
                        return binary(MUL, base, base);
                    }
                    if (c == 0.5) {
                        return unary(SQRT, base);
                    }
                    return add(POWC, base, -1, c);
                }
                return binary(POW, base, exponent);
            }
            case ADD:
                return binary(ADD, emit(n.a), emit(n.b));
            case SUB:
                return binary(SUB, emit(n.a), emit(n.b));
            case MUL:
                return binary(MUL, emit(n.a), emit(n.b));
            case MIN:
                return binary(MIN, emit(n.a), emit(n.b));
            case MAX:
                return binary(MAX, emit(n.a), emit(n.b));
            default:
                throw new IllegalStateException("node " + n.kind);
        }
    }

    /** x^p with a parameter-free base x and a fitted exponent p. */
    private boolean isFittedPower(Node n) {
        return n.kind == Node.Kind.POW && !dependsOnParameter(n.a) && dependsOnParameter(n.b)
                && (!n.a.isNumber() || n.a.value > 0);
    }
}
