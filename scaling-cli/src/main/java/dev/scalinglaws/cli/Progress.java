/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr for long work (multistart, bootstrap, --by), shown only when stderr is a terminal and
 * not {@code TERM=dumb} ({@link Terminal#progress()}); otherwise silent. Never written to stdout, so never into JSON.
 *
 * <p>{@link #accept(int)} may be called from worker threads with the number of finished items.
 */
final class Progress implements IntConsumer, AutoCloseable {

    private static final Progress SILENT = new Progress(null, 0);

    private final ProgressBar bar;
    private final long offset;
    private final AtomicLong shown = new AtomicLong();

    private Progress(ProgressBar bar, long offset) {
        this.bar = bar;
        this.offset = offset;
    }

    /**
     * A bar for {@code max} items, or a silent one when stderr is no terminal.
     *
     * @param task the label
     * @param max  the number of items
     * @return the progress
     */
    static Progress start(String task, long max) {
        if (max <= 1 || !Terminal.progress()) {
            return SILENT;
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).clearDisplayOnFinish().build();
        return new Progress(bar, 0);
    }

    /**
     * A bar without a known length (a running count of seconds), or a silent one when stderr is no terminal: for work that
     * reports no progress of its own.
     *
     * @param task the label
     * @return the progress
     */
    static Progress indeterminate(String task) {
        if (!Terminal.progress()) {
            return SILENT;
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(-1)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).clearDisplayOnFinish().build();
        return new Progress(bar, 0);
    }

    @Override
    public void accept(int done) {
        if (bar == null) {
            return;
        }
        long target = offset + done;
        long prev = shown.getAndAccumulate(target, Math::max);
        if (target > prev) {
            bar.stepTo(target);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
