package dev.scalinglaws.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

import dev.scalinglaws.core.dynamics.CriticalBatchLaw;
import dev.scalinglaws.core.dynamics.KaplanStepsLaw;
import dev.scalinglaws.core.dynamics.KaplanTrajectoryLaw;

/**
 * The registry of named laws: the pre-training laws of this module plus every law contributed by a
 * {@link LawProvider} on the class path (for example the transfer and fine-tuning laws of
 * {@code scaling-transfer}).
 *
 * <p>The registry is built once, on first use, and never changes afterwards; it is thread-safe.
 */
public final class ScalingLaws {

    private ScalingLaws() {
    }

    private static final class Holder {
        static final Map<String, ScalingLaw> LAWS = load();

        private static Map<String, ScalingLaw> load() {
            Map<String, ScalingLaw> laws = new LinkedHashMap<>();
            for (ScalingLaw law : builtIn()) {
                laws.put(law.name(), law);
            }
            for (LawProvider provider : ServiceLoader.load(LawProvider.class, ScalingLaws.class.getClassLoader())) {
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

    /** The laws defined in scaling-core, in documentation order. */
    public static List<ScalingLaw> builtIn() {
        return List.of(KaplanLaw.N, KaplanLaw.D, KaplanLaw.C, KaplanNDLaw.INSTANCE, KaplanStepsLaw.INSTANCE,
                CriticalBatchLaw.INSTANCE, KaplanTrajectoryLaw.INSTANCE, ChinchillaLaw.INSTANCE, OvertrainingLaw.INSTANCE,
                PowerLaw.INSTANCE, SaturatingPowerLaw.INSTANCE);
    }

    /** All registered law names. */
    public static List<String> names() {
        return new ArrayList<>(Holder.LAWS.keySet());
    }

    /** All registered laws. */
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
}
