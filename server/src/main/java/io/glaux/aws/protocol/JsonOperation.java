package io.glaux.aws.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/** One operation of an AWS JSON service: its request members and the caller in, its response structure out. */
@FunctionalInterface
public interface JsonOperation {
    JsonNode handle(JsonInput request, RequestContext context) throws Exception;
}
