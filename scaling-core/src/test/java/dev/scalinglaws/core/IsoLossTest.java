/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link IsoLoss} finds the point of an iso-loss contour to the last bit, and gives exactly what the two bisections
 * it replaces gave ({@code scaling optimal --target-loss --at N=..}: 200 halvings over ln x in [0, ln 1e40], the
 * upper end; the iso-loss contours of {@code scaling plot}: 80 halvings over a bracket, the midpoint), for 2,000
 * random Chinchilla laws, fixed values and losses.
 */
class IsoLossTest {

    private static final ScalingLaw LAW = ChinchillaLaw.INSTANCE;

    /** The former {@code OptimalCommand.atFixed} search, N or D fixed. */
    private static double formerOptimal(double[] theta, boolean nFixed, double v, double target) {
        double lo = 0;
        double hi = Math.log(1e40);
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            double l = nFixed ? LAW.value(theta, v, Math.exp(mid)) : LAW.value(theta, Math.exp(mid), v);
            if (l > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp(hi);
    }

    /** The former {@code Plots.tokensForLoss} search (bracket already checked). */
    private static double formerPlot(double[] theta, double n, double level, double lo, double hi) {
        double a = Math.log(lo);
        double b = Math.log(hi);
        for (int i = 0; i < 80; i++) {
            double m = 0.5 * (a + b);
            double fm = LAW.value(theta, n, Math.exp(m)) - level;
            if (fm > 0) {
                a = m;
            } else {
                b = m;
            }
        }
        return Math.exp(0.5 * (a + b));
    }

    private static double[] randomTheta(SplittableRandom rng) {
        return new double[] {1 + rng.nextDouble(), Math.exp(4 + 3 * rng.nextDouble()),
            Math.exp(4 + 3 * rng.nextDouble()), 0.2 + 0.3 * rng.nextDouble(), 0.2 + 0.3 * rng.nextDouble()};
    }

    @Test
    void isTheFormerOptimalSearchBitForBit() {
        SplittableRandom rng = new SplittableRandom(20261202);
        int reached = 0;
        for (int k = 0; k < 1000; k++) {
            double[] theta = randomTheta(rng);
            boolean nFixed = rng.nextBoolean();
            double v = Math.exp(18 + 10 * rng.nextDouble());
            double target = theta[0] + 0.02 + 0.5 * rng.nextDouble();
            IsoLoss.Bracket b = nFixed ? IsoLoss.tokensForLoss(LAW, theta, v, target, 0, Math.log(1e40))
                    : IsoLoss.parametersForLoss(LAW, theta, v, target, 0, Math.log(1e40));
            double atHi = nFixed ? LAW.value(theta, v, Math.exp(Math.log(1e40)))
                    : LAW.value(theta, Math.exp(Math.log(1e40)), v);
            assertThat(b.lossAtUpper()).isEqualTo(atHi);
            assertThat(b.reached(target)).isEqualTo(atHi <= target);
            if (b.reached(target)) {
                reached++;
                assertThat(b.upper()).isEqualTo(formerOptimal(theta, nFixed, v, target));
                double x = b.upper();
                double l = nFixed ? LAW.value(theta, v, x) : LAW.value(theta, x, v);
                assertThat(Math.abs(l - target)).isLessThanOrEqualTo(1e-12 * target);
            }
        }
        // most targets lie above the floor at 1e40 (the rest exercise the unreached branch)
        assertThat(reached).isGreaterThan(100).isLessThan(1000);
    }

    @Test
    void isTheFormerContourSearchBitForBit() {
        SplittableRandom rng = new SplittableRandom(7);
        int bracketed = 0;
        for (int k = 0; k < 1000; k++) {
            double[] theta = randomTheta(rng);
            double n = Math.exp(18 + 6 * rng.nextDouble());
            double lo = Math.exp(18 + 4 * rng.nextDouble()) / 100;
            double hi = lo * Math.exp(4 + 8 * rng.nextDouble());
            double level = LAW.value(theta, n, Math.exp(Math.log(lo) + rng.nextDouble() * Math.log(hi / lo)));
            if (LAW.value(theta, n, lo) > level && LAW.value(theta, n, hi) < level) {
                bracketed++;
                IsoLoss.Bracket b = IsoLoss.tokensForLoss(LAW, theta, n, level, Math.log(lo), Math.log(hi));
                assertThat(b.midpoint()).isEqualTo(formerPlot(theta, n, level, lo, hi));
                // the ends are adjacent doubles
                assertThat(Math.nextUp(b.lnLower())).isEqualTo(b.lnUpper());
            }
        }
        assertThat(bracketed).isGreaterThan(900);
    }

    @Test
    void refusesALawNotInNAndDAndAnEmptyBracket() {
        double[] theta = {1.7, 400, 400, 0.34, 0.28};
        assertThatThrownBy(() -> IsoLoss.tokensForLoss(LAW, theta, 1e9, 2.5, 3, 3))
                .isInstanceOf(IllegalArgumentException.class);
        ScalingLaw other = dev.scalinglaws.core.dynamics.KaplanStepsLaw.INSTANCE;
        assertThatThrownBy(() -> IsoLoss.tokensForLoss(other, new double[4], 1e9, 2.5, 0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(N, D)");
        // below the floor E: never reached, the bracket collapses onto the upper end's side
        IsoLoss.Bracket b = IsoLoss.tokensForLoss(LAW, theta, 1e9, 1.0, 0, Math.log(1e40));
        assertThat(b.reached(1.0)).isFalse();
        assertThat(b.lnLower()).isEqualTo(Math.nextDown(Math.log(1e40)));
    }

    /**
     * What {@code scaling optimal --fit fit.json --target-loss 2.2 --at N=7e9} and {@code --at D=1e12} printed before
     * the solver moved here (the fit: {@code scaling fit --format json}, the bundled Chinchilla data, Epoch
     * protocol; its estimates as the fit file records them).
     */
    @Test
    void reproducesWhatTheCommandPrinted() {
        double[] theta = {1.8172184674215996, 477.82801518204525, 2143.4154813128685, 0.34731077277686856,
            0.36717238759100596};
        IsoLoss.Bracket d = IsoLoss.tokensForLoss(LAW, theta, 7e9, 2.2, 0, Math.log(1e40));
        assertThat(d.reached(2.2)).isTrue();
        assertThat(d.upper()).isEqualTo(9.356175141094582E10);
        IsoLoss.Bracket n = IsoLoss.parametersForLoss(LAW, theta, 1e12, 2.2, 0, Math.log(1e40));
        assertThat(n.upper()).isEqualTo(1680913860.3442924);
    }
}
