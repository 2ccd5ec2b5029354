/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import java.util.List;

/**
 * Service interface through which modules contribute named laws to {@link ScalingLaws} (discovered with
 * {@link java.util.ServiceLoader}; register an implementation in
 * {@code META-INF/services/dev.scalinglaws.core.LawProvider}).
 *
 * <p>Implementations must be stateless and thread-safe.
 */
public interface LawProvider {

    /** {@return the laws this module provides; names must be unique across providers} */
    List<ScalingLaw> laws();
}
