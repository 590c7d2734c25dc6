package io.glaux.athena.api;

import io.glaux.Glaux;
import io.glaux.aws.protocol.CallAuthorizer;
import io.glaux.aws.protocol.ErrorStyle;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.aws.protocol.JsonOperation;
import io.glaux.aws.protocol.JsonService;
import io.glaux.aws.protocol.ServiceError;
import io.glaux.error.AthenaMessages;
import io.glaux.error.ErrorCategory;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.iam.Authorizer;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Athena as a {@link JsonService}: {@code X-Amz-Target: AmazonAthena.<Operation>}, one table of small handlers, each
 * given the engine service it works on (never the whole engine), and the engine's errors mapped once, here, to
 * Athena's error shapes. The AWS JSON framing is {@code io.glaux.aws.protocol.AwsJsonProtocol}'s.
 */
public final class AthenaApi implements JsonService {

    static final String TARGET_PREFIX = "AmazonAthena.";

    private final Map<String, JsonOperation> operations = new TreeMap<>();
    private final Consumer<String> beforeDispatch;
    private final AthenaAuthorization authorization;

    public AthenaApi(Glaux glaux) {
        this(glaux, operation -> { });
    }

    /** Athena with every call allowed, as with enforcement off. */
    public AthenaApi(Glaux glaux, Consumer<String> beforeDispatch) {
        this(glaux, beforeDispatch, Authorizer.ALLOW_ALL);
    }

    /**
     * @param beforeDispatch called with the operation's name before each call to a known operation is dispatched; it
     *     may delay the call, or answer it with the {@link ServiceError} it throws
     * @param authorizer asked before each call whether its caller may make it ({@link AthenaAuthorization})
     */
    public AthenaApi(Glaux glaux, Consumer<String> beforeDispatch, Authorizer authorizer) {
        this.beforeDispatch = beforeDispatch;
        this.authorization = new AthenaAuthorization(new CallAuthorizer(authorizer, "athena"), glaux.queries(),
                glaux.namedQueries());
        new QueryExecutionOperations(glaux.queries(), glaux.workgroups(), glaux.resultObjects()).register(operations);
        new WorkGroupOperations(glaux.workgroups()).register(operations);
        new DataCatalogOperations(glaux.dataCatalogs()).register(operations);
        new MetadataOperations(glaux.dataCatalogs(), glaux.catalogs()).register(operations);
        new EngineVersionOperations().register(operations);
        new TagOperations(glaux.workgroups(), glaux.dataCatalogs()).register(operations);
        new NamedQueryOperations(glaux.namedQueries()).register(operations);
        new PreparedStatementOperations(glaux.preparedStatements(), glaux.workgroups()).register(operations);
    }

    /** The operations this API answers, by name. */
    public Set<String> operationNames() {
        return Collections.unmodifiableSet(operations.keySet());
    }

    @Override
    public String signingName() {
        return "athena";
    }

    @Override
    public String targetPrefix() {
        return TARGET_PREFIX;
    }

    @Override
    public Map<String, JsonOperation> operations() {
        return Collections.unmodifiableMap(operations);
    }

    @Override
    public ErrorStyle errors() {
        return AthenaErrors.STYLE;
    }

    /** Refuses a call whose caller may not perform {@code athena:<Operation>} on each resource the call touches. */
    @Override
    public void authorize(String operation, JsonInput input, RequestContext context) {
        authorization.check(operation, input, context);
    }

    @Override
    public void beforeDispatch(String operation) {
        beforeDispatch.accept(operation);
    }

    /** Engine errors raised while handling a call are the caller's: InvalidRequestException, as Athena answers. */
    @Override
    public ServiceError translate(Exception error) {
        if (!(error instanceof GlauxException e)) {
            return null;
        }
        String message = AthenaMessages.message(e);
        if (e.type() == ErrorType.LIMIT_EXCEEDED) {
            return AthenaErrors.tooManyRequests(message);
        }
        if (e.type().category() == ErrorCategory.SYSTEM) {
            return AthenaErrors.internal(message);
        }
        return AthenaErrors.invalidRequest(message);
    }
}
