/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the process's stderr can show: progress bars only on a terminal that is not {@code TERM=dumb}, ANSI colour
 * only without {@code NO_COLOR} (https://no-color.org) and {@code TERM=dumb}.
 *
 * <p>Whether stderr is a terminal: the {@code scaling} launcher asks the shell ({@code [ -t 2 ]}) and passes the
 * answer as {@code -Dscaling.stderr.tty=true|false}, because a JVM cannot ask ({@code System.console()} looks at
 * stdin and stdout, so with stdout on a terminal and {@code 2>err.log} it would say yes). Run without the launcher
 * ({@code java -jar}), it reads where {@code /proc/self/fd/2} points (Linux), and otherwise says no.
 */
final class Terminal {

    private Terminal() {
    }

    /** Whether to draw progress bars on stderr. */
    static boolean progress() {
        return progress(System.getenv(), System.getProperty("scaling.stderr.tty"), Terminal::stderrLink);
    }

    /** Whether ANSI colour is allowed (in help). */
    static boolean colour() {
        return colour(System.getenv());
    }

    /**
     * The decision behind {@link #progress()}, given its inputs.
     *
     * @param env      the environment
     * @param ttyFlag  the launcher's {@code scaling.stderr.tty} property, or null without the launcher
     * @param fd2      where descriptor 2 points, or null if unknown (asked only without the flag)
     * @return whether to draw progress bars
     */
    static boolean progress(Map<String, String> env, String ttyFlag, java.util.function.Supplier<String> fd2) {
        if ("dumb".equals(env.get("TERM"))) {
            return false;
        }
        if (ttyFlag != null) {
            return Boolean.parseBoolean(ttyFlag);
        }
        String target = fd2.get();
        return target != null && (target.startsWith("/dev/pts/") || target.startsWith("/dev/tty"));
    }

    /**
     * The decision behind {@link #colour()}: no colour when {@code NO_COLOR} is set to anything non-empty or
     * {@code TERM} is {@code dumb}.
     *
     * @param env the environment
     * @return whether colour is allowed
     */
    static boolean colour(Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        return (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
    }

    private static String stderrLink() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }
}
