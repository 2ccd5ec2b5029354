/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

/**
 * Bad input or usage: the command prints the message as one line on stderr and exits with status 2.
 *
 * <p>Unchecked; immutable.
 */
class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the one-line message (names file, row and column where they apply)
     */
    CliException(String message) {
        super(message);
    }

    /**
     * @param message the one-line message
     * @param cause   the underlying error (shown with {@code --debug})
     */
    CliException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A capability the command line already parses but the library does not provide yet (exit status 2).
     *
     * @param what the capability, e.g. {@code "--interval bootstrap"}
     * @param from where it will come from, e.g. {@code "the uncertainty module (fit.uncertainty)"}
     * @return the exception
     */
    static CliException notAvailable(String what, String from) {
        return new CliException(what + " is not available yet: it needs " + from);
    }
}
