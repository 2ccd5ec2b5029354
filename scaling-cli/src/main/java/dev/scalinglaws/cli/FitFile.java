/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.scalinglaws.core.Parameter;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.core.ScalingLaws;
import dev.scalinglaws.core.formula.FormulaException;
import dev.scalinglaws.core.formula.FormulaLaw;
import dev.scalinglaws.fit.Diagnostic;
import dev.scalinglaws.fit.DiagnosticCode;
import dev.scalinglaws.fit.Severity;

/**
 * A fit read back from the JSON that {@code scaling fit --format json} writes ({@code scalinglaws.fit/1}). Reading is
 * strict and every problem (missing file, malformed or truncated JSON, wrong schema, unknown law, missing
 * parameter) is a one-line {@link CliException} naming the file.
 *
 * @param path        the file
 * @param law         the law
 * @param theta       the estimates in the law's parameter order
 * @param status      the fit's status
 * @param source      the data source
 * @param where       --where conditions of the fit
 * @param groupColumn --by column or null
 * @param group       group label or null
 * @param dropTopLoss rows dropped
 * @param ranges      covariate ranges of the fitted rows (may be empty)
 * @param spec        the fit's {@code spec} object (residual, loss, delta, pins, bounds); may be missing
 * @param columns     the fit's --column mappings (KEY to HEADER), empty if none were recorded
 * @param runColumn   the fit's --group column naming the run of each row, or null
 * @param interval    the fit's {@code interval} object (method, level, resamples), a missing node if it has none
 * @param diagnostics the fit's {@code diagnostics} (empty for files written before they existed)
 * @param keepBest    the fit's --keep-best columns (empty for none)
 * @param warmupTokens the fit's --warmup-tokens threshold, or null
 */
