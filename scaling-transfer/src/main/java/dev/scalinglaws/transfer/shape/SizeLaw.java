/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer.shape;

/**
 * The law in model size N that the shape term is added to in {@link ShapeEffectAnalysis}.
 */
public enum SizeLaw {

    /** metric = E + A N^-alpha (+ gamma ln shape): alpha is profiled, E, A, gamma are linear. */
    POWER_LAW("metric = E + A N^-alpha", "E", "A", "alpha"),
    /** metric = a + b ln N (+ gamma ln shape): ordinary least squares. */
    LOG_LINEAR("metric = a + b ln N", "a", "b");

    private final String formula;
    private final String[] parameterNames;

    SizeLaw(String formula, String... parameterNames) {
        this.formula = formula;
        this.parameterNames = parameterNames;
    }

    /**
     * @return the null model's formula
     */
    public String formula() {
        return formula;
    }

    /**
     * @return the null model's parameter names (copy)
     */
    public String[] parameterNames() {
        return parameterNames.clone();
    }
}
