package io.glaux.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.error.GlauxException;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A FEDERATED catalog's settings as the built-in connectors read them: its {@code connection-properties} parameter,
 * a JSON object of Glue connection properties, with the catalog's own parameters filling what the JSON leaves out.
 * Keys are matched without regard to case or to {@code -} versus {@code _}.
 */
public final class ConnectionProperties {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConnectionProperties() {
    }

    /** A key in the form settings are looked up by: upper case, {@code _} for {@code -}. */
    public static String normalize(String key) {
        return key.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * The settings by normalized key: the JSON object's fields (nulls left out, nested values as their JSON text),
     * then the catalog's parameters where the JSON has no such key.
     *
     * @param invalid makes the error for a {@code json} that is not a JSON object, from a description of the problem
     */
    public static Map<String, String> read(String json, Map<String, String> catalogParameters,
                                           Function<String, GlauxException> invalid) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (json != null && !json.isBlank()) {
            JsonNode node;
            try {
                node = JSON.readTree(json);
            } catch (Exception e) {
                throw invalid.apply("connection-properties is not a JSON object: " + firstLine(e.getMessage()));
            }
            if (node == null || !node.isObject()) {
                throw invalid.apply("connection-properties must be a JSON object of connection properties");
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getValue().isNull()) {
                    properties.put(normalize(field.getKey()), field.getValue().isValueNode()
                            ? field.getValue().asText() : field.getValue().toString());
                }
            }
        }
        catalogParameters.forEach((key, value) -> properties.putIfAbsent(normalize(key), value));
        return properties;
    }

    /** The first of these keys that has a value that is not blank, or null. */
    public static String first(Map<String, String> properties, String... keys) {
        for (String key : keys) {
            String value = properties.get(key);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
