/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalinglaws.core.CsvReader;
import dev.scalinglaws.core.DataException;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.shape.ParetoFrontier;
import dev.scalinglaws.core.shape.T5Configs;
import dev.scalinglaws.core.shape.TransformerShape;
import dev.scalinglaws.transfer.shape.NestedFit;
import dev.scalinglaws.transfer.shape.ShapeEffectAnalysis;
import dev.scalinglaws.transfer.shape.ShapeEffectReport;
import dev.scalinglaws.transfer.shape.SizeLaw;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scaling shape}: parameter and FLOP accounting of a Transformer shape; Pareto frontiers of configs. */
@Command(name = "shape", sortOptions = false,
        description = {"Parameters (total, non-embedding, embedding) and training FLOPs of a Transformer shape "
                + "(Tay et al. 2021 T5 formulas; Kaplan et al. 2020 FLOPs), or the Pareto frontier of a set of "
                + "configurations (--pareto).",
            "T5 configs: tiny, mini, small, base, large, xl, xxl with modifiers -nl<L> -el<L> -dl<L> -dm<d> -ff<d> "
                + "-nh<h> -kv<d> (e.g. base-nl16-dm512). Decoder configs: gpt2, gpt2-medium, gpt2-large, gpt2-xl."},
        footer = {"", "Examples:", "  scaling shape --family t5 --config base",
            "  scaling shape --family decoder --layers 24 --d-model 2048 --d-ff 8192 --heads 16",
            "  scaling shape --pareto configs.csv --cost-column flops --quality-column score",
            "  scaling shape --effect --data runs.csv --column N=params --column shape=layers --column metric=error"})
