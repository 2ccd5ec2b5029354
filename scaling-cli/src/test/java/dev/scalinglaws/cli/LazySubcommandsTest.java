/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code main} registers only the subcommand it runs ({@link ScalingCommand#commandLine(String...)}); that command
 * line must behave exactly as the whole tree does: same help, same errors, same exit status.
 */
class LazySubcommandsTest {

    private static final List<String> COMMANDS = List.of("fit", "predict", "optimal", "backtest", "select", "shape",
            "datasets", "plot", "isoflop", "envelope", "approaches");

    private static String[] run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = cl.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        return new String[] {Integer.toString(exit), out.toString(), err.toString()};
    }

    @Test
    void aNamedSubcommandIsBuiltAlone() {
        for (String c : COMMANDS) {
            assertThat(ScalingCommand.commandLine(c, "--help").getSubcommands().keySet()).as(c).containsExactly(c);
        }
        assertThat(ScalingCommand.commandLine().getSubcommands().keySet()).containsAll(COMMANDS).contains("help");
        assertThat(ScalingCommand.commandLine("help", "fit").getSubcommands()).hasSize(COMMANDS.size() + 1);
        assertThat(ScalingCommand.commandLine("--debug", "fit").getSubcommands()).hasSize(COMMANDS.size() + 1);
        assertThat(ScalingCommand.commandLine().getSubcommands()).hasSize(COMMANDS.size() + 1);
    }

    @Test
    void helpAndErrorsAreTheWholeTreesForEveryCommand() {
        for (String c : COMMANDS) {
            for (String[] args : List.of(new String[] {c, "--help"}, new String[] {c, "--no-such-option"},
                    new String[] {c, "-V"})) {
                assertThat(run(ScalingCommand.commandLine(args), args)).as(String.join(" ", args))
                        .containsExactly(run(ScalingCommand.commandLine(), args));
            }
        }
        // the inherited --debug is listed before -h and -V, as the annotation-built tree listed it
        String help = run(ScalingCommand.commandLine("fit", "--help"), "fit", "--help")[1];
        assertThat(help.indexOf("--debug")).isLessThan(help.indexOf("-h, --help")).isPositive();
        assertThat(help.indexOf("-h, --help")).isLessThan(help.indexOf("-V, --version"));
    }
}
