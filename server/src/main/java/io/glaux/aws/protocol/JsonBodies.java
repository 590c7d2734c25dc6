package io.glaux.aws.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.Locale;

/** Request bodies of the JSON protocols as JSON objects: an empty body is {}; any other value or trailing bytes are refused. */
final class JsonBodies {

    private JsonBodies() {
    }

    static JsonNode parse(byte[] body, ErrorStyle errors) {
        if (body.length == 0) {
            return AwsJson.object();
        }
        try {
            JsonNode node = AwsJson.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw errors.serialization("Start of structure or map expected, found "
                        + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT)));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw errors.serialization("Malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw errors.serialization("Unreadable request body");
        }
    }
}
