/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.fit;

/**
 * Where residuals are measured: {@link #LOG} r = ln f(x) - ln y (the standard for losses, used by Hoffmann et al.
 * 2022 and Besiroglu et al. 2024) or {@link #LINEAR} r = f(x) - y.
 */
public enum ResidualSpace {
    /** r = ln f(x; theta) - ln y; needs a positive response and a positive law value. */
    LOG,
    /** r = f(x; theta) - y. */
    LINEAR
}
