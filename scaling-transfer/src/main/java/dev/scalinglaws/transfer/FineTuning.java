/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.transfer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import dev.scalinglaws.core.DataException;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Loss;
import dev.scalinglaws.fit.ResidualSpace;
import dev.scalinglaws.fit.Starts;

/**
 * Fitting fine-tuning curves L(D) with the {@link RectifiedLaw} or the {@link VanillaFinetuneLaw}: validation of the
 * sizes, explicit handling of the zero-shot point (D = 0), and data-driven starting values.
 *
 * <p>The zero-shot row is excluded unless asked for with {@link ZeroShot#INCLUDE}: the vanilla law has no finite value
 * at D = 0, and Lin et al. fit the 14 non-zero sizes. With {@code INCLUDE} the rectified law is fitted through
 * {@link RectifiedLaw#INCLUDING_ZERO_SHOT}, where L(0) = B / Dl + E.
 *
 * <p>Data-driven starts: for beta on a grid of 15 values in [0.05, 1.5] and Dl on a log grid of 25 values in
 * [1e-3, 1e7] (beta only for the vanilla law), B and E solve the linear least-squares problem in linear space
 * (projected to be positive); the {@value #DATA_STARTS} points with the lowest log-space RMSE are added to the spec's
 * own starts. Deterministic; stateless and thread-safe.
 */
public final class FineTuning {

    /** Number of data-driven starts added to the spec's starts. */
    public static final int DATA_STARTS = 4;

    private FineTuning() {
    }

    /** Whether the zero-shot point (D = 0) takes part in a fit. */
    public enum ZeroShot {
        /** Drop rows with D = 0 (the default, and the paper's protocol). */
        EXCLUDE,
        /** Keep rows with D = 0 (rectified law only). */
        INCLUDE
    }

    /**
     * The paper's protocol: log residuals, squared loss (so the objective is the RMSD of ln L up to a constant),
     * 32 Sobol starts plus data-driven starts, one thread per fit.
     *
     * @return the spec
     */
    public static FitSpec linProtocol() {
        return FitSpec.defaults().withResidual(ResidualSpace.LOG).withLoss(Loss.squared())
                .withStarts(Starts.sobol(32, 0)).withThreads(1);
    }

    /**
     * Validates the fine-tuning sizes: column {@code D} present, finite and non-negative.
     *
     * @param data rows with a {@code D} column
     * @return the data unchanged
     * @throws DataException naming row and value of the first negative or non-finite size
     */
    public static Dataset validateSizes(Dataset data) {
        double[] d = data.column("D");
        for (int i = 0; i < d.length; i++) {
            if (!Double.isFinite(d[i]) || d[i] < 0) {
                throw new DataException(data.source(), data.rowNumber(i), "D", Double.toString(d[i]),
                        "fine-tuning data size must be finite and non-negative (0 = zero-shot)");
            }
        }
        return data;
    }

    /**
     * The rows with D &gt; 0 (the zero-shot rows removed), after {@link #validateSizes}.
     *
     * @param data rows with a {@code D} column
     * @return the rows with a positive size
     */
    public static Dataset withoutZeroShot(Dataset data) {
        double[] d = validateSizes(data).column("D");
        return data.filter(i -> d[i] > 0);
    }

    /**
     * Fits one fine-tuning curve.
     *
     * @param law      {@link RectifiedLaw#INSTANCE} or {@link VanillaFinetuneLaw#INSTANCE}
     * @param curve    the rows of one (dataset, model) curve: columns {@code D} and {@code loss}
     * @param spec     how to fit (e.g. {@link #linProtocol()}); data-driven starts are added to its starts
     * @param zeroShot whether D = 0 rows take part
     * @return the fit
     */
    public static FitResult fit(ScalingLaw law, Dataset curve, FitSpec spec, ZeroShot zeroShot) {
        boolean rectified = law instanceof RectifiedLaw;
        if (!rectified && !(law instanceof VanillaFinetuneLaw)) {
            throw new IllegalArgumentException("FineTuning fits the rectified and vanilla-finetune laws, not "
                    + law.name());
        }
        validateSizes(curve);
        Dataset used = curve;
        ScalingLaw fitted = law;
        if (zeroShot == ZeroShot.EXCLUDE) {
            used = withoutZeroShot(curve);
        } else if (rectified) {
            fitted = RectifiedLaw.INCLUDING_ZERO_SHOT;
        } else {
            throw new IllegalArgumentException("the vanilla-finetune law has no value at D = 0; exclude zero-shot rows");
        }
        double[] d = used.column("D");
        double[] loss = used.column("loss");
        List<double[]> starts = new ArrayList<>(spec.starts().points(fitted));
        starts.addAll(dataStarts(rectified, d, loss));
        return Fitter.fit(fitted, used, spec.withStarts(Starts.of(starts)));
    }

    /**
     * Data-driven starting points (see the class comment).
     *
     * @param rectified whether for the rectified law (else vanilla)
     * @param d         sizes
     * @param loss      losses
     * @return up to {@value #DATA_STARTS} starts in the law's parameter order
     */
    public static List<double[]> dataStarts(boolean rectified, double[] d, double[] loss) {
        List<double[]> candidates = new ArrayList<>();
        int dlCount = rectified ? 25 : 1;
        for (int a = 0; a < 15; a++) {
            double beta = 0.05 + a * (1.5 - 0.05) / 14;
            for (int b = 0; b < dlCount; b++) {
                double dl = rectified ? Math.pow(10, -3 + b * 10.0 / (dlCount - 1)) : 0;
                double[] basis = new double[d.length];
                for (int i = 0; i < d.length; i++) {
                    double power = d[i] == 0 ? 0 : Math.pow(d[i], beta);
                    basis[i] = 1 / (dl + power);
                }
                double[] be = positiveLeastSquares(basis, loss);
                double sse = 0;
                for (int i = 0; i < d.length; i++) {
                    double r = Math.log(be[0] * basis[i] + be[1]) - Math.log(loss[i]);
                    sse += r * r;
                }
                if (Double.isFinite(sse)) {
                    candidates.add(rectified ? new double[] {be[0], be[1], Math.max(dl, RectifiedLaw.DL_FLOOR), beta,
                            sse} : new double[] {be[0], be[1], beta, sse});
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(c -> c[c.length - 1]));
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < Math.min(DATA_STARTS, candidates.size()); i++) {
            double[] c = candidates.get(i);
            out.add(Arrays.copyOf(c, c.length - 1));
        }
        return out;
    }

    /** min ||B x + E - y|| with B, E &gt; 0 (tiny floors where the free solution is not positive). */
    private static double[] positiveLeastSquares(double[] x, double[] y) {
        int n = x.length;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sx += x[i];
            sy += y[i];
            sxx += x[i] * x[i];
            sxy += x[i] * y[i];
        }
        double det = n * sxx - sx * sx;
        double b = det != 0 ? (n * sxy - sx * sy) / det : 0;
        double e = (sy - b * sx) / n;
        double floor = 1e-6 * Math.abs(sy / n);
        if (b <= 0) {
            b = floor;
            e = (sy - b * sx) / n;
        }
        if (e <= 0) {
            e = floor;
            b = Math.max(floor, (sxy - e * sx) / sxx);
        }
        return new double[] {b, e};
    }
}
