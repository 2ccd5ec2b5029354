/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.internal;

import java.util.function.Function;

import dev.scalinglaws.fit.FitProblem;

/**
 * The bridge from the public {@link FitProblem} to its {@link CompiledProblem}, for the library's own packages
 * (uncertainty, benchmarks) without a compiled type in the public API. {@link FitProblem} installs the accessor
 * once, when its class is initialised (which has happened before any problem exists). Not API.
 */
public final class ProblemAccess {

    private static volatile Function<FitProblem, CompiledProblem> accessor;

    private ProblemAccess() {
    }

    /**
     * Installs the accessor; called once by {@link FitProblem}.
     *
     * @param value the accessor
     * @throws IllegalStateException if one is installed already
     */
    public static synchronized void install(Function<FitProblem, CompiledProblem> value) {
        if (accessor != null) {
            throw new IllegalStateException("the problem accessor is installed already");
        }
        accessor = value;
    }

    /**
     * The compiled form of a problem (shared; never evaluate its objective prototype: take
     * {@link CompiledProblem#newObjective()} per thread).
     *
     * @param problem a problem
     * @return its compiled form
     */
    public static CompiledProblem compiled(FitProblem problem) {
        return accessor.apply(problem);
    }
}
