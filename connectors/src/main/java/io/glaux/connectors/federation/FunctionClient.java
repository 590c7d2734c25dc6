package io.glaux.connectors.federation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.error.GlauxException;

import java.io.IOException;
import java.util.Set;
import java.util.UUID;

/**
 * One function as the connector talks to it. The first call pings it (PingRequest) and keeps the serde version its
 * PingResponse reports, capped at the highest Glaux speaks; every later request is written at that version. Errors
 * come back in Athena's shape (see {@link FederationErrors}).
 */
final class FunctionClient {

    /** The serde versions Glaux writes: 2 (the first JSON one) to 6 (SDK 2026). */
    static final int MIN_SERDE_VERSION = 2;
    static final int MAX_SERDE_VERSION = 6;

    private final FederationFunction function;
    private final String catalogName;
    private final FederationSettings settings;
    private volatile Requests requests;

    FunctionClient(FederationFunction function, String catalogName, FederationSettings settings) {
        this.function = function;
        this.catalogName = catalogName;
        this.settings = settings;
    }

    String arn() {
        return function.arn();
    }

    /** The requests at the negotiated version, pinging the function first if it hasn't been. */
    Requests requests() {
        Requests negotiated = requests;
        if (negotiated == null) {
            synchronized (this) {
                if (requests == null) {
                    requests = new Requests(ping(), catalogName, settings);
                }
                negotiated = requests;
            }
        }
        return negotiated;
    }

    private int ping() {
        Requests unversioned = new Requests(MIN_SERDE_VERSION, catalogName, settings);
        Response pong = call(unversioned.ping(UUID.randomUUID().toString()), FederationErrors.METADATA,
                Set.of("PingResponse"));
        JsonNode version = pong.node().get("serDeVersion");
        int reported = version == null || version.isNull() ? 1 : version.asInt(-1);
        if (reported < MIN_SERDE_VERSION) {
            throw FederationErrors.unsupported(arn(), "speaks serde version " + reported + " of the Athena Query"
                    + " Federation SDK; Glaux speaks versions " + MIN_SERDE_VERSION + " to " + MAX_SERDE_VERSION);
        }
        return Math.min(reported, MAX_SERDE_VERSION);
    }

    /**
     * Sends a request and returns the response, which must be of one of the {@code expected} types.
     *
     * @param context the step Athena names in errors: {@link FederationErrors#METADATA} or the split's spill location
     */
    Response call(ObjectNode request, String context, Set<String> expected) {
        byte[] answer;
        try {
            answer = function.invoke(ProtocolJson.MAPPER.writeValueAsBytes(request));
        } catch (FederationFunctionException e) {
            throw FederationErrors.function(e.errorType(), arn(), context, e.errorMessage());
        } catch (GlauxException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A request could not be written", e);
        } catch (RuntimeException e) {
            throw FederationErrors.function(e.getClass().getName(), arn(), context, e.getMessage());
        }
        String expectedName = String.join(" or ", new java.util.TreeSet<>(expected));
        JsonNode node;
        try {
            node = answer == null ? null : ProtocolJson.MAPPER.readTree(answer);
        } catch (IOException e) {
            throw FederationErrors.malformed(arn(), context, expectedName, "it is not JSON ("
                    + (e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage()) + ")");
        }
        if (node == null || !node.isObject()) {
            throw FederationErrors.malformed(arn(), context, expectedName, "it is not a JSON object");
        }
        if (!node.has(ProtocolJson.TYPE) && (node.has("errorType") || node.has("errorMessage"))) {
            // Lambda's error document: the function threw.
            throw FederationErrors.function(node.path("errorType").asText("null"), arn(), context,
                    node.path("errorMessage").asText("null"));
        }
        JsonNode type = node.get(ProtocolJson.TYPE);
        if (type == null || !type.isTextual() || !expected.contains(type.textValue())) {
            throw FederationErrors.malformed(arn(), context, expectedName, "its " + ProtocolJson.TYPE + " is "
                    + (type == null ? "missing" : type.toString()));
        }
        return new Response(node, arn(), context, type.textValue());
    }
}
