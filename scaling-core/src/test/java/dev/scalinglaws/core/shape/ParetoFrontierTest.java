/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scalinglaws.core.shape.ParetoFrontier.Direction;
import dev.scalinglaws.core.shape.ParetoFrontier.Point;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ParetoFrontierTest {

    private static final Point<String> A = new Point<>("a", 1.0, 60.0);
    private static final Point<String> B = new Point<>("b", 2.0, 70.0);
    private static final Point<String> C = new Point<>("c", 3.0, 65.0); // dominated by b
    private static final Point<String> D = new Point<>("d", 4.0, 80.0);
    private static final Point<String> E = new Point<>("e", 4.0, 75.0); // dominated by d (same cost)
    private static final Point<String> F = new Point<>("f", 5.0, 80.0); // dominated by d (same quality)

    private static final ParetoFrontier<String> HIGHER =
            ParetoFrontier.of(List.of(F, E, D, C, B, A), Direction.HIGHER_IS_BETTER);

    @Test
    void frontierIsSortedByCostAndExcludesDominatedPoints() {
        assertThat(HIGHER.frontier()).containsExactly(A, B, D);
        assertThat(HIGHER.dominated()).containsExactly(F, E, C);
        assertThat(HIGHER.points()).containsExactly(F, E, D, C, B, A);
    }

    @Test
    void dominanceNeedsOneStrictImprovement() {
        assertThat(HIGHER.dominates(B, C)).isTrue();
        assertThat(HIGHER.dominates(D, E)).isTrue();
        assertThat(HIGHER.dominates(D, F)).isTrue();
        assertThat(HIGHER.dominates(C, B)).isFalse();
        assertThat(HIGHER.dominates(A, B)).isFalse();
        assertThat(HIGHER.dominates(A, new Point<>("a2", 1.0, 60.0))).isFalse();
    }

    @Test
    void qualityGapAndCostRatioMeasureDistanceFromTheFrontier() {
        // c (cost 3, quality 65): best frontier quality at cost <= 3 is b's 70; cheapest reaching 65 is b at cost 2
        assertThat(HIGHER.qualityGap(C)).hasValue(5.0);
        assertThat(HIGHER.costRatio(C)).hasValue(2.0 / 3.0);
        assertThat(HIGHER.qualityGap(F)).hasValue(0.0);
        assertThat(HIGHER.costRatio(F)).hasValue(0.8);
        assertThat(HIGHER.qualityGap(E)).hasValue(5.0);
        assertThat(HIGHER.costRatio(E)).hasValue(1.0);
        assertThat(HIGHER.qualityGap(B)).hasValue(0.0);
        assertThat(HIGHER.costRatio(B)).hasValue(1.0);
    }

    @Test
    void outsidePointsMayBeatTheFrontier() {
        Point<String> cheap = new Point<>("cheap", 0.5, 50.0);
        Point<String> better = new Point<>("better", 4.0, 90.0);
        assertThat(HIGHER.qualityGap(cheap)).isEqualTo(OptionalDouble.empty());
        assertThat(HIGHER.costRatio(cheap)).hasValue(2.0);
        assertThat(HIGHER.isOnFrontier(cheap)).isTrue();
        assertThat(HIGHER.qualityGap(better)).hasValue(-10.0);
        assertThat(HIGHER.costRatio(better)).isEqualTo(OptionalDouble.empty());
        assertThat(HIGHER.isOnFrontier(new Point<>("x", 2.5, 69.0))).isFalse();
    }

    @Test
    void lowerIsBetterFlipsQuality() {
        Point<String> small = new Point<>("small", 1.0, 3.0);
        Point<String> wide = new Point<>("wide", 2.0, 3.1);
        Point<String> deep = new Point<>("deep", 2.0, 2.5);
        ParetoFrontier<String> loss = ParetoFrontier.of(List.of(wide, small, deep), Direction.LOWER_IS_BETTER);
        assertThat(loss.frontier()).containsExactly(small, deep);
        assertThat(loss.dominates(small, wide)).isTrue();
        assertThat(loss.qualityGap(wide).getAsDouble()).isEqualTo(3.1 - 2.5);
        assertThat(loss.costRatio(wide)).hasValue(0.5);
        assertThat(loss.direction()).isEqualTo(Direction.LOWER_IS_BETTER);
    }

    @Test
    void identicalPointsAreAllOnTheFrontierInInputOrder() {
        Point<String> first = new Point<>("first", 1.0, 5.0);
        Point<String> second = new Point<>("second", 1.0, 5.0);
        Point<String> zero = new Point<>("zero", 2.0, 0.0);
        Point<String> negativeZero = new Point<>("negativeZero", 2.0, -0.0);
        ParetoFrontier<String> frontier = ParetoFrontier.of(List.of(second, zero, first, negativeZero),
                Direction.LOWER_IS_BETTER);
        assertThat(frontier.frontier()).containsExactly(second, first, zero, negativeZero);
        assertThat(negativeZero.quality()).isEqualTo(0.0).isEqualTo(zero.quality());
        ParetoFrontier<String> higher = ParetoFrontier.of(List.of(second, zero, first), Direction.HIGHER_IS_BETTER);
        assertThat(higher.frontier()).containsExactly(second, first);
    }

    @Test
    void itemsWithFunctionsAndEmptyInput() {
        ParetoFrontier<TransformerShape> shapes = ParetoFrontier.of(
                List.of(T5Configs.byName("base"), T5Configs.byName("small-nl16"), T5Configs.byName("small")),
                shape -> shape.totalParameters(), shape -> shape.sequentialDepth(), Direction.HIGHER_IS_BETTER);
        assertThat(shapes.frontier()).extracting(Point::item)
                .containsExactly(T5Configs.byName("small"), T5Configs.byName("small-nl16"));
        assertThat(ParetoFrontier.of(List.<Point<String>>of(), Direction.HIGHER_IS_BETTER).frontier()).isEmpty();
    }

    @Test
    void rejectsNaNAndInvalidCosts() {
        assertThatThrownBy(() -> new Point<>("n", 1.0, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quality must be finite: NaN (item n)");
        assertThatThrownBy(() -> new Point<>("n", Double.NaN, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cost must be finite and positive: NaN (item n)");
        assertThatThrownBy(() -> new Point<>("z", 0.0, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cost must be finite and positive: 0.0 (item z)");
        assertThatThrownBy(() -> new Point<>("i", Double.POSITIVE_INFINITY, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cost must be finite and positive: Infinity (item i)");
        assertThatThrownBy(() -> ParetoFrontier.of(List.of("x"), s -> 1.0, s -> Double.NaN,
                Direction.HIGHER_IS_BETTER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quality must be finite: NaN (item x)");
        assertThatThrownBy(() -> ParetoFrontier.of(List.of(A), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("points and direction must not be null");
    }
}
