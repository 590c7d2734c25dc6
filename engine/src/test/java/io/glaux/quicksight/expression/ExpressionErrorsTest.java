package io.glaux.quicksight.expression;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.glaux.quicksight.expression.QuickSightType.BOOLEAN;
import static io.glaux.quicksight.expression.QuickSightType.DATETIME;
import static io.glaux.quicksight.expression.QuickSightType.DECIMAL;
import static io.glaux.quicksight.expression.QuickSightType.INTEGER;
import static io.glaux.quicksight.expression.QuickSightType.STRING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Malformed expressions: each error names what is wrong and where. */
class ExpressionErrorsTest {

    private static final Map<String, Column> COLUMNS = Map.of(
            "amount", Column.identifier("amount", DECIMAL),
            "qty", Column.identifier("qty", INTEGER),
            "name", Column.identifier("name", STRING),
            "order date", Column.identifier("order date", DATETIME),
            "paid", Column.identifier("paid", BOOLEAN));

    private final ExpressionTranslator translator = new ExpressionTranslator();

    private ExpressionException error(String expression) {
        try {
            translator.translate(expression, COLUMNS);
        } catch (ExpressionException e) {
            assertThat(e.getMessage()).endsWith(" at position " + e.position());
            return e;
        }
        throw new AssertionError("no error for " + expression);
    }

    private void fails(String expression, int position, String... parts) {
        ExpressionException e = error(expression);
        assertThat(e.position()).as(e.getMessage()).isEqualTo(position);
        assertThat(e.getMessage()).contains(parts);
    }

    @Test
    void unknownColumnsAndFunctions() {
        fails("2 * {amonut}", 4, "Column 'amonut' not found at position 4");
        fails("amonut + 1", 0, "Column 'amonut' not found");
        fails("concat(foo(name), 'x')", 7, "Unknown function 'foo' at position 7");
    }

    @Test
    void functionNamesAreCaseInsensitive() {
        assertThat(translator.translate("STRLEN(name) + Strlen(name)", COLUMNS).type()).isEqualTo(INTEGER);
        assertThat(translator.translate("IfElse(paid, 1, 2)", COLUMNS).type()).isEqualTo(INTEGER);
    }

    @Test
    void argumentTypesAndCounts() {
        fails("strlen(3)", 7, "Expression 3 for function strlen has incorrect argument type Integer",
                "expects String");
        fails("dateDiff({name}, 'x')", 9, "Expression {name} for function dateDiff has incorrect argument type "
                + "String", "Datetime");
        fails("ifelse({qty}, 1, 2)", 7, "Expression {qty} for function ifelse has incorrect argument type Integer",
                "Boolean");
        fails("ifelse(paid, 1, 'two')", 16, "Expression 'two' for function ifelse has incorrect argument type "
                + "String", "Integer");
        fails("ifelse(paid, 1)", 0, "Function ifelse expects at least 3 arguments but got 2");
        fails("ifelse(paid, 1, qty > 1, 2)", 0, "ifelse expects pairs of condition and value");
        fails("strlen(name, 2)", 0, "Function strlen expects 1 argument but got 2");
        fails("concat(name)", 0, "Function concat expects at least 2 arguments but got 1");
        fails("now(1)", 0, "Function now expects 0 arguments");
        fails("name + 1", 0, "Operator + has incorrect argument type String");
        fails("qty = name", 6, "cannot compare Integer with String");
        fails("NOT qty", 4, "Operator NOT has incorrect argument type Integer");
        fails("addDateTime(1.5, 'DD', {order date})", 12, "addDateTime", "Decimal");
        fails("in(qty, [1, 'a'])", 12, "in has incorrect argument type String");
        fails("in(qty, 1)", 8, "expects a list of literals");
        fails("in(qty, [qty])", 9, "only literal values");
        fails("strlen([1])", 7, "can only be the second argument of in or notIn");
        fails("isNull([1])", 7, "can only be the second argument of in or notIn");
    }

