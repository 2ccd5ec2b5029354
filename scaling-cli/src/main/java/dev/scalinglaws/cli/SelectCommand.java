package dev.scalinglaws.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scaling select}: "Accept then Stop" model selection with the rectified law (Lin et al. 2024). */
@Command(name = "select", sortOptions = false,
        description = {"Select the model to fine-tune with the rectified scaling law's Accept-then-Stop (AtS) "
                + "procedure (Lin et al. 2024, arXiv:2402.02314)."},
        footer = {"", "Example:", "  scaling datasets export lin-finetune --output lin.csv",
            "  scaling select --data lin.csv --budget-ratio 0.125 --k 3 --delta 5"})
final class SelectCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "FILE", required = true,
            description = "Fine-tuning curves in long format (model, D, loss).")
    Path file;

    @Option(names = "--budget-ratio", paramLabel = "R", required = true,
            description = "Fraction of the full fine-tuning set each candidate may use, e.g. 0.125.")
    double budgetRatio;

    @Option(names = "--k", paramLabel = "K", defaultValue = "3",
            description = "Points in the first line fit (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--delta", paramLabel = "X", defaultValue = "5",
            description = "Stop threshold on |residual| / sd (default: ${DEFAULT-VALUE}).")
    double delta;

    @Option(names = "--format", paramLabel = "table|json|csv", defaultValue = "table",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the result here (atomically).")
    Path output;

    @Override
    public Integer call() {
        if (!(budgetRatio > 0 && budgetRatio <= 1)) {
            throw new CliException("--budget-ratio must lie in (0, 1]: " + budgetRatio);
        }
        if (k < 2) {
            throw new CliException("--k must be at least 2: " + k);
        }
        if (!(delta > 0)) {
            throw new CliException("--delta must be positive: " + delta);
        }
        return select();
    }

    /** The hook for AtS selection (scaling-transfer): run it here and render the ranking. */
    private int select() {
        throw CliException.notAvailable("select (AtS model selection)", "the transfer module (scaling-transfer)");
    }
}
