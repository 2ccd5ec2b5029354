package dev.scalinglaws.fit;

/**
 * NIST StRD through L-BFGS-B (tight tolerances: the problems are badly scaled). A quasi-Newton method on the sum of
 * squares without Gauss-Newton scaling does not get through Hahn1 (parameters spanning 7 orders of magnitude, a pole
 * of the rational model near the starts) or MGH17 from its far start 1; there the test checks that the fit reports
 * its failure instead of CONVERGED. At the certified optimum of Kirby2, Lanczos1 and MGH17 the absolute gradient
 * tolerance is below what rounding allows (a gradient of order 1 in the x^2 coefficient of Kirby2 is one ulp of the
 * objective), so the run may end with LINE_SEARCH_FAILED there: accepted, since the values are checked to 6 digits.
 */
class LbfgsbNistStrdTest extends AbstractNistStrdTest {
    @Override
    FitSpec solver(FitSpec leastSquares) {
        return leastSquares.withOptimizer(Optimizer.LBFGSB).withTolerances(0, 0).withMaxIterations(20000);
    }

    @Override
    boolean acceptableAtOptimum(FitStatus status) {
        return status == FitStatus.CONVERGED || status == FitStatus.LINE_SEARCH_FAILED;
    }

    @Override
    boolean solves(String problem, int start) {
        return !problem.equals("Hahn1") && !(problem.equals("MGH17") && start == 1);
    }
}
