package io.glaux.athena.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.Glaux;
import io.glaux.catalog.ddl.StatementType;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryRequest;
import io.glaux.exec.QueryState;
import io.glaux.exec.QueryStatistics;
import io.glaux.results.ColumnInfo;
import io.glaux.results.ResultPage;
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

    private final Glaux glaux;

    QueryExecutionOperations(Glaux glaux) {
        this.glaux = glaux;
    }

    void register(Map<String, AthenaOperation> operations) {
        operations.put("StartQueryExecution", this::start);
        operations.put("GetQueryExecution", this::get);
        operations.put("BatchGetQueryExecution", this::batchGet);
        operations.put("GetQueryResults", this::results);
        operations.put("StopQueryExecution", this::stop);
        operations.put("ListQueryExecutions", this::list);
        operations.put("GetQueryRuntimeStatistics", this::runtimeStatistics);
    }

    private JsonNode start(Input request) {
        String query = request.requiredString("QueryString", 1, MAX_QUERY_LENGTH);
        String token = request.string("ClientRequestToken", 32, 128);
        Input context = request.object("QueryExecutionContext");
        String database = context.string("Database", 1, 255);
        String catalog = context.string("Catalog", 1, 256);
        Input resultConfiguration = request.object("ResultConfiguration");
        String outputLocation = resultConfiguration.string("OutputLocation", 0, 1024);
        String workgroup = request.string("WorkGroup", 1, 128, WORKGROUP_NAME);
        List<String> parameters = request.strings("ExecutionParameters", 1, 100, 1, 1024);
        QueryExecution started = glaux.queries().submit(new QueryRequest(query,
                new QueryContext(catalog, database), workgroup, outputLocation, token, parameters));
        ObjectNode response = AthenaJson.object();
        response.put("QueryExecutionId", started.queryExecutionId());
        return response;
    }

    private QueryExecution execution(Input request) {
        String id = request.requiredString("QueryExecutionId", 1, 128);
        return find(id);
    }

    private QueryExecution find(String id) {
        return glaux.queries().get(id).orElseThrow(() -> ApiError.invalidRequest("QueryExecution " + id
                + " was not found"));
    }

    private JsonNode get(Input request) {
        QueryExecution execution = execution(request);
        if (!execution.state().isTerminal()) {
            try {
                execution = glaux.queries().await(execution.queryExecutionId(), POLL_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ObjectNode response = AthenaJson.object();
        response.set("QueryExecution", describe(execution));
        return response;
    }

    private JsonNode batchGet(Input request) {
        List<String> ids = request.strings("QueryExecutionIds", 1, 50, 1, 128);
        if (ids == null) {
            throw ApiError.invalidRequest("1 validation error detected: Value null at 'queryExecutionIds' failed to"
                    + " satisfy constraint: Member must not be null");
        }
        ObjectNode response = AthenaJson.object();
        ArrayNode found = response.putArray("QueryExecutions");
        ArrayNode unprocessed = response.putArray("UnprocessedQueryExecutionIds");
        for (String id : ids) {
            var execution = glaux.queries().get(id);
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

    private JsonNode stop(Input request) {
        QueryExecution execution = execution(request);
        glaux.queries().cancel(execution.queryExecutionId());
        return AthenaJson.object();
    }

    private JsonNode list(Input request) {
        Integer max = request.integer("MaxResults", 0, 50);
        String token = request.string("NextToken", 1, 1024);
        String workgroup = request.string("WorkGroup", 1, 128, WORKGROUP_NAME);
        String name = workgroup == null ? "primary" : workgroup;
        glaux.workgroups().get(name);
        List<String> ids = glaux.queries().list(name).stream().map(QueryExecution::queryExecutionId).toList();
        ListPage<String> page = ListPage.of(ids, token, max == null || max == 0 ? 50 : max);
        ObjectNode response = AthenaJson.object();
        ArrayNode array = response.putArray("QueryExecutionIds");
        page.items().forEach(array::add);
        page.nextToken().ifPresent(next -> response.put("NextToken", next));
        return response;
    }

    /**
     * A page of the result object, or an error that says the object cannot be read and why: gone from the store
     * (a client error, as Athena answers it), or the store not answering (a server error the SDKs retry).
     */
    private ResultPage readPage(S3Location object, long offset, int maxResults) {
        try {
            return ResultPage.read(glaux.store(), object, offset, maxResults);
        } catch (java.nio.file.NoSuchFileException e) {
            throw ApiError.invalidRequest("Unable to read the query result object " + object
                    + ": it no longer exists in " + glaux.store().name());
        } catch (IOException e) {
            throw ApiError.internal("Unable to read the query result object " + object + ": " + e.getMessage());
        }
    }

    private JsonNode results(Input request) throws IOException {
        QueryExecution execution = execution(request);
        String token = request.string("NextToken", 1, 1024);
        Integer max = request.integer("MaxResults", 1, 1000);
        int maxResults = max == null ? 1000 : max;
        if (execution.state() == QueryState.FAILED || execution.state() == QueryState.CANCELLED) {
            throw ApiError.invalidRequest("Query did not finish successfully. Final query state: "
                    + execution.state() + (execution.status().stateChangeReason() == null ? ""
                    : "\n" + execution.status().stateChangeReason()));
        }
        if (execution.state() != QueryState.SUCCEEDED) {
            throw ApiError.invalidRequest("Query has not yet finished. Current state: " + execution.state());
        }
        ResultToken position = token == null ? ResultToken.first(execution.queryExecutionId())
                : ResultToken.parse(token, execution.queryExecutionId());
        S3Location object = S3Location.parse(execution.result().resultObject());
        boolean csv = object.key().endsWith(".csv");
        ObjectNode response = AthenaJson.object();
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
            ResultPage page = readPage(object, position.offset(), maxResults);
            for (List<String> row : page.rows()) {
                ArrayNode data = rows.addObject().putArray("Data");
                for (String value : row) {
                    ObjectNode datum = data.addObject();
                    AthenaJson.putString(datum, "VarCharValue", value);
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

    private JsonNode runtimeStatistics(Input request) {
        QueryExecution execution = execution(request);
        QueryStatistics stats = execution.statistics();
        ObjectNode response = AthenaJson.object();
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
        ObjectNode info = AthenaJson.object();
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
        ObjectNode node = AthenaJson.object();
        node.put("QueryExecutionId", execution.queryExecutionId());
        node.put("Query", execution.query());
        node.put("StatementType", execution.statementType().name());
        if (execution.statementType() == StatementType.DML) {
            node.put("SubstatementType", substatement(execution.query()));
        }
        ObjectNode resultConfiguration = node.putObject("ResultConfiguration");
        AthenaJson.putString(resultConfiguration, "OutputLocation", execution.outputLocation());
        node.putObject("ResultReuseConfiguration").putObject("ResultReuseByAgeConfiguration").put("Enabled", false);
        ObjectNode context = node.putObject("QueryExecutionContext");
        context.put("Database", execution.context().database());
        context.put("Catalog", execution.context().catalog());
        ObjectNode status = node.putObject("Status");
        status.put("State", execution.state().name());
        AthenaJson.putString(status, "StateChangeReason", execution.status().stateChangeReason());
        AthenaJson.putTime(status, "SubmissionDateTime", execution.status().submissionDateTime());
        AthenaJson.putTime(status, "CompletionDateTime", execution.status().completionDateTime());
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
        return head.startsWith("INSERT") ? "INSERT" : "SELECT";
    }
}
