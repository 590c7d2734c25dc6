package io.glaux.athena.api;

import io.glaux.workgroup.WorkgroupService;

import io.glaux.exec.QueryService;

import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.JsonOperation;
import io.glaux.aws.protocol.ListPage;
import io.glaux.aws.protocol.RequestContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.catalog.ddl.StatementType;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryRequest;
import io.glaux.exec.QueryState;
import io.glaux.exec.QueryStatistics;
import io.glaux.results.ColumnInfo;
import io.glaux.results.ResultObjects;
import io.glaux.results.ResultPage;
import io.glaux.iam.AccessDeniedException;
import io.glaux.iam.Principal;
import io.glaux.kms.KmsException;
import io.glaux.workgroup.EncryptionConfiguration;
import io.glaux.sql.QueryContext;
import io.glaux.storage.S3Location;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * StartQueryExecution, GetQueryExecution, BatchGetQueryExecution, GetQueryResults, StopQueryExecution,
 * ListQueryExecutions and GetQueryRuntimeStatistics over the engine's query service.
 */
final class QueryExecutionOperations {

    static final Pattern WORKGROUP_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,128}");
    private static final int MAX_QUERY_LENGTH = 262_144;
    private static final String EFFECTIVE_ENGINE_VERSION = "Athena engine version 3";
    /**
     * How long GetQueryExecution waits for a queued or running query to finish before answering with its current
     * state. Clients poll in a loop; a small query finishes within this, so the first poll already sees SUCCEEDED
     * and a tight polling loop does not take the CPU from the query. Short enough not to matter to anyone.
     */
    private static final Duration POLL_WAIT = Duration.ofMillis(20);

    private final QueryService queries;
    private final WorkgroupService workgroups;
    private final ResultObjects results;

    QueryExecutionOperations(QueryService queries, WorkgroupService workgroups, ResultObjects results) {
        this.queries = queries;
        this.workgroups = workgroups;
        this.results = results;
    }

    void register(Map<String, JsonOperation> operations) {
        operations.put("StartQueryExecution", this::start);
        operations.put("GetQueryExecution", this::get);
        operations.put("BatchGetQueryExecution", this::batchGet);
        operations.put("GetQueryResults", this::results);
        operations.put("StopQueryExecution", this::stop);
        operations.put("ListQueryExecutions", this::list);
        operations.put("GetQueryRuntimeStatistics", this::runtimeStatistics);
    }

    private JsonNode start(JsonInput request, RequestContext context) {
        String query = request.requiredString("QueryString", 1, MAX_QUERY_LENGTH);
        String token = request.string("ClientRequestToken", 32, 128);
        JsonInput executionContext = request.object("QueryExecutionContext");
        String database = executionContext.string("Database", 1, 255);
        String catalog = executionContext.string("Catalog", 1, 256);
        JsonInput resultConfiguration = request.object("ResultConfiguration");
        String outputLocation = resultConfiguration.string("OutputLocation", 0, 1024);
        EncryptionConfiguration encryption = WorkGroupOperations.encryption(
                resultConfiguration.object("EncryptionConfiguration"), resultConfiguration.has("EncryptionConfiguration"));
        String workgroup = request.string("WorkGroup", 1, 128, WORKGROUP_NAME);
        List<String> parameters = request.strings("ExecutionParameters", 1, 100, 1, 1024);
        // The query reads and writes as its caller: with IAM enforced, its tables and result bucket are checked.
        QueryExecution started = queries.submit(new QueryRequest(query, new QueryContext(catalog, database),
                workgroup, outputLocation, token, parameters, context.principal(), encryption));
        ObjectNode response = AwsJson.object();
        response.put("QueryExecutionId", started.queryExecutionId());
        return response;
    }

    private QueryExecution execution(JsonInput request) {
        String id = request.requiredString("QueryExecutionId", 1, 128);
        return find(id);
    }

    private QueryExecution find(String id) {
        return queries.get(id).orElseThrow(() -> AthenaErrors.invalidRequest("QueryExecution " + id
                + " was not found"));
    }

    private JsonNode get(JsonInput request, RequestContext context) {
        QueryExecution execution = execution(request);
        if (!execution.state().isTerminal()) {
            try {
                execution = queries.await(execution.queryExecutionId(), POLL_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ObjectNode response = AwsJson.object();
        response.set("QueryExecution", describe(execution));
        return response;
    }

    private JsonNode batchGet(JsonInput request, RequestContext context) {
        List<String> ids = request.strings("QueryExecutionIds", 1, 50, 1, 128);
        if (ids == null) {
            throw AthenaErrors.invalidRequest("1 validation error detected: Value null at 'queryExecutionIds' failed to"
                    + " satisfy constraint: Member must not be null");
        }
        ObjectNode response = AwsJson.object();
        ArrayNode found = response.putArray("QueryExecutions");
        ArrayNode unprocessed = response.putArray("UnprocessedQueryExecutionIds");
        for (String id : ids) {
            var execution = queries.get(id);
            if (execution.isPresent()) {
                found.add(describe(execution.get()));
            } else {
                ObjectNode missing = unprocessed.addObject();
                missing.put("QueryExecutionId", id);
                missing.put("ErrorCode", "INVALID_INPUT");
                missing.put("ErrorMessage", "QueryExecution " + id + " was not found");
            }
        }
        return response;
    }

    private JsonNode stop(JsonInput request, RequestContext context) {
        QueryExecution execution = execution(request);
        queries.cancel(execution.queryExecutionId());
        return AwsJson.object();
    }

    private JsonNode list(JsonInput request, RequestContext context) {
        Integer max = request.integer("MaxResults", 0, 50);
        String token = request.string("NextToken", 1, 1024);
        String workgroup = request.string("WorkGroup", 1, 128, WORKGROUP_NAME);
        String name = workgroup == null ? "primary" : workgroup;
        workgroups.get(name);
        List<String> ids = queries.list(name).stream().map(QueryExecution::queryExecutionId).toList();
        ListPage<String> page = ListPage.of(ids, token, max == null || max == 0 ? 50 : max, AthenaErrors.STYLE);
        ObjectNode response = AwsJson.object();
        ArrayNode array = response.putArray("QueryExecutionIds");
        page.items().forEach(array::add);
        page.nextToken().ifPresent(next -> response.put("NextToken", next));
        return response;
    }

    /**
     * A page of the result object, read as the caller (encrypted results need its use of their KMS key), or an error
     * that says the object cannot be read and why: gone from the store or its key refused or unusable (client errors,
     * as Athena answers them), or the store not answering (a server error the SDKs retry).
     */
    private ResultPage readPage(S3Location object, long offset, int maxResults, Principal caller) {
        try {
            return ResultPage.read(results, object, offset, maxResults, caller);
        } catch (AccessDeniedException denied) {
            throw AthenaErrors.invalidRequest("Access denied when reading the query result object " + object
                    + ". If query results are encrypted with a KMS key, please ensure you are allowed to access your"
                    + " KMS key. " + denied.messageWithFix());
        } catch (KmsException unusable) {
            throw AthenaErrors.invalidRequest("Unable to decrypt the query result object " + object + ": KMS "
                    + unusable.code().shape() + ": " + unusable.getMessage());
        } catch (java.nio.file.NoSuchFileException e) {
            throw AthenaErrors.invalidRequest("Unable to read the query result object " + object
                    + ": it no longer exists in " + results.storeName());
        } catch (IOException e) {
            throw AthenaErrors.internal("Unable to read the query result object " + object + ": " + e.getMessage());
        }
    }

    private JsonNode results(JsonInput request, RequestContext context) throws IOException {
        QueryExecution execution = execution(request);
        String token = request.string("NextToken", 1, 1024);
        Integer max = request.integer("MaxResults", 1, 1000);
        int maxResults = max == null ? 1000 : max;
        if (execution.state() == QueryState.FAILED || execution.state() == QueryState.CANCELLED) {
            throw AthenaErrors.invalidRequest("Query did not finish successfully. Final query state: "
                    + execution.state() + (execution.status().stateChangeReason() == null ? ""
                    : "\n" + execution.status().stateChangeReason()));
        }
        if (execution.state() != QueryState.SUCCEEDED) {
            throw AthenaErrors.invalidRequest("Query has not yet finished. Current state: " + execution.state());
        }
        ResultToken position = token == null ? ResultToken.first(execution.queryExecutionId())
                : ResultToken.parse(token, execution.queryExecutionId());
        S3Location object = S3Location.parse(execution.result().resultObject());
        boolean csv = object.key().endsWith(".csv");
        ObjectNode response = AwsJson.object();
        if (execution.result().updateCount() != null) {
            response.put("UpdateCount", execution.result().updateCount());
        } else {
            response.put("UpdateCount", 0);
        }
        ObjectNode resultSet = response.putObject("ResultSet");
        ArrayNode rows = resultSet.putArray("Rows");
        boolean hasRows = execution.result().updateCount() == null;
        if (hasRows) {
            // The header row is part of the CSV, so the first page shows the column labels first, as Athena's does.
            ResultPage page = readPage(object, position.offset(), maxResults, context.principal());
            for (List<String> row : page.rows()) {
                ArrayNode data = rows.addObject().putArray("Data");
                for (String value : row) {
                    ObjectNode datum = data.addObject();
                    AwsJson.putString(datum, "VarCharValue", value);
                }
            }
            if (page.nextOffset() >= 0) {
                response.put("NextToken", new ResultToken(execution.queryExecutionId(), page.nextOffset()).encode());
            }
        }
        ObjectNode metadata = resultSet.putObject("ResultSetMetadata");
        ArrayNode columns = metadata.putArray("ColumnInfo");
        if (csv || hasRows) {
            for (ColumnInfo column : execution.result().columns()) {
                columns.add(columnInfo(column));
            }
        }
        return response;
    }

    private JsonNode runtimeStatistics(JsonInput request, RequestContext context) {
        QueryExecution execution = execution(request);
        QueryStatistics stats = execution.statistics();
        ObjectNode response = AwsJson.object();
        ObjectNode runtime = response.putObject("QueryRuntimeStatistics");
        ObjectNode timeline = runtime.putObject("Timeline");
        timeline.put("QueryQueueTimeInMillis", stats.queryQueueTimeInMillis());
        timeline.put("QueryPlanningTimeInMillis", stats.queryPlanningTimeInMillis());
        timeline.put("EngineExecutionTimeInMillis", stats.engineExecutionTimeInMillis());
        timeline.put("ServiceProcessingTimeInMillis", stats.serviceProcessingTimeInMillis());
        timeline.put("TotalExecutionTimeInMillis", stats.totalExecutionTimeInMillis());
        ObjectNode rows = runtime.putObject("Rows");
        rows.put("InputBytes", stats.dataScannedInBytes());
        if (execution.result() != null) {
            rows.put("OutputRows", execution.result().rowCount());
        }
        return response;
    }

    static ObjectNode columnInfo(ColumnInfo column) {
        ObjectNode info = AwsJson.object();
        info.put("CatalogName", column.catalogName());
        info.put("SchemaName", column.schemaName());
        info.put("TableName", column.tableName());
        info.put("Name", column.name());
        info.put("Label", column.label());
        info.put("Type", column.type());
        info.put("Precision", column.precision());
        info.put("Scale", column.scale());
        info.put("Nullable", column.nullable());
        info.put("CaseSensitive", column.caseSensitive());
        return info;
    }

    /** A query execution in Athena's QueryExecution shape. */
    private ObjectNode describe(QueryExecution execution) {
        ObjectNode node = AwsJson.object();
        node.put("QueryExecutionId", execution.queryExecutionId());
        node.put("Query", execution.query());
        node.put("StatementType", execution.statementType().name());
        if (execution.statementType() == StatementType.DML) {
            node.put("SubstatementType", substatement(execution.query()));
        }
        ObjectNode resultConfiguration = node.putObject("ResultConfiguration");
        AwsJson.putString(resultConfiguration, "OutputLocation", execution.outputLocation());
        WorkGroupOperations.putEncryption(resultConfiguration, execution.encryption());
        node.putObject("ResultReuseConfiguration").putObject("ResultReuseByAgeConfiguration").put("Enabled", false);
        ObjectNode context = node.putObject("QueryExecutionContext");
        context.put("Database", execution.context().database());
        context.put("Catalog", execution.context().catalog());
        ObjectNode status = node.putObject("Status");
        status.put("State", execution.state().name());
        AwsJson.putString(status, "StateChangeReason", execution.status().stateChangeReason());
        AwsJson.putTime(status, "SubmissionDateTime", execution.status().submissionDateTime());
        AwsJson.putTime(status, "CompletionDateTime", execution.status().completionDateTime());
        if (execution.status().athenaError() != null) {
            ObjectNode error = status.putObject("AthenaError");
            error.put("ErrorCategory", execution.status().athenaError().errorCategory());
            error.put("ErrorType", execution.status().athenaError().errorType());
            error.put("Retryable", execution.status().athenaError().retryable());
            error.put("ErrorMessage", execution.status().athenaError().errorMessage());
        }
        QueryStatistics stats = execution.statistics();
        ObjectNode statistics = node.putObject("Statistics");
        statistics.put("EngineExecutionTimeInMillis", stats.engineExecutionTimeInMillis());
        statistics.put("DataScannedInBytes", stats.dataScannedInBytes());
        statistics.put("TotalExecutionTimeInMillis", stats.totalExecutionTimeInMillis());
        statistics.put("QueryQueueTimeInMillis", stats.queryQueueTimeInMillis());
        statistics.put("QueryPlanningTimeInMillis", stats.queryPlanningTimeInMillis());
        statistics.put("ServiceProcessingTimeInMillis", stats.serviceProcessingTimeInMillis());
        if (execution.result() != null) {
            AwsJson.putString(statistics, "DataManifestLocation", execution.result().dataManifestLocation());
        }
        statistics.putObject("ResultReuseInformation").put("ReusedPreviousResult", false);
        node.put("WorkGroup", execution.workgroup());
        ObjectNode engine = node.putObject("EngineVersion");
        engine.put("SelectedEngineVersion", "AUTO");
        engine.put("EffectiveEngineVersion", EFFECTIVE_ENGINE_VERSION);
        if (!execution.executionParameters().isEmpty()) {
            ArrayNode parameters = node.putArray("ExecutionParameters");
            execution.executionParameters().forEach(parameters::add);
        }
        return node;
    }

    private static String substatement(String query) {
        String head = query.stripLeading().toUpperCase(java.util.Locale.ROOT);
        if (head.startsWith("CREATE")) {
            return "CREATE_TABLE_AS_SELECT";
        }
        if (head.startsWith("UNLOAD")) {
            return "UNLOAD";
        }
        return head.startsWith("INSERT") ? "INSERT" : "SELECT";
    }
}
