package io.glaux.error;

import java.util.Optional;

/**
 * The Trino error codes Glaux raises, with Trino's numbers and kinds: the standard codes of Trino's
 * {@code StandardErrorCode} and the Hive connector's {@code HiveErrorCode} (whose numbers start at
 * {@code 0x0100_0000}, the range Trino leaves to connectors). Athena (engine v3) prints the name in front of an
 * error's message ({@code TABLE_NOT_FOUND: line 1:15: ...}); see {@link AthenaMessages}.
 */
public enum TrinoErrorCode {
    GENERIC_USER_ERROR(0, TrinoErrorType.USER_ERROR),
    SYNTAX_ERROR(1, TrinoErrorType.USER_ERROR),
    FUNCTION_NOT_FOUND(6, TrinoErrorType.USER_ERROR),
    INVALID_FUNCTION_ARGUMENT(7, TrinoErrorType.USER_ERROR),
    DIVISION_BY_ZERO(8, TrinoErrorType.USER_ERROR),
    INVALID_CAST_ARGUMENT(9, TrinoErrorType.USER_ERROR),
    INVALID_VIEW(11, TrinoErrorType.USER_ERROR),
    NOT_SUPPORTED(13, TrinoErrorType.USER_ERROR),
    CONSTRAINT_VIOLATION(16, TrinoErrorType.USER_ERROR),
    INVALID_TABLE_PROPERTY(18, TrinoErrorType.USER_ERROR),
    NUMERIC_VALUE_OUT_OF_RANGE(19, TrinoErrorType.USER_ERROR),
    CATALOG_NOT_FOUND(44, TrinoErrorType.USER_ERROR),
    SCHEMA_NOT_FOUND(45, TrinoErrorType.USER_ERROR),
    TABLE_NOT_FOUND(46, TrinoErrorType.USER_ERROR),
    COLUMN_NOT_FOUND(47, TrinoErrorType.USER_ERROR),
    TABLE_ALREADY_EXISTS(50, TrinoErrorType.USER_ERROR),
    DUPLICATE_COLUMN_NAME(54, TrinoErrorType.USER_ERROR),
    MISSING_COLUMN_NAME(55, TrinoErrorType.USER_ERROR),
    TYPE_MISMATCH(58, TrinoErrorType.USER_ERROR),
    INVALID_LITERAL(59, TrinoErrorType.USER_ERROR),

    GENERIC_INTERNAL_ERROR(65536, TrinoErrorType.INTERNAL_ERROR),

    EXCEEDED_LOCAL_MEMORY_LIMIT(131079, TrinoErrorType.INSUFFICIENT_RESOURCES),

    HIVE_CURSOR_ERROR(Connector.HIVE + 1, TrinoErrorType.EXTERNAL),
    HIVE_CANNOT_OPEN_SPLIT(Connector.HIVE + 3, TrinoErrorType.EXTERNAL),
    HIVE_BAD_DATA(Connector.HIVE + 7, TrinoErrorType.EXTERNAL),
    HIVE_PATH_ALREADY_EXISTS(Connector.HIVE + 15, TrinoErrorType.EXTERNAL),
    HIVE_FILESYSTEM_ERROR(Connector.HIVE + 16, TrinoErrorType.EXTERNAL),
    HIVE_TOO_MANY_OPEN_PARTITIONS(Connector.HIVE + 21, TrinoErrorType.USER_ERROR);

    private final int code;
    private final TrinoErrorType type;

    TrinoErrorCode(int code, TrinoErrorType type) {
        this.code = code;
        this.type = type;
    }

    /** Trino's numeric code. */
    public int code() {
        return code;
    }

    /** Trino's kind of error. */
    public TrinoErrorType type() {
        return type;
    }

    /** The code with this exact name, if Glaux knows it. */
    public static Optional<TrinoErrorCode> named(String name) {
        for (TrinoErrorCode candidate : values()) {
            if (candidate.name().equals(name)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Where connectors' code ranges start (an enum's constants cannot refer to its own static fields). */
    private static final class Connector {
        static final int HIVE = 0x0100_0000;
    }
}
