/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import java.util.List;
import java.util.Objects;

/**
 * Convenience base for {@link ScalingLaw} implementations: holds the name, formula, citation, covariates and
 * parameters, and checks argument shapes. Subclasses implement {@link #evaluate} or {@link #evaluateLog}.
 *
 * <p>Subclasses must be immutable; instances are then thread-safe.
 */
public abstract class AbstractScalingLaw implements ScalingLaw, java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** The registry name. */
    private final String name;
    /** The formula in plain text. */
    private final String formula;
    /** The paper the law comes from. */
    private final String citation;
    /** Covariate names in evaluation order (unmodifiable). */
    private final List<String> covariates;
    /** The parameters in the order theta uses (unmodifiable). */
    private final List<Parameter> parameters;
    /** Name of the response column. */
    private final String response;

    /**
     * @param name       registry name
     * @param formula    plain-text formula
     * @param citation   paper
     * @param response   response column name
     * @param covariates covariate names in evaluation order
     * @param parameters parameters in theta order
     */
    protected AbstractScalingLaw(String name, String formula, String citation, String response,
                                 List<String> covariates, List<Parameter> parameters) {
        this.name = Objects.requireNonNull(name, "name");
        this.formula = Objects.requireNonNull(formula, "formula");
        this.citation = Objects.requireNonNull(citation, "citation");
        this.response = Objects.requireNonNull(response, "response");
        this.covariates = List.copyOf(covariates);
        this.parameters = List.copyOf(parameters);
        if (this.parameters.stream().map(Parameter::name).distinct().count() != this.parameters.size()) {
            throw new IllegalArgumentException("duplicate parameter names in law " + name);
        }
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String formula() {
        return formula;
    }

    @Override
    public final String citation() {
        return citation;
    }

    @Override
    public final String response() {
        return response;
    }

    @Override
    public final List<String> covariates() {
        return covariates;
    }

    @Override
    public final List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public final int parameterCount() {
        return parameters.size();
    }

    /**
     * On deserialisation, a law registered under this name with this class resolves to the registered instance, so
     * that singletons stay singletons; other laws deserialise as themselves.
     *
     * @return the registered instance or this
     */
    protected Object readResolve() {
        for (ScalingLaw law : ScalingLaws.all()) {
            if (law.name().equals(name) && law.getClass() == getClass()) {
                return law;
            }
        }
        return this;
    }

    @Override
    public String toString() {
        return name + ": " + formula;
    }
}