record FitFile(Path path, ScalingLaw law, double[] theta, String status, String source, List<String> where,
               String groupColumn, String group, int dropTopLoss, Map<String, double[]> ranges, JsonNode spec,
               Map<String, String> columns, String runColumn, JsonNode interval, List<Diagnostic> diagnostics,
               List<String> keepBest, Double warmupTokens) {

    FitFile {
        theta = theta.clone();
        where = List.copyOf(where);
        keepBest = List.copyOf(keepBest);
        ranges = new LinkedHashMap<>(ranges);
        columns = new LinkedHashMap<>(columns);
        diagnostics = List.copyOf(diagnostics);
    }

    /** A fit file without diagnostics (parameters given on the command line, or files written before them). */
    FitFile(Path path, ScalingLaw law, double[] theta, String status, String source, List<String> where,
            String groupColumn, String group, int dropTopLoss, Map<String, double[]> ranges, JsonNode spec,
            Map<String, String> columns, String runColumn, JsonNode interval) {
        this(path, law, theta, status, source, where, groupColumn, group, dropTopLoss, ranges, spec, columns,
                runColumn, interval, List.of(), List.of(), null);
    }

    /**
     * The selection that chose the fit's rows (its --by group, --where, --keep-best, --warmup-tokens and
     * --drop-top-loss), to select them again from its data.
     *
     * @return the selection
     */
    RowSelection selection() {
        return new RowSelection(where, keepBest, warmupTokens, groupColumn, group, dropTopLoss);
    }

    /**
     * The diagnostics of a fit file's {@code diagnostics} array; entries with an unknown code or severity are skipped
     * (a newer writer), a malformed array is an error naming the file.
     *
     * @param path the file
     * @param node the array (or a missing node)
     * @return the diagnostics
     */
    static List<Diagnostic> diagnostics(Path path, JsonNode node) {
        List<Diagnostic> out = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new CliException(path + ": field 'diagnostics' is not an array");
        }
        for (JsonNode d : node) {
            DiagnosticCode code;
            Severity severity;
            try {
                code = DiagnosticCode.valueOf(d.path("code").asText(""));
                severity = Severity.valueOf(d.path("severity").asText("").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                continue;
            }
            String message = d.path("message").asText("").replaceAll("[\\r\\n]+", " ").trim();
            if (message.isEmpty()) {
                message = code.name();
            }
            List<String> parameters = new ArrayList<>();
            d.path("parameters").forEach(x -> parameters.add(x.asText()));
            List<Integer> rows = new ArrayList<>();
            d.path("rows").forEach(x -> {
                if (x.canConvertToInt()) {
                    rows.add(x.asInt());
                }
            });
            out.add(new Diagnostic(code, severity, message, parameters, rows));
        }
        return out;
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    /** Whether the fit's intervals came from a bootstrap ({@code interval.method} bootstrap-...). */
    boolean bootstrapped() {
        return interval.path("method").asText("").startsWith("bootstrap");
    }

    /**
     * Reads and validates a fit file.
     *
     * @param path the file
     * @return the fit
     */
    static FitFile read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliException(path + ": no such file");
        } catch (IOException e) {
            throw new CliException(path + ": cannot read: " + e.getMessage(), e);
        }
        if (text.isBlank()) {
            throw new CliException(path + ": empty file (expected the JSON of 'scaling fit --format json')");
        }
        List<JsonNode> nodes = new ArrayList<>();
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(text);
             MappingIterator<JsonNode> it = Json.MAPPER.readValues(parser, JsonNode.class)) {
            while (it.hasNextValue()) {
                nodes.add(it.nextValue());
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : String.format(Locale.ROOT, " at line %d, column %d", at.getLineNr(),
                    at.getColumnNr());
            throw new CliException(path + ": malformed or truncated JSON" + where + ": "
                    + ScalingCommand.oneLine(e.getOriginalMessage())
                    .replaceAll("\\[Source: [^;]*; line: (\\d+), column: (\\d+)]", "line $1, column $2"), e);
        } catch (IOException | RuntimeException e) {
            throw new CliException(path + ": malformed JSON: " + ScalingCommand.oneLine(e.getMessage()), e);
        }
        if (nodes.size() != 1) {
            throw new CliException(String.format(Locale.ROOT, "%s: holds %d fit results (JSON lines from --by); "
                    + "put the one you want in a file of its own", path, nodes.size()));
        }
        return of(path, nodes.get(0));
    }

    /** The law of a {@code --formula} fit: its formula, covariates and response, parsed again. */
    private static ScalingLaw formulaLaw(Path path, JsonNode root) {
        JsonNode text = root.get("formula");
        JsonNode covariates = root.get("covariates");
        if (text == null || !text.isTextual() || covariates == null || !covariates.isArray()) {
            throw new CliException(path + ": a formula fit needs the fields 'formula' (text) and 'covariates' (an "
                    + "array of column names)");
        }
        List<String> names = new ArrayList<>();
        covariates.forEach(c -> names.add(c.asText()));
        try {
            return FormulaLaw.parse(text.asText(), names, root.path("response").asText("loss"));
        } catch (FormulaException e) {
            throw new CliException(path + ": formula: " + e.getMessage(), e);
        }
    }

    private static FitFile of(Path path, JsonNode root) {
        if (!root.isObject()) {
            throw new CliException(path + ": expected a JSON object (the output of 'scaling fit --format json')");
        }
        String schema = root.path("schema").asText(null);
        if (!FitReport.SCHEMA.equals(schema)) {
            throw new CliException(String.format(Locale.ROOT, "%s: not a fit result (schema %s, expected \"%s\")",
                    path, schema == null ? "missing" : "\"" + schema + "\"", FitReport.SCHEMA));
        }
        JsonNode lawNode = root.get("law");
        if (lawNode == null || !lawNode.isTextual()) {
            throw new CliException(path + ": field 'law' is missing or not text");
        }
        ScalingLaw law;
        try {
            law = lawNode.asText().equals(FormulaLaw.NAME) ? formulaLaw(path, root)
                    : ScalingLaws.byName(lawNode.asText());
            JsonNode ties = root.get("ties");
            if (ties != null && !ties.isObject()) {
                throw new IllegalArgumentException("field 'ties' is not an object");
            }
            if (ties != null && !ties.isEmpty()) {
                Map<String, String> t = new LinkedHashMap<>();
                ties.properties().forEach(e -> t.put(e.getKey(), e.getValue().asText()));
                law = ScalingLaws.tie(law, t);
            }
        } catch (IllegalArgumentException e) {
            throw new CliException(path + ": " + e.getMessage(), e);
        }
        JsonNode params = root.get("parameters");
        if (params == null || !params.isArray()) {
            throw new CliException(path + ": field 'parameters' is missing or not an array");
        }
        Map<String, Double> byName = new LinkedHashMap<>();
        for (JsonNode p : params) {
            JsonNode name = p.get("name");
            JsonNode est = p.get("estimate");
            if (name == null || !name.isTextual()) {
                throw new CliException(path + ": a parameter has no 'name'");
            }
            if (est == null || !est.isNumber()) {
                throw new CliException(String.format(Locale.ROOT, "%s: parameter '%s' has no numeric estimate",
                        path, name.asText()));
            }
            byName.put(name.asText(), est.asDouble());
        }
        double[] theta = new double[law.parameterCount()];
        for (int j = 0; j < theta.length; j++) {
            Parameter par = law.parameters().get(j);
            Double v = byName.get(par.name());
            if (v == null || !Double.isFinite(v)) {
                throw new CliException(String.format(Locale.ROOT, "%s: law %s needs parameter '%s', which is "
                        + "missing", path, law.name(), par.name()));
            }
            theta[j] = v;
        }
        JsonNode data = root.path("data");
        List<String> where = new ArrayList<>();
        data.path("where").forEach(w -> where.add(w.asText()));
        List<String> keepBest = new ArrayList<>();
        data.path("keepBest").forEach(w -> keepBest.add(w.asText()));
        Map<String, double[]> ranges = new LinkedHashMap<>();
        data.path("ranges").properties().forEach(e -> {
            JsonNode r = e.getValue();
            if (r.path("min").isNumber() && r.path("max").isNumber()) {
                ranges.put(e.getKey(), new double[] {r.get("min").asDouble(), r.get("max").asDouble()});
            }
        });
        Map<String, String> columns = new LinkedHashMap<>();
        data.path("columns").properties().forEach(e -> columns.put(e.getKey(), e.getValue().asText()));
        String group = data.path("group").isTextual() ? data.get("group").asText() : null;
        String groupColumn = data.path("groupColumn").isTextual() ? data.get("groupColumn").asText() : null;
        return new FitFile(path, law, theta, root.path("status").asText("UNKNOWN"),
                data.path("source").asText(null), where, groupColumn, group, data.path("dropTopLoss").asInt(0),
                ranges, root.path("spec"), columns,
                data.path("runs").path("column").isTextual() ? data.path("runs").get("column").asText() : null,
                root.path("interval"), diagnostics(path, root.path("diagnostics")), keepBest,
                data.path("warmupTokens").isNumber() ? data.get("warmupTokens").asDouble() : null);
    }
}
