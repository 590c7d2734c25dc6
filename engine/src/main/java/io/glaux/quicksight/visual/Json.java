package io.glaux.quicksight.visual;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.quicksight.QuickSightException;

import java.util.ArrayList;
import java.util.List;

/** Small readers of definition JSON: missing members read as null or empty. */
final class Json {
    private Json() {
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static String required(JsonNode node, String field, String where) {
        String v = text(node, field);
        if (v == null || v.isEmpty()) {
            throw QuickSightException.invalid(where + " has no " + field);
        }
        return v;
    }

    static JsonNode obj(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || !v.isObject() ? null : v;
    }

    static List<JsonNode> list(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        List<JsonNode> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(out::add);
        }
        return out;
    }

    /** The one member set in a union structure (Visual, Filter, DimensionField...), or null. */
    static String unionKind(JsonNode node) {
        if (node == null) {
            return null;
        }
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue() != null && !e.getValue().isNull()) {
                return e.getKey();
            }
        }
        return null;
    }
}
