/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.internal;

import java.util.function.Function;

/**
 * The bridge from the public {@code dev.scalinglaws.fit.FitProblem} to its {@link CompiledProblem}, for the
 * library's own packages (uncertainty, benchmarks) without a compiled type in the public API. The problem installs
 * the accessor once, when its class is initialised (which has happened before any problem exists). Typed on
 * {@link Object} so that this package depends on nothing in {@code dev.scalinglaws.fit}. Not API.
 */
public final class ProblemAccess {

    private static volatile Function<Object, CompiledProblem> accessor;

    private ProblemAccess() {
    }

    /**
     * Installs the accessor; called once by {@code FitProblem}.
     *
     * @param value the accessor (throws {@link ClassCastException} for anything but a {@code FitProblem})
     * @throws IllegalStateException if one is installed already
     */
    public static synchronized void install(Function<Object, CompiledProblem> value) {
        if (accessor != null) {
            throw new IllegalStateException("the problem accessor is installed already");
        }
        accessor = value;
    }

    /**
     * The compiled form of a problem (shared; never evaluate its objective prototype: take
     * {@link CompiledProblem#newObjective()} per thread).
     *
     * @param problem a {@code dev.scalinglaws.fit.FitProblem}
     * @return its compiled form
     * @throws IllegalStateException if no problem class has installed the accessor yet
     */
    public static CompiledProblem compiled(Object problem) {
        Function<Object, CompiledProblem> a = accessor;
        if (a == null) {
            throw new IllegalStateException("no FitProblem has been created: the problem accessor is not installed");
        }
        return a.apply(problem);
    }
}
