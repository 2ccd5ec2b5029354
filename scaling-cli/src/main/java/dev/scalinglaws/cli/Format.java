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
