package dev.scalinglaws.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalinglaws.core.ScalingLaw;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scaling predict}: the fitted law at a covariate point. */
@Command(name = "predict", sortOptions = false,
        description = {"Predict the response of a fitted law at a point, and say how far outside the fitted range "
                + "it lies. Point estimates now; confidence and prediction intervals once the uncertainty module "
                + "lands."},
        footer = {"", "Examples:", "  scaling fit --format json --output fit.json",
            "  scaling predict --fit fit.json --at N=70e9,D=1.4e12",
            "  scaling predict --fit fit.json --at N=1e9,C=1e21 --format json"})
final class PredictCommand implements Callable<Integer> {

    static final String SCHEMA = "scalinglaws.prediction/1";

    @Spec
    CommandSpec spec;

    @Option(names = "--fit", paramLabel = "FIT.json", required = true,
            description = "A fit written by 'scaling fit --format json'.")
    Path fit;

    @Option(names = "--at", paramLabel = "KEY=VALUE[,KEY=VALUE...]", required = true,
            description = "The point, e.g. N=70e9,D=1.4e12 (D is derived from C and N if needed). Repeatable.")
    List<String> at = new ArrayList<>();

    @Option(names = "--level", paramLabel = "P",
            description = "Interval level (intervals are not available yet).")
    Double level;

    @Option(names = "--format", paramLabel = "table|json|csv", defaultValue = "table",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the result here (atomically).")
    Path output;

    @Override
    public Integer call() {
        if (level != null && !(level > 0 && level < 1)) {
            throw new CliException("--level must lie strictly between 0 and 1: " + level);
        }
        FitFile f = FitFile.read(fit);
        List<ObjectNode> nodes = new ArrayList<>();
        Table table = new Table(List.of("point", "estimate", "outside fitted range"));
        StringBuilder csv = new StringBuilder("point,estimate,confidenceLower,confidenceUpper,predictionLower,"
                + "predictionUpper,outside\n");
        for (String a : at) {
            Map<String, Double> point = covariates(f.law(), Parsing.point("--at", a));
            double[] x = new double[f.law().covariates().size()];
            for (int j = 0; j < x.length; j++) {
                x[j] = point.get(f.law().covariates().get(j));
            }
            double estimate = f.law().value(f.theta(), x);
            ObjectNode n = Json.object();
            n.put("schema", SCHEMA);
            n.put("law", f.law().name());
            ObjectNode atNode = n.putObject("at");
            point.forEach((k, v) -> Json.number(atNode, k, v));
            Json.number(n, "estimate", estimate);
            double[][] intervals = intervals(f, x);
            putInterval(n, "confidence", intervals == null ? null : intervals[0]);
            putInterval(n, "prediction", intervals == null ? null : intervals[1]);
            if (intervals == null) {
                n.putNull("level");
            } else {
                Json.number(n, "level", level);
            }
            ObjectNode ext = n.putObject("extrapolation");
            boolean outside = false;
            List<String> outsideText = new ArrayList<>();
            for (Map.Entry<String, double[]> e : f.ranges().entrySet()) {
                Double v = point.get(e.getKey());
                if (v == null) {
                    continue;
                }
                double lo = e.getValue()[0];
                double hi = e.getValue()[1];
                double decades = v > hi ? Math.log10(v / hi) : v < lo ? -Math.log10(lo / v) : 0;
                ObjectNode c = ext.putObject(e.getKey());
                Json.number(c, "value", v);
                Json.number(c, "fittedMin", lo);
                Json.number(c, "fittedMax", hi);
                Json.number(c, "decadesOutside", decades);
                if (decades != 0) {
                    outside = true;
                    outsideText.add(String.format(Locale.ROOT, "%s %+.2f decades", e.getKey(), decades));
                }
            }
            ext.put("outside", outside);
            nodes.add(n);
            String label = pointText(point);
            table.add(label, Parsing.human(estimate), outside ? String.join(", ", outsideText) : "no");
            csv.append(Table.csvCell(label)).append(',').append(FitReport.csvNumber(estimate)).append(",,,,,")
                    .append(outside).append('\n');
        }
        String text = switch (format) {
            case json -> Json.render(nodes);
            case csv -> csv.toString();
            case table -> "law " + f.law().name() + " (" + f.law().formula() + ") from " + fit + "\n"
                    + table.render() + "point estimates only: intervals need the uncertainty module\n";
        };
        Output.emit(output, text, spec.commandLine().getOut(), List.of(fit));
        return 0;
    }

    /**
     * Confidence and prediction intervals at a point: the hook for the uncertainty module. Returns null (point
     * estimate only) unless --level asks for intervals.
     */
    private double[][] intervals(FitFile f, double[] x) {
        if (level == null) {
            return null;
        }
        throw CliException.notAvailable("--level (prediction intervals)", "the uncertainty module (fit.uncertainty)");
    }

    private static void putInterval(ObjectNode n, String key, double[] b) {
        if (b == null) {
            n.putNull(key);
            return;
        }
        ObjectNode i = n.putObject(key);
        Json.number(i, "lower", b[0]);
        Json.number(i, "upper", b[1]);
    }

    private static String pointText(Map<String, Double> p) {
        List<String> parts = new ArrayList<>();
        p.forEach((k, v) -> parts.add(k + "=" + Parsing.human(v)));
        return String.join(",", parts);
    }

    /**
     * The law's covariates from a point, deriving D = C/(6N), N = C/(6D), C = 6ND or M = D/N where needed.
     *
     * @param law   the law
     * @param given the point as given
     * @return the covariates in the law's order (extra given keys are kept after them)
     */
    static Map<String, Double> covariates(ScalingLaw law, Map<String, Double> given) {
        Map<String, Double> p = new LinkedHashMap<>(given);
        for (String cov : law.covariates()) {
            if (p.containsKey(cov)) {
                continue;
            }
            if (cov.equals("D") && p.containsKey("C") && p.containsKey("N")) {
                p.put("D", p.get("C") / (6 * p.get("N")));
            } else if (cov.equals("N") && p.containsKey("C") && p.containsKey("D")) {
                p.put("N", p.get("C") / (6 * p.get("D")));
            } else if (cov.equals("C") && p.containsKey("N") && p.containsKey("D")) {
                p.put("C", 6 * p.get("N") * p.get("D"));
            } else if (cov.equals("M") && p.containsKey("N") && p.containsKey("D")) {
                p.put("M", p.get("D") / p.get("N"));
            } else {
                throw new CliException(String.format(Locale.ROOT, "--at: law %s needs %s; give %s", law.name(),
                        law.covariates(), String.join(",", law.covariates().stream().map(c -> c + "=...").toList())));
            }
        }
        for (String k : given.keySet()) {
            if (!law.covariates().contains(k) && !List.of("N", "D", "C", "M").contains(k)) {
                throw new CliException(String.format(Locale.ROOT, "--at: law %s has no covariate '%s'; it takes %s",
                        law.name(), k, law.covariates()));
            }
        }
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (String cov : law.covariates()) {
            double v = p.get(cov);
            if (!Double.isFinite(v) || law.requiresPositiveCovariates() && v <= 0) {
                throw new CliException(String.format(Locale.ROOT, "--at: %s=%s must be positive and finite", cov,
                        v));
            }
            ordered.put(cov, v);
        }
        return ordered;
    }
}
