/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import java.util.Locale;

/** How much a {@link Diagnostic} matters. */
public enum Severity {
    /** Worth knowing; the result stands as reported (for example a strong but harmless correlation). */
    INFO,
    /** The result is computed but a part of it should not be trusted as it stands. */
    WARNING,
    /** The result cannot be trusted at all (for example parameters the design cannot determine). */
    ERROR;

    /** {@return the lower-case name used in reports: {@code info}, {@code warning}, {@code error}} */

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
