package io.glaux.error;

/**
 * The kind of a Trino error code, as Trino's {@code io.trino.spi.ErrorType} names it: the user's mistake, a fault of
 * the engine, a resource limit, or a failure of an external system (a connector's storage or metastore).
 */
public enum TrinoErrorType {
    USER_ERROR,
    INTERNAL_ERROR,
    INSUFFICIENT_RESOURCES,
    EXTERNAL
}
