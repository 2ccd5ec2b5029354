/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.formula;

import java.util.Locale;

/**
 * A formula that cannot be parsed or used: the message names the 1-based character position of the problem, e.g.
 * {@code position 12: unknown function 'lg'}. Problems that belong to the formula as a whole (no parameter, no
 * covariate) have position 0 and a message without a position.
 */
public final class FormulaException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The 1-based character position of the problem in the formula, 0 if it concerns the whole formula. */
    private final int position;
    /** What is wrong, without the position. */
    private final String detail;

    /**
     * @param position 1-based character position in the formula, or 0 for the formula as a whole
     * @param detail   what is wrong, without the position
     */
    public FormulaException(int position, String detail) {
        super(position > 0 ? String.format(Locale.ROOT, "position %d: %s", position, detail) : detail);
        this.position = position;
        this.detail = detail;
    }

    /**
     * The 1-based character position of the problem, 0 if it concerns the whole formula.
     *
     * @return the position, at least 0
     */
    public int position() {
        return position;
    }

    /**
     * The problem, without the position.
     *
     * @return the detail message, such as {@code unknown function 'lg'}
     */
    public String detail() {
        return detail;
    }
}
