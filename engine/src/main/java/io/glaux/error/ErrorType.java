package io.glaux.error;

/**
 * The subset of Athena's error catalog (AthenaError.ErrorType) that Glaux raises, with the catalog's numbers.
 */
public enum ErrorType {
    /** Types 0 to 8 of the catalog all mean "Query exhausted resources at this scale factor". */
    RESOURCES_EXHAUSTED(1, ErrorCategory.SYSTEM, true),
    INTERNAL_SERVICE_ERROR(100, ErrorCategory.SYSTEM, true),
    QUERY_ENGINE_INTERNAL_ERROR(200, ErrorCategory.SYSTEM, true),
    METASTORE_ERROR(204, ErrorCategory.SYSTEM, true),
    QUERY_TIMEOUT(206, ErrorCategory.SYSTEM, true),
    RESULT_WRITE_FAILED(401, ErrorCategory.SYSTEM, true),
    USER_ERROR(1000, ErrorCategory.USER, false),
    DATA_ERROR(1001, ErrorCategory.USER, false),
    DDL_TASK_FAILED(1003, ErrorCategory.USER, false),
    SCHEMA_ERROR(1004, ErrorCategory.USER, false),
    SYNTAX_ERROR(1006, ErrorCategory.USER, false),
    FUNCTION_ERROR(1008, ErrorCategory.USER, false),
    INVALID_ARGUMENT(1100, ErrorCategory.USER, false),
    NOT_FOUND(1301, ErrorCategory.USER, false),
    ALREADY_EXISTS(1302, ErrorCategory.USER, false),
    LIMIT_EXCEEDED(1200, ErrorCategory.USER, false);

    private final int code;
    private final ErrorCategory category;
    private final boolean retryable;

    ErrorType(int code, ErrorCategory category, boolean retryable) {
        this.code = code;
        this.category = category;
        this.retryable = retryable;
    }

    public int code() {
        return code;
    }

    public ErrorCategory category() {
        return category;
    }

    public boolean retryable() {
        return retryable;
    }
}
