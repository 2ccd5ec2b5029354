/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import java.util.Locale;
import java.util.Objects;

/**
 * A text naming a start strategy that {@link Starts#parse(String, long)} cannot read: an unknown strategy, or a
 * {@code sobol:N} / {@code lhs:N} whose N is not an integer. Carries the offending text and what is wrong with it, so
 * that a front end can say it in its own terms (the command-line interface names its option).
 *
 * <p>Unchecked, a subclass of {@link IllegalArgumentException}; immutable.
 */
public final class StartsFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the text. */
    public enum Problem {
        /** Not {@code hoffmann}, {@code sobol:N} or {@code lhs:N}. */
        UNKNOWN_STRATEGY,
        /** A strategy with a count whose count is not an integer, e.g. {@code sobol:x}. */
        BAD_COUNT
    }

    /** The text as given. */
    private final String text;
    /** What is wrong with it. */
    private final Problem problem;

    /**
     * @param text    the text as given
     * @param problem what is wrong with it
     */
    public StartsFormatException(String text, Problem problem) {
        super(message(text, problem));
        this.text = text;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    private static String message(String text, Problem problem) {
        return problem == Problem.BAD_COUNT
                ? String.format(Locale.ROOT, "starts '%s': expected a count after ':'", text)
                : String.format(Locale.ROOT, "unknown starts '%s'; use hoffmann, sobol:N or lhs:N", text);
    }

    /** {@return the offending text, as given} */
    public String text() {
        return text;
    }

    /** {@return what is wrong with the text} */
    public Problem problem() {
        return problem;
    }
}
