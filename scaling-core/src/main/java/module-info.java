/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Scaling laws, their data and compute-optimal allocation: {@code dev.scalinglaws.core} (the {@code ScalingLaw}
 * abstraction, the pre-training laws, {@code Dataset} and CSV reading), {@code .dynamics} (training dynamics),
 * {@code .formula} (laws written as formulas) and {@code .shape} (model-shape accounting and Pareto frontiers).
 * Laws from other modules are found through {@link dev.scalinglaws.core.LawProvider}. The one-dimensional minimisers
 * and root finders are those of Commons Math ({@code commons.math3}), an automatic module.
 */
@SuppressWarnings("requires-automatic")
module dev.scalinglaws.core {
    requires org.apache.commons.csv;
    requires commons.math3;

    exports dev.scalinglaws.core;
    exports dev.scalinglaws.core.dynamics;
    exports dev.scalinglaws.core.formula;
    exports dev.scalinglaws.core.shape;

    uses dev.scalinglaws.core.LawProvider;

    provides dev.scalinglaws.core.LawProvider with dev.scalinglaws.core.dynamics.DynamicsLaws;
}
