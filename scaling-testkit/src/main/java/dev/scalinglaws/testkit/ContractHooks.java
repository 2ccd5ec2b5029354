/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.testkit;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Optional;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/** jqwik lifecycle hooks of {@link ScalingLawContract}. Not API. */
final class ContractHooks {

    private ContractHooks() {
    }

    /**
     * Skips an optional contract property (extreme scales, coverage) when the subclass does not configure it, so
     * that it is reported as skipped rather than passed. jqwik instantiates this hook reflectively.
     */
    public static final class SkipUnconfigured implements SkipExecutionHook {

        /** For jqwik. */
        public SkipUnconfigured() {
        }

        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            Optional<Class<?>> container = context.optionalContainerClass();
            Optional<AnnotatedElement> element = context.optionalElement();
            if (container.isEmpty() || element.isEmpty() || !(element.get() instanceof Method method)
                    || !ScalingLawContract.class.isAssignableFrom(container.get())) {
                return SkipResult.doNotSkip();
            }
            ScalingLawContract contract = (ScalingLawContract) context.newInstance(container.get());
            return contract.configured(method.getName()) ? SkipResult.doNotSkip()
                    : SkipResult.skip(method.getName() + " is not configured for " + contract.law().name());
        }
    }
}
