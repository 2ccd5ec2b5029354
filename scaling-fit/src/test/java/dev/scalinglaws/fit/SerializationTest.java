/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.datasets.Datasets;
import org.junit.jupiter.api.Test;

/**
 * Results, specs and datasets survive Java serialisation (so that fits can run inside Spark or any JVM executor and
 * ship their results back), and registered laws come back as the same singletons.
 */
class SerializationTest {

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void aFitResultRoundTripsWithItsLawAndSpec() throws Exception {
        Dataset data = Datasets.chinchilla().withoutLargest("loss", 5);
        FitSpec spec = FitSpec.epoch().withStarts(Starts.sobol(16, 0)).withPin("E", 1.8).withBound("alpha", 0, 1);
        FitResult fit = Fitter.fit(ChinchillaLaw.INSTANCE, data, spec);
        FitResult back = roundTrip(fit);
        assertThat(back.law()).isSameAs(ChinchillaLaw.INSTANCE);
        assertThat(back.parameters()).isEqualTo(fit.parameters());
        assertThat(back.theta()).containsExactly(fit.theta());
        assertThat(back.residuals()).containsExactly(fit.residuals());
        assertThat(back.status()).isEqualTo(fit.status());
        assertThat(back.convergence()).isEqualTo(fit.convergence());
        assertThat(back.goodness()).isEqualTo(fit.goodness());
        assertThat(back.identifiability().correlation()).isDeepEqualTo(fit.identifiability().correlation());
        assertThat(back.spec().toString()).isEqualTo(fit.spec().toString());
        assertThat(back.spec().bounds().get("alpha")).containsExactly(0, 1);
        assertThat(back.predict(7e10, 1.4e12)).isEqualTo(fit.predict(7e10, 1.4e12));
        assertThat(roundTrip(Starts.hoffmann())).isSameAs(Starts.hoffmann());
        assertThat(roundTrip(Loss.huber(1e-3))).isEqualTo(Loss.huber(1e-3));
    }

    @Test
    void aDatasetRoundTripsWithRowNumbersAndGroups() throws Exception {
        Dataset data = Datasets.linFinetune().filter(i -> i % 7 == 0);
        Dataset back = roundTrip(data);
        assertThat(back.size()).isEqualTo(data.size());
        assertThat(back.columnNames()).isEqualTo(data.columnNames());
        assertThat(back.column("loss")).containsExactly(data.column("loss"));
        assertThat(back.textColumn("model")).containsExactly(data.textColumn("model"));
        assertThat(back.groupIndices()).containsExactly(data.groupIndices());
        assertThat(back.rowNumber(3)).isEqualTo(data.rowNumber(3));
        FitResult a = Fitter.fit(ChinchillaLaw.INSTANCE, Datasets.chinchilla(), FitSpec.defaults()
                .withStarts(Starts.sobol(8, 0)).withThreads(1));
        FitResult b = Fitter.fit(ChinchillaLaw.INSTANCE, roundTrip(Datasets.chinchilla()), FitSpec.defaults()
                .withStarts(Starts.sobol(8, 0)).withThreads(1));
        assertThat(b.theta()).containsExactly(a.theta());
    }
}
