package dev.scalinglaws.fit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitStatus;
import dev.scalinglaws.fit.ParameterEstimate;
import org.junit.jupiter.api.Test;

class AsymptoticCovarianceTest {

    /** Epoch's bootstrap standard errors (data/chinchilla-epoch/PROVENANCE.md), order E, A, B, alpha, beta. */
    static final double[] EPOCH_SE = {0.0257, 124.52, 1293.28, 0.0154, 0.0206};

    @Test
    void sandwichStandardErrorsOnTheEpochFit() {
        FitResult fit = EpochFixtures.fit();
        assertThat(fit.status()).isEqualTo(FitStatus.CONVERGED);
        System.out.println(fit);
        for (AsymptoticCovariance.Form form : AsymptoticCovariance.Form.values()) {
            AsymptoticCovariance cov = AsymptoticCovariance.of(fit, EpochFixtures.data(), form);
            List<ParameterEstimate> se = cov.standardErrors();
            StringBuilder sb = new StringBuilder(form + " dof " + cov.degreesOfFreedom());
            for (int j = 0; j < 5; j++) {
                sb.append(String.format(" %s %.4g (epoch %.4g, ratio %.3f)", se.get(j).name(), se.get(j).stdError(),
                        EPOCH_SE[j], se.get(j).stdError() / EPOCH_SE[j]));
            }
            System.out.println(sb);
            System.out.println(cov.interval(DerivedQuantity.allocationExponentA(), 0.95));
        }
    }
}
