package dev.scalinglaws.fit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.KaplanNDLaw;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.datasets.Datasets;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Loss;
import dev.scalinglaws.fit.ParameterEstimate;
import dev.scalinglaws.fit.ResidualSpace;
import dev.scalinglaws.fit.Starts;
import org.junit.jupiter.api.Test;

/**
 * {@link Fitter#fit} attaches its standard errors from the problem it has just compiled; they must equal, bit for
 * bit, the smoothed sandwich computed afterwards from the fit and its data ({@link AsymptoticCovariance#of}).
 */
class FitterStandardErrorsTest {

    private static final double[] CHINCHILLA = {1.8, 480, 2100, 0.35, 0.37};
    private static final double[] KAPLAN_ND = {6.4e13, 1.8e13, 0.076, 0.103};

    @Test
    void chinchillaOnTheEpochData() {
        assertSameAsFromTheData(ChinchillaLaw.INSTANCE, Datasets.chinchilla(), EpochFixtures.singleStartSpec());
    }

    @Test
    void chinchillaWithTheHuberLikelihood() {
        assertSameAsFromTheData(ChinchillaLaw.INSTANCE, Datasets.chinchilla(),
                EpochFixtures.singleStartSpec().withLoss(Loss.huberLikelihood(1e-3)));
    }

    @Test
    void kaplanNDWithSquaredLoss() {
        assertSameAsFromTheData(KaplanNDLaw.INSTANCE, synthetic(KaplanNDLaw.INSTANCE, KAPLAN_ND, null, 3L),
                FitSpec.defaults().withLoss(Loss.squared()).withStarts(Starts.sobol(8, 0)).withThreads(1));
    }

    @Test
    void pinnedParameters() {
        assertSameAsFromTheData(ChinchillaLaw.INSTANCE, synthetic(ChinchillaLaw.INSTANCE, CHINCHILLA, null, 5L),
                FitSpec.defaults().withStarts(Starts.sobol(8, 0)).withThreads(1).withPin("E", 1.8)
                        .withPin("beta", 0.37));
    }

    @Test
    void boundsAndLinearResiduals() {
        assertSameAsFromTheData(ChinchillaLaw.INSTANCE, synthetic(ChinchillaLaw.INSTANCE, CHINCHILLA, null, 7L),
                FitSpec.defaults().withLoss(Loss.squared()).withResidual(ResidualSpace.LINEAR)
                        .withStarts(Starts.sobol(8, 0)).withThreads(1).withBound("alpha", 0.2, 0.34)
                        .withBound("E", 1, 3));
    }

    @Test
    void rowWeightsIncludingZeros() {
        SplittableRandom rng = new SplittableRandom(11L);
        double[] w = new double[200];
        for (int i = 0; i < w.length; i++) {
            w[i] = i % 17 == 0 ? 0 : 0.5 + rng.nextDouble();
        }
        assertSameAsFromTheData(ChinchillaLaw.INSTANCE, synthetic(ChinchillaLaw.INSTANCE, CHINCHILLA, w, 9L),
                FitSpec.epoch().withStarts(Starts.sobol(8, 0)).withThreads(1));
    }

    @Test
    void aProblemOfAnotherSpecIsRefused() {
        Dataset data = synthetic(ChinchillaLaw.INSTANCE, CHINCHILLA, null, 5L);
        FitSpec spec = FitSpec.defaults().withStarts(Starts.sobol(4, 0)).withThreads(1);
        FitResult fit = Fitter.fit(ChinchillaLaw.INSTANCE, data, spec);
        Fitter.Problem other = Fitter.Problem.compile(ChinchillaLaw.INSTANCE, data, spec.withPin("E", 1.8));
        assertThatThrownBy(() -> AsymptoticCovariance.standardErrors(fit, other))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertSameAsFromTheData(ScalingLaw law, Dataset data, FitSpec spec) {
        FitResult fit = Fitter.fit(law, data, spec);
        List<ParameterEstimate> fromData =
                AsymptoticCovariance.of(fit, data, AsymptoticCovariance.Form.SMOOTHED_SANDWICH).standardErrors();
        assertThat(stdErrors(fit.parameters())).isEqualTo(stdErrors(fromData));
        assertThat(fit.parameters()).isEqualTo(fromData);
        // not vacuous: the free parameters have finite, positive standard errors
        for (ParameterEstimate e : fit.parameters()) {
            if (!e.pinned()) {
                assertThat(e.stdError()).as("%s", e.name()).isPositive().isFinite();
            }
        }
    }

    /** The raw bits, so that -0.0 and NaN payloads count too. */
    private static List<Long> stdErrors(List<ParameterEstimate> estimates) {
        List<Long> out = new ArrayList<>();
        for (ParameterEstimate e : estimates) {
            out.add(Double.doubleToRawLongBits(e.stdError()));
        }
        return out;
    }

    /** 200 runs, N log-uniform in [1e7, 1e10], D / N log-uniform in [5, 200], y = f exp(0.01 z). */
    private static Dataset synthetic(ScalingLaw law, double[] theta, double[] weights, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 200;
        double[] nn = new double[n];
        double[] dd = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            nn[i] = Math.exp(Math.log(1e7) + rng.nextDouble() * Math.log(1e3));
            dd[i] = nn[i] * Math.exp(Math.log(5) + rng.nextDouble() * Math.log(40));
            double u = 1 - rng.nextDouble();
            double v = rng.nextDouble();
            y[i] = law.value(theta, nn[i], dd[i])
                    * Math.exp(0.01 * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
        }
        Dataset.Builder b = Dataset.builder("synthetic:" + law.name() + ":" + seed).column("N", nn).column("D", dd)
                .column("loss", y);
        if (weights != null) {
            b.column("w", weights).weights("w");
        }
        return b.build();
    }
}
