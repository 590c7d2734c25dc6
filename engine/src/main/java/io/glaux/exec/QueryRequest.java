package io.glaux.exec;

import io.glaux.sql.QueryContext;

import java.util.List;

/**
 * StartQueryExecution's input: the SQL, its context (catalog, database), the workgroup, the client's output location
 * (may be null), an idempotency token (may be null) and ExecutionParameters for {@code ?} placeholders.
 */
public record QueryRequest(String query, QueryContext context, String workgroup, String outputLocation,
                           String clientRequestToken, List<String> executionParameters) {

    public QueryRequest {
        context = context == null ? QueryContext.DEFAULT : context;
        workgroup = workgroup == null || workgroup.isBlank() ? "primary" : workgroup;
        executionParameters = executionParameters == null ? List.of() : List.copyOf(executionParameters);
    }

    public static QueryRequest of(String query) {
        return new QueryRequest(query, QueryContext.DEFAULT, "primary", null, null, List.of());
    }

    public QueryRequest withContext(QueryContext newContext) {
        return new QueryRequest(query, newContext, workgroup, outputLocation, clientRequestToken,
                executionParameters);
    }

    public QueryRequest withWorkgroup(String newWorkgroup) {
        return new QueryRequest(query, context, newWorkgroup, outputLocation, clientRequestToken,
                executionParameters);
    }

    public QueryRequest withOutputLocation(String location) {
        return new QueryRequest(query, context, workgroup, location, clientRequestToken, executionParameters);
    }

    public QueryRequest withClientRequestToken(String token) {
        return new QueryRequest(query, context, workgroup, outputLocation, token, executionParameters);
    }

    public QueryRequest withExecutionParameters(List<String> parameters) {
        return new QueryRequest(query, context, workgroup, outputLocation, clientRequestToken, parameters);
    }
}
