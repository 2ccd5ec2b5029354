/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.shape;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/**
 * The Pareto frontier of a set of (cost, quality) points: the points that no other point dominates.
 *
 * <p>Cost is lower-is-better; quality is higher- or lower-is-better ({@link Direction}). Point \(a\) dominates
 * \(b\) when \(c_a \le c_b\), \(a\) is at least as good as \(b\) in quality, and \(a\) is strictly better in at
 * least one of the two. Points with identical cost and quality do not dominate each other, so all of them are on the
 * frontier. The frontier is sorted by increasing cost, along which quality strictly improves; identical points keep
 * their input order, so the result is deterministic and, as a set, independent of the input order.
 *
 * <p>Distance from the frontier of a point \(p = (c, q)\), following the comparison of Tay et al. (2021), who find
 * T5-Base and T5-Large off the frontier of downstream quality versus compute:
 * <ul>
 *   <li>quality gap at equal cost: \(q^*(c) - q\) (or \(q - q^*(c)\) when lower is better), with \(q^*(c)\) the
 *       best frontier quality at cost \(\le c\);</li>
 *   <li>cost ratio at equal quality: \(c^*(q) / c\), with \(c^*(q)\) the cheapest frontier cost whose quality is at
 *       least as good as \(q\).</li>
 * </ul>
 * For a point of the set the gap is \(\ge 0\) and the ratio in \((0, 1]\); the point is dominated exactly when the
 * gap is positive or the ratio below 1.
 *
 * <p>Reference: Y. Tay et al., "Scale Efficiently: Insights from Pre-training and Fine-tuning Transformers",
 * arXiv:2109.10686 (2021), Section 4 (Pareto frontier of quality versus compute).
 *
 * <p>Instances are immutable (provided the items are) and therefore thread-safe.
 *
 * @param <T> the type of the items (for example {@link TransformerShape} or a configuration name)
 */
public final class ParetoFrontier<T> {

    /**
     * Whether higher or lower quality is better.
     *
     * <p>Enum constants are immutable and therefore thread-safe.
     */
    public enum Direction {
        /** Higher quality is better (accuracy, score). */
        HIGHER_IS_BETTER,
        /** Lower quality is better (loss, perplexity). */
        LOWER_IS_BETTER;

        /** Maps quality to a score where higher is better. */
        double score(double quality) {
            return this == HIGHER_IS_BETTER ? quality : -quality;
        }
    }

    /**
     * One item with its cost (lower is better) and quality.
     *
     * <p>Records are immutable and thread-safe if the item is.
     *
     * @param item the item, not null
     * @param cost the cost, finite and positive (FLOPs, parameters, latency)
     * @param quality the quality, finite; {@code -0.0} is stored as {@code 0.0}
     * @param <T> the type of the item
     */
    public record Point<T>(T item, double cost, double quality) {

