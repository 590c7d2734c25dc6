package io.glaux.sql.function;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.TrinoErrorCode;
import org.junit.jupiter.api.Test;

import static io.glaux.sql.function.FunctionQueries.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Glaux's functions fail with Trino's error code as a field, and Trino's wording as the detail. */
class FunctionErrorsTest {

    private static GlauxException failure(String sql) {
        for (Throwable t = catchThrowable(() -> value(sql)); t != null; t = t.getCause()) {
            if (t instanceof GlauxException glaux) {
                return glaux;
            }
        }
        throw new AssertionError("No GlauxException from " + sql);
    }

    @Test
    void anInvalidArgumentCarriesItsCode() {
        GlauxException e = failure("SELECT split(s, '') FROM t");
        assertThat(e.type()).isEqualTo(ErrorType.FUNCTION_ERROR);
        assertThat(e.trinoCode()).contains(TrinoErrorCode.INVALID_FUNCTION_ARGUMENT);
        assertThat(e.detail()).isEqualTo("The delimiter may not be the empty string");
        assertThat(e.getMessage()).isEqualTo("INVALID_FUNCTION_ARGUMENT: The delimiter may not be the empty string");
    }

    @Test
    void divisionByZeroCarriesItsCode() {
        GlauxException e = FunctionErrors.divisionByZero();
        assertThat(e.trinoCode()).contains(TrinoErrorCode.DIVISION_BY_ZERO);
        assertThat(e.getMessage()).isEqualTo("DIVISION_BY_ZERO: Division by zero");
    }
}
