package io.glaux.connectors.federation;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.error.GlauxException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** A function's response document, read field by field; a missing or ill-typed field is a malformed response. */
final class Response {

    private final JsonNode node;
    private final String arn;
    private final String context;
    private final String type;

    Response(JsonNode node, String arn, String context, String type) {
        this.node = node;
        this.arn = arn;
        this.context = context;
        this.type = type;
    }

    /** The response's {@code @type}. */
    String type() {
        return type;
    }

    JsonNode node() {
        return node;
    }

    GlauxException malformed(String detail) {
        return FederationErrors.malformed(arn, context, type, detail);
    }

    JsonNode field(JsonNode parent, String name) {
        JsonNode value = parent.get(name);
        if (value == null || value.isMissingNode()) {
            throw malformed("it has no " + name);
        }
        return value;
    }

    JsonNode object(JsonNode parent, String name) {
        JsonNode value = field(parent, name);
        if (!value.isObject()) {
            throw malformed(name + " is not an object");
        }
        return value;
    }

    JsonNode array(JsonNode parent, String name) {
        JsonNode value = field(parent, name);
        if (!value.isArray()) {
            throw malformed(name + " is not an array");
        }
        return value;
    }

    /** A string field; null when absent or null. */
    String optionalText(JsonNode parent, String name) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw malformed(name + " is not a string");
        }
        return value.textValue();
    }

    String text(JsonNode parent, String name) {
        String value = optionalText(parent, name);
        if (value == null) {
            throw malformed("it has no " + name);
        }
        return value;
    }

    List<String> texts(JsonNode parent, String name) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array(parent, name)) {
            if (!value.isTextual()) {
                throw malformed(name + " holds " + value.getNodeType() + " where a string belongs");
            }
            values.add(value.textValue());
        }
        return values;
    }

    /** A base64 field, as Jackson writes byte arrays. */
    byte[] binary(JsonNode parent, String name) {
        try {
            return Base64.getMimeDecoder().decode(text(parent, name));
        } catch (IllegalArgumentException e) {
            throw malformed(name + " is not base64: " + e.getMessage());
        }
    }

    org.apache.arrow.vector.types.pojo.Schema schema(JsonNode parent, String name) {
        try {
            return ArrowIpc.readSchema(binary(parent, name));
        } catch (IOException | RuntimeException e) {
            if (e instanceof GlauxException glaux) {
                throw glaux;
            }
            throw malformed(name + " is not an Arrow schema: " + e.getMessage());
        }
    }
}
