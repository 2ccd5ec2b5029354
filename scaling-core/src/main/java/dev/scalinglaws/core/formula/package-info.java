/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Laws written as formulas ({@link dev.scalinglaws.core.formula.FormulaLaw}): a parser with positioned errors, a
 * compiler to a flat instruction array, and reverse-mode automatic differentiation for exact Jacobians.
 */
package dev.scalinglaws.core.formula;
