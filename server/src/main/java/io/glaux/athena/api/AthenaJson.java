package io.glaux.athena.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;

/** JSON for the awsJson1_1 protocol: timestamps are epoch seconds as numbers (e.g. 1593469842.665). */
final class AthenaJson {

    /** Reads requests strictly: {@code {} junk} is malformed, not {@code {}}. */
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private AthenaJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Puts an optional timestamp as epoch seconds with milliseconds. */
    static void putTime(ObjectNode node, String field, Instant time) {
        if (time != null) {
            node.put(field, BigDecimal.valueOf(time.toEpochMilli()).movePointLeft(3));
        }
    }

    /** Puts an optional string. */
    static void putString(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
