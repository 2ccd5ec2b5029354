/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Loss;
import picocli.CommandLine.Option;

/**
 * {@code --residual}, {@code --loss}, {@code --delta}: the objective a command fits with, as a picocli mixin shared by
 * {@code fit} and {@code backtest}.
 */
final class LossOptions {

    @Option(names = "--residual", paramLabel = "log|linear", defaultValue = "log",
            description = "Residual space (default: ${DEFAULT-VALUE}).")
    String residual;

    @Option(names = "--loss", paramLabel = "NAME", defaultValue = "huber",
            description = "huber, huber-mle, squared, soft-l1 or cauchy (default: ${DEFAULT-VALUE}).")
    String loss;

    @Option(names = "--delta", paramLabel = "X", defaultValue = "1e-3",
            description = "Loss threshold delta (default: ${DEFAULT-VALUE}).")
    double delta;

    /**
     * The spec with this residual space and loss.
     *
     * @param spec the spec to start from
     * @return {@code spec} with {@link Parsing#residual} of --residual and {@link Loss#byName} of --loss and --delta
     */
    FitSpec applyTo(FitSpec spec) {
        return spec.withResidual(Parsing.residual(residual)).withLoss(Loss.byName(loss, delta));
    }
}