        /**
         * Validates the components.
         *
         * @param item see the record component
         * @param cost see the record component
         * @param quality see the record component
         * @throws IllegalArgumentException if the item is null, the cost is not finite and positive, or the
         *     quality is not finite
         */
        public Point {
            if (item == null) {
                throw new IllegalArgumentException("item must not be null");
            }
            if (!(cost > 0) || cost == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "cost must be finite and positive: %s (item %s)", cost, item));
            }
            if (!Double.isFinite(quality)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "quality must be finite: %s (item %s)", quality, item));
            }
            quality = quality + 0.0;
        }
    }

    private final Direction direction;
    private final List<Point<T>> points;
    private final List<Point<T>> frontier;

    private ParetoFrontier(Direction direction, List<Point<T>> points) {
        this.direction = direction;
        this.points = points;
        this.frontier = computeFrontier(direction, points);
    }

    /**
     * Returns the frontier of the given points.
     *
     * @param points any number of points, none null
     * @param direction whether higher or lower quality is better
     * @param <T> the type of the items
     * @return the frontier
     * @throws IllegalArgumentException if an argument or a point is null
     */
    public static <T> ParetoFrontier<T> of(Collection<Point<T>> points, Direction direction) {
        if (points == null || direction == null) {
            throw new IllegalArgumentException("points and direction must not be null");
        }
        List<Point<T>> copy = new ArrayList<>(points.size());
        int index = 0;
        for (Point<T> point : points) {
            if (point == null) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "point %d is null", index));
            }
            copy.add(point);
            index++;
        }
        return new ParetoFrontier<>(direction, List.copyOf(copy));
    }

    /**
     * Returns the frontier of items whose cost and quality are computed by the given functions.
     *
     * @param items any number of items, none null
     * @param cost the cost of an item, finite and positive
     * @param quality the quality of an item, finite
     * @param direction whether higher or lower quality is better
     * @param <T> the type of the items
     * @return the frontier
     * @throws IllegalArgumentException if an argument is null or a cost or quality is invalid (NaN included)
     */
    public static <T> ParetoFrontier<T> of(Collection<T> items, ToDoubleFunction<? super T> cost,
            ToDoubleFunction<? super T> quality, Direction direction) {
        if (items == null || cost == null || quality == null) {
            throw new IllegalArgumentException("items, cost and quality must not be null");
        }
        List<Point<T>> list = new ArrayList<>(items.size());
        for (T item : items) {
            if (item == null) {
                throw new IllegalArgumentException("item must not be null");
            }
            list.add(new Point<>(item, cost.applyAsDouble(item), quality.applyAsDouble(item)));
        }
        return of(list, direction);
    }

    private static <T> List<Point<T>> computeFrontier(Direction direction, List<Point<T>> points) {
        List<Integer> order = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            order.add(i);
        }
        // cheapest first, then best quality, then input order: a sweep keeps each point that beats every cheaper one
        order.sort(Comparator.<Integer>comparingDouble(i -> points.get(i).cost())
                .thenComparing(Comparator.<Integer>comparingDouble(
                        i -> direction.score(points.get(i).quality())).reversed())
                .thenComparingInt(i -> i));
        List<Point<T>> result = new ArrayList<>();
        double bestScore = Double.NEGATIVE_INFINITY;
        double bestCost = Double.NaN;
        for (int i : order) {
            Point<T> point = points.get(i);
            double score = direction.score(point.quality());
            if (score > bestScore) {
                bestScore = score;
                bestCost = point.cost();
                result.add(point);
            } else if (score == bestScore && point.cost() == bestCost) {
                result.add(point);
            }
        }
        return List.copyOf(result);
    }

    /**
     * Returns the quality direction.
     *
     * @return whether higher or lower quality is better
     */
    public Direction direction() {
        return direction;
    }

    /**
     * Returns all points in input order.
     *
     * @return an unmodifiable list
     */
    public List<Point<T>> points() {
        return points;
    }

    /**
     * Returns the frontier, sorted by increasing cost (identical points in input order).
     *
     * @return an unmodifiable list of the non-dominated points
     */
    public List<Point<T>> frontier() {
        return frontier;
    }

    /**
     * Returns the dominated points, in input order.
     *
     * @return an unmodifiable list of the points off the frontier
     */
    public List<Point<T>> dominated() {
        List<Point<T>> result = new ArrayList<>();
        for (Point<T> point : points) {
            if (!isOnFrontier(point)) {
                result.add(point);
            }
        }
        return List.copyOf(result);
    }

    /**
     * Returns whether {@code a} dominates {@code b}: \(c_a \le c_b\), quality of {@code a} at least as good, and
     * strictly better in cost or quality.
     *
     * @param a the first point
     * @param b the second point
     * @return whether {@code a} dominates {@code b}
     * @throws IllegalArgumentException if a point is null
     */
    public boolean dominates(Point<?> a, Point<?> b) {
        if (a == null || b == null) {
            throw new IllegalArgumentException("points must not be null");
        }
        double scoreA = direction.score(a.quality());
        double scoreB = direction.score(b.quality());
        return a.cost() <= b.cost() && scoreA >= scoreB && (a.cost() < b.cost() || scoreA > scoreB);
    }

    /**
     * Returns whether no frontier point dominates {@code point}; for a point of the set this is membership of the
     * frontier, for another point it says whether the point would join the frontier.
     *
     * @param point the point
     * @return whether the point is not dominated
     * @throws IllegalArgumentException if the point is null
     */
    public boolean isOnFrontier(Point<?> point) {
        OptionalDouble gap = qualityGap(point);
        OptionalDouble ratio = costRatio(point);
        return !(gap.isPresent() && gap.getAsDouble() > 0) && !(ratio.isPresent() && ratio.getAsDouble() < 1);
    }

    /**
     * Returns the quality gap at equal cost, \(q^*(c) - q\) (sign flipped when lower is better): how much better
     * the frontier does for no more cost. Negative for an outside point that beats the frontier.
     *
     * @param point the point
     * @return the gap, or empty if no frontier point costs at most as much as {@code point}
     * @throws IllegalArgumentException if the point is null
     */
    public OptionalDouble qualityGap(Point<?> point) {
        if (point == null) {
            throw new IllegalArgumentException("point must not be null");
        }
        int index = lastAtMostCost(point.cost());
        if (index < 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(direction.score(frontier.get(index).quality()) - direction.score(point.quality()));
    }

    /**
     * Returns the cost ratio at equal quality, \(c^*(q) / c\): the share of its cost that {@code point} would need
     * on the frontier. Above 1 for an outside point that is cheaper than the frontier.
     *
     * @param point the point
     * @return the ratio, or empty if no frontier point is at least as good as {@code point}
     * @throws IllegalArgumentException if the point is null
     */
    public OptionalDouble costRatio(Point<?> point) {
        if (point == null) {
            throw new IllegalArgumentException("point must not be null");
        }
        int index = firstAtLeastScore(direction.score(point.quality()));
        if (index >= frontier.size()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(frontier.get(index).cost() / point.cost());
    }

    /** Index of the last frontier point with cost at most {@code cost}, or -1; its quality is the best so far. */
    private int lastAtMostCost(double cost) {
        int low = 0;
        int high = frontier.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (frontier.get(mid).cost() <= cost) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low - 1;
    }

    /** Index of the first (cheapest) frontier point with score at least {@code score}, or the frontier size. */
    private int firstAtLeastScore(double score) {
        int low = 0;
        int high = frontier.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (direction.score(frontier.get(mid).quality()) >= score) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ParetoFrontier[%s, %d points, %d on frontier]", direction,
                points.size(), frontier.size());
    }
}
