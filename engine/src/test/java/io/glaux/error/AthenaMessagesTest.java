package io.glaux.error;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AthenaMessagesTest {

    @Test
    void codeLocationAndDetailMakeAthenasText() {
        GlauxException e = new GlauxException(ErrorType.NOT_FOUND, TrinoErrorCode.COLUMN_NOT_FOUND,
                new SourceLocation(1, 8), "Column 'x' cannot be resolved", null);
        assertThat(AthenaMessages.message(e)).isEqualTo("COLUMN_NOT_FOUND: line 1:8: Column 'x' cannot be resolved");
        assertThat(e.getMessage()).isEqualTo(AthenaMessages.message(e));
        assertThat(e.detail()).isEqualTo("Column 'x' cannot be resolved");
    }

    @Test
    void syntaxErrorsAreShownWithoutTheirCode() {
        GlauxException e = GlauxException.syntax(2, 5, "mismatched input '<EOF>'. Expecting: <expression>");
        assertThat(e.trinoCode()).contains(TrinoErrorCode.SYNTAX_ERROR);
        assertThat(AthenaMessages.message(e)).isEqualTo("line 2:5: mismatched input '<EOF>'. Expecting: <expression>");
    }

    @Test
    void codeWithoutLocation() {
        GlauxException e = new GlauxException(ErrorType.FUNCTION_ERROR, TrinoErrorCode.DIVISION_BY_ZERO,
                "Division by zero");
        assertThat(AthenaMessages.message(e)).isEqualTo("DIVISION_BY_ZERO: Division by zero");
        assertThat(e.location()).isEmpty();
    }

    @Test
    void locationWithoutCode() {
        GlauxException e = new GlauxException(ErrorType.USER_ERROR, null, new SourceLocation(3, 1), "odd", null);
        assertThat(AthenaMessages.message(e)).isEqualTo("line 3:1: odd");
    }

    @Test
    void anUntypedErrorIsItsMessage() {
        GlauxException e = new GlauxException(ErrorType.INVALID_ARGUMENT, "QueryString must not be empty");
        assertThat(e.trinoCode()).isEmpty();
        assertThat(e.location()).isEmpty();
        assertThat(AthenaMessages.message(e)).isEqualTo("QueryString must not be empty");
    }

    @Test
    void withoutCodeKeepsTheLocation() {
        GlauxException e = new GlauxException(ErrorType.NOT_FOUND, TrinoErrorCode.TABLE_NOT_FOUND,
                new SourceLocation(1, 15), "Table 'awsdatacatalog.default.x' does not exist", null);
        assertThat(AthenaMessages.withoutCode(e)).isEqualTo("line 1:15: Table 'awsdatacatalog.default.x' does not exist");
    }

    @Test
    void movingAnErrorKeepsEverythingButTheLocation() {
        IllegalStateException cause = new IllegalStateException("inner");
        GlauxException e = new GlauxException(ErrorType.NOT_FOUND, TrinoErrorCode.COLUMN_NOT_FOUND,
                new SourceLocation(1, 8), "Column 'x' cannot be resolved", cause);
        GlauxException moved = e.at(new SourceLocation(2, 3));
        assertThat(moved.type()).isEqualTo(ErrorType.NOT_FOUND);
        assertThat(moved.trinoCode()).contains(TrinoErrorCode.COLUMN_NOT_FOUND);
        assertThat(moved.location()).contains(new SourceLocation(2, 3));
        assertThat(moved.getCause()).isSameAs(cause);
        assertThat(moved.getMessage()).isEqualTo("COLUMN_NOT_FOUND: line 2:3: Column 'x' cannot be resolved");
    }
}
