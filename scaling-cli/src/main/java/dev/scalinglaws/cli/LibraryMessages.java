/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import dev.scalinglaws.core.DataException;
import dev.scalinglaws.core.MissingColumnException;
import dev.scalinglaws.fit.StartsFormatException;

/**
 * The command line's wording of the library's typed exceptions: the library speaks of columns and start strategies,
 * the command line adds the option that fixes the input ({@code --column KEY=HEADER}, {@code --starts}). Every other
 * exception keeps its own message.
 */
public final class LibraryMessages {

    private LibraryMessages() {
    }

    /**
     * The message the command line prints for an exception.
     *
     * @param e the exception
     * @return its message, with the option to use where the exception is one the library raises in its own terms
     */
    public static String of(Throwable e) {
        if (e instanceof MissingColumnException m) {
            return missingColumn(m);
        }
        if (e instanceof StartsFormatException s) {
            return switch (s.problem()) {
                case BAD_COUNT -> "--starts " + s.text() + ": expected a count after ':'";
                case UNKNOWN_STRATEGY -> "unknown starts '" + s.text() + "'; use hoffmann, sobol:N, lhs:N or grid:FILE";
            };
        }
        return e.getMessage();
    }

    private static String missingColumn(MissingColumnException m) {
        String reshape = m.reshapeAdvice();
        String reason = m.requirement() + "; map one with --column " + m.column() + "=HEADER" + reshape
                + (reshape.isEmpty() ? "" : ", then map them with --column");
        return new DataException(m.source(), m.row(), m.column(), m.value(), reason).getMessage();
    }
}
