package io.glaux.aws.protocol;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * JSON as the AWS JSON and REST-JSON protocols write it: timestamps are epoch seconds as numbers
 * (e.g. {@code 1593469842.665}); requests are read strictly ({@code {} junk} is malformed, not {@code {}}).
 */
public final class AwsJson {

    public static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private AwsJson() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Puts an optional timestamp as epoch seconds with milliseconds. */
    public static void putTime(ObjectNode node, String field, Instant time) {
        if (time != null) {
            node.put(field, BigDecimal.valueOf(time.toEpochMilli()).movePointLeft(3));
        }
    }

    /** Puts an optional string. */
    public static void putString(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
