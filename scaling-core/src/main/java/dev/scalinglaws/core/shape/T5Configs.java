/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.core.shape;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named T5 configurations of Tay et al. (2021) and their shape variants, as T5 v1.0 shapes
 * ({@link TransformerShape#t5}).
 *
 * <p>Standard sizes (encoder/decoder layers, \(d_{ff}\), \(d_{model}\), \(d_{kv}\), heads):
 * tiny 4/4 1024 256 64 4; mini 4/4 1536 384 64 8; small 6/6 2048 512 64 8; base 12/12 3072 768 64 12;
 * large 24/24 4096 1024 64 16; xl 24/24 16384 1024 128 32; xxl 24/24 65536 1024 128 128.
 *
 * <p>A name is a standard size followed by any number of distinct modifiers, each {@code -} key value, in the
 * notation of the paper: {@code nl} layers in both encoder and decoder, {@code el} encoder layers, {@code dl} decoder
 * layers, {@code dm} \(d_{model}\), {@code ff} \(d_{ff}\), {@code nh} heads, {@code kv} \(d_{kv}\); for example
 * {@code base-nl24}, {@code small-dm768}, {@code base-nl16-dm512}. Names are case-insensitive ({@code Small-NL16}).
 * {@code nl} cannot be combined with {@code el} or {@code dl}.
 *
 * <p>Reference: Y. Tay et al., "Scale Efficiently: Insights from Pre-training and Fine-tuning Transformers",
 * arXiv:2109.10686 (2021), Table 1 and Section 3.
 *
 * <p>This class has no state and is thread-safe.
 */
public final class T5Configs {

    private static final Map<String, TransformerShape> STANDARD = standard();

    private static final Pattern MODIFIER = Pattern.compile("(nl|el|dl|dm|ff|nh|kv)([1-9][0-9]{0,8})");

    private static final String VALID_FORMS = "expected one of tiny, mini, small, base, large, xl, xxl, followed by"
            + " distinct modifiers -nl<layers>, -el<encoder layers>, -dl<decoder layers>, -dm<d_model>, -ff<d_ff>,"
            + " -nh<heads>, -kv<d_kv> with positive integer values (nl excludes el and dl), e.g. base-nl16-dm512";

    private T5Configs() {
    }

    /**
     * Returns the names of the seven standard configurations, smallest first.
     *
     * @return {@code [tiny, mini, small, base, large, xl, xxl]}, unmodifiable
     */
    public static List<String> names() {
        return List.copyOf(STANDARD.keySet());
    }

    /**
     * Returns the configuration with the given name: a standard size, possibly with modifiers (see the class
     * documentation).
     *
     * @param name for example {@code base}, {@code small-nl16} or {@code base-nl16-dm512}
     * @return the T5 v1.0 shape
     * @throws IllegalArgumentException if the name is null, unknown or malformed, or the resulting shape is invalid
     */
    public static TransformerShape byName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("T5 configuration name must not be null; " + VALID_FORMS);
        }
        String[] parts = name.toLowerCase(Locale.ROOT).split("-", -1);
        TransformerShape shape = STANDARD.get(parts[0]);
        if (shape == null) {
            throw invalid(name, "unknown size '" + parts[0] + "'");
        }
        List<String> seen = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            Matcher matcher = MODIFIER.matcher(parts[i]);
            if (!matcher.matches()) {
                throw invalid(name, "unknown modifier '" + parts[i] + "'");
            }
            String key = matcher.group(1);
            boolean conflict = seen.contains(key)
                    || key.equals("nl") && (seen.contains("el") || seen.contains("dl"))
                    || (key.equals("el") || key.equals("dl")) && seen.contains("nl");
            if (conflict) {
                throw invalid(name, "conflicting modifier '" + parts[i] + "'");
            }
            seen.add(key);
            shape = apply(shape, key, Integer.parseInt(matcher.group(2)));
        }
        return shape;
    }

    private static TransformerShape apply(TransformerShape shape, String key, int value) {
        switch (key) {
            case "nl":
                return shape.withLayers(value);
            case "el":
                return shape.withEncoderLayers(value);
            case "dl":
                return shape.withDecoderLayers(value);
            case "dm":
                return shape.withDModel(value);
            case "ff":
                return shape.withDFf(value);
            case "nh":
                return shape.withHeads(value);
            case "kv":
                return shape.withDKv(value);
            default:
                throw new AssertionError(key);
        }
    }

    private static IllegalArgumentException invalid(String name, String reason) {
        return new IllegalArgumentException(
                String.format(Locale.ROOT, "invalid T5 configuration '%s' (%s): %s", name, reason, VALID_FORMS));
    }

    private static Map<String, TransformerShape> standard() {
        Map<String, TransformerShape> map = new LinkedHashMap<>();
        map.put("tiny", TransformerShape.t5(4, 4, 256, 1024, 4, 64));
        map.put("mini", TransformerShape.t5(4, 4, 384, 1536, 8, 64));
        map.put("small", TransformerShape.t5(6, 6, 512, 2048, 8, 64));
        map.put("base", TransformerShape.t5(12, 12, 768, 3072, 12, 64));
        map.put("large", TransformerShape.t5(24, 24, 1024, 4096, 16, 64));
        map.put("xl", TransformerShape.t5(24, 24, 1024, 16384, 32, 128));
        map.put("xxl", TransformerShape.t5(24, 24, 1024, 65536, 128, 128));
        return Collections.unmodifiableMap(map);
    }
}
