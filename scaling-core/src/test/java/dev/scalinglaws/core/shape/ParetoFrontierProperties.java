/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.shape;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scalinglaws.core.shape.ParetoFrontier.Direction;
import dev.scalinglaws.core.shape.ParetoFrontier.Point;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

class ParetoFrontierProperties {

    /**
     * Point lists with ids 0..n-1 as items; costs and qualities come from small grids so that ties in cost, in
     * quality and in both are common, mixed with arbitrary doubles of any magnitude.
     */
    @Provide
    Arbitrary<List<Point<Integer>>> points() {
        Arbitrary<Double> gridCost = Arbitraries.integers().between(1, 6).map(i -> i * 0.5);
        Arbitrary<Double> wideCost = magnitudes();
        Arbitrary<Double> cost = Arbitraries.frequencyOf(
                Tuple.of(4, gridCost), Tuple.of(1, wideCost));
        Arbitrary<Double> gridQuality = Arbitraries.integers().between(-3, 3).map(i -> i * 1.0);
        Arbitrary<Double> wideQuality = Combinators.combine(magnitudes(), Arbitraries.of(-1.0, 1.0))
                .as((magnitude, sign) -> sign * magnitude);
        Arbitrary<Double> quality = Arbitraries.frequencyOf(
                Tuple.of(4, gridQuality), Tuple.of(1, wideQuality));
        Arbitrary<double[]> pair = Combinators.combine(cost, quality).as((c, q) -> new double[] {c, q});
        return pair.list().ofMaxSize(40).map(pairs -> {
            List<Point<Integer>> list = new ArrayList<>(pairs.size());
            for (int i = 0; i < pairs.size(); i++) {
                list.add(new Point<>(i, pairs.get(i)[0], pairs.get(i)[1]));
            }
            return list;
        });
    }

    /** Positive doubles from 1e-100 to 1e100, uniform in the exponent. */
    private static Arbitrary<Double> magnitudes() {
        return Combinators.combine(Arbitraries.doubles().between(1.0, 10.0).ofScale(6),
                Arbitraries.integers().between(-100, 99))
                .as((mantissa, exponent) -> mantissa * Math.pow(10.0, exponent));
    }

    private static boolean hasExactDuplicate(List<Point<Integer>> points) {
        Set<List<Double>> seen = new HashSet<>();
        for (Point<Integer> point : points) {
            if (!seen.add(List.of(point.cost(), point.quality()))) {
                return true;
            }
        }
        return false;
    }

    @Property
    void noFrontierPointIsDominated(@ForAll("points") List<Point<Integer>> points, @ForAll Direction direction) {
        ParetoFrontier<Integer> frontier = ParetoFrontier.of(points, direction);
        Statistics.label("duplicates").collect(hasExactDuplicate(points));
        Statistics.label("size").collect(points.size() < 2 ? "0-1" : points.size() < 10 ? "2-9" : "10+");
        Statistics.label("duplicates").coverage(checker -> checker.check(true).percentage(p -> p > 10));
        Statistics.label("size").coverage(checker -> checker.check("0-1").count(c -> c > 0));
        for (Point<Integer> onFrontier : frontier.frontier()) {
            for (Point<Integer> any : points) {
                assertThat(frontier.dominates(any, onFrontier)).as("%s dominates %s", any, onFrontier).isFalse();
            }
            assertThat(frontier.qualityGap(onFrontier)).hasValue(0.0);
            assertThat(frontier.costRatio(onFrontier)).hasValue(1.0);
        }
    }

    @Property
    void everyOtherPointIsDominatedByAFrontierPoint(@ForAll("points") List<Point<Integer>> points,
            @ForAll Direction direction) {
        ParetoFrontier<Integer> frontier = ParetoFrontier.of(points, direction);
        assertThat(frontier.frontier().size() + frontier.dominated().size()).isEqualTo(points.size());
        for (Point<Integer> off : frontier.dominated()) {
            assertThat(frontier.frontier()).anySatisfy(f -> assertThat(frontier.dominates(f, off)).isTrue());
            double gap = frontier.qualityGap(off).orElseThrow();
            double ratio = frontier.costRatio(off).orElseThrow();
            assertThat(gap).isGreaterThanOrEqualTo(0.0);
            assertThat(ratio).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
            assertThat(gap > 0 || ratio < 1).isTrue();
            assertThat(frontier.isOnFrontier(off)).isFalse();
        }
    }

    @Property
    void frontierIsSortedByCostWithStrictlyImprovingQuality(@ForAll("points") List<Point<Integer>> points,
            @ForAll Direction direction) {
        List<Point<Integer>> frontier = ParetoFrontier.of(points, direction).frontier();
        for (int i = 1; i < frontier.size(); i++) {
            Point<Integer> previous = frontier.get(i - 1);
            Point<Integer> current = frontier.get(i);
            boolean duplicate = previous.cost() == current.cost() && previous.quality() == current.quality();
            if (duplicate) {
                assertThat(previous.item()).isLessThan(current.item());
            } else {
                assertThat(previous.cost()).isLessThan(current.cost());
                assertThat(direction.score(current.quality())).isGreaterThan(direction.score(previous.quality()));
            }
        }
    }

    @Property
    void frontierIsInvariantToInputOrder(@ForAll("points") List<Point<Integer>> points,
            @ForAll Direction direction, @ForAll long shuffleSeed) {
        List<Point<Integer>> shuffled = new ArrayList<>(points);
        Collections.shuffle(shuffled, new Random(shuffleSeed));
        List<Point<Integer>> original = ParetoFrontier.of(points, direction).frontier();
        List<Point<Integer>> reordered = ParetoFrontier.of(shuffled, direction).frontier();
        assertThat(reordered).containsExactlyInAnyOrderElementsOf(original);
        // only identical points may change places
        for (int i = 0; i < original.size(); i++) {
            assertThat(reordered.get(i).cost()).isEqualTo(original.get(i).cost());
            assertThat(reordered.get(i).quality()).isEqualTo(original.get(i).quality());
        }
    }
}
