/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit.laws;

import java.util.ArrayList;
import java.util.List;

import dev.scalinglaws.core.Parameter;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.testkit.ScalingLawContract;
import dev.scalinglaws.testkit.Sweeps;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * The contract with the domain the library's own law tests always used: positive parameters log-uniform over their
 * start range (from 1e-3 up), exponents either in [0.01, min(upper, 1.5)] or small (1e-3..0.05, where precision is
 * hardest to keep).
 */
abstract class BuiltInLawContract extends ScalingLawContract {

    @Override
    protected Arbitrary<double[]> parameterDomain() {
        ScalingLaw law = law();
        List<Arbitrary<Double>> each = new ArrayList<>();
        for (int j = 0; j < law.parameterCount(); j++) {
            Parameter p = law.parameters().get(j);
            double[] r = law.startRange(j);
            if (p.positive()) {
                each.add(Sweeps.logUniform(Math.max(r[0], 1e-3), r[1]));
            } else {
                each.add(Arbitraries.oneOf(Sweeps.uniform(0.01, Math.min(r[1], 1.5)), Sweeps.logUniform(1e-3, 0.05)));
            }
        }
        return Combinators.combine(each).as(BuiltInLawContract::toArray);
    }

    static double[] toArray(List<Double> values) {
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return a;
    }

    /**
     * A parameter vector of one law in the order of another whose parameters it names (a formula law lists its
     * parameters in order of first appearance, which need not be the built-in law's order; a tied law has fewer).
     *
     * @param from  the law whose order theta is in
     * @param to    the law whose order is wanted
     * @param theta the vector
     * @return the vector in {@code to}'s order
     */
    static double[] inOrderOf(ScalingLaw from, ScalingLaw to, double[] theta) {
        double[] out = new double[to.parameterCount()];
        for (int j = 0; j < out.length; j++) {
            out[j] = theta[from.indexOf(to.parameters().get(j).name())];
        }
        return out;
    }

    /** Each value from its own arbitrary, as a vector. */
    @SafeVarargs
    static Arbitrary<double[]> vector(Arbitrary<Double>... each) {
        return Combinators.combine(List.of(each)).as(BuiltInLawContract::toArray);
    }
}
