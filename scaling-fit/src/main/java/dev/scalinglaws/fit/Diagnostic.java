/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

import java.util.List;
import java.util.Objects;

/**
 * One finding about a result: what ({@link DiagnosticCode}), how serious ({@link Severity}), a one-line message, and
 * the parameters and rows involved. Rows are the 1-based row numbers of the data source
 * ({@link dev.scalinglaws.core.Dataset#rowNumber(int)}).
 *
 * <p>Immutable value: equals and hashCode compare every component.
 *
 * @param code       what was found
 * @param severity   how serious it is
 * @param message    one line, no line break
 * @param parameters names of the parameters involved (may be empty)
 * @param rows       1-based source row numbers involved (may be empty)
 * @serial exclude (a JDK 17 javadoc defect reports the components of a serializable record as
 *         undocumented; the serialized form is exactly the components, documented above)
 */
public record Diagnostic(DiagnosticCode code, Severity severity, String message, List<String> parameters,
                         List<Integer> rows) implements java.io.Serializable {

    /**
     * Validates and copies.
     *
     * @param code       what was found
     * @param severity   how serious it is
     * @param message    one line, no line break
     * @param parameters names of the parameters involved (may be empty); copied
     * @param rows       1-based source row numbers involved (may be empty); copied
     * @throws NullPointerException     if any component is null
     * @throws IllegalArgumentException if the message is blank or has a line break
     */
    public Diagnostic {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        if (message.isBlank() || message.indexOf('\n') >= 0 || message.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a diagnostic message is one non-blank line: '" + message + "'");
        }
        parameters = List.copyOf(parameters);
        rows = List.copyOf(rows);
    }

    /**
     * A diagnostic without rows.
     *
     * @param code       code
     * @param severity   severity
     * @param message    one line
     * @param parameters parameters involved
     * @return the diagnostic
     */
    public static Diagnostic of(DiagnosticCode code, Severity severity, String message, List<String> parameters) {
        return new Diagnostic(code, severity, message, parameters, List.of());
    }

    /** {@return whether the severity is warning or error (what a report must show)} */

    public boolean isWarningOrError() {
        return severity != Severity.INFO;
    }

    @Override
    public String toString() {
        return code + " (" + severity.label() + "): " + message;
    }
}
