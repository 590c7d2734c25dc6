package io.glaux.exec;

import io.glaux.iam.Principal;
import io.glaux.sql.QueryContext;
import io.glaux.workgroup.EncryptionConfiguration;

import java.util.List;

/**
 * StartQueryExecution's input: the SQL, its context (catalog, database), the workgroup, the client's output location
 * (may be null), an idempotency token (may be null) and ExecutionParameters for {@code ?} placeholders; who
 * asks (null for the engine's own work), whose permissions its reads and writes are checked against; and the
 * client's EncryptionConfiguration for the results (null: the workgroup's, if any). Once submitted, the request the
 * statement runs with carries the encryption its results get (the workgroup's when it enforces its configuration).
 */
public record QueryRequest(String query, QueryContext context, String workgroup, String outputLocation,
                           String clientRequestToken, List<String> executionParameters, Principal principal,
                           EncryptionConfiguration encryption) {

    /** A request run with the engine's own rights (no caller to check: the embedded API, Glaux's own work). */
    public QueryRequest(String query, QueryContext context, String workgroup, String outputLocation,
                        String clientRequestToken, List<String> executionParameters) {
        this(query, context, workgroup, outputLocation, clientRequestToken, executionParameters, null, null);
    }

    /** A request made by {@code principal}, its results encrypted as the workgroup says. */
    public QueryRequest(String query, QueryContext context, String workgroup, String outputLocation,
                        String clientRequestToken, List<String> executionParameters, Principal principal) {
        this(query, context, workgroup, outputLocation, clientRequestToken, executionParameters, principal, null);
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
                executionParameters, principal, encryption);
    }

    public QueryRequest withWorkgroup(String newWorkgroup) {
        return new QueryRequest(query, context, newWorkgroup, outputLocation, clientRequestToken,
                executionParameters, principal, encryption);
    }

    public QueryRequest withOutputLocation(String location) {
        return new QueryRequest(query, context, workgroup, location, clientRequestToken, executionParameters,
                principal, encryption);
    }

    public QueryRequest withClientRequestToken(String token) {
        return new QueryRequest(query, context, workgroup, outputLocation, token, executionParameters, principal,
                encryption);
    }

    /**
     * The same request made by {@code caller}, whose permissions the statement's reads and writes are checked against
     * (null: none are checked).
     */
    public QueryRequest withPrincipal(Principal caller) {
        return new QueryRequest(query, context, workgroup, outputLocation, clientRequestToken, executionParameters,
                caller, encryption);
    }

    public QueryRequest withExecutionParameters(List<String> parameters) {
        return new QueryRequest(query, context, workgroup, outputLocation, clientRequestToken, parameters, principal,
                encryption);
    }

    /** The same request with its results encrypted as {@code newEncryption} says (null: not encrypted). */
    public QueryRequest withEncryption(EncryptionConfiguration newEncryption) {
        return new QueryRequest(query, context, workgroup, outputLocation, clientRequestToken, executionParameters,
                principal, newEncryption);
    }
}
