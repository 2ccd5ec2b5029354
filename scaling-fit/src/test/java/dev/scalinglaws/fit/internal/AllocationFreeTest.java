/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import dev.scalinglaws.core.ChinchillaLaw;
import dev.scalinglaws.core.Dataset;
import dev.scalinglaws.datasets.Datasets;
import dev.scalinglaws.fit.FitProblem;
import dev.scalinglaws.fit.FitSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md "Performance model": the objective, its gradient and the residual Jacobian allocate nothing per
 * evaluation (measured with the JVM's per-thread allocation counter after warm-up; no timing involved).
 */
class AllocationFreeTest {

    @Test
    void objectiveGradientAndJacobianDoNotAllocate() {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled());
        Dataset data = Datasets.chinchilla().withoutLargest("loss", 5);
        CompiledProblem problem = ProblemAccess.compiled(FitProblem.of(ChinchillaLaw.INSTANCE, data, FitSpec.epoch()));
        Objective f = problem.newObjective();
        double[] u = problem.startCoordinates(new double[] {1.8, 480, 2100, 0.35, 0.37});
        double[] grad = new double[f.dimension()];
        double[] r = new double[f.rows()];
        double[] jac = new double[f.rows() * f.dimension()];
        double sink = 0;
        for (int i = 0; i < 20_000; i++) {
            sink += f.value(u) + f.valueAndGradient(u, grad);
            f.residualsAndJacobian(u, r, jac);
        }
        long thread = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 1000; i++) {
            sink += f.value(u) + f.valueAndGradient(u, grad);
            f.residualsAndJacobian(u, r, jac);
        }
        long allocated = bean.getThreadAllocatedBytes(thread) - before;
        assertThat(sink).isFinite();
        // 3000 evaluations: anything per evaluation would be at least 16 bytes each
        assertThat(allocated).isLessThan(3000L);
    }
}
