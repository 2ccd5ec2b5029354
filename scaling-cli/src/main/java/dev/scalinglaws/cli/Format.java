/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

/** Output formats of the commands: an aligned table for people, JSON and CSV for programs. */
enum Format {
    /** Aligned text for a terminal. */
    table,
    /** JSON: one object (one per line when there are several results). */
    json,
    /** CSV with a header row. */
    csv
}
