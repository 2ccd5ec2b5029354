/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Public scaling-law datasets bundled as resources with their provenance: {@code dev.scalinglaws.datasets}.
 */
module dev.scalinglaws.datasets {
    requires transitive dev.scalinglaws.core;

    exports dev.scalinglaws.datasets;
}
