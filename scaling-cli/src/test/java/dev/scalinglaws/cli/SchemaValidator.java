/*
 * Copyright 2026 the scalinglaws authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.scalinglaws.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A small structural JSON Schema validator for the subset our schemas use: {@code type} (string or array),
 * {@code const}, {@code enum}, {@code required}, {@code properties}, {@code additionalProperties} (boolean or schema),
 * {@code items}, {@code minimum}, {@code exclusiveMinimum}, {@code exclusiveMaximum} and local {@code $ref}.
 */
final class SchemaValidator {

    private SchemaValidator() {
    }

    static List<String> validate(JsonNode schema, JsonNode value) {
        List<String> errors = new ArrayList<>();
        check(schema, schema, value, "", errors);
        return errors;
    }

    private static void check(JsonNode root, JsonNode schema, JsonNode v, String path, List<String> errors) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local $ref supported: " + ref);
            }
            check(root, root.at(ref.substring(1)), v, path, errors);
            return;
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), v)) {
            errors.add(path + ": expected type " + schema.get("type") + ", got " + v.getNodeType());
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(v)) {
            errors.add(path + ": expected " + schema.get("const") + ", got " + v);
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) {
                found |= e.equals(v);
            }
            if (!found) {
                errors.add(path + ": " + v + " is not one of " + schema.get("enum"));
            }
        }
        if (v.isNumber()) {
            double x = v.asDouble();
            if (schema.has("minimum") && x < schema.get("minimum").asDouble()) {
                errors.add(path + ": " + x + " is below the minimum " + schema.get("minimum"));
            }
            if (schema.has("exclusiveMinimum") && x <= schema.get("exclusiveMinimum").asDouble()) {
                errors.add(path + ": " + x + " is not above " + schema.get("exclusiveMinimum"));
            }
            if (schema.has("exclusiveMaximum") && x >= schema.get("exclusiveMaximum").asDouble()) {
                errors.add(path + ": " + x + " is not below " + schema.get("exclusiveMaximum"));
            }
        }
        if (v.isObject()) {
            for (JsonNode r : schema.path("required")) {
                if (!v.has(r.asText())) {
                    errors.add(path + ": missing required property '" + r.asText() + "'");
                }
            }
            JsonNode props = schema.path("properties");
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                String p = path + "/" + e.getKey();
                if (props.has(e.getKey())) {
                    check(root, props.get(e.getKey()), e.getValue(), p, errors);
                } else if (schema.has("additionalProperties")) {
                    JsonNode ap = schema.get("additionalProperties");
                    if (ap.isBoolean()) {
                        if (!ap.asBoolean()) {
                            errors.add(p + ": additional property '" + e.getKey() + "' is not allowed");
                        }
                    } else {
                        check(root, ap, e.getValue(), p, errors);
                    }
                }
            }
        }
        if (v.isArray() && schema.has("items")) {
            for (int i = 0; i < v.size(); i++) {
                check(root, schema.get("items"), v.get(i), path + "/" + i, errors);
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode v) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, v)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "number" -> v.isNumber();
            case "integer" -> v.isIntegralNumber();
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }
}
