/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The registry of named laws: the pre-training laws of this module plus every law contributed by a
 * {@link LawProvider} on the class path (for example the transfer and fine-tuning laws of
 * {@code scaling-transfer}).
 *
 * <p>The registry is built once, on first use, and never changes afterwards; it is thread-safe.
 */
public final class ScalingLaws {

    private static final String CORE_PACKAGE = ScalingLaws.class.getPackageName();

    private ScalingLaws() {
    }

    private static final class Holder {
        static final List<LawProvider> PROVIDERS = providers();
        static final List<ScalingLaw> BUILT_IN = builtIn(PROVIDERS);
        static final Map<String, ScalingLaw> LAWS = load();

        private static List<LawProvider> providers() {
            List<LawProvider> providers = new ArrayList<>();
            for (LawProvider provider : ServiceLoader.load(LawProvider.class, ScalingLaws.class.getClassLoader())) {
                providers.add(provider);
            }
            return List.copyOf(providers);
        }

        /** A provider in a package of this module's namespace contributes built-in laws (e.g. core.dynamics). */
        private static boolean isBuiltIn(LawProvider provider) {
            return provider.getClass().getPackageName().startsWith(CORE_PACKAGE + ".");
        }

        private static List<ScalingLaw> builtIn(List<LawProvider> providers) {
            // Kaplan et al.'s laws first, static then training dynamics, then the later pre-training laws
            List<ScalingLaw> laws = new ArrayList<>(List.of(KaplanLaw.N, KaplanLaw.D, KaplanLaw.C,
                    KaplanNDLaw.INSTANCE));
            boolean found = false;
            for (LawProvider provider : providers) {
                if (isBuiltIn(provider)) {
                    laws.addAll(provider.laws());
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalStateException("scaling-core's own law provider is not registered: "
                        + "META-INF/services/" + LawProvider.class.getName()
                        + " was lost (merge service files when repackaging the jars)");
            }
            laws.addAll(List.of(ChinchillaLaw.INSTANCE, OvertrainingLaw.INSTANCE, DataConstrainedLaw.INSTANCE,
                    PowerLaw.INSTANCE, SaturatingPowerLaw.INSTANCE));
            return List.copyOf(laws);
        }

        private static Map<String, ScalingLaw> load() {
            Map<String, ScalingLaw> laws = new LinkedHashMap<>();
            for (ScalingLaw law : BUILT_IN) {
                laws.put(law.name(), law);
            }
            for (LawProvider provider : PROVIDERS) {
                if (isBuiltIn(provider)) {
                    continue;
                }
                for (ScalingLaw law : provider.laws()) {
                    ScalingLaw previous = laws.putIfAbsent(law.name(), law);
                    if (previous != null && previous != law) {
                        throw new IllegalStateException("two laws are named " + law.name());
                    }
                }
            }
            return Collections.unmodifiableMap(laws);
        }
    }

    /**
     * The laws defined in scaling-core, in documentation order: Kaplan et al.'s laws (the static ones, then the
     * training-dynamics laws of {@code dev.scalinglaws.core.dynamics}), then the later pre-training laws. The laws of
     * the sub-packages come through their {@link LawProvider} (registered in this module like any other), so that
     * this package does not depend on its sub-packages.
     *
     * @return the built-in laws
     */
    public static List<ScalingLaw> builtIn() {
        return Holder.BUILT_IN;
    }

    /** {@return all registered law names} */
    public static List<String> names() {
        return new ArrayList<>(Holder.LAWS.keySet());
    }

    /** {@return all registered laws} */
    public static List<ScalingLaw> all() {
        return new ArrayList<>(Holder.LAWS.values());
    }

    /**
     * The law with this name.
     *
     * @param name a registered name such as {@code "chinchilla"}
     * @return the law
     * @throws IllegalArgumentException naming the valid choices if there is no such law
     */
    public static ScalingLaw byName(String name) {
        ScalingLaw law = Holder.LAWS.get(name == null ? "" : name.trim().toLowerCase(Locale.ROOT));
        if (law == null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "unknown law '%s'; known laws: %s",
                    name, String.join(", ", Holder.LAWS.keySet())));
        }
        return law;
    }

    /**
     * A law with tied parameters: each key of {@code ties} (a dependent parameter) equals the parameter its value
     * names, e.g. {@code tie(chinchilla, Map.of("beta", "alpha"))} for alpha = beta. See {@link TiedLaw}. A tied law
     * given as {@code law} is flattened (its ties and the new ones apply to its base law).
     *
     * @param law  the law
     * @param ties dependent parameter name to source parameter name
     * @return the tied law, a {@link LinearStructure} when the base law is one and no tie touches a linear
     *         parameter
     * @throws IllegalArgumentException for an unknown parameter, a self-tie, a chain (a source that is itself tied)
     *                                  or bounds that do not overlap
     */
    public static TiedLaw tie(ScalingLaw law, Map<String, String> ties) {
        ScalingLaw base = law;
        Map<String, String> all = new LinkedHashMap<>();
        if (law instanceof TiedLaw t) {
            base = t.base();
            all.putAll(t.ties());
        }
        for (Map.Entry<String, String> e : ties.entrySet()) {
            if (all.containsKey(e.getKey())) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s is already tied to %s",
                        e.getKey(), all.get(e.getKey())));
            }
            all.put(e.getKey(), e.getValue());
        }
        if (base instanceof LinearStructure s) {
            boolean touchesLinear = false;
            for (Map.Entry<String, String> e : all.entrySet()) {
                touchesLinear |= base.parameters().get(base.indexOf(e.getKey())).linear()
                        || base.parameters().get(base.indexOf(e.getValue())).linear();
            }
            java.util.Set<Integer> linear = new java.util.HashSet<>();
            for (int j : s.linearParameters()) {
                linear.add(j);
            }
            for (Map.Entry<String, String> e : all.entrySet()) {
                touchesLinear |= linear.contains(base.indexOf(e.getKey())) || linear.contains(base.indexOf(e.getValue()));
            }
            if (!touchesLinear) {
                return new TiedLaw.Linear(base, all);
            }
        }
        return new TiedLaw(base, all);
    }
}
