package dev.scalinglaws.fit.uncertainty;

import java.util.Locale;

import dev.scalinglaws.core.Columns;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.core.ScalingLaw;
import dev.scalinglaws.fit.FitResult;
import dev.scalinglaws.fit.Fitter;
import dev.scalinglaws.fit.Loss;
import dev.scalinglaws.fit.ResidualSpace;
import dev.scalinglaws.fit.internal.Objective;

/**
 * A fit re-attached to its data: the compiled problem, the covariates and response, and the optimum in
 * optimisation coordinates. Not API. Immutable after construction; the objective prototype must be copied per
 * thread.
 */
final class FitContext {
    final FitResult fit;
    final ScalingLaw law;
    final Fitter.Problem problem;
    final Objective objective;
    final Columns x;
    final double[] response;
    final double[] weights;
    final double[] theta;
    final double[] uHat;
    final int[] free;
    final int n;
    final int dim;

    /** Compiles the fit's problem anew from its data. */
    FitContext(FitResult fit, Dataset data) {
        this(fit, Fitter.Problem.compile(fit.law(), data, fit.spec()));
    }

    /**
     * Re-attaches a fit to the problem it was compiled to (as {@link Fitter} does right after the fit), sharing its
     * objective, covariates, response and weights instead of compiling them again.
     */
    FitContext(FitResult fit, Fitter.Problem problem) {
        if (problem.law() != fit.law() || !problem.spec().equals(fit.spec())) {
            throw new IllegalArgumentException("the compiled problem (law " + problem.law().name()
                    + ") is not the one this fit of " + fit.law().name() + " was made with: law or spec differ");
        }
        this.fit = fit;
        this.law = fit.law();
        this.problem = problem;
        this.objective = problem.objective();
        this.x = problem.covariates();
        this.response = problem.response();
        this.weights = objective.weights();
        this.theta = fit.theta();
        for (double t : theta) {
            if (!Double.isFinite(t)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "the fit has a non-finite estimate (status %s); no uncertainty can be computed",
                        fit.status()));
            }
        }
        double sigma = fit.spec().loss().fitsScale() ? Math.log(fit.scale()) : 0;
        this.uHat = objective.toCoordinates(theta, sigma);
        this.free = objective.free();
        int used = 0;
        for (double w : weights) {
            if (w > 0) {
                used++;
            }
        }
        this.n = used;
        this.dim = objective.dimension();
    }

    /** An objective over the same covariates with another response (natural units) and weights. */
    Objective objectiveFor(double[] newResponse, double[] newWeights) {
        return new Objective(law, x, newResponse, newWeights, fit.spec().residual(), fit.spec().loss(), theta, free);
    }

    Loss loss() {
        return fit.spec().loss();
    }

    boolean logSpace() {
        return fit.spec().residual() == ResidualSpace.LOG;
    }

    /** Fitted values in the residual space (log f or f). */
    double[] fittedInSpace() {
        double[] r = objective.residuals(theta);
        double[] out = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            double y = logSpace() ? Math.log(response[i]) : response[i];
            out[i] = y + r[i];
        }
        return out;
    }

    /** d r_i / d u_k for the free coordinates (not the likelihood scale). */
    double[][] coordinateJacobian() {
        double[][] jac = objective.residualJacobian(theta);
        double[][] out = new double[jac.length][free.length];
        for (int i = 0; i < jac.length; i++) {
            for (int k = 0; k < free.length; k++) {
                out[i][k] = jac[i][free[k]] * (objective.isLogScale(k) ? theta[free[k]] : 1);
            }
        }
        return out;
    }

    /** psi'(z) of the loss (the IRLS curvature); Huber's is the indicator of the quadratic zone. */
    static double psiPrime(Loss loss, double z) {
        if (loss instanceof Loss.Squared) {
            return 1;
        }
        if (loss instanceof Loss.Huber || loss instanceof Loss.HuberLikelihood) {
            return Math.abs(z) <= loss.delta() ? 1 : 0;
        }
        double d = loss.delta();
        double t = z / d;
        if (loss instanceof Loss.SoftL1) {
            double s = 1 + t * t;
            return 1 / (s * Math.sqrt(s));
        }
        if (loss instanceof Loss.Cauchy) {
            double s = 1 + t * t;
            return (1 - t * t) / (s * s);
        }
        throw new IllegalArgumentException("unknown loss " + loss.name());
    }
}
