package io.glaux.exec;

import io.glaux.iam.Principal;
import io.glaux.sql.QueryContext;

import java.util.List;

/**
 * StartQueryExecution's input: the SQL, its context (catalog, database), the workgroup, the client's output location
 * (may be null), an idempotency token (may be null) and ExecutionParameters for {@code ?} placeholders; and who
 * asks (null for the engine's own work), whose permissions its reads and writes are checked against.
 */
public record QueryRequest(String query, QueryContext context, String workgroup, String outputLocation,
                           String clientRequestToken, List<String> executionParameters, Principal principal) {

    /** A request run with the engine's own rights (no caller to check: the embedded API, Glaux's own work). */
    public QueryRequest(String query, QueryContext context, String workgroup, String outputLocation,
                        String clientRequestToken, List<String> executionParameters) {
        this(query, context, workgroup, outputLocation, clientRequestToken, executionParameters, null);
    }

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
                executionParameters, principal);
    }

    public QueryRequest withWorkgroup(String newWorkgroup) {
        return new QueryRequest(query, context, newWorkgroup, outputLocation, clientRequestToken,
                executionParameters, principal);
    }

    public QueryRequest withOutputLocation(String location) {
        return new QueryRequest(query, context, workgroup, location, clientRequestToken, executionParameters,
                principal);
    }

    public QueryRequest withClientRequestToken(String token) {
        return new QueryRequest(query, context, workgroup, outputLocation, token, executionParameters, principal);
    }

    /**
     * The same request made by {@code caller}, whose permissions the statement's reads and writes are checked against
     * (null: none are checked).
     */
    public QueryRequest withPrincipal(Principal caller) {
        return new QueryRequest(query, context, workgroup, outputLocation, clientRequestToken, executionParameters,
                caller);
    }

    public QueryRequest withExecutionParameters(List<String> parameters) {
        return new QueryRequest(query, context, workgroup, outputLocation, clientRequestToken, parameters, principal);
    }
}
