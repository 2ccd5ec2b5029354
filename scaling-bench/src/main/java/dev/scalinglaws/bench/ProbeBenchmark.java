package dev.scalinglaws.bench;

import java.util.concurrent.TimeUnit;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.internal.Objective;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The lower bound the Chinchilla objective is measured against: n x (3 {@code Math.exp} + 1 {@code Math.log}) and
 * the few multiply-adds of a log-sum-exp, over the same data layout ({@code double[]} columns of ln N, ln D, ln L
 * taken from the compiled problem) and the same data as {@link ObjectiveBenchmark} (law chinchilla, same seed), with
 * no loss, no gradient and no chunking. {@link #objectiveValue} is the library's objective without gradient on the
 * same inputs, for comparison; {@code ObjectiveBenchmark.valueAndGradient} with law=chinchilla is the one with it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProbeBenchmark {

    /** Number of data points. */
    @Param({"240", "10000", "1000000"})
    public int n;

    private double[] lnN;
    private double[] lnD;
    private double[] lnL;
    private double a;
    private double b;
    private double e;
    private double alpha;
    private double beta;
    private Objective objective;
    private double[] u;

    /** Builds the data once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        Dataset data = Synthetic.dataset(ChinchillaLaw.INSTANCE, n, Synthetic.SEED);
        Fitter.Problem problem = Fitter.Problem.compile(ChinchillaLaw.INSTANCE, data, FitSpec.epoch());
        Columns x = data.covariates(ChinchillaLaw.INSTANCE);
        lnN = x.logColumn(0).clone();
        lnD = x.logColumn(1).clone();
        double[] loss = data.column("loss");
        lnL = new double[n];
        for (int i = 0; i < n; i++) {
            lnL[i] = Math.log(loss[i]);
        }
        double[] t = Synthetic.nearTruth(ChinchillaLaw.INSTANCE);
        e = Math.log(t[ChinchillaLaw.E]);
        a = Math.log(t[ChinchillaLaw.A]);
        b = Math.log(t[ChinchillaLaw.B]);
        alpha = t[ChinchillaLaw.ALPHA];
        beta = t[ChinchillaLaw.BETA];
        objective = problem.objective().copy();
        u = problem.startCoordinates(t);
    }

    /**
     * The bound: sum over points of logsumexp(a - alpha ln N, b - beta ln D, e) - ln L (3 exp, 1 log per point).
     *
     * @return the sum (consumed by JMH)
     */
    @Benchmark
    public double expLogBound() {
        double[] x1 = lnN;
        double[] x2 = lnD;
        double[] y = lnL;
        double sum = 0;
        for (int i = 0; i < x1.length; i++) {
            double t1 = a - alpha * x1[i];
            double t2 = b - beta * x2[i];
            double m = Math.max(Math.max(t1, t2), e);
            sum += m + Math.log(Math.exp(t1 - m) + Math.exp(t2 - m) + Math.exp(e - m)) - y[i];
        }
        return sum;
    }

    /**
     * The library's objective value (no gradient) on the same inputs.
     *
     * @return the objective
     */
    @Benchmark
    public double objectiveValue() {
        return objective.value(u);
    }
}
