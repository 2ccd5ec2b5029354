/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.datasets.Datasets;
import dev.scalinglaws.fit.uncertainty.Interval;
import dev.scalinglaws.fit.uncertainty.Uncertainty;
import org.junit.jupiter.api.Test;

/**
 * The embedding example proposed for the README (problem, evaluation, result, uncertainty): it compiles, runs and
 * prints the Epoch answer. When the README adopts it, {@code ReadmeExampleTest} takes this body over.
 */
class EmbeddingExampleTest {

    @Test
    void theEmbeddingExampleRunsAndPrintsTheEpochAnswer() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            // EXAMPLE:begin
            Dataset runs = Datasets.chinchilla().withoutLargest("loss", 5);            // Epoch's 240 runs
            FitSpec spec = FitSpec.epoch();                                              // 4,500-start Huber fit
            FitProblem problem = FitProblem.of(ChinchillaLaw.INSTANCE, runs, spec);      // validated once
            FitResult fit = Fitter.fit(problem, spec, null);                             // keeps its problem
            if (!fit.converged()) {
                throw new IllegalStateException("fit failed: " + fit.status());
            }
            FitEvaluation optimum = fit.evaluation();           // residuals, Jacobian, covariance, identifiability
            Map<String, Interval> ci = Uncertainty.of(fit)
                    .intervals(Interval.Method.ASYMPTOTIC_SMOOTHED_SANDWICH, 0.95);  // parameters and a, b, G
            System.out.printf(Locale.ROOT, "alpha %.4f [%.4f, %.4f], a = %.3f [%.3f, %.3f], rmse(ln L) %.4f%n",
                    fit.estimate("alpha"), ci.get("alpha").lower(), ci.get("alpha").upper(),
                    ci.get("a").estimate(), ci.get("a").lower(), ci.get("a").upper(),
                    optimum.goodness().rmseLog());
            // EXAMPLE:end
        } finally {
            System.setOut(saved);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("alpha 0.3473 [").contains("a = 0.514 [").endsWith("rmse(ln L) 0.0075\n");
    }
}
