package dev.scalinglaws.cli;

import java.util.List;
import java.util.Locale;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaw;

/**
 * What a plot shows: a fitted law, the rows used in the fit and the rows left out (by --drop-top-loss), and a
 * title naming the law and the data.
 *
 * @param law      the law
 * @param theta    fitted parameters
 * @param status   the fit's status
 * @param title    chart title
 * @param used     rows in the fit (covariates and response present)
 * @param excluded rows left out of the fit, or null
 */
record PlotData(ScalingLaw law, double[] theta, String status, String title, Dataset used, Dataset excluded) {

    PlotData {
        theta = theta.clone();
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    /**
     * From a fit just made.
     *
     * @param o        the fit
     * @param prepared the data with the law's covariates, before --where and --drop-top-loss
     * @return the plot data
     */
    static PlotData of(FitOutcome o, Dataset prepared) {
        return select(o.result().law(), o.result().theta(), o.result().status().name(), o.source(),
                prepared, o.where(), o.groupColumn(), o.group(), o.dropTopLoss());
    }

    /**
     * Selects the used and excluded rows as the fit did.
     *
     * @param law         the law
     * @param theta       parameters
     * @param status      the fit's status
     * @param source      the data source
     * @param prepared    the data with the law's covariates
     * @param where       --where conditions as text
     * @param groupColumn --by column or null
     * @param group       group label or null
     * @param drop        rows dropped by --drop-top-loss
     * @return the plot data
     */
    static PlotData select(ScalingLaw law, double[] theta, String status, String source, Dataset prepared,
                           List<String> where, String groupColumn, String group, int drop) {
        Dataset d = RowFilter.apply(prepared, where.stream().map(RowFilter::parse).toList());
        if (groupColumn != null && group != null) {
            String[] labels = d.textColumn(groupColumn);
            d = d.filter(i -> labels[i].equals(group));
        }
        if (d.size() == 0) {
            throw new CliException(source + ": no rows to plot");
        }
        Dataset used = drop > 0 && drop < d.size() ? d.withoutLargest(law.response(), drop) : d;
        Dataset excluded = null;
        if (used.size() < d.size()) {
            java.util.Set<Integer> kept = new java.util.HashSet<>();
            for (int i = 0; i < used.size(); i++) {
                kept.add(used.rowNumber(i));
            }
            Dataset all = d;
            excluded = all.filter(i -> !kept.contains(all.rowNumber(i)));
        }
        String title = String.format(Locale.ROOT, "%s fit: %s  |  %s%s, %d rows fitted%s", law.name(), law.formula(),
                source, group == null ? "" : " (" + groupColumn + " = " + group + ")", used.size(),
                status.equals("CONVERGED") ? "" : "  |  status " + status);
        return new PlotData(law, theta, status, title, used, excluded);
    }
}
