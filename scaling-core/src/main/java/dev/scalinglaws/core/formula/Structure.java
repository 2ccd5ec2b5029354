/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.formula;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a formula's shape says about its parameters: the {@link FormulaLaw.Role} of each, and whether the formula is
 * a sum of terms each of which is one parameter times a factor free of the other coefficients (then those
 * parameters enter linearly and variable projection applies).
 */
final class Structure {

    /** One additive term: its sign, its tree, its coefficient (or null) and the basis (the term over it). */
    record Term(boolean negative, Node node, String coefficient, Node basis) {
    }

    final List<String> covariates;
    final List<String> parameters;
    final Map<String, FormulaLaw.Role> roles;
    final List<Term> terms;
    /** Whether every term has a coefficient of its own that appears nowhere else. */
    final boolean linear;

    Structure(Node root, Set<String> covariateNames) {
        Set<String> cov = new LinkedHashSet<>();
        Set<String> par = new LinkedHashSet<>();
        Map<String, Integer> uses = new LinkedHashMap<>();
        root.forEach(n -> {
            if (n.isVariable()) {
                (covariateNames.contains(n.name) ? cov : par).add(n.name);
                uses.merge(n.name, 1, Integer::sum);
            }
        });
        this.covariates = List.copyOf(cov);
        this.parameters = List.copyOf(par);
        Map<String, FormulaLaw.Role> r = new LinkedHashMap<>();
        for (String p : parameters) {
            r.put(p, FormulaLaw.Role.OTHER);
        }
        walk(root, false, false, r);
        List<Term> t = new ArrayList<>();
        flattenSum(root, false, t);
        boolean allLinear = true;
        Set<String> coefficients = new LinkedHashSet<>();
        List<Term> resolved = new ArrayList<>();
        for (Term term : t) {
            List<Node> numerator = new ArrayList<>();
            List<Node> denominator = new ArrayList<>();
            boolean[] negative = {term.negative()};
            flattenProduct(term.node(), numerator, denominator, negative);
            String coefficient = null;
            for (Node f : numerator) {
                if (f.isVariable() && par.contains(f.name)) {
                    coefficient = f.name;
                    break;
                }
            }
            if (coefficient != null) {
                boolean powered = false;
                for (Node f : numerator) {
                    powered |= f != null && !(f.isVariable() && f.name.equals(coefficient)) && hasPowerOrExp(f);
                }
                for (Node f : denominator) {
                    powered |= hasPowerOrExp(f);
                }
                boolean bare = numerator.size() == 1 && denominator.isEmpty();
                if (powered) {
                    promote(r, coefficient, FormulaLaw.Role.COEFFICIENT);
                } else if (bare && !negative[0]) {
                    promote(r, coefficient, FormulaLaw.Role.CONSTANT);
                }
            }
            boolean own = coefficient != null && uses.get(coefficient) == 1 && coefficients.add(coefficient);
            allLinear &= own;
            resolved.add(new Term(negative[0], term.node(), own ? coefficient : null,
                    own ? basis(numerator, denominator, coefficient, negative[0]) : null));
        }
        this.roles = r;
        this.terms = List.copyOf(resolved);
        this.linear = allLinear && !parameters.isEmpty();
    }

    private static void promote(Map<String, FormulaLaw.Role> roles, String name, FormulaLaw.Role role) {
        roles.merge(name, role, (old, now) -> old.ordinal() <= now.ordinal() ? old : now);
    }

    /** Marks exponents (right of ^, inside exp) and scales (base of ^, inside log and sqrt). */
    private void walk(Node n, boolean exponent, boolean scale, Map<String, FormulaLaw.Role> roles) {
        switch (n.kind) {
            case VAR -> {
                if (roles.containsKey(n.name)) {
                    if (exponent) {
                        promote(roles, n.name, FormulaLaw.Role.EXPONENT);
                    } else if (scale) {
                        promote(roles, n.name, FormulaLaw.Role.SCALE);
                    }
                }
            }
            case NUM -> {
            }
            case POW -> {
                walk(n.a, exponent, true, roles);
                walk(n.b, true, false, roles);
            }
            case EXP -> walk(n.a, true, false, roles);
            case LOG, SQRT -> walk(n.a, exponent, true, roles);
            default -> {
                walk(n.a, exponent, scale, roles);
                if (n.b != null) {
                    walk(n.b, exponent, scale, roles);
                }
            }
        }
    }

    private static boolean hasPowerOrExp(Node n) {
        boolean[] found = {false};
        n.forEach(m -> found[0] |= m.kind == Node.Kind.POW || m.kind == Node.Kind.EXP);
        return found[0];
    }

    private static void flattenSum(Node n, boolean negative, List<Term> out) {
        switch (n.kind) {
            case ADD -> {
                flattenSum(n.a, negative, out);
                flattenSum(n.b, negative, out);
            }
            case SUB -> {
                flattenSum(n.a, negative, out);
                flattenSum(n.b, !negative, out);
            }
            case NEG -> flattenSum(n.a, !negative, out);
            default -> out.add(new Term(negative, n, null, null));
        }
    }

    private static void flattenProduct(Node n, List<Node> numerator, List<Node> denominator, boolean[] negative) {
        switch (n.kind) {
            case MUL -> {
                flattenProduct(n.a, numerator, denominator, negative);
                flattenProduct(n.b, numerator, denominator, negative);
            }
            case DIV -> {
                flattenProduct(n.a, numerator, denominator, negative);
                denominator.add(n.b);
            }
            case NEG -> {
                negative[0] = !negative[0];
                flattenProduct(n.a, numerator, denominator, negative);
            }
            default -> numerator.add(n);
        }
    }

    /** The term with its coefficient replaced by 1 (and its sign applied). */
    private static Node basis(List<Node> numerator, List<Node> denominator, String coefficient, boolean negative) {
        Node product = null;
        boolean skipped = false;
        for (Node f : numerator) {
            if (!skipped && f.isVariable() && f.name.equals(coefficient)) {
                skipped = true;
                continue;
            }
            product = product == null ? f : Node.binary(Node.Kind.MUL, product, f, 0);
        }
        if (product == null) {
            product = Node.number(1, 0);
        }
        for (Node d : denominator) {
            product = Node.binary(Node.Kind.DIV, product, d, 0);
        }
        return negative ? Node.unary(Node.Kind.NEG, product, 0) : product;
    }
}
