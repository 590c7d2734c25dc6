package io.glaux.spice;

import io.glaux.error.AthenaMessages;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.TrinoErrorCode;
import io.glaux.exec.AthenaError;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;
import io.glaux.storage.StoreUnavailableException;

import java.io.IOException;
import java.util.Locale;

/**
 * How failures of the statement an ingestion runs become QuickSight's ingestion error types. For an Athena query
 * execution that did not succeed ({@link #fromQuery}):
 *
 * <table>
 *   <caption>Athena outcome to IngestionErrorType</caption>
 *   <tr><th>Athena</th><th>IngestionErrorType</th></tr>
 *   <tr><td>TABLE_NOT_FOUND, SCHEMA_NOT_FOUND</td><td>SQL_TABLE_NOT_FOUND</td></tr>
 *   <tr><td>NUMERIC_VALUE_OUT_OF_RANGE</td><td>SQL_NUMERIC_OVERFLOW</td></tr>
 *   <tr><td>error type QUERY_TIMEOUT</td><td>QUERY_TIMEOUT</td></tr>
 *   <tr><td>error type INTERNAL_SERVICE_ERROR (the store did not answer)</td><td>CONNECTION_FAILURE</td></tr>
 *   <tr><td>"Unable to verify/create output bucket", RESULT_WRITE_FAILED</td><td>S3_FILE_INACCESSIBLE</td></tr>
 *   <tr><td>CANCELLED by the workgroup's bytes-scanned cutoff</td><td>SOURCE_RESOURCE_LIMIT_EXCEEDED</td></tr>
 *   <tr><td>anything else (COLUMN_NOT_FOUND, syntax, types, casts, a query stopped in Athena)</td>
 *       <td>SQL_EXCEPTION</td></tr>
 * </table>
 *
 * A query Athena refuses to start ({@link #fromSubmit}): a missing or disabled workgroup or no output location is
 * INVALID_DATA_SOURCE_CONFIG, too many queued queries SOURCE_API_LIMIT_EXCEEDED_FAILURE. Reading the result object
 * ({@link #fromRead}): a store that does not answer is CONNECTION_FAILURE, anything else S3_FILE_INACCESSIBLE. An
 * engine error met while planning or reading SPICE's own source ({@link #fromEngine}) is typed by its Trino code as
 * in the table.
 */
final class IngestionErrors {

    private IngestionErrors() {
    }

    /** The ErrorInfo of an engine error: its type by its Trino code, its message as Athena shows it. */
    static ErrorInfo fromEngine(GlauxException error) {
        String message = AthenaMessages.message(error);
        IngestionErrorType type = error.trinoCode().map(IngestionErrors::fromCode)
                .orElseGet(() -> fromMessage(message));
        return new ErrorInfo(type, message);
    }

    /** The type of a failed statement by its Trino code: a missing table or schema, an overflow, else SQL. */
    static IngestionErrorType fromCode(TrinoErrorCode code) {
        return switch (code) {
            case TABLE_NOT_FOUND, SCHEMA_NOT_FOUND -> IngestionErrorType.SQL_TABLE_NOT_FOUND;
            case NUMERIC_VALUE_OUT_OF_RANGE -> IngestionErrorType.SQL_NUMERIC_OVERFLOW;
            default -> IngestionErrorType.SQL_EXCEPTION;
        };
    }

    /**
     * The type of a failed statement by its Athena message, for what only has the text: a finished query execution
     * keeps Athena's message (as GetQueryExecution returns it and the history stores it), not the exception, and an
     * error without a Trino code of its own may still quote one.
     */
    static IngestionErrorType fromMessage(String message) {
        String text = message == null ? "" : message.toUpperCase(Locale.ROOT);
        if (text.contains("TABLE_NOT_FOUND") || text.contains("SCHEMA_NOT_FOUND")) {
            return IngestionErrorType.SQL_TABLE_NOT_FOUND;
        }
        return text.contains("NUMERIC_VALUE_OUT_OF_RANGE") ? IngestionErrorType.SQL_NUMERIC_OVERFLOW
                : IngestionErrorType.SQL_EXCEPTION;
    }

    /** The ErrorInfo of a query execution that ended FAILED or CANCELLED without the ingestion asking for it. */
    static ErrorInfo fromQuery(QueryExecution execution) {
        AthenaError error = execution.status().athenaError();
        String reason = error != null ? error.errorMessage() : execution.status().stateChangeReason();
        String message = "Athena query " + execution.queryExecutionId() + " "
                + execution.state().name().toLowerCase(Locale.ROOT) + ": " + reason;
        IngestionErrorType type;
        if (execution.state() == QueryState.CANCELLED) {
            type = error != null && error.errorType() == ErrorType.LIMIT_EXCEEDED.code()
                    ? IngestionErrorType.SOURCE_RESOURCE_LIMIT_EXCEEDED : IngestionErrorType.SQL_EXCEPTION;
        } else if (error == null) {
            type = fromMessage(reason);
        } else if (error.errorType() == ErrorType.QUERY_TIMEOUT.code()) {
            type = IngestionErrorType.QUERY_TIMEOUT;
        } else if (error.errorType() == ErrorType.INTERNAL_SERVICE_ERROR.code()) {
            type = IngestionErrorType.CONNECTION_FAILURE;
        } else if (error.errorType() == ErrorType.RESULT_WRITE_FAILED.code()
                || String.valueOf(reason).startsWith("Unable to verify/create output bucket")) {
            type = IngestionErrorType.S3_FILE_INACCESSIBLE;
        } else {
            type = fromMessage(reason);
        }
        return new ErrorInfo(type, message);
    }

    /** The ErrorInfo of a query Athena refused to start. */
    static ErrorInfo fromSubmit(String workgroup, GlauxException e) {
        String message = "Athena refused the query in workgroup " + workgroup + ": " + AthenaMessages.message(e);
        if (e.type() == ErrorType.LIMIT_EXCEEDED) {
            return new ErrorInfo(IngestionErrorType.SOURCE_API_LIMIT_EXCEEDED_FAILURE, message);
        }
        if (e.type() == ErrorType.INVALID_ARGUMENT || e.type() == ErrorType.NOT_FOUND) {
            return new ErrorInfo(IngestionErrorType.INVALID_DATA_SOURCE_CONFIG, message);
        }
        return new ErrorInfo(IngestionErrorType.INTERNAL_SERVICE_ERROR, message);
    }

    /** The ErrorInfo of a result object that could not be read. */
    static ErrorInfo fromRead(String object, IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreUnavailableException) {
                return new ErrorInfo(IngestionErrorType.CONNECTION_FAILURE, "Could not read the query result "
                        + object + ": " + e.getMessage());
            }
        }
        String reason = e instanceof java.nio.file.NoSuchFileException ? "it does not exist" : e.getMessage();
        return new ErrorInfo(IngestionErrorType.S3_FILE_INACCESSIBLE, "Could not read the query result " + object
                + ": " + reason);
    }
}
