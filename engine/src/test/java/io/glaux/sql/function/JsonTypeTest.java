package io.glaux.sql.function;

import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Trino's json type through the whole engine: its name, its values' text, the functions and casts that take it. */
class JsonTypeTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTestWithTable("s string, n bigint",
            "7,1\n[1],2\n");

    private String failure(String sql) {
        QueryExecution done = g.run(sql);
        assertThat(done.state()).as(sql).isEqualTo(QueryState.FAILED);
        return done.status().stateChangeReason();
    }

    @Test
    void jsonProducersAreTypedJson() {
        assertThat(g.rows("SELECT typeof(json_parse('[1]')), typeof(JSON '1'), typeof(json_extract('[1]', '$[0]')),"
                + " typeof(json_array_get('[1]', 0)), typeof(CAST(1 AS JSON)), typeof(json_format(JSON '1'))"))
                .containsExactly(List.of("json", "json", "json", "json", "json", "varchar"));
        assertThat(g.rows("SELECT typeof(j) FROM (SELECT json_parse(s) AS j FROM t) WHERE j IS NOT NULL LIMIT 1"))
                .containsExactly(List.of("json"));
    }

    @Test
    void resultColumnsAreTypedJsonAndPrintCanonicalText() {
        assertThat(g.query("SELECT json_parse('{\"b\":1, \"a\":2}') AS j, json_format(JSON '[1]') AS f").columns())
                .extracting(c -> c.type()).containsExactly("json", "varchar");
        assertThat(g.rows("SELECT json_parse('{\"b\":1, \"a\":2}'), json_parse('[1, 2, 3]'), json_parse('\"abc\"')"))
                .containsExactly(List.of("{\"a\":2,\"b\":1}", "[1,2,3]", "\"abc\""));
        assertThat(g.rows("SELECT json_parse(s) FROM t ORDER BY n"))
                .containsExactly(List.of("7"), List.of("[1]"));
    }

    @Test
    void castOfVarcharToJsonIsAJsonString() {
        assertThat(g.rows("SELECT CAST('abc' AS JSON), CAST('{\"a\":1}' AS JSON), CAST(s AS JSON) FROM t WHERE n = 2"))
                .containsExactly(List.of("\"abc\"", "\"{\\\"a\\\":1}\"", "\"[1]\""));
        assertThat(g.rows("SELECT CAST(ARRAY[JSON '1', json_parse('{\"b\":1,\"a\":2}')] AS JSON)"))
                .containsExactly(List.of("[1,{\"a\":2,\"b\":1}]"));
    }

    @Test
    void castOfJsonToVarcharGivesScalarTextAndRefusesObjectsAndArrays() {
        assertThat(g.rows("SELECT CAST(JSON '\"abc\"' AS VARCHAR), CAST(JSON '12' AS VARCHAR),"
                + " CAST(JSON 'true' AS VARCHAR), CAST(JSON 'null' AS VARCHAR)"))
                .containsExactly(Arrays.asList("abc", "12", "true", null));
        assertThat(failure("SELECT CAST(JSON '{\"a\": 1}' AS VARCHAR)"))
                .isEqualTo("INVALID_CAST_ARGUMENT: Cannot cast '{\"a\":1}' to varchar");
        assertThat(failure("SELECT CAST(json_parse(s) AS VARCHAR) FROM t WHERE n = 2"))
                .isEqualTo("INVALID_CAST_ARGUMENT: Cannot cast '[1]' to varchar");
        assertThat(g.rows("SELECT TRY_CAST(JSON '[1]' AS VARCHAR)")).containsExactly(Arrays.asList((String) null));
    }

    @Test
    void castOfAJsonColumnReadsItsText() {
        assertThat(g.rows("SELECT CAST(j AS VARCHAR), CAST(j AS BIGINT), TRY_CAST(j AS BOOLEAN)"
                + " FROM (SELECT json_parse(s) AS j, n FROM t) WHERE n = 1"))
                .containsExactly(Arrays.asList("7", "7", "true"));
        assertThat(failure("SELECT CAST(j AS VARCHAR) FROM (SELECT json_parse(s) AS j, n FROM t) WHERE n = 2"))
                .isEqualTo("INVALID_CAST_ARGUMENT: Cannot cast '[1]' to varchar");
    }

    @Test
    void tablesAndUnloadsCannotHoldJson() {
        assertThat(failure("CREATE TABLE j AS SELECT json_parse(s) AS j FROM t"))
                .isEqualTo("NOT_SUPPORTED: Unsupported Hive type: json");
        assertThat(failure("CREATE TABLE j AS SELECT ARRAY[JSON '1'] AS a"))
                .isEqualTo("NOT_SUPPORTED: Unsupported Hive type: json");
        assertThat(failure("UNLOAD (SELECT JSON '1' AS j) TO 's3://lake/unload/j/' WITH (format = 'TEXTFILE')"))
                .isEqualTo("NOT_SUPPORTED: Unsupported Hive type: json");
        g.run("CREATE TABLE f AS SELECT json_format(json_parse(s)) AS f, n FROM t");
        assertThat(g.rows("SELECT f FROM f ORDER BY n")).containsExactly(List.of("7"), List.of("[1]"));
    }

    @Test
    void jsonFunctionsTakeJsonAsWellAsVarchar() {
        assertThat(g.rows("SELECT json_extract(JSON '{\"a\": [1, 2]}', '$.a'), json_extract_scalar(JSON '{\"a\": 7}',"
                + " '$.a'), json_size(JSON '{\"x\": [1, 2, 3]}', '$.x'), json_array_length(json_parse('[1, 2]')),"
                + " json_array_contains(JSON '[1, 2, 3]', 2), json_array_get(JSON '[\"a\", [3, 9]]', 1),"
                + " json_format(json_parse('{\"b\": 1, \"a\": [true, null, 1.50]}'))"))
                .containsExactly(List.of("[1,2]", "7", "3", "2", "true", "[3,9]", "{\"a\":[true,null,1.5],\"b\":1}"));
        assertThat(g.rows("SELECT json_array_length(s), json_extract_scalar(s, '$[0]') FROM t ORDER BY n"))
                .containsExactly(Arrays.asList(null, null), Arrays.asList("1", "1"));
    }

    @Test
    void stringFunctionsRefuseJsonUntilItIsCastToVarchar() {
        // Trino has no implicit coercion of json to varchar: length(json), upper(json) and json || varchar fail.
        assertThat(g.run("SELECT length(JSON '\"abc\"')").status().stateChangeReason())
                .startsWith("TYPE_MISMATCH: line 1:8: Cannot apply 'length' to arguments of type 'length(<JSON>)'");
        assertThat(g.run("SELECT upper(json_parse(s)) FROM t").status().stateChangeReason())
                .startsWith("TYPE_MISMATCH: line 1:8: Cannot apply 'upper'");
        assertThat(g.run("SELECT JSON '[1]' || 'x'").status().stateChangeReason())
                .startsWith("TYPE_MISMATCH: line 1:8: Cannot apply '||'");
        assertThat(g.rows("SELECT length(CAST(JSON '\"abc\"' AS varchar)), upper(json_format(JSON '[\"a\"]'))"))
                .containsExactly(List.of("3", "[\"A\"]"));
    }

    @Test
    void jsonIsNotOrderable() {
        assertThat(g.run("SELECT j FROM (VALUES JSON '[2]', JSON '[1]') t(j) ORDER BY j").status()
                .stateChangeReason()).isEqualTo("TYPE_MISMATCH: line 1:1: Type json is not orderable, and therefore"
                + " cannot be used in ORDER BY: j");
        assertThat(g.run("SELECT json_parse(s) FROM t ORDER BY 1 DESC").status().stateChangeReason())
                .startsWith("TYPE_MISMATCH: line 1:1: Type json is not orderable");
        assertThat(g.run("SELECT json_parse(s) AS j, n FROM t ORDER BY n, j").status().stateChangeReason())
                .endsWith("cannot be used in ORDER BY: j");
        assertThat(g.run("SELECT row_number() OVER (ORDER BY json_parse(s)) FROM t").status().stateChangeReason())
                .endsWith("json is not orderable, and therefore cannot be used in window function ORDER BY");
        // Sorting by its text, or grouping by it, is allowed.
        assertThat(g.rows("SELECT json_format(j) FROM (VALUES JSON '[2]', JSON '[1]') t(j) ORDER BY 1"))
                .containsExactly(List.of("[1]"), List.of("[2]"));
    }

    @Test
    void jsonValuesCompareGroupAndDistinctByTheirCanonicalText() {
        assertThat(g.rows("SELECT json_parse('{\"a\": 1, \"b\": 2}') = json_parse('{\"b\":2,\"a\":1}'),"
                + " JSON '[1]' = JSON '[2]'")).containsExactly(List.of("true", "false"));
        assertThat(g.rows("SELECT j, count(*) FROM (SELECT json_parse(s) AS j FROM t"
                + " UNION ALL SELECT JSON '[1]') GROUP BY j ORDER BY count(*)"))
                .containsExactly(List.of("7", "1"), List.of("[1]", "2"));
        assertThat(g.rows("SELECT count(DISTINCT j) FROM (VALUES JSON '[1]', JSON '[1]', JSON '[2]') AS v(j)"))
                .containsExactly(List.of("2"));
    }

    @Test
    void jsonComparesWithJsonOnlyAndLikeRefusesIt() {
        assertThat(failure("SELECT JSON '1' = '1'")).isEqualTo("TYPE_MISMATCH: line 1:8: '=' cannot be applied to json,"
                + " varchar(1)");
        assertThat(failure("SELECT n FROM t WHERE json_parse(s) <> s"))
                .startsWith("TYPE_MISMATCH: line 1:23: '<>' cannot be applied to json, varchar");
        assertThat(failure("SELECT JSON '1' < JSON '2'")).endsWith("'<' cannot be applied to json, json");
        assertThat(failure("SELECT json_parse(s) LIKE '[%' FROM t"))
                .isEqualTo("TYPE_MISMATCH: line 1:8: Left side of LIKE expression must evaluate to a varchar"
                        + " (actual: json)");
        // Its text, through a cast, compares and matches; json compares with json and NULL.
        assertThat(g.rows("SELECT CAST(JSON '\"1\"' AS varchar) = '1', json_format(json_parse(s)) LIKE '[%',"
                + " json_parse(s) IS DISTINCT FROM JSON '7', json_parse(s) = NULL FROM t ORDER BY n"))
                .containsExactly(Arrays.asList("true", "false", "false", null),
                        Arrays.asList("true", "true", "true", null));
    }

    @Test
    void aViewOfAJsonColumnKeepsItsType() {
        g.query("CREATE VIEW jv AS SELECT json_parse(s) AS j, n FROM t");
        assertThat(g.rows("SELECT typeof(j), j FROM jv ORDER BY n"))
                .containsExactly(List.of("json", "7"), List.of("json", "[1]"));
        assertThat(g.query("SELECT j FROM jv").columns()).extracting(c -> c.type()).containsExactly("json");
        assertThat(g.rows("DESCRIBE jv").get(0).get(0)).contains("json");
    }
}
