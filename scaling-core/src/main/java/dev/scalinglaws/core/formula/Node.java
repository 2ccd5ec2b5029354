/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.formula;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A node of a parsed formula: a literal, an identifier, or an operator or function applied to one or two operands
 * (min and max of more arguments nest to the left). Immutable. {@link #toString()} is the normalised text: single
 * spaces around {@code + - * /}, none around {@code ^}, and only the parentheses that precedence needs; parsing it
 * gives an equal tree.
 */
final class Node implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Node kinds. */
    enum Kind {
        NUM(9, ""), VAR(9, ""), ADD(1, " + "), SUB(1, " - "), MUL(2, " * "), DIV(2, " / "), NEG(3, "-"),
        POW(4, "^"), EXP(9, "exp"), LOG(9, "log"), SQRT(9, "sqrt"), MIN(9, "min"), MAX(9, "max");

        final int precedence;
        final String symbol;

        Kind(int precedence, String symbol) {
            this.precedence = precedence;
            this.symbol = symbol;
        }

        boolean binaryOperator() {
            return this == ADD || this == SUB || this == MUL || this == DIV || this == POW;
        }

        boolean function() {
            return this == EXP || this == LOG || this == SQRT || this == MIN || this == MAX;
        }
    }

    final Kind kind;
    final double value;
    final String name;
    final Node a;
    final Node b;
    /** 1-based position in the source text (0 for nodes made by rewriting). */
    final transient int position;

    private Node(Kind kind, double value, String name, Node a, Node b, int position) {
        this.kind = kind;
        this.value = value;
        this.name = name;
        this.a = a;
        this.b = b;
        this.position = position;
    }

    static Node number(double value, int position) {
        return new Node(Kind.NUM, value, null, null, null, position);
    }

    static Node variable(String name, int position) {
        return new Node(Kind.VAR, 0, name, null, null, position);
    }

    static Node unary(Kind kind, Node a, int position) {
        return new Node(kind, 0, null, a, null, position);
    }

    static Node binary(Kind kind, Node a, Node b, int position) {
        return new Node(kind, 0, null, a, b, position);
    }

    boolean isNumber() {
        return kind == Kind.NUM;
    }

    boolean isVariable() {
        return kind == Kind.VAR;
    }

    /** Visits this node and its descendants, parents first, left to right. */
    void forEach(Consumer<Node> visitor) {
        visitor.accept(this);
        if (a != null) {
            a.forEach(visitor);
        }
        if (b != null) {
            b.forEach(visitor);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Node n) || n.kind != kind) {
            return false;
        }
        return Double.compare(n.value, value) == 0 && Objects.equals(n.name, name) && Objects.equals(n.a, a)
                && Objects.equals(n.b, b);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, value, name, a, b);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        write(sb);
        return sb.toString();
    }

    private void write(StringBuilder sb) {
        switch (kind) {
            case NUM -> sb.append(literal(value));
            case VAR -> sb.append(name);
            case NEG -> {
                sb.append('-');
                child(sb, a, a.kind.precedence < Kind.NEG.precedence);
            }
            case EXP, LOG, SQRT -> {
                sb.append(kind.symbol).append('(');
                a.write(sb);
                sb.append(')');
            }
            case MIN, MAX -> {
                sb.append(kind.symbol).append('(');
                a.write(sb);
                sb.append(", ");
                b.write(sb);
                sb.append(')');
            }
            case POW -> {
                // the base is an atom; the exponent may be signed or itself a power (right associative)
                child(sb, a, a.kind.precedence <= Kind.POW.precedence || a.isNumber() && a.value < 0);
                sb.append('^');
                child(sb, b, b.kind.precedence < Kind.NEG.precedence);
            }
            default -> {
                int p = kind.precedence;
                child(sb, a, a.kind.precedence < p);
                sb.append(kind.symbol);
                boolean rightStrict = kind == Kind.SUB || kind == Kind.DIV;
                child(sb, b, b.kind.precedence < p || rightStrict && b.kind.precedence == p);
            }
        }
    }

    private static void child(StringBuilder sb, Node n, boolean parens) {
        if (parens) {
            sb.append('(');
        }
        n.write(sb);
        if (parens) {
            sb.append(')');
        }
    }

    /** The shortest text that parses back to {@code v}. */
    static String literal(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = BigDecimal.valueOf(v).stripTrailingZeros().toString();
        return s.replace("E+", "e").replace('E', 'e');
    }
}
