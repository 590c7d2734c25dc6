package io.glaux.athena.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.Glaux;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Athena's AWS JSON 1.1 protocol: every call is {@code POST /} with {@code X-Amz-Target: AmazonAthena.<Operation>};
 * one dispatch table maps operations to small handlers; errors are mapped once, here, to the service's error JSON.
 */
public final class AthenaApi {

    static final String TARGET_PREFIX = "AmazonAthena.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final Logger LOG = LoggerFactory.getLogger(AthenaApi.class);

    private final Map<String, AthenaOperation> operations = new TreeMap<>();

    public AthenaApi(Glaux glaux) {
        new QueryExecutionOperations(glaux).register(operations);
        new WorkGroupOperations(glaux).register(operations);
        new DataCatalogOperations(glaux).register(operations);
        new MetadataOperations(glaux).register(operations);
        new EngineVersionOperations().register(operations);
        new TagOperations(glaux).register(operations);
        new NamedQueryOperations(glaux).register(operations);
        new PreparedStatementOperations(glaux).register(operations);
    }

    /** The operations this API answers, by name. */
    public java.util.Set<String> operationNames() {
        return java.util.Collections.unmodifiableSet(operations.keySet());
    }

    /** Handles one {@code POST /} request carrying an {@code X-Amz-Target}. */
    public void handle(Context ctx) {
        String target = ctx.header("X-Amz-Target");
        try {
            AthenaOperation operation = target != null && target.startsWith(TARGET_PREFIX)
                    ? operations.get(target.substring(TARGET_PREFIX.length())) : null;
            if (operation == null) {
                throw ApiError.unknownOperation(target);
            }
            JsonNode response = operation.handle(new Input(parse(ctx.bodyAsBytes())));
            ctx.status(200).contentType(CONTENT_TYPE).result(AthenaJson.MAPPER.writeValueAsBytes(response));
        } catch (ApiError e) {
            respond(ctx, e);
        } catch (GlauxException e) {
            respond(ctx, translate(e));
        } catch (Exception e) {
            LOG.warn("Athena call {} failed", target, e);
            respond(ctx, ApiError.internal("Internal error: " + e.getClass().getSimpleName()));
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return AthenaJson.object();
        }
        try {
            return AthenaJson.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.serialization("Malformed JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiError.serialization("Unreadable request body");
        }
    }

    /** Engine errors raised while handling a call are the caller's: InvalidRequestException, as Athena answers. */
    static ApiError translate(GlauxException e) {
        if (e.type() == ErrorType.LIMIT_EXCEEDED) {
            return ApiError.tooManyRequests(e.getMessage());
        }
        if (e.type().category() == io.glaux.error.ErrorCategory.SYSTEM) {
            return ApiError.internal(e.getMessage());
        }
        return ApiError.invalidRequest(e.getMessage());
    }

    private static void respond(Context ctx, ApiError error) {
        ObjectNode body = AthenaJson.object();
        body.put("__type", error.type());
        body.put("Message", error.getMessage() == null ? error.type() : error.getMessage());
        if (error.athenaErrorCode() != null) {
            body.put("AthenaErrorCode", error.athenaErrorCode());
        }
        ctx.status(error.status()).contentType(CONTENT_TYPE).header("x-amzn-ErrorType", error.type())
                .result(body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
