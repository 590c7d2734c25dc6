package io.glaux.sql.function;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.glaux.sql.function.Arg.BIGINT;
import static io.glaux.sql.function.Arg.BOOLEAN;
import static io.glaux.sql.function.Arg.DOUBLE;
import static io.glaux.sql.function.Arg.JSON;
import static io.glaux.sql.function.Arg.STRING;

/**
 * Trino's JSON functions over JSON text: json values ({@link JsonType}) are VARCHAR holding JSON text, so each function
 * takes json or varchar; json_parse, json_extract and json_array_get return json.
 * json_parse (and so a {@code JSON '...'} literal) and json_format give Trino's canonical text: compact, object members
 * sorted by name, numbers as Java reads them ({@code 1.50} is {@code 1.5}); json_extract keeps the text's order and
 * numbers. Paths are the subset of JSONPath Trino's json_extract
 * accepts: {@code $}, {@code .name}, {@code ["name"]} / {@code ['name']}, {@code [index]}.
 */
public final class JsonFunctions {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();
    /** Trino's canonical JSON: numbers read as Java numbers (1.50 is 1.5), object members sorted by name. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final Map<String, List<Object>> PATHS = new ConcurrentHashMap<>();

    private JsonFunctions() {
    }

    /** Declares the JSON (as varchar text) functions and the Trino names bound to them. */
    static void declare(FunctionRegistry.Builder r) {
        Class<?> j = JsonFunctions.class;
        r.define(GlauxFunction.strict("json_extract_scalar", true,
                Signature.of(j, "jsonExtractScalar", Returns.VARCHAR, JSON, STRING)));
        r.define(GlauxFunction.strict("json_extract", true, Signature.of(j, "jsonExtract", JsonType.RETURNS, JSON,
                STRING)));
        r.define(GlauxFunction.strict("json_parse", false, Signature.of(j, "jsonParse", JsonType.RETURNS, STRING)));
        r.define(GlauxFunction.strict("json_format", false, Signature.of(j, "jsonFormat", Returns.VARCHAR, JSON)));
        r.define(GlauxFunction.strict("json_array_length", true, Signature.of(j, "jsonArrayLength", Returns.BIGINT,
                JSON)));
        r.define(GlauxFunction.strict("json_size", true, Signature.of(j, "jsonSize", Returns.BIGINT, JSON, STRING)));
        r.define(GlauxFunction.strict("json_array_contains", true,
                Signature.of(j, "jsonArrayContains", Returns.BOOLEAN, JSON, BOOLEAN),
                Signature.of(j, "jsonArrayContains", Returns.BOOLEAN, JSON, BIGINT),
                Signature.of(j, "jsonArrayContains", Returns.BOOLEAN, JSON, DOUBLE),
                Signature.of(j, "jsonArrayContains", Returns.BOOLEAN, JSON, STRING)));
        r.define(GlauxFunction.strict("json_array_get", true,
                Signature.of(j, "jsonArrayGet", JsonType.RETURNS, JSON, BIGINT)));
        r.define(GlauxFunction.strict("is_json_scalar", false, Signature.of(j, "isJsonScalar", Returns.BOOLEAN,
                JSON)));
    }

    /** The scalar at the path as text (strings unquoted); NULL for objects, arrays, JSON null, no match or bad JSON. */
    public static String jsonExtractScalar(String json, String path) {
        JsonNode node = extract(json, path);
        if (node == null || node.isContainerNode() || node.isNull()) {
            return null;
        }
        return node.isTextual() ? node.textValue() : node.asText();
    }

    /** The JSON value at the path, as JSON text; NULL if there is none or the JSON is invalid. */
    public static String jsonExtract(String json, String path) {
        JsonNode node = extract(json, path);
        return node == null ? null : write(node);
    }

    /** json_parse: validates the JSON text and returns it in Trino's canonical form. */
    public static String jsonParse(String text) {
        try {
            return CANONICAL.writeValueAsString(CANONICAL.readValue(text, Object.class));
        } catch (JsonProcessingException e) {
            throw FunctionErrors.invalidArgument("Cannot convert value to JSON: '" + text + "'");
        }
    }

    /** json_format: the JSON text, canonical. */
    public static String jsonFormat(String json) {
        return jsonParse(json);
    }

    /** json_array_contains(json, x): whether the top-level array has an element equal to x; NULL if not an array. */
    public static Boolean jsonArrayContains(String json, boolean value) {
        return arrayContains(json, e -> e.isBoolean() && e.booleanValue() == value);
    }

