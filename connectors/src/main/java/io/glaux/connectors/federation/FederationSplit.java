package io.glaux.connectors.federation;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.connector.ConnectorSplit;

/**
 * One Split of GetSplitsResponse, kept as the function wrote it (spill location, encryption key, properties) to be
 * sent back in its ReadRecordsRequest.
 *
 * @param split   the Split object, never modified
 * @param context the split's spill location as Athena names it in errors: {@code S3SpillLocation{bucket='...',
 *                key='...', directory=true}}
 */
record FederationSplit(JsonNode split, String context) implements ConnectorSplit {

    static FederationSplit of(JsonNode split, Response response) {
        JsonNode location = response.object(split, "spillLocation");
        String context = "S3SpillLocation{bucket='" + location.path("bucket").asText() + "', key='"
                + location.path("key").asText() + "', directory=" + location.path("directory").asBoolean() + "}";
        return new FederationSplit(split.deepCopy(), context);
    }
}