    @Test
    void periodsAndFormatsMustBeLiteralsQuickSightKnows() {
        fails("truncDate('XX', {order date})", 10, "Period 'XX' is not valid for function truncDate");
        fails("truncDate('WD', {order date})", 10, "Period 'WD' is not valid");
        fails("extract('WK', {order date})", 8, "Period 'WK' is not valid for function extract");
        fails("truncDate(name, {order date})", 10, "truncDate expects a period");
        fails("dateDiff({order date}, {order date}, 'DAYS')", 37, "Period 'DAYS'");
        fails("parseDate(name, 'yyyy-MM-dd Z')", 16, "Date format 'yyyy-MM-dd Z' for function parseDate cannot be "
                + "translated", "'Z'");
        fails("parseDate(name, name)", 16, "parseDate expects a date format");
    }

    @Test
    void aggregationRules() {
        fails("sum(avg(qty))", 4, "Nested aggregation", "avg");
        fails("sum(qty) + qty", 0, "Mismatched aggregation");
        fails("ifelse(sum(qty) > 1, name, 'x')", 0, "Mismatched aggregation");
        Translation ok = translator.translate("sum(qty) / count(name) + 1", COLUMNS);
        assertThat(ok.aggregate()).isTrue();
        assertThat(ok.type()).isEqualTo(DECIMAL);
        assertThat(translator.translate("sum(qty * amount)", COLUMNS).type()).isEqualTo(DECIMAL);
        assertThat(translator.translate("qty * 2", COLUMNS).aggregate()).isFalse();
    }

    @Test
    void syntaxErrors() {
        fails("(1 + 2", 0, "Mismatched parentheses");
        fails("1 + 2)", 5, "Mismatched parentheses");
        fails("concat(name, 'a'", 6, "Mismatched parentheses");
        fails("", 0, "Expression is empty");
        fails("   ", 0, "Expression is empty");
        fails("'abc", 0, "String literal is missing its closing '");
        fails("{name", 0, "missing its closing '}'");
        fails("1 +", 3, "Expected an operand but found end of expression");
        fails("1 2", 2, "Unexpected '2' after a complete expression");
        fails("qty # 2", 4, "Unexpected character '#'");
        fails("1 < 2 < 3", 6, "cannot be chained");
        fails("strlen(name,)", 12, "Expected an operand");
        fails("1.2.3", 0, "Malformed number");
        fails("99999999999999999999", 0, "too large");
        fails("(".repeat(500) + "1" + ")".repeat(500), 200, "nested too deeply");
        fails("-".repeat(500) + "1", 200, "nested too deeply");
    }

    @Test
    void typesFromQuickSightDataTypes() {
        assertThat(QuickSightType.fromDataType("STRING")).isEqualTo(STRING);
        assertThat(QuickSightType.fromDataType("json")).isEqualTo(STRING);
        assertThat(QuickSightType.fromDataType("BIT")).isEqualTo(INTEGER);
        assertThat(QuickSightType.fromDataType("INTEGER")).isEqualTo(INTEGER);
        assertThat(QuickSightType.fromDataType("DECIMAL")).isEqualTo(DECIMAL);
        assertThat(QuickSightType.fromDataType("DATETIME")).isEqualTo(DATETIME);
        assertThat(QuickSightType.fromDataType("BOOLEAN")).isEqualTo(BOOLEAN);
        assertThatThrownBy(() -> QuickSightType.fromDataType("BLOB")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullTakesTheTypeOfWhatItMeets() {
        assertThat(translator.translate("NULL", COLUMNS).sql()).isEqualTo("CAST(NULL AS VARCHAR)");
        assertThat(translator.translate("qty + null", COLUMNS).sql()).contains("CAST(NULL AS BIGINT)");
        assertThat(translator.translate("ifelse(paid, NULL, {order date})", COLUMNS).type()).isEqualTo(DATETIME);
    }
}
