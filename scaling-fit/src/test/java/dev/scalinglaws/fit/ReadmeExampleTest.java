/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.ComputeOptimal;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.datasets.Datasets;
import org.junit.jupiter.api.Test;

/** Keeps the README's Java example compiling, running and true. */
class ReadmeExampleTest {

    @Test
    void readmeExampleIsThisCode() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<!-- consumer-test: java -->\\s*```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("README has a java block").isTrue();
        String source = Files.readString(Path.of("src/test/java/dev/scalinglaws/fit/ReadmeExampleTest.java"),
                StandardCharsets.UTF_8);
        int start = source.lastIndexOf("// README:begin");
        int end = source.lastIndexOf("// README:end");
        String body = source.substring(source.indexOf('\n', start) + 1, end);
        String block = m.group(1);
        int main = block.indexOf("void main(");
        if (main >= 0) { // a whole source file (the consumer test compiles it): compare the body of main
            block = block.substring(block.indexOf('{', main) + 1, block.lastIndexOf('}', block.lastIndexOf('}') - 1));
        }
        assertThat(normalise(body)).isEqualTo(normalise(block));
    }

    @Test
    void readmeExampleRunsAndPrintsTheEpochAnswer() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            // README:begin
            Dataset runs = Datasets.chinchilla().withoutLargest("loss", 5);        // Epoch's 240 runs
            FitSpec spec = FitSpec.epoch();                                          // 4,500-start Huber fit
            FitProblem problem = FitProblem.of(ChinchillaLaw.INSTANCE, runs, spec);  // validated once
            FitResult fit = Fitter.fit(problem, spec, null);                         // keeps its problem
            if (!fit.converged()) {
                throw new IllegalStateException("fit failed: " + fit.status());
            }
            ComputeOptimal.Allocation plan = ComputeOptimal.chinchilla(fit.theta(), 5.88e23);
            System.out.printf(Locale.ROOT, "alpha %.4f, beta %.4f: train N = %.3g parameters on D = %.3g tokens%n",
                    fit.estimate("alpha"), fit.estimate("beta"), plan.N(), plan.D());
            // README:end
        } finally {
            System.setOut(saved);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("alpha 0.3473, beta 0.3672: train N = ");
    }

    private static String normalise(String code) {
        return code.replaceAll("\\s+", " ").trim();
    }
}