final class ShapeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--family", paramLabel = "t5|decoder", description = "Architecture family.")
    String family;

    @Option(names = "--config", paramLabel = "NAME", description = "A named configuration.")
    String config;

    @Option(names = "--layers", paramLabel = "L", description = "Layers (per stack for t5).")
    Integer layers;

    @Option(names = "--d-model", paramLabel = "D", description = "Residual width d_model.")
    Integer dModel;

    @Option(names = "--d-ff", paramLabel = "F", description = "Feed-forward width d_ff.")
    Integer dFf;

    @Option(names = "--heads", paramLabel = "H", description = "Attention heads.")
    Integer heads;

    @Option(names = "--d-kv", paramLabel = "K", description = "Head size (t5: required; decoder: d_model/heads).")
    Integer dKv;

    @Option(names = "--vocab", paramLabel = "V",
            description = "Vocabulary size (decoder only; default 50257; t5 uses 32128).")
    Integer vocab;

    @Option(names = "--context", paramLabel = "N", defaultValue = "1024",
            description = "Decoder context length for FLOPs per token (default: ${DEFAULT-VALUE}).")
    int context;

    @Option(names = "--input-length", paramLabel = "N", defaultValue = "512",
            description = "T5 input tokens per example for FLOPs (default: ${DEFAULT-VALUE}).")
    int inputLength;

    @Option(names = "--target-length", paramLabel = "N", defaultValue = "114",
            description = "T5 target tokens per example for FLOPs (default: ${DEFAULT-VALUE}).")
    int targetLength;

    @Option(names = "--pareto", paramLabel = "FILE",
            description = "CSV of configurations: prints the frontier of quality against cost and, for each "
                    + "configuration off it, the quality gap and cost ratio.")
    Path pareto;

    @Option(names = "--name-column", paramLabel = "HEADER", defaultValue = "name",
            description = "--pareto: name column (default: ${DEFAULT-VALUE}).")
    String nameColumn;

    @Option(names = "--cost-column", paramLabel = "HEADER", defaultValue = "cost",
            description = "--pareto: cost column, lower is better (default: ${DEFAULT-VALUE}).")
    String costColumn;

    @Option(names = "--quality-column", paramLabel = "HEADER", defaultValue = "quality",
            description = "--pareto: quality column (default: ${DEFAULT-VALUE}).")
    String qualityColumn;

    @Option(names = "--higher-is-better", description = "--pareto: higher quality is better (the default).")
    boolean higherIsBetter;

    @Option(names = "--lower-is-better", description = "--pareto: lower quality is better (loss, perplexity).")
    boolean lowerIsBetter;

    @Mixin
    OutputOptions output = new OutputOptions();

    private static final Map<String, int[]> GPT2 = Map.of(
            "gpt2", new int[] {12, 768, 3072, 12},
            "gpt2-medium", new int[] {24, 1024, 4096, 16},
            "gpt2-large", new int[] {36, 1280, 5120, 20},
            "gpt2-xl", new int[] {48, 1600, 6400, 25});

    @Option(names = "--effect", description = "Test whether shape explains a downstream metric beyond size: "
            + "--data with columns N, shape and metric (Tay et al. 2021; likelihood ratio with Wilks and "
            + "parametric-bootstrap p-values).")
    boolean effect;

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--descriptor", paramLabel = "depth|aspect-ratio",
            description = "--effect: what the shape column holds: depth (layers; the default) or aspect-ratio "
                    + "(d_model / layers; given directly, or computed from layers in 'shape' and a 'dModel' column).")
    String descriptor;

    @Option(names = "--size-law", paramLabel = "power-law|log-linear", defaultValue = "power-law",
            description = "--effect: the law in N (default: ${DEFAULT-VALUE}): E + A N^-alpha or a + b ln N.")
    String sizeLaw;

    @Option(names = "--resamples", paramLabel = "B", defaultValue = "999",
            description = "--effect: parametric-bootstrap resamples (default: ${DEFAULT-VALUE}; 0: Wilks only).")
    int resamples;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "--effect: bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--significance", paramLabel = "P", defaultValue = "0.05",
            description = "--effect: level at which shape is said to matter (default: ${DEFAULT-VALUE}).")
    double significance;

    @Override
    public Integer call() {
        if (effect) {
            return effect();
        }
        if (pareto != null) {
            return pareto();
        }
        if (family == null) {
            throw new CliException("give --family t5|decoder (with --config NAME or the shape flags), or --pareto FILE");
        }
        String fam = family.trim().toLowerCase(Locale.ROOT);
        if (!fam.equals("t5") && !fam.equals("decoder")) {
            throw new CliException("--family must be t5 or decoder, got '" + family + "'");
        }
        boolean custom = layers != null || dModel != null || dFf != null || heads != null || dKv != null;
        if (config != null && custom) {
            throw new CliException("give --config NAME or the shape flags (--layers, --d-model, ...), not both");
        }
        String label;
        TransformerShape shape;
        if (config != null) {
            label = fam + " " + config;
            shape = fam.equals("t5") ? T5Configs.byName(config) : gpt2(config);
        } else {
            if (layers == null || dModel == null || dFf == null || heads == null || fam.equals("t5") && dKv == null) {
                throw new CliException("a custom shape needs --layers, --d-model, --d-ff, --heads"
                        + (fam.equals("t5") ? " and --d-kv" : " (and optionally --d-kv, --vocab)"));
            }
            label = String.format(Locale.ROOT, "%s custom", fam);
            if (fam.equals("t5")) {
                shape = TransformerShape.t5(layers, layers, dModel, dFf, heads, dKv);
            } else {
                shape = TransformerShape.decoderOnly(layers, dModel, dFf, heads, vocab == null ? 50257 : vocab);
                if (dKv != null && dKv != shape.dKv()) {
                    shape = shape.withDKv(dKv);
                }
            }
        }
        boolean t5 = shape.architecture() == TransformerShape.Architecture.ENCODER_DECODER;
        double perExample = t5 ? shape.trainingFlops(inputLength, targetLength) : Double.NaN;
        double perToken = t5 ? perExample / (inputLength + targetLength) : shape.trainingFlopsPerToken(context);
        String flopsBasis = t5 ? String.format(Locale.ROOT, "%d input + %d target tokens", inputLength, targetLength)
                : String.format(Locale.ROOT, "context %d", context);
        ObjectNode n = Json.object();
        n.put("schema", "scalinglaws.shape/1");
        n.put("family", fam);
        n.put("config", config == null ? "custom" : config);
        n.put("architecture", shape.architecture().name());
        n.put("encoderLayers", shape.encoderLayers());
        n.put("decoderLayers", shape.decoderLayers());
        n.put("dModel", shape.dModel());
        n.put("dFf", shape.dFf());
        n.put("heads", shape.heads());
        n.put("dKv", shape.dKv());
        n.put("vocabularySize", shape.vocabularySize());
        n.put("totalParameters", shape.totalParameters());
        n.put("nonEmbeddingParameters", shape.nonEmbeddingParameters());
        n.put("embeddingParameters", shape.embeddingParameters());
        Json.number(n, "trainingFlopsPerToken", perToken);
        if (t5) {
            Json.number(n, "trainingFlopsPerExample", perExample);
        }
        n.put("flopsBasis", flopsBasis);
        String text = switch (output.format()) {
            case json -> Json.pretty(n);
            case csv -> "name,totalParameters,nonEmbeddingParameters,embeddingParameters,trainingFlopsPerToken\n"
                    + String.join(",", Table.csvCell(label), Long.toString(shape.totalParameters()),
                    Long.toString(shape.nonEmbeddingParameters()), Long.toString(shape.embeddingParameters()),
                    FitReport.csvNumber(perToken)) + "\n";
            case table -> {
                StringBuilder sb = new StringBuilder();
                sb.append(String.format(Locale.ROOT, "shape                     %s: %s%n", label, describe(shape)));
                sb.append(String.format(Locale.ROOT, "parameters                %s%n",
                        Parsing.count(shape.totalParameters())));
                sb.append(String.format(Locale.ROOT, "  non-embedding           %s%n",
                        Parsing.count(shape.nonEmbeddingParameters())));
                sb.append(String.format(Locale.ROOT, "  embedding               %s%n",
                        Parsing.count(shape.embeddingParameters())));
                sb.append(String.format(Locale.ROOT, "training FLOPs per token  %s (%s)%n", Parsing.human(perToken),
                        flopsBasis));
                if (t5) {
                    sb.append(String.format(Locale.ROOT, "training FLOPs / example  %s%n", Parsing.human(perExample)));
                }
                yield sb.toString();
            }
        };
        output.emit(text, spec.commandLine().getOut(), List.of());
        return 0;
    }

    private TransformerShape gpt2(String name) {
        int[] s = GPT2.get(name.trim().toLowerCase(Locale.ROOT));
        if (s == null) {
            throw new CliException("unknown decoder config '" + name + "'; known: gpt2, gpt2-medium, gpt2-large, "
                    + "gpt2-xl (or give --layers, --d-model, --d-ff, --heads)");
        }
        return TransformerShape.decoderOnly(s[0], s[1], s[2], s[3], vocab == null ? 50257 : vocab)
                .withLearnedPositions(1024);
    }

    private static String describe(TransformerShape s) {
        String layers = s.architecture() == TransformerShape.Architecture.ENCODER_DECODER
                ? s.encoderLayers() + "+" + s.decoderLayers() + " layers" : s.decoderLayers() + " layers";
        return String.format(Locale.ROOT, "%s, %s, d_model %d, d_ff %d, %d heads x d_kv %d, vocabulary %d",
                s.architecture().name().toLowerCase(Locale.ROOT).replace('_', '-'), layers, s.dModel(), s.dFf(),
                s.heads(), s.dKv(), s.vocabularySize());
    }

    /** Does shape explain the metric beyond size? (Tay et al. 2021; ShapeEffectAnalysis.) */
    private int effect() {
        if (pareto != null || family != null) {
            throw new CliException("--effect takes --data (or --dataset), not --pareto or --family");
        }
        if (resamples < 0) {
            throw new CliException("--resamples must be non-negative: " + resamples);
        }
        if (!(significance > 0 && significance < 1)) {
            throw new CliException("--significance must lie strictly between 0 and 1: " + significance);
        }
        SizeLaw law = switch (sizeLaw.trim().toLowerCase(Locale.ROOT)) {
            case "power-law", "power" -> SizeLaw.POWER_LAW;
            case "log-linear", "loglinear" -> SizeLaw.LOG_LINEAR;
            default -> throw new CliException("--size-law must be power-law or log-linear, got '" + sizeLaw + "'");
        };
        String desc = descriptor == null ? "depth" : descriptor.trim().toLowerCase(Locale.ROOT);
        if (!desc.equals("depth") && !desc.equals("aspect-ratio")) {
            throw new CliException("--descriptor must be depth or aspect-ratio, got '" + descriptor + "'");
        }
        output.guard(data.inputs());
        Dataset d = data.load(null).selected();
        DataOptions.requireColumns(d, "shape --effect", List.of("N", "shape", "metric"));
        double[] shape = d.column("shape");
        String shapeText = desc.equals("depth") ? "depth (layers)" : "aspect ratio (d_model / layers)";
        if (desc.equals("aspect-ratio") && d.has("dModel")) {
            double[] dModel = d.column("dModel");
            double[] ratio = new double[shape.length];
            for (int i = 0; i < ratio.length; i++) {
                ratio[i] = dModel[i] / shape[i];
            }
            shape = ratio;
            shapeText = "aspect ratio d_model / layers (from columns dModel and shape)";
        }
        ShapeEffectReport r = ShapeEffectAnalysis.defaults().withSizeLaw(law).withResamples(resamples)
                .withSeed(seed).withSignificance(significance).test(d.column("N"), shape, d.column("metric"));
        String text = switch (output.format()) {
            case json -> {
                ObjectNode n = Json.object();
                n.put("schema", "scalinglaws.shape-effect/1");
                n.put("source", d.source());
                n.put("runs", d.size());
                n.put("descriptor", desc);
                n.put("sizeLaw", law.formula());
                n.put("shapeMatters", r.shapeMatters());
                Json.number(n, "pValue", r.pValue());
                Json.number(n, "shapeCoefficient", r.shapeCoefficient());
                Json.number(n, "likelihoodRatio", r.likelihoodRatio());
                Json.number(n, "wilksPValue", r.wilksPValue());
                Json.number(n, "bootstrapPValue", r.bootstrapPValue());
                Json.number(n, "aicDifference", r.aicDifference());
                n.put("resamples", r.resamples());
                n.put("failedResamples", r.failedResamples());
                n.put("seed", r.seed());
                Json.number(n, "significance", r.significance());
                nested(n.putObject("sizeOnly"), r.sizeOnly());
                nested(n.putObject("withShape"), r.withShape());
                n.put("summary", r.summary());
                yield Json.pretty(n);
            }
            case csv -> "shapeMatters,pValue,shapeCoefficient,likelihoodRatio,wilksPValue,bootstrapPValue,"
                    + "aicDifference,resamples,failedResamples,seed\n" + String.join(",",
                    String.valueOf(r.shapeMatters()), FitReport.csvNumber(r.pValue()),
                    FitReport.csvNumber(r.shapeCoefficient()), FitReport.csvNumber(r.likelihoodRatio()),
                    FitReport.csvNumber(r.wilksPValue()), FitReport.csvNumber(r.bootstrapPValue()),
                    FitReport.csvNumber(r.aicDifference()), String.valueOf(r.resamples()),
                    String.valueOf(r.failedResamples()), String.valueOf(r.seed())) + "\n";
            case table -> {
                StringBuilder sb = new StringBuilder();
                sb.append(String.format(Locale.ROOT, "data        %s: %d runs%n", d.source(), d.size()));
                sb.append(String.format(Locale.ROOT, "shape       %s%n", shapeText));
                sb.append(String.format(Locale.ROOT, "verdict     %s%n", r.summary()));
                Table t = new Table(List.of("model", "parameters", "RSS", "log-lik.", "AIC")).left(1);
                for (NestedFit f : List.of(r.sizeOnly(), r.withShape())) {
                    List<String> parts = new java.util.ArrayList<>();
                    double[] est = f.estimates();
                    for (int j = 0; j < est.length; j++) {
                        parts.add(f.names().get(j) + " " + Parsing.human(est[j]));
                    }
                    t.add(f.formula() + (f.onBound() ? " (alpha on its bound)" : ""), String.join(", ", parts),
                            Parsing.human(f.rss()), Parsing.human(f.logLikelihood()), Parsing.human(f.aic()));
                }
                sb.append('\n').append(t.render());
                yield sb.toString();
            }
        };
        output.emit(text, spec.commandLine().getOut(), data.inputs());
        return 0;
    }

    private static void nested(ObjectNode n, NestedFit f) {
        n.put("formula", f.formula());
        ObjectNode p = n.putObject("parameters");
        double[] est = f.estimates();
        for (int j = 0; j < est.length; j++) {
            Json.number(p, f.names().get(j), est[j]);
        }
        Json.number(n, "rss", f.rss());
        Json.number(n, "logLikelihood", f.logLikelihood());
        Json.number(n, "aic", f.aic());
        n.put("onBound", f.onBound());
    }

    private int pareto() {
        if (higherIsBetter && lowerIsBetter) {
            throw new CliException("give --higher-is-better or --lower-is-better, not both");
        }
        ParetoFrontier.Direction dir = lowerIsBetter ? ParetoFrontier.Direction.LOWER_IS_BETTER
                : ParetoFrontier.Direction.HIGHER_IS_BETTER;
        Dataset d = CsvReader.defaults().read(pareto);
        String[] names = d.textColumn(nameColumn);
        double[] cost = d.column(costColumn);
        double[] quality = d.column(qualityColumn);
        List<ParetoFrontier.Point<String>> points = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            if (!(cost[i] > 0) || Double.isInfinite(cost[i])) {
                throw new DataException(d.source(), d.rowNumber(i), costColumn, Double.toString(cost[i]),
                        "cost must be positive and finite");
            }
            if (!Double.isFinite(quality[i])) {
                throw new DataException(d.source(), d.rowNumber(i), qualityColumn, Double.toString(quality[i]),
                        "quality must be finite");
            }
            points.add(new ParetoFrontier.Point<>(names[i], cost[i], quality[i]));
        }
        ParetoFrontier<String> f = ParetoFrontier.of(points, dir);
        ObjectNode n = Json.object();
        n.put("schema", "scalinglaws.pareto/1");
        n.put("direction", dir.name());
        ArrayNode front = n.putArray("frontier");
        Table ft = new Table(List.of("on frontier", "cost", "quality"));
        for (ParetoFrontier.Point<String> p : f.frontier()) {
            ObjectNode o = front.addObject();
            o.put("name", p.item());
            Json.number(o, "cost", p.cost());
            Json.number(o, "quality", p.quality());
            ft.add(p.item(), Parsing.human(p.cost()), Parsing.human(p.quality()));
        }
        ArrayNode off = n.putArray("dominated");
        Table dt = new Table(List.of("off frontier", "cost", "quality", "quality gap", "cost ratio"));
        StringBuilder csv = new StringBuilder("name,cost,quality,onFrontier,qualityGap,costRatio\n");
        for (ParetoFrontier.Point<String> p : f.points()) {
            boolean on = f.isOnFrontier(p);
            OptionalDouble gap = f.qualityGap(p);
            OptionalDouble ratio = f.costRatio(p);
            csv.append(String.join(",", Table.csvCell(p.item()), FitReport.csvNumber(p.cost()),
                    FitReport.csvNumber(p.quality()), Boolean.toString(on),
                    gap.isPresent() ? FitReport.csvNumber(gap.getAsDouble()) : "",
                    ratio.isPresent() ? FitReport.csvNumber(ratio.getAsDouble()) : "")).append('\n');
            if (on) {
                continue;
            }
            ObjectNode o = off.addObject();
            o.put("name", p.item());
            Json.number(o, "cost", p.cost());
            Json.number(o, "quality", p.quality());
            Json.number(o, "qualityGap", gap.orElse(Double.NaN));
            Json.number(o, "costRatio", ratio.orElse(Double.NaN));
            dt.add(p.item(), Parsing.human(p.cost()), Parsing.human(p.quality()),
                    Parsing.human(gap.orElse(Double.NaN)), Parsing.human(ratio.orElse(Double.NaN)));
        }
        String text = switch (output.format()) {
            case json -> Json.pretty(n);
            case csv -> csv.toString();
            case table -> String.format(Locale.ROOT, "%d configurations, %d on the frontier (%s)%n%n", points.size(),
                    f.frontier().size(), dir == ParetoFrontier.Direction.HIGHER_IS_BETTER ? "higher quality is better"
                            : "lower quality is better") + ft.render()
                    + (f.dominated().isEmpty() ? "" : "\n" + dt.render()
                    + "quality gap: how much better the frontier does at no more cost; cost ratio: the share of its "
                    + "cost a frontier config needs for at least its quality\n");
        };
        output.emit(text, spec.commandLine().getOut(), List.of(pareto));
        return 0;
    }
}
