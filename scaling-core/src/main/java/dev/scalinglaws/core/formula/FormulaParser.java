/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.formula;

import java.util.Locale;

/**
 * A recursive-descent parser for formulas such as {@code E + A / N^alpha + B / D^beta}.
 *
 * <pre>
 *   sum     = product (('+' | '-') product)*
 *   product = unary (('*' | '/') unary)*
 *   unary   = '-' unary | '+' unary | power
 *   power   = atom (('^' | '**') unary)?            right associative: a^b^c = a^(b^c), -a^2 = -(a^2)
 *   atom    = number | identifier | function '(' sum (',' sum)* ')' | '(' sum ')'
 *   number  = digits ['.' digits] [('e' | 'E') ['+' | '-'] digits]   (also '.5')
 * </pre>
 *
 * Functions: {@code exp log sqrt} (one argument) and {@code min max} (two or more). Every error is a
 * {@link FormulaException} naming the 1-based position. Not thread-safe (one instance per parse).
 */
final class FormulaParser {

    private final String text;
    private int pos;

    private FormulaParser(String text) {
        this.text = text;
    }

    /**
     * Parses a formula.
     *
     * @param text the formula
     * @return its tree
     * @throws FormulaException naming the position of the first problem
     */
    static Node parse(String text) {
        if (text == null || text.isBlank()) {
            throw new FormulaException(1, "empty formula");
        }
        FormulaParser p = new FormulaParser(text);
        Node n = p.sum();
        p.skipSpace();
        if (p.pos < text.length()) {
            char c = text.charAt(p.pos);
            String what = c == ')' ? "unmatched ')'"
                    : Character.isLetterOrDigit(c) || c == '(' || c == '_' || c == '.'
                    ? String.format(Locale.ROOT, "expected an operator, found '%s'", token(p))
                    : String.format(Locale.ROOT, "unexpected character '%s'", c);
            throw new FormulaException(p.pos + 1, what);
        }
        return n;
    }

    private static String token(FormulaParser p) {
        int end = p.pos + 1;
        if (Character.isLetterOrDigit(p.text.charAt(p.pos))) {
            while (end < p.text.length() && (Character.isLetterOrDigit(p.text.charAt(end))
                    || p.text.charAt(end) == '_' || p.text.charAt(end) == '.')) {
                end++;
            }
        }
        return p.text.substring(p.pos, end);
    }

    private Node sum() {
        Node left = product();
        while (true) {
            skipSpace();
            int at = pos + 1;
            if (peek('+')) {
                pos++;
                left = Node.binary(Node.Kind.ADD, left, product(), at);
            } else if (peek('-')) {
                pos++;
                left = Node.binary(Node.Kind.SUB, left, product(), at);
            } else {
                return left;
            }
        }
    }

    private Node product() {
        Node left = unary();
        while (true) {
            skipSpace();
            int at = pos + 1;
            if (peek('*') && !peekAt(pos + 1, '*')) {
                pos++;
                left = Node.binary(Node.Kind.MUL, left, unary(), at);
            } else if (peek('/')) {
                pos++;
                left = Node.binary(Node.Kind.DIV, left, unary(), at);
            } else {
                return left;
            }
        }
    }

    private Node unary() {
        skipSpace();
        int at = pos + 1;
        if (peek('-')) {
            pos++;
            return Node.unary(Node.Kind.NEG, unary(), at);
        }
        if (peek('+')) {
            pos++;
            return unary();
        }
        return power();
    }

    private Node power() {
        Node base = atom();
        skipSpace();
        int at = pos + 1;
        if (peek('^')) {
            pos++;
            return Node.binary(Node.Kind.POW, base, unary(), at);
        }
        if (peek('*') && peekAt(pos + 1, '*')) {
            pos += 2;
            return Node.binary(Node.Kind.POW, base, unary(), at);
        }
        return base;
    }

    private Node atom() {
        skipSpace();
        int at = pos + 1;
        if (pos >= text.length()) {
            throw new FormulaException(at, "formula ends where an operand is expected");
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            Node inner = sum();
            skipSpace();
            if (!peek(')')) {
                throw new FormulaException(pos >= text.length() ? at : pos + 1, pos >= text.length()
                        ? "'(' is not closed" : String.format(Locale.ROOT, "expected ')', found '%s'", token(this)));
            }
            pos++;
            return inner;
        }
        if (Character.isDigit(c) || c == '.') {
            return number(at);
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            String name = text.substring(start, pos);
            skipSpace();
            Node.Kind fn = function(name);
            if (peek('(')) {
                if (fn == null) {
                    throw new FormulaException(at, String.format(Locale.ROOT,
                            "unknown function '%s' (functions: exp, log, sqrt, min, max)", name));
                }
                return call(fn, name, at);
            }
            if (fn != null) {
                throw new FormulaException(at, String.format(Locale.ROOT, "function '%s' needs arguments: %s(...)",
                        name, name));
            }
            return Node.variable(name, at);
        }
        if (c == ')') {
            throw new FormulaException(at, "expected an operand, found ')'");
        }
        throw new FormulaException(at, String.format(Locale.ROOT, "unexpected character '%s'", token(this)));
    }

    private Node call(Node.Kind fn, String name, int at) {
        pos++;
        Node first = sum();
        int args = 1;
        Node result = first;
        skipSpace();
        while (peek(',')) {
            int commaAt = pos + 1;
            pos++;
            Node next = sum();
            args++;
            if (fn != Node.Kind.MIN && fn != Node.Kind.MAX) {
                throw new FormulaException(commaAt, String.format(Locale.ROOT, "%s takes one argument", name));
            }
            result = Node.binary(fn, result, next, at);
            skipSpace();
        }
        if (!peek(')')) {
            throw new FormulaException(pos >= text.length() ? at + name.length() : pos + 1,
                    pos >= text.length() ? "'(' is not closed"
                            : String.format(Locale.ROOT, "expected ',' or ')', found '%s'", token(this)));
        }
        pos++;
        if ((fn == Node.Kind.MIN || fn == Node.Kind.MAX) && args < 2) {
            throw new FormulaException(at, String.format(Locale.ROOT, "%s takes two or more arguments", name));
        }
        return args == 1 ? Node.unary(fn, first, at) : result;
    }

    private Node number(int at) {
        int start = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (peek('.')) {
            pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int mark = pos;
            pos++;
            if (peek('+') || peek('-')) {
                pos++;
            }
            if (pos >= text.length() || !Character.isDigit(text.charAt(pos))) {
                throw new FormulaException(mark + 1, String.format(Locale.ROOT, "malformed number '%s'",
                        text.substring(start, pos)));
            }
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        String s = text.substring(start, pos);
        if (s.equals(".")) {
            throw new FormulaException(at, "malformed number '.'");
        }
        if (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
            throw new FormulaException(pos + 1, String.format(Locale.ROOT,
                    "a number is followed by '%s'; write * for a product", text.charAt(pos)));
        }
        double v = Double.parseDouble(s);
        if (!Double.isFinite(v)) {
            throw new FormulaException(at, String.format(Locale.ROOT, "number '%s' is out of range", s));
        }
        return Node.number(v, at);
    }

    private static Node.Kind function(String name) {
        return switch (name) {
            case "exp" -> Node.Kind.EXP;
            case "log", "ln" -> Node.Kind.LOG;
            case "sqrt" -> Node.Kind.SQRT;
            case "min" -> Node.Kind.MIN;
            case "max" -> Node.Kind.MAX;
            default -> null;
        };
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private boolean peekAt(int i, char c) {
        return i < text.length() && text.charAt(i) == c;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
