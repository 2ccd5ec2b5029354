package dev.scalinglaws.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.scalinglaws.core.ScalingLaws;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scaling backtest}: fit on the smaller runs, predict the larger ones. */
@Command(name = "backtest", sortOptions = false,
        description = {"Backtest a law: fit on the smaller runs and predict the larger ones (absolute relative "
                + "error, interval coverage, interval score)."},
        footer = {"", "Example:", "  scaling backtest --dataset chinchilla --law chinchilla --holdout-largest 20"})
final class BacktestCommand implements Callable<Integer> {

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--law", paramLabel = "NAME", required = true, completionCandidates = FitCommand.LawNames.class,
            description = "Law to backtest: ${COMPLETION-CANDIDATES}.")
    String lawName;

    @Option(names = "--holdout-largest", paramLabel = "K",
            description = "Hold out the K runs with the largest compute.")
    Integer holdoutLargest;

    @Option(names = "--by-group", description = "Leave one group (model / run) out at a time.")
    boolean byGroup;

    @Option(names = "--format", paramLabel = "table|json|csv", defaultValue = "table",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the result here (atomically).")
    Path output;

    @Override
    public Integer call() {
        ScalingLaws.byName(lawName);
        if ((holdoutLargest == null) == !byGroup) {
            throw new CliException("give exactly one of --holdout-largest K and --by-group");
        }
        if (holdoutLargest != null && holdoutLargest < 1) {
            throw new CliException("--holdout-largest must be at least 1: " + holdoutLargest);
        }
        return backtest();
    }

    /** The hook for the backtest module (fit.uncertainty): run it here and render its report. */
    private int backtest() {
        throw CliException.notAvailable("backtest", "the backtest module (fit.uncertainty)");
    }
}
