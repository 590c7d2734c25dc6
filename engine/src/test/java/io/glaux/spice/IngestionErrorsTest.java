package io.glaux.spice;

import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import io.glaux.error.SourceLocation;
import io.glaux.error.TrinoErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An engine error becomes QuickSight's ErrorInfo by its Trino code, with Athena's message. */
class IngestionErrorsTest {

    @Test
    void aMissingTableIsSqlTableNotFoundWithAthenasMessage() {
        ErrorInfo info = IngestionErrors.fromEngine(new GlauxException(ErrorType.NOT_FOUND,
                TrinoErrorCode.TABLE_NOT_FOUND, new SourceLocation(1, 15), "Table 'awsdatacatalog.default.x' does"
                + " not exist", null));
        assertThat(info.type()).isEqualTo(IngestionErrorType.SQL_TABLE_NOT_FOUND);
        assertThat(info.message()).isEqualTo("TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.default.x' does"
                + " not exist");
    }

    @Test
    void theCodeDecidesNotTheWords() {
        // A detail that quotes another code's name does not make the error that code.
        ErrorInfo info = IngestionErrors.fromEngine(new GlauxException(ErrorType.DATA_ERROR,
                TrinoErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "Value 1 in column TABLE_NOT_FOUND is out of range"));
        assertThat(info.type()).isEqualTo(IngestionErrorType.SQL_NUMERIC_OVERFLOW);
    }

    @Test
    void anErrorWithoutACodeIsTypedByItsMessage() {
        ErrorInfo info = IngestionErrors.fromEngine(new GlauxException(ErrorType.USER_ERROR, "something odd"));
        assertThat(info.type()).isEqualTo(IngestionErrorType.SQL_EXCEPTION);
    }
}
