package io.glaux.athena.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.Glaux;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Athena's AWS JSON 1.1 protocol: every call is {@code POST /} with {@code X-Amz-Target: AmazonAthena.<Operation>};
 * one dispatch table maps operations to small handlers; errors are mapped once, here, to the service's error JSON.
 */
public final class AthenaApi {

    static final String TARGET_PREFIX = "AmazonAthena.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final long MAX_DRAINED_BYTES = 256L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(AthenaApi.class);

    private final Map<String, AthenaOperation> operations = new TreeMap<>();
    private final Consumer<String> beforeDispatch;

    public AthenaApi(Glaux glaux) {
        this(glaux, operation -> { });
    }

    /**
     * @param beforeDispatch called with the operation's name before each call to a known operation is dispatched; it
     *     may delay the call, or answer it with the {@link ApiError} it throws
     */
    public AthenaApi(Glaux glaux, Consumer<String> beforeDispatch) {
        this.beforeDispatch = beforeDispatch;
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
            beforeDispatch.accept(target.substring(TARGET_PREFIX.length()));
            requireJsonContentType(ctx.header("Content-Type"));
            JsonNode response = operation.handle(new Input(parse(body(ctx))));
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

    /** The awsJson protocols' media types, parameters such as {@code charset} allowed; anything else is a 415. */
    private static void requireJsonContentType(String contentType) {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(CONTENT_TYPE) && !mediaType.equals("application/x-amz-json-1.0")) {
            throw new ApiError(415, "UnsupportedMediaTypeException", "Unsupported Content-Type "
                    + (contentType == null ? "(none)" : "'" + abbreviate(contentType) + "'") + ": expected "
                    + CONTENT_TYPE, null);
        }
    }

    /**
     * The request body; one over the server's size limit is the caller's error (413), not a server failure. The
     * rejected body is still read (up to a bound) so the client gets to read the answer on a connection left usable,
     * instead of a reset while it is still sending.
     */
    private static byte[] body(Context ctx) {
        try {
            return ctx.bodyAsBytes();
        } catch (HttpResponseException e) {
            if (e.getStatus() == 413) {
                drain(ctx);
                throw new ApiError(413, "RequestEntityTooLargeException", e.getMessage(), null);
            }
            throw new ApiError(400, "SerializationException", e.getMessage(), null);
        }
    }

    private static void drain(Context ctx) {
        try (java.io.InputStream in = ctx.req().getInputStream()) {
            byte[] buffer = new byte[65536];
            long left = MAX_DRAINED_BYTES;
            for (int n = in.read(buffer); n > 0 && left > 0; n = in.read(buffer)) {
                left -= n;
            }
        } catch (java.io.IOException | RuntimeException e) {
            // The client went away: nothing more to answer.
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 100 ? value.substring(0, 100) + "..." : value;
    }

    /** The request's JSON object (an empty body reads as {}); any other JSON value, or trailing bytes, is refused. */
    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return AthenaJson.object();
        }
        try {
            JsonNode node = AthenaJson.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiError.serialization("Start of structure or map expected, found "
                        + (node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT)));
            }
            return node;
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
        error.members().forEach(body::put);
        ctx.status(error.status()).contentType(CONTENT_TYPE).header("x-amzn-ErrorType", error.type())
                .header("x-amzn-RequestId", UUID.randomUUID().toString())
                .result(body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
