/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.scalinglaws.core.CsvReader;
import dev.scalinglaws.core.Dataset;

/**
 * Public scaling-law datasets bundled as resources, each with its citation and provenance (the
 * {@code PROVENANCE.md} next to the data files in this jar).
 *
 * <ul>
 *   <li>{@link #chinchilla()}: Hoffmann et al. 2022's training runs (Fig. 4) as digitised by Epoch AI (Besiroglu,
 *       Erdil, Barnett, You 2024, "Chinchilla Scaling: A replication attempt", arXiv:2404.10102): 245 rows, N, C,
 *       derived D = C / 6N, loss.</li>
 *   <li>{@link #gadreOvertraining()}: Gadre et al. 2024, "Language models scale reliably with over-training and on
 *       downstream tasks" (arXiv:2403.08540): 104 models, N, D, C, M, eight validation losses (loss = C4), 46+
 *       downstream accuracies.</li>
 *   <li>{@link #linFinetune()}: Lin et al. 2024, "Selecting Large Language Model to Fine-tune via Rectified Scaling
 *       Law" (arXiv:2402.02314): 90 fine-tuning curves (3 datasets x 30 models x 15 sizes) in long format.</li>
 *   <li>{@link #muennighoffRuns()} and {@link #muennighoffClean()}: Muennighoff et al. 2023, "Scaling
 *       Data-Constrained Language Models" (arXiv:2305.16264): 296 runs (182 with outliers removed) with N, D, unique
 *       tokens U, epochs and loss.</li>
 *   <li>{@link #porianIsoflop()}: Porian et al. 2024, "Resolving Discrepancies in Compute-Optimal Scaling of Language
 *       Models" (arXiv:2406.19146): 1,264 isoFLOP points (config, C, N, D, loss) of 11 configurations.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe; every call reads the resource anew and returns an immutable dataset.
 */
public final class Datasets {

    private static final String ROOT = "/dev/scalinglaws/datasets/";
    private static final String MUENNIGHOFF_DIR = "data-constrained-muennighoff2023";
    private static final String MUENNIGHOFF = "Muennighoff et al. 2023, Scaling Data-Constrained Language Models, "
            + "arXiv:2305.16264";

    private Datasets() {
    }

    /**
     * A bundled dataset's description.
     *
     * @param name     registry name ({@code chinchilla}, {@code gadre-overtraining}, {@code lin-finetune})
     * @param title    one line
     * @param citation the paper
     * @param rows     number of rows
     * @param columns  what the columns mean
     */
    public record Info(String name, String title, String citation, int rows, String columns) {
    }

    /** {@return the names of the bundled datasets} */
    public static List<String> names() {
        return List.of("chinchilla", "gadre-overtraining", "lin-finetune", "muennighoff-runs", "muennighoff-clean",
                "isoflop-porian2024");
    }

    /** {@return the descriptions of the bundled datasets} */
    public static List<Info> list() {
        return List.of(
                new Info("chinchilla", "Chinchilla training runs (Hoffmann et al. 2022, Fig. 4), Epoch AI digitisation",
                        "Besiroglu, Erdil, Barnett, You 2024, Chinchilla Scaling: A replication attempt, "
                                + "arXiv:2404.10102", 245,
                        "N (parameters, from 'Model Size'), C (FLOPs, from 'Training FLOP'), D = C/(6N), loss (nats)"),
                new Info("gadre-overtraining", "Over-training testbed: 104 models on C4, RedPajama, RefinedWeb",
                        "Gadre et al. 2024, Language models scale reliably with over-training and on downstream "
                                + "tasks, arXiv:2403.08540", 104,
                        "N, D, C = 6ND, M = D/N, loss (= loss_c4_val), dataset_name, loss_<set>, acc_<task>"),
                new Info("lin-finetune", "Fine-tuning losses of 30 models on 3 datasets at 15 subset sizes",
                        "Lin et al. 2024, Selecting Large Language Model to Fine-tune via Rectified Scaling Law, "
                                + "arXiv:2402.02314", 1350,
                        "dataset, model, family, size (parameters), D (fine-tuning examples, 0 = zero-shot), loss"),
                new Info("muennighoff-runs", "Data-constrained runs: repeated data and excess parameters on C4",
                        MUENNIGHOFF, 296, "name, N, D (tokens seen), U (unique tokens), epochs = D/U, loss"),
                new Info("muennighoff-clean", "The 182 data-constrained runs with outliers removed (the R_D*, R_N* "
                        + "fit)", MUENNIGHOFF, 182, "name, N, D (tokens seen), U (unique tokens), epochs = D/U, loss"),
                new Info("isoflop-porian2024", "IsoFLOP profiles of 11 training configurations (RefinedWeb, OWT2)",
                        "Porian et al. 2024, Resolving Discrepancies in Compute-Optimal Scaling of Language Models, "
                                + "arXiv:2406.19146", 1264,
                        "config (dataset/setting), dataset, setting, C (FLOPs), N (parameters), D = C/(6N), loss"));
    }

