package io.glaux.sql.function;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.TrinoErrorCode;

/** The errors Glaux functions raise at run time, worded as Trino words them. */
final class FunctionErrors {
    private FunctionErrors() {
    }

    /** Trino's INVALID_FUNCTION_ARGUMENT: a value the function cannot work with. */
    static GlauxException invalidArgument(String message) {
        return new GlauxException(ErrorType.FUNCTION_ERROR, TrinoErrorCode.INVALID_FUNCTION_ARGUMENT, message);
    }

    /** Trino's DIVISION_BY_ZERO. */
    static GlauxException divisionByZero() {
        return new GlauxException(ErrorType.FUNCTION_ERROR, TrinoErrorCode.DIVISION_BY_ZERO, "Division by zero");
    }

    /** Trino's INVALID_CAST_ARGUMENT: a value the cast's target type cannot hold. */
    static GlauxException invalidCast(String message) {
        return new GlauxException(ErrorType.FUNCTION_ERROR, TrinoErrorCode.INVALID_CAST_ARGUMENT, message);
    }

    /** Trino's NUMERIC_VALUE_OUT_OF_RANGE: an arithmetic result or a cast value the type cannot hold. */
    static GlauxException numericValueOutOfRange(String message) {
        return new GlauxException(ErrorType.FUNCTION_ERROR, TrinoErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, message);
    }
}
