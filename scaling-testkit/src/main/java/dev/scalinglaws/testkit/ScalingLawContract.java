/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.Parameter;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.FitSpec;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Loss;
import dev.scalinglaws.fit.Optimizer;
import dev.scalinglaws.fit.Starts;
import dev.scalinglaws.fit.uncertainty.AsymptoticCovariance;
import dev.scalinglaws.fit.uncertainty.DerivedQuantity;
import dev.scalinglaws.fit.uncertainty.Interval;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.statistics.Statistics;

/**
 * The contract every {@link ScalingLaw} must honour, as jqwik properties. A law author subclasses it, supplies the
 * law and, where the defaults do not fit, the domains; {@code mvn test} then checks:
 * <ol>
 *   <li>{@link #gradientMatchesFiniteDifferences}: the analytic Jacobian (of {@code evaluateLog} and of
 *       {@code evaluate}) matches Richardson-extrapolated central differences, with a measured error model for
 *       cancellation ({@link GradientCheck});</li>
 *   <li>{@link #evaluationIsFiniteAndConsistent}: values and Jacobians are finite across the covariate domain, the
 *       log value is the log of the value, a positive-response law is positive, and a {@code LinearStructure}
 *       reproduces the law;</li>
 *   <li>{@link #logEvaluationIsFiniteAtExtremeScales}: the log value and its gradient stay finite and correct at
 *       covariates up to 1e30, where linear-space arithmetic overflows;</li>
 *   <li>{@link #batchEvaluationMatchesPointwise}: evaluating rows [from, to) of a block gives the same numbers as
 *       one row at a time and writes nothing outside the output range;</li>
 *   <li>{@link #parametersAreConsistent}: names, bounds, start ranges, indices and linearity flags agree;</li>
 *   <li>{@link #parameterDomainRespectsBounds} and {@link #serialisationRoundTrips}: the domain is admissible and
 *       the law survives Java serialisation equal to itself and evaluating identically;</li>
 *   <li>{@link #noiselessDataRecoverTheParameters}: fits of noiseless synthetic data recover the truth
 *       ({@link FitAssertions#assertRecovers(FitResult, Dataset, double[], double, double)});</li>
 *   <li>{@link #intervalsCoverTheTruthAtTheNominalRate} (tagged {@code slow}, only if {@link #coverageStudy()} is
 *       given): Wald intervals from noisy replicates cover the truth at the nominal rate.</li>
 * </ol>
 * Every property shrinks: a failure reports the smallest parameter vector and covariate point (or design and
 * noise) that still fails, with jqwik's seed to reproduce it.
 *
 * <pre>{@code
 * class MyLawContractTest extends ScalingLawContract {
 *     protected ScalingLaw law() { return MyLaw.INSTANCE; }
 * }
 * }</pre>
 *
 * <p>Tries are modest so that a contract costs a few seconds; run with {@code -Djqwik.tries.default} or override
 * the domains for more. Properties a law does not support (no extreme domain, no coverage study) are skipped, not
 * passed.
 */
public abstract class ScalingLawContract {

    /** A parameter vector and a covariate point. */
    public record Point(double[] theta, double[] x) {
        @Override
        public String toString() {
            return "theta=" + Arrays.toString(theta) + " x=" + Arrays.toString(x);
        }
    }

