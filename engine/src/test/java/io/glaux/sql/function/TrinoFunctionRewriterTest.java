package io.glaux.sql.function;

import io.glaux.sql.parse.GlauxParserConfig;
import io.glaux.sql.parse.ParserText;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static io.glaux.sql.function.FunctionQueries.column;
import static io.glaux.sql.function.FunctionQueries.rows;
import static io.glaux.sql.function.FunctionQueries.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrinoFunctionRewriterTest {

    private static SqlNode rewrite(String sql) throws SqlParseException {
        return SqlParser.create(ParserText.quote(sql).text(), GlauxParserConfig.PARSER).parseQuery()
                .accept(new TrinoFunctionRewriter());
    }

    private static SqlCall firstSelectItem(SqlNode node) {
        return (SqlCall) ((SqlSelect) node).getSelectList().get(0);
    }

    @Test
    void bindsTheBigQueryDateTruncOfTheParserToGlauxsFunction() throws SqlParseException {
        SqlCall call = firstSelectItem(rewrite("SELECT date_trunc('month', ts) FROM t"));
        assertThat(call.getOperator()).isSameAs(TrinoFunctions.function("date_trunc"));
        assertThat(call.operand(0).toString()).isEqualTo("'month'");
    }

    @Test
    void matchesNamesCaseInsensitivelyIncludingQuotedNames() {
        assertThat(value("SELECT DaTe_AdD('DAY', 1, DATE '2024-02-28')").toString()).isEqualTo("2024-02-29");
        assertThat(value("SELECT \"date_add\"('day', 1, DATE '2024-02-28')").toString()).isEqualTo("2024-02-29");
    }

    @Test
    void rewritesNestedCallsInsideOut() {
        assertThat(value("SELECT date_format(date_add('month', 1, date_trunc('month', "
                + "date_parse('2024-01-31 10:00', '%Y-%m-%d %H:%i'))), '%Y-%m-%d')")).isEqualTo("2024-02-01");
    }

    @Test
    void rewritesInWhereGroupByHavingOrderBySubqueriesJoinsAndCtes() {
        assertThat(rows("SELECT date_trunc('year', ts) AS y, count_if(flag) AS c FROM t "
                + "WHERE date_diff('day', ts, TIMESTAMP '2025-01-01 00:00:00') > 0 "
                + "GROUP BY date_trunc('year', ts) HAVING count(*) > 0 ORDER BY date_trunc('year', ts)"))
                .containsExactly(List.of(LocalDateTime.parse("2023-01-01T00:00"), 0L),
                        List.of(LocalDateTime.parse("2024-01-01T00:00"), 1L));
        assertThat(column("WITH w AS (SELECT id, split(s, ',') AS parts FROM t) "
                + "SELECT element_at(w.parts, -1) FROM w JOIN t ON w.id = t.id "
                + "WHERE cardinality(w.parts) IN (SELECT cardinality(split(s, ',')) FROM t) ORDER BY w.id"))
                .containsExactly("banana", "x");
    }

    @Test
    void dateDiffWithExpressionsParsesOnceTheNameIsQuoted() {
        assertThat(ParserText.quote("SELECT DATE_DIFF ('day', a, b + 1), x.date_diff(1), "
                + "'date_diff(' AS s, \"date_diff\" -- date_diff(\n/* date_diff( */ FROM t").text())
                .isEqualTo("SELECT \"date_diff\" ('day', a, b + 1), x.date_diff(1), 'date_diff(' AS s, \"date_diff\" "
                        + "-- date_diff(\n/* date_diff( */ FROM t");
        assertThat(value("SELECT date_diff('day', d, date_add('day', 10, d)) FROM t WHERE id = 1")).isEqualTo(10L);
    }

    @Test
    void takesABareNameTheParserReadAsATimeUnitAsAColumn() {
        assertThat(value("SELECT date_trunc('month', ts) FROM (SELECT ts AS month, ts FROM t) WHERE month IS NULL"))
                .isNull();
        assertThat(value("SELECT date_trunc('year', month) FROM (SELECT d AS month FROM t) WHERE month IS NOT NULL "
                + "ORDER BY 1 LIMIT 1").toString()).isEqualTo("2024-01-01");
    }

    @Test
    void leavesUnknownAndQualifiedFunctionsToCalcite() throws SqlParseException {
        SqlCall call = firstSelectItem(rewrite("SELECT char_length(s) FROM t"));
        assertThat(call.getOperator().getName()).isEqualToIgnoringCase("char_length");
        assertThat(value("SELECT char_length('abc')")).isEqualTo(3);
        SqlCall qualified = firstSelectItem(rewrite("SELECT myschema.date_add('day', 1, d) FROM t"));
        assertThat(qualified.getOperator()).isNotInstanceOf(GlauxFunction.class);
    }

    @Test
    void rewritingTwiceChangesNothing() throws SqlParseException {
        SqlNode once = rewrite("SELECT if(flag, trim(s), substr(s, 2)), count_if(flag), approx_distinct(s) FROM t "
                + "GROUP BY flag, s");
        SqlNode twice = once.accept(new TrinoFunctionRewriter());
        assertThat(twice.toString()).isEqualTo(once.toString());
    }

    @Test
    void glauxFunctionsDoNotShadowCalciteOperatorsOfTheSameName() {
        // Trino's round goes half away from zero on doubles; Calcite's ROUND is only reachable under its own name
        // if the rewriter is skipped, and the Glaux table only answers to glaux.<name>.
        assertThat(value("SELECT round(-0.5E0)")).isEqualTo(-1.0);
        assertThat(TrinoFunctions.operatorTable().getOperatorList()).allSatisfy(op ->
                assertThat(((SqlFunction) op).getSqlIdentifier().names).hasSize(2));
    }

    @Test
    void wrongArgumentsGiveTrinoNamesInMessages() {
        assertThatThrownBy(() -> value("SELECT date_trunc('day')"))
                .hasMessageContaining("No match found for function signature date_trunc(<CHARACTER>)");
        assertThatThrownBy(() -> value("SELECT split(1, 2)"))
                .hasMessageContaining("Cannot apply 'split' to arguments of type 'split(<INTEGER>, <INTEGER>)'")
                .hasMessageContaining("split(string, string)");
    }

    @Test
    void unknownTypedNullOperandsTakeTheFirstSignaturesTypes() {
        assertThat(value("SELECT date_trunc('day', NULL)")).isNull();
        assertThat(value("SELECT regexp_like(NULL, 'a')")).isNull();
        assertThat(value("SELECT concat_ws(',', NULL, 'b')")).isEqualTo("b");
    }

    @Test
    void everySupportedNameIsBound() {
        assertThat(TrinoFunctions.supportedNames()).contains("date_trunc", "date_add", "date_diff", "date_format",
                "date_parse", "from_iso8601_timestamp", "from_iso8601_date", "from_unixtime", "to_unixtime",
                "regexp_like", "regexp_extract", "regexp_replace", "split", "strpos", "concat_ws", "cardinality",
                "element_at", "contains", "array_join", "approx_distinct", "arbitrary", "count_if", "if",
                "coalesce", "nullif", "greatest", "least");
        for (String name : TrinoFunctions.supportedNames()) {
            assertThat(TrinoFunctions.binding(name)).as(name).isNotNull();
        }
    }
}