    public static Boolean jsonArrayContains(String json, long value) {
        return arrayContains(json, e -> e.isIntegralNumber() && e.canConvertToLong() && e.longValue() == value);
    }

    public static Boolean jsonArrayContains(String json, double value) {
        return arrayContains(json, e -> e.isNumber() && e.doubleValue() == value);
    }

    public static Boolean jsonArrayContains(String json, String value) {
        return arrayContains(json, e -> e.isTextual() && e.textValue().equals(value));
    }

    private static Boolean arrayContains(String json, java.util.function.Predicate<JsonNode> matches) {
        JsonNode node = tree(json);
        if (node == null || !node.isArray()) {
            return null;
        }
        for (JsonNode element : node) {
            if (matches.test(element)) {
                return true;
            }
        }
        return false;
    }

    /**
     * json_array_get(json, index): the element (0-based, negative from the end), NULL outside the array. As in
     * Trino, a string element comes back as its text without quotes (which is not valid JSON).
     */
    public static String jsonArrayGet(String json, long index) {
        JsonNode node = tree(json);
        if (node == null || !node.isArray()) {
            return null;
        }
        long i = index < 0 ? node.size() + index : index;
        if (i < 0 || i >= node.size()) {
            return null;
        }
        JsonNode element = node.get((int) i);
        return element.isTextual() ? element.textValue() : write(element);
    }

    public static Long jsonArrayLength(String json) {
        JsonNode node = tree(json);
        return node == null || !node.isArray() ? null : (long) node.size();
    }

    /** json_size(json, path): the number of members or elements at the path, 0 for a scalar. */
    public static Long jsonSize(String json, String path) {
        JsonNode node = extract(json, path);
        if (node == null) {
            return null;
        }
        return node.isContainerNode() ? (long) node.size() : 0L;
    }

    public static Boolean isJsonScalar(String json) {
        JsonNode node = tree(json);
        if (node == null) {
            throw FunctionErrors.invalidArgument("Invalid JSON value: " + json);
        }
        return !node.isContainerNode();
    }

    private static JsonNode extract(String json, String path) {
        List<Object> steps = path(path);
        JsonNode node = tree(json);
        for (Object step : steps) {
            if (node == null) {
                return null;
            }
            node = step instanceof Integer ? (node.isArray() ? node.get((Integer) step) : null)
                    : (node.isObject() ? node.get((String) step) : null);
        }
        return node;
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A path as steps: String member names and Integer array indexes. */
    static List<Object> path(String path) {
        List<Object> steps = PATHS.get(path);
        if (steps == null) {
            steps = parsePath(path);
            if (PATHS.size() > 1000) {
                PATHS.clear();
            }
            PATHS.put(path, steps);
        }
        return steps;
    }

    private static List<Object> parsePath(String path) {
        String p = path.trim();
        if (!p.startsWith("$")) {
            throw invalidPath(path);
        }
        List<Object> steps = new ArrayList<>();
        int i = 1;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < p.length() && p.charAt(end) != '.' && p.charAt(end) != '[') {
                    end++;
                }
                if (end == i + 1) {
                    throw invalidPath(path);
                }
                steps.add(p.substring(i + 1, end));
                i = end;
            } else if (c == '[') {
                int close;
                if (i + 1 < p.length() && (p.charAt(i + 1) == '"' || p.charAt(i + 1) == '\'')) {
                    char quote = p.charAt(i + 1);
                    int endQuote = p.indexOf(quote, i + 2);
                    if (endQuote < 0 || endQuote + 1 >= p.length() || p.charAt(endQuote + 1) != ']') {
                        throw invalidPath(path);
                    }
                    steps.add(p.substring(i + 2, endQuote));
                    close = endQuote + 1;
                } else {
                    close = p.indexOf(']', i);
                    if (close < 0) {
                        throw invalidPath(path);
                    }
                    try {
                        steps.add(Integer.parseInt(p.substring(i + 1, close).trim()));
                    } catch (NumberFormatException e) {
                        throw invalidPath(path);
                    }
                }
                i = close + 1;
            } else {
                throw invalidPath(path);
            }
        }
        return steps;
    }

    private static RuntimeException invalidPath(String path) {
        return FunctionErrors.invalidArgument("Invalid JSON path: '" + path + "'");
    }
}