    /** A block of rows for batch evaluation: the rows, and the range [from, to) evaluated. */
    public record Batch(double[] theta, List<double[]> rows, int from) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("theta=").append(Arrays.toString(theta)).append(" from=")
                    .append(from).append(" rows=");
            for (double[] r : rows) {
                sb.append(Arrays.toString(r));
            }
            return sb.toString();
        }
    }

    /**
     * The law under test.
     *
     * @return the law
     */
    protected abstract ScalingLaw law();

    /**
     * Parameter vectors to test at. The default draws each parameter from its {@link ScalingLaw#startRange start
     * range} clipped to its bounds: log-uniformly for positive parameters, uniformly otherwise.
     *
     * @return an arbitrary parameter vector
     */
    protected Arbitrary<double[]> parameterDomain() {
        ScalingLaw law = law();
        List<Arbitrary<Double>> each = new ArrayList<>();
        for (int j = 0; j < law.parameterCount(); j++) {
            Parameter p = law.parameters().get(j);
            double[] r = law.startRange(j);
            double lo = Math.max(r[0], p.lower());
            double hi = Math.min(r[1], p.upper());
            if (p.positive()) {
                lo = lo > 0 ? lo : Math.min(hi, 1) * 1e-3;
                each.add(Sweeps.logUniform(lo, hi));
            } else {
                each.add(Sweeps.uniform(lo, hi));
            }
        }
        return Combinators.combine(each).as(Draws::toArray);
    }

    /**
     * Covariate points to test at, one value per covariate in the law's order. The default, for laws of positive
     * covariates, draws each covariate log-uniformly on [1, 1e30] and, one time in seven, takes one of 1, 1e25 and
     * 1e30 on purpose; for other laws, uniformly on [0, 10].
     *
     * @return an arbitrary covariate point
     */
    protected Arbitrary<double[]> covariateDomain() {
        int k = law().covariates().size();
        Arbitrary<Double> one = law().requiresPositiveCovariates()
                ? Arbitraries.frequencyOf(Tuple.of(6, Sweeps.logUniform(1, 1e30)),
                        Tuple.of(1, Arbitraries.of(1.0, 1e25, 1e30)))
                : Sweeps.uniform(0, 10);
        return one.list().ofSize(k).map(Draws::toArray);
    }

    /**
     * Covariate points at extreme scales, for the log-space properties; {@code null} to skip them (a law whose
     * covariates are not scales). The default, for laws of positive covariates with a positive response, draws
     * each covariate log-uniformly on [1e15, 1e30] with 1e30 itself one time in four.
     *
     * @return an arbitrary covariate point, or {@code null}
     */
    protected Arbitrary<double[]> extremeCovariateDomain() {
        if (!law().requiresPositiveCovariates() || !law().positiveResponse()) {
            return null;
        }
        Arbitrary<Double> one = Arbitraries.frequencyOf(Tuple.of(3, Sweeps.logUniform(1e15, 1e30)),
                Tuple.of(1, Arbitraries.just(1e30)));
        return one.list().ofSize(law().covariates().size()).map(Draws::toArray);
    }

    /**
     * True parameter vectors for the recovery property; the parameter domain by default.
     *
     * @return an arbitrary truth
     */
    protected Arbitrary<double[]> recoveryTruth() {
        return parameterDomain();
    }

    /**
     * Designs for the recovery property. The default is a {@link Sweeps#lattice lattice} of max(8, 3p) to
     * max(12, 6p) rows (p parameters) in a box whose corners come from the covariate domain; laws of N and D are
     * better served by {@link Sweeps#chinchillaGrid()} and its kin.
     *
     * @return an arbitrary design holding the law's covariates
     */
    protected Arbitrary<Design> recoveryDesign() {
        int p = law().parameterCount();
        return Sweeps.lattice(law().covariates(), covariateDomain(), Math.max(8, 3 * p), Math.max(12, 6 * p));
    }

    /**
     * How the recovery property fits: squared loss (on log residuals for positive responses) by Levenberg-Marquardt
     * from 16 Sobol starts over the law's start ranges, on one thread, with the relative-decrease test off (ftol 0),
     * a gradient tolerance of 1e-12 and at most 400 iterations per start. Noiseless data make a zero-residual least
     * squares problem, where Levenberg-Marquardt becomes Gauss-Newton near the solution and converges to it; L-BFGS-B
     * can stop a few 1e-5 short in a flat valley (a transfer-gap draw, A = 1, G = 1e-3, E = 0.1, alpha = 0.93,
     * beta = 0.05 on fine-tuning data of 1 to 876 tokens: L-BFGS-B from the same 16 starts ended at objective 1.5e-8,
     * Levenberg-Marquardt at 1e-30). SciPy's ftol would stop a zero-residual fit once its objective is small in
     * absolute terms, and a flat valley (a parameter the design does not determine) would otherwise use the default
     * 15,000 iterations of every start.
     *
     * @return the spec
     */
    protected FitSpec recoverySpec() {
        FitSpec s = FitSpec.defaults().withLoss(Loss.squared()).withStarts(Starts.sobol(16, 0)).withThreads(1)
                .withOptimizer(Optimizer.LEVENBERG_MARQUARDT).withTolerances(0, 1e-12).withMaxIterations(400);
        return law().positiveResponse() ? s : s.withResidual(dev.scalinglaws.fit.ResidualSpace.LINEAR);
    }

    /**
     * Recovery tolerance for well-determined parameters, in fitting coordinates (relative for positive parameters);
     * 1e-3 by default.
     *
     * @return the tolerance
     */
    protected double recoveryTolerance() {
        return 1e-3;
    }

    /**
     * Relative tolerance of the gradient comparison, on top of the measured error model; 1e-6 by default.
     *
     * @return the tolerance
     */
    protected double gradientTolerance() {
        return 1e-6;
    }

    /**
     * The coverage study, or {@code null} (the default) to skip it.
     *
     * @return the study
     */
    protected CoverageStudy coverageStudy() {
        return null;
    }

    // ---------------------------------------------------------------------------------------------- arbitraries

    /** @return points from the parameter and covariate domains */
    @Provide("scalinglaws.points")
    Arbitrary<Point> contractPoints() {
        return Combinators.combine(parameterDomain(), covariateDomain()).as(Point::new);
    }

    /** @return points from the parameter domain and the extreme covariate domain */
    @Provide("scalinglaws.extremePoints")
    Arbitrary<Point> contractExtremePoints() {
        return Combinators.combine(parameterDomain(), extremeCovariateDomain()).as(Point::new);
    }

    /** @return blocks of 2 to 6 rows with a start offset */
    @Provide("scalinglaws.batches")
    Arbitrary<Batch> contractBatches() {
        return Combinators.combine(parameterDomain(), covariateDomain().list().ofMinSize(2).ofMaxSize(6),
                        Arbitraries.integers().between(0, 3))
                .as((t, rows, offset) -> new Batch(t, rows, Math.min(offset, rows.size() - 1)));
    }

    /** @return parameter vectors from the domain */
    @Provide("scalinglaws.parameters")
    Arbitrary<double[]> contractParameters() {
        return parameterDomain();
    }

    /** @return noiseless samples */
    @Provide("scalinglaws.recovery")
    Arbitrary<Sample> contractRecovery() {
        return Sweeps.samples(law(), recoveryTruth(), recoveryDesign(), NoiseModel.none());
    }

    /** @return the error vectors of the coverage study's replicates */
    @Provide("scalinglaws.coverage")
    Arbitrary<List<double[]>> contractCoverage() {
        CoverageStudy study = coverageStudy();
        return study.noise().errors(study.design()).list().ofSize(study.replicates());
    }

    // ----------------------------------------------------------------------------------------------- properties

    /**
     * The analytic Jacobian matches finite differences: of the log value wherever it is finite (positive-response
     * laws) and of the value wherever it is a normal number.
     *
     * @param point where
     */
    @Property(tries = 150)
    public void gradientMatchesFiniteDifferences(@ForAll("scalinglaws.points") Point point) {
        ScalingLaw law = law();
        boolean checked = false;
        if (law.positiveResponse()) {
            double lnF = law.logValue(point.theta(), point.x());
            if (Double.isFinite(lnF)) {
                GradientCheck.assertAgrees(law, point.theta(), point.x(), GradientCheck.Space.LOG,
                        gradientTolerance());
                checked = true;
            }
        }
        double f = law.value(point.theta(), point.x());
        boolean normal = Math.abs(f) < 1e250 && (Math.abs(f) > 1e-250 || !law.positiveResponse() && f == 0);
        if (normal) {
            GradientCheck.assertAgrees(law, point.theta(), point.x(), GradientCheck.Space.LINEAR,
                    gradientTolerance());
        }
        Statistics.label("checked in").collect(checked && normal ? "log and linear space" : checked ? "log space"
                : normal ? "linear space" : "neither");
    }

    /**
     * Values and Jacobians are finite; the log value is the log of the value where both are representable; a law
     * with a positive response is positive; a {@code LinearStructure} reproduces the law.
     *
     * @param point where
     */
    @Property(tries = 150)
    public void evaluationIsFiniteAndConsistent(@ForAll("scalinglaws.points") Point point) {
        ContractChecks.finiteAndConsistent(law(), point.theta(), point.x());
    }

    /**
     * At covariates up to 1e30 the log value and its Jacobian are finite, and the Jacobian still matches finite
     * differences. Skipped when {@link #extremeCovariateDomain()} is {@code null}.
     *
     * @param point where
     */
    @Property(tries = 100)
    @AddLifecycleHook(ContractHooks.SkipUnconfigured.class)
    public void logEvaluationIsFiniteAtExtremeScales(@ForAll("scalinglaws.extremePoints") Point point) {
        ContractChecks.finiteLog(law(), point.theta(), point.x());
        GradientCheck.assertAgrees(law(), point.theta(), point.x(), GradientCheck.Space.LOG, gradientTolerance());
    }

    /**
     * Evaluating rows [from, to) in one call equals evaluating them one at a time, in both spaces, and leaves the
     * output arrays beyond {@code to - from} untouched.
     *
     * @param batch the rows
     */
    @Property(tries = 50)
    public void batchEvaluationMatchesPointwise(@ForAll("scalinglaws.batches") Batch batch) {
        ContractChecks.batch(law(), batch.theta(), batch.rows(), batch.from());
    }

    /** Names, bounds, start ranges, indices, linearity flags and registry entries agree with each other. */
    @Example
    public void parametersAreConsistent() {
        ContractChecks.parameters(law());
    }

    /**
     * Every parameter vector of the domain lies within the parameters' bounds (or the other properties would test
     * the law where no fitter goes).
     *
     * @param theta a parameter vector
     */
    @Property(tries = 100)
    public void parameterDomainRespectsBounds(@ForAll("scalinglaws.parameters") double[] theta) {
        ContractChecks.admissible(law(), theta);
    }

    /**
     * The law survives Java serialisation: the copy equals the original, has its hash code and evaluates
     * identically (a {@link FitResult} carries its law).
     *
     * @param point where to compare evaluations
     */
    @Property(tries = 20)
    public void serialisationRoundTrips(@ForAll("scalinglaws.points") Point point) {
        ContractChecks.serialisation(law(), point.theta(), point.x());
    }

    /**
     * A fit of noiseless data from the law recovers the truth: the fitted values match the data and every
     * parameter the design determines is within {@link #recoveryTolerance()}.
     *
     * @param sample noiseless data with its truth
     */
    @Property(tries = 8)
    public void noiselessDataRecoverTheParameters(@ForAll("scalinglaws.recovery") Sample sample) {
        Dataset data = sample.dataset();
        FitResult fit = Fitter.fit(law(), data, recoverySpec());
        double[] sensitivity = FitAssertions.assertRecovers(fit, data, sample.theta(), recoveryTolerance(), 1e-5);
        double worst = Arrays.stream(sensitivity).max().orElse(0);
        Statistics.label("every parameter determined (sensitivity < 1e4)").collect(worst < 1e4);
    }

    /**
     * Wald intervals from noisy replicates cover the truth at the nominal rate, for every free parameter
     * ({@link CoverageStudy}). Tagged {@code slow}; skipped unless {@link #coverageStudy()} is given.
     *
     * @param replicates the errors of each replicate
     */
    @Property(tries = 1, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE,
            generation = GenerationMode.RANDOMIZED)
    @Tag("slow")
    @AddLifecycleHook(ContractHooks.SkipUnconfigured.class)
    public void intervalsCoverTheTruthAtTheNominalRate(@ForAll("scalinglaws.coverage") List<double[]> replicates) {
        CoverageStudy study = coverageStudy();
        ScalingLaw law = law();
        double[] truth = study.truth();
        int p = law.parameterCount();
        int[] covered = new int[p];
        int failed = 0;
        for (double[] errors : replicates) {
            Dataset data = study.design().dataset(law, truth, errors);
            FitResult fit = Fitter.fit(law, data, study.spec());
            if (!fit.converged()) {
                failed++;
                continue;
            }
            AsymptoticCovariance cov = AsymptoticCovariance.of(fit, data, AsymptoticCovariance.Form.GAUSS_NEWTON);
            for (int j = 0; j < p; j++) {
                String name = law.parameters().get(j).name();
                Interval in = cov.interval(DerivedQuantity.parameter(law, name), study.level());
                if (in.ok() && in.contains(truth[j])) {
                    covered[j]++;
                }
            }
        }
        StringBuilder bad = new StringBuilder();
        int r = replicates.size();
        for (int j = 0; j < p; j++) {
            double rate = (double) covered[j] / r;
            if (Math.abs(rate - study.level()) > study.allowance()) {
                bad.append(String.format(Locale.ROOT, "%n  %s covered in %d of %d replicates (%.3f)",
                        law.parameters().get(j).name(), covered[j], r, rate));
            }
        }
        if (bad.length() > 0) {
            throw new AssertionError(String.format(Locale.ROOT,
                    "%s: nominal %.3f, allowed +-%.3f; %d fits did not converge:%s", law.name(), study.level(),
                    study.allowance(), failed, bad));
        }
    }

    /**
     * Whether an optional property is configured (used by the skip hook).
     *
     * @param property the property method's name
     * @return whether it should run
     */
    boolean configured(String property) {
        return switch (property) {
            case "logEvaluationIsFiniteAtExtremeScales" -> extremeCovariateDomain() != null;
            case "intervalsCoverTheTruthAtTheNominalRate" -> coverageStudy() != null;
            default -> true;
        };
    }
}
