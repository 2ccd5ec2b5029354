/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;

/**
 * Writes results to stdout (also for {@code --output -}) or, with {@code --output FILE}, to a file atomically: the
 * content goes to a temporary file in the target's directory, which is then renamed over the target. A target that
 * is one of the command's input files is refused.
 */
final class Output {

    /** Writes bytes to a stream. */
    @FunctionalInterface
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private Output() {
    }

    /**
     * Whether a file argument is {@code -}, the Unix name for stdin ({@code --data -}) or stdout
     * ({@code --output -}).
     *
     * @param file the argument
     * @return true for {@code -}
     */
    static boolean isStandardStream(Path file) {
        return file != null && file.getNameCount() == 1 && "-".equals(file.toString());
    }

    /**
     * Prints {@code text} to {@code out}, or writes it to {@code target} atomically.
     *
     * @param target the file or null for stdout
     * @param text   the content
     * @param out    stdout
     * @param inputs files the command read (never overwritten)
     */
    static void emit(Path target, String text, PrintWriter out, Collection<Path> inputs) {
        if (target == null || isStandardStream(target)) {
            out.print(text);
            out.flush();
            return;
        }
        write(target, inputs, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Writes a file atomically (temporary file in the same directory, then rename).
     *
     * @param target the file
     * @param inputs files the command read
     * @param writer produces the content
     */
    static void write(Path target, Collection<Path> inputs, Writer writer) {
        guard(target, inputs);
        Path abs = target.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
            try (OutputStream o = Files.newOutputStream(tmp)) {
                writer.write(o);
            }
            // createTempFile makes the file owner-only (rw-------); a result file is an ordinary file (rw-r--r--)
            if (Files.getFileStore(tmp).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new CliException(target + ": cannot write: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and named after the target
                }
            }
        }
    }

    /**
     * Checks, before any work is done, that a target may be written: not an input, not a directory, in an existing
     * directory.
     *
     * @param target the file (null or {@code -}: stdout, always fine)
     * @param inputs files the command reads
     */
    static void guard(Path target, Collection<Path> inputs) {
        if (target == null || isStandardStream(target)) {
            return;
        }
        Path abs = target.toAbsolutePath().normalize();
        for (Path in : inputs) {
            if (in != null && sameFile(abs, in.toAbsolutePath().normalize())) {
                throw new CliException(target + ": refusing to overwrite the input file");
            }
        }
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CliException(target + ": the directory " + dir + " does not exist");
        }
        if (Files.isDirectory(abs)) {
            throw new CliException(target + ": is a directory");
        }
    }

    private static boolean sameFile(Path a, Path b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
