package io.glaux.athena.api;

import io.glaux.Glaux;
import io.glaux.aws.protocol.ErrorStyle;
import io.glaux.aws.protocol.JsonOperation;
import io.glaux.aws.protocol.JsonService;
import io.glaux.aws.protocol.ServiceError;
import io.glaux.error.ErrorCategory;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;

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

    public AthenaApi(Glaux glaux) {
        this(glaux, operation -> { });
    }

    /**
     * @param beforeDispatch called with the operation's name before each call to a known operation is dispatched; it
     *     may delay the call, or answer it with the {@link ServiceError} it throws
     */
    public AthenaApi(Glaux glaux, Consumer<String> beforeDispatch) {
        this.beforeDispatch = beforeDispatch;
        new QueryExecutionOperations(glaux.queries(), glaux.workgroups(), glaux.store()).register(operations);
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
        if (e.type() == ErrorType.LIMIT_EXCEEDED) {
            return AthenaErrors.tooManyRequests(e.getMessage());
        }
        if (e.type().category() == ErrorCategory.SYSTEM) {
            return AthenaErrors.internal(e.getMessage());
        }
        return AthenaErrors.invalidRequest(e.getMessage());
    }
}