    /**
     * A bundled dataset by name.
     *
     * @param name {@code chinchilla}, {@code gadre-overtraining} or {@code lin-finetune}
     * @return the dataset
     */
    public static Dataset byName(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "chinchilla" -> chinchilla();
            case "gadre-overtraining" -> gadreOvertraining();
            case "lin-finetune" -> linFinetune();
            case "muennighoff-runs" -> muennighoffRuns();
            case "muennighoff-clean" -> muennighoffClean();
            case "isoflop-porian2024" -> porianIsoflop();
            default -> throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "unknown dataset '%s'; bundled datasets: %s", name, String.join(", ", names())));
        };
    }

    /**
     * The provenance note of a bundled dataset (its PROVENANCE.md).
     *
     * @param name dataset name
     * @return the text
     */
    public static String provenance(String name) {
        String dir = switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "chinchilla" -> "chinchilla-epoch";
            case "gadre-overtraining" -> "overtraining-gadre2024";
            case "lin-finetune" -> "rectified-finetune-lin2024";
            case "muennighoff-runs", "muennighoff-clean" -> MUENNIGHOFF_DIR;
            case "isoflop-porian2024" -> "isoflop-porian2024";
            default -> throw new IllegalArgumentException("unknown dataset '" + name + "'; bundled datasets: "
                    + String.join(", ", names()));
        };
        return text(dir + "/PROVENANCE.md");
    }

    /**
     * The Epoch AI digitisation of the Chinchilla runs: 245 rows with N, C, D = C / (6N) and loss (the original
     * columns are kept as well).
     *
     * @return the dataset, source {@code dataset:chinchilla}
     */
    public static Dataset chinchilla() {
        Dataset d = read("chinchilla-epoch/svg_extracted_data.csv", "dataset:chinchilla",
                CsvReader.defaults().withColumn("N", "Model Size").withColumn("C", "Training FLOP"));
        return d.withTokensFromCompute();
    }

    /**
     * Gadre et al.'s 104 over-training runs: N = params_N, D = tokens_D, C = flops_6ND, M = token_multiplier_M,
     * loss = loss_c4_val (validation loss on C4), plus every other column of the flat table.
     *
     * @return the dataset, source {@code dataset:gadre-overtraining}
     */
    public static Dataset gadreOvertraining() {
        return read("overtraining-gadre2024/gadre2024_flat.csv", "dataset:gadre-overtraining",
                CsvReader.defaults().withColumn("N", "params_N").withColumn("D", "tokens_D")
                        .withColumn("C", "flops_6ND").withColumn("M", "token_multiplier_M")
                        .withColumn("loss", "loss_c4_val"));
    }

    /**
     * Muennighoff et al.'s 296 finished runs (seeds as separate rows), from their notebook: columns name, N, D
     * (tokens seen), U (unique tokens), epochs = D/U and loss (final C4 validation loss, nats).
     *
     * @return the dataset, source {@code dataset:muennighoff-runs}
     */
    public static Dataset muennighoffRuns() {
        return read(MUENNIGHOFF_DIR + "/runs.csv", "dataset:muennighoff-runs", CsvReader.defaults());
    }

    /**
     * The 182 runs of {@link #muennighoffRuns()} left after the notebook's outlier removal, on which it fits R_D*
     * and R_N* of the data-constrained law.
     *
     * @return the dataset, source {@code dataset:muennighoff-clean}
     */
    public static Dataset muennighoffClean() {
        return read(MUENNIGHOFF_DIR + "/runs_outliers_removed.csv", "dataset:muennighoff-clean",
                CsvReader.defaults());
    }

    /**
     * Lin et al.'s fine-tuning curves in long format: one row per (dataset, model, subset size) with columns
     * {@code dataset} (flan, gigaword, wmt19), {@code model}, {@code family}, {@code size} (parameters),
     * {@code D} (fine-tuning examples; 0 is the zero-shot loss) and {@code loss}; group = model.
     *
     * @return the dataset, source {@code dataset:lin-finetune}
     */
    public static Dataset linFinetune() {
        List<String> dataset = new ArrayList<>();
        List<String> model = new ArrayList<>();
        List<String> family = new ArrayList<>();
        List<String> size = new ArrayList<>();
        List<String> examples = new ArrayList<>();
        List<String> loss = new ArrayList<>();
        for (String ds : List.of("flan", "gigaword", "wmt19")) {
            List<String> lines = text("rectified-finetune-lin2024/benchmark/" + ds + ".csv").lines()
                    .filter(l -> !l.isBlank()).toList();
            List<String> header = splitCsvLine(lines.get(0));
            int sizeCol = header.indexOf("size");
            int familyCol = header.indexOf("family");
            for (String line : lines.subList(1, lines.size())) {
                List<String> cells = splitCsvLine(line);
                for (int j = 1; j < header.size(); j++) {
                    if (j == sizeCol || j == familyCol) {
                        continue;
                    }
                    dataset.add(ds);
                    model.add(cells.get(0));
                    family.add(cells.get(familyCol));
                    size.add(cells.get(sizeCol));
                    examples.add(header.get(j));
                    loss.add(cells.get(j));
                }
            }
        }
        return Dataset.builder("dataset:lin-finetune")
                .textColumn("dataset", dataset.toArray(new String[0]))
                .textColumn("model", model.toArray(new String[0]))
                .textColumn("family", family.toArray(new String[0]))
                .textColumn("size", size.toArray(new String[0]))
                .textColumn("D", examples.toArray(new String[0]))
                .textColumn("loss", loss.toArray(new String[0]))
                .groups("model")
                .build();
    }

    /**
     * Porian et al.'s isoFLOP points: one row per (configuration, FLOP budget C, model size N) with columns
     * {@code config} ({@code dataset/setting}, e.g. {@code rw/tuned-const}), {@code dataset}, {@code setting},
     * {@code C}, {@code N}, {@code D} = C / (6N) and {@code loss}. The paper's own optima and exponents are the
     * resources {@code isoflop-porian2024/optimal_pairs.csv} and {@code isoflop-porian2024/published.json}
     * (see {@link #text}).
     *
     * @return the dataset, source {@code dataset:isoflop-porian2024}
     */
    public static Dataset porianIsoflop() {
        return read("isoflop-porian2024/isoflop_points.csv", "dataset:isoflop-porian2024", CsvReader.defaults());
    }

    /**
     * The raw text of a bundled resource below the datasets root, e.g.
     * {@code rectified-finetune-lin2024/results/rmsd.csv}.
     *
     * @param path relative path
     * @return the text
     */
    public static String text(String path) {
        try (InputStream in = Datasets.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Dataset read(String path, String source, CsvReader reader) {
        try (InputStream in = Datasets.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource missing: " + path);
            }
            return reader.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> splitCsvLine(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().trim());
        return out;
    }
}
