/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.scalinglaws.datasets.Datasets;
import org.junit.jupiter.api.Test;

/**
 * Golden test: AtS model selection and the zero-shot, sub-tuning and model-size baselines on Lin et al. 2024's 90
 * curves, budget ratios 1/8 .. 1/512 of the full 1,638,400 examples, against the paper's Table 1
 * ({@code rectified-finetune-lin2024/results/tab1.txt}: Pearson correlation and relative accuracy, in %). Every cell
 * that differs by more than 5 points (0.05) is listed in {@code docs/transfer.md} with its explanation; the test
 * pins the set of such cells so that a change in behaviour shows up here.
 */
class AtsGoldenTest {

    static final double TARGET = 1_638_400;
    static final int[] RATIOS = {8, 16, 32, 64, 128, 256, 512};
    static final String[] DATASETS = {"flan", "wmt19", "gigaword"};
    static final ModelSelection.Method[] METHODS = {ModelSelection.Method.ATS, ModelSelection.Method.ZERO_SHOT,
        ModelSelection.Method.SUB_TUNING, ModelSelection.Method.MODEL_SIZE};
    static final String[] METHOD_NAMES = {"AtS", "ZeroShot", "SubTuning", "ModelSize"};

    static Map<String, List<ModelSelection.Candidate>> candidates() {
        Map<String, List<ModelSelection.Candidate>> out = new LinkedHashMap<>();
        for (LinCurves.Curve c : LinCurves.all()) {
            out.computeIfAbsent(c.dataset(), k -> new ArrayList<>()).add(new ModelSelection.Candidate(c.model(),
                    c.size(), c.rows().column("D"), c.rows().column("loss")));
        }
        return out;
    }

    /** Published cells: key "FLAN-AtS|PearCorr|8" to value in [-1, 1]. */
    static Map<String, Double> published() {
        Map<String, Double> out = new LinkedHashMap<>();
        List<String> lines = Datasets.text("rectified-finetune-lin2024/results/tab1.txt").lines().toList();
        String[] header = null;
        for (String line : lines) {
            String clean = line.replaceAll("\\\\textbf\\{([^}]*)}", "$1").replaceAll("\\\\underline\\{([^}]*)}", "$1")
                    .replace("\\\\", "").trim();
            if (clean.startsWith("& FLAN")) {
                header = clean.substring(1).split("&");
            } else if (clean.startsWith("PearCorr") || clean.startsWith("RelAcc")) {
                String[] cells = clean.split("&");
                String[] rowKey = cells[0].trim().split("-1/");
                for (int j = 1; j < cells.length; j++) {
                    out.put(header[j - 1].trim() + "|" + rowKey[0] + "|" + rowKey[1],
                            Double.parseDouble(cells[j].trim()) / 100);
                }
            }
        }
        return out;
    }

    static Map<String, Double> computed(AcceptThenStop ats) {
        Map<String, Double> out = new LinkedHashMap<>();
        Map<String, List<ModelSelection.Candidate>> all = candidates();
        for (String ds : DATASETS) {
            List<ModelSelection.Candidate> cands = all.get(ds);
            double[] truth = ModelSelection.trueLosses(cands, TARGET);
            for (int ratio : RATIOS) {
                for (int m = 0; m < METHODS.length; m++) {
                    ModelSelection.Selection s = ModelSelection.select(METHODS[m], cands, TARGET / ratio, TARGET, ats,
                            FineTuning.linProtocol());
                    String key = ds.toUpperCase(Locale.ROOT) + "-" + METHOD_NAMES[m];
                    out.put(key + "|PearCorr|" + ratio, ModelSelection.pearson(s.scores(), truth));
                    out.put(key + "|RelAcc|" + ratio, ModelSelection.relativeAccuracy(truth, s.selected()));
                }
            }
        }
        return out;
    }

    static List<String> differences(Map<String, Double> ours, Map<String, Double> published, double tolerance) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Double> e : published.entrySet()) {
            double v = ours.get(e.getKey());
            if (Math.abs(v - e.getValue()) > tolerance) {
                out.add(String.format(Locale.ROOT, "%s ours %.1f published %.1f", e.getKey(), 100 * v,
                        100 * e.getValue()));
            }
        }
        return out;
    }

    @Test
    void reproducesTable1() {
        Map<String, Double> published = published();
        assertThat(published).hasSize(168);
        Map<String, Double> ours = computed(AcceptThenStop.defaults());
        Map<String, Double> reference = computed(AcceptThenStop.defaults().withReferenceCutoff(true));
        List<String> diff = differences(ours, published, 0.05);
        List<String> diffRef = differences(reference, published, 0.05);
        System.out.println("cells differing by > 0.05 (AtS as specified): " + diff.size());
        diff.forEach(System.out::println);
        System.out.println("cells differing by > 0.05 (with the reference code's cutoff): " + diffRef.size());
        diffRef.forEach(System.out::println);
        System.out.println("key ours reference-cutoff published");
        StringBuilder table = new StringBuilder();
        for (String key : published.keySet()) {
            table.append(String.format(Locale.ROOT, "%s %.1f %.1f %.1f%n", key, 100 * ours.get(key),
                    100 * reference.get(key), 100 * published.get(key)));
        }
        System.out.print(table);
        // the authors' code (reference cutoff) reproduces every cell to the table's rounding (float32 in their code)
        assertThat(differences(reference, published, 0.0015)).isEmpty();
        // AtS exactly as specified differs in one cell only, explained in docs/transfer.md
        assertThat(diff).hasSize(1);
        assertThat(diff.get(0)).startsWith("GIGAWORD-AtS|RelAcc|64 ours 87.2 published 100.0");
    }

    @Test
    void tooFewPointsWithinTheBudgetNamesTheModel() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AcceptThenStop.defaults().predict("gpt2",
                        new double[] {200, 400}, new double[] {3.1, 3.0}, TARGET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gpt2")
                .hasMessageContaining("k = 3");
        List<ModelSelection.Candidate> cands = candidates().get("flan");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelSelection.select(ModelSelection.Method.ATS,
                        cands, 400, TARGET, AcceptThenStop.defaults(), FineTuning.linProtocol()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(cands.get(0).model());
    }
}
