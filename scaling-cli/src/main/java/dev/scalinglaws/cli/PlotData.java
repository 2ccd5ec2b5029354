/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.util.List;
import java.util.Locale;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.uncertainty.BootstrapResult;

/**
 * What a plot shows: a fitted law, the rows used in the fit and the rows left out (by --drop-top-loss), and a
 * title naming the law and the data.
 *
 * @param law      the law
 * @param theta    fitted parameters
 * @param status   the fit's status
 * @param title    chart title
 * @param used     rows in the fit (covariates and response present)
 * @param excluded      rows left out of the fit, or null
 * @param result        the fit as a {@link FitResult} (for the loss, the residual space and the asymptotic bands),
 *                      or null (no bands, no down-weighting flags)
 * @param bootstrap     the fit's bootstrap, or null (no bootstrap panels)
 * @param extrapolateTo the compute C the compute-optimal curve and its band are extended to, or NaN for 10 times
 *                      the largest compute in the data
 */
record PlotData(ScalingLaw law, double[] theta, String status, String title, Dataset used, Dataset excluded,
                FitResult result, BootstrapResult bootstrap, double extrapolateTo) {

    PlotData(ScalingLaw law, double[] theta, String status, String title, Dataset used, Dataset excluded) {
        this(law, theta, status, title, used, excluded, null, null, Double.NaN);
    }

    /**
     * With the fit, its bootstrap and the extrapolation target.
     *
     * @param fit     the fit (at the estimates), or null
     * @param boot    the bootstrap, or null
     * @param compute the compute to extrapolate to, or NaN
     * @return the plot data
     */
    PlotData with(FitResult fit, BootstrapResult boot, double compute) {
        return new PlotData(law, theta, status, title, used, excluded, fit, boot, compute);
    }

    /**
     * The same plot with other rows in the fit (the exact rows the fit used, when the caller has them).
     *
     * @param rows the rows
     * @return the plot data
     */
    PlotData withUsed(Dataset rows) {
        return new PlotData(law, theta, status, title, rows, excluded, result, bootstrap, extrapolateTo);
    }

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
        return of(o, prepared, null, null);
    }

    /**
     * From a fit just made, with the rows it used and its bootstrap.
     *
     * @param o        the fit
     * @param prepared the data with the law's covariates, before --where and --drop-top-loss
     * @param used     the rows the fit used, or null to select them again
     * @param boot     the bootstrap, or null
     * @return the plot data
     */
    static PlotData of(FitOutcome o, Dataset prepared, Dataset used, BootstrapResult boot) {
        PlotData d = select(o.result().law(), o.result().theta(), o.result().status().name(), o.source(),
                prepared, o.selection());
        if (used != null) {
            d = d.withUsed(used);
        }
        return d.with(o.result(), boot, Double.NaN);
    }

    /**
     * Selects the used and excluded rows as the fit did.
     *
     * @param law       the law
     * @param theta     parameters
     * @param status    the fit's status
     * @param source    the data source
     * @param prepared  the data with the law's covariates
     * @param selection the fit's row selection
     * @return the plot data
     */
    static PlotData select(ScalingLaw law, double[] theta, String status, String source, Dataset prepared,
                           RowSelection selection) {
        RowSelection.Selected s = selection.apply(prepared, law.response(), null);
        Dataset d = s.candidates();
        Dataset used = s.used();
        String group = selection.group();
        String groupColumn = selection.groupColumn();
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
