package io.glaux.athena.api;

import com.fasterxml.jackson.databind.JsonNode;

/** One Athena operation: its request members in, its response structure out. */
@FunctionalInterface
public interface AthenaOperation {
    JsonNode handle(Input request) throws Exception;
}
