package io.glaux.sql.function;

import io.glaux.error.GlauxException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.glaux.sql.function.FunctionQueries.column;
import static io.glaux.sql.function.FunctionQueries.type;
import static io.glaux.sql.function.FunctionQueries.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonCastsTest {

    @Test
    void castToJsonWritesStructuredValuesWithSortedMapKeys() {
        assertThat(value("SELECT CAST(ARRAY[1, NULL, 3] AS JSON)")).isEqualTo("[1,null,3]");
        assertThat(value("SELECT CAST(map(ARRAY['b', 'a'], ARRAY[1, 2]) AS JSON)")).isEqualTo("{\"a\":2,\"b\":1}");
        assertThat(value("SELECT CAST(CAST(ROW(1, 'x') AS row(v1 bigint, v2 varchar)) AS JSON)"))
                .isEqualTo("{\"v1\":1,\"v2\":\"x\"}");
        assertThat(value("SELECT CAST('abc' AS JSON)")).isEqualTo("\"abc\"");
        assertThat(column("SELECT CAST(d AS JSON), id FROM t ORDER BY id")).containsExactly("\"2024-02-15\"",
                "\"2024-01-31\"", null);
        assertThat(type("SELECT CAST(1 AS JSON)")).isEqualTo("JSON NOT NULL");
    }

    @Test
    void castFromJsonReadsTheTargetType() {
        assertThat(value("SELECT CAST(json_parse('[1, 2]') AS array(bigint))")).isEqualTo(List.of(1L, 2L));
        assertThat(value("SELECT CAST(JSON '{\"k\": [1]}' AS map(varchar, array(integer)))").toString())
                .isEqualTo("{k=[1]}");
        assertThat(value("SELECT CAST(JSON '\"abc\"' AS varchar)")).isEqualTo("abc");
        assertThat(type("SELECT CAST(JSON '[1]' AS array(integer))")).isEqualTo("INTEGER ARRAY");
    }

    @Test
    void jsonThatDoesNotFitIsAnInvalidCast() {
        assertThatThrownBy(() -> value("SELECT CAST(JSON '{\"a\": 1}' AS array(integer))"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("Cannot cast to array(integer)");
        assertThatThrownBy(() -> value("SELECT CAST(JSON '[\"x\"]' AS array(integer))"))
                .isInstanceOf(GlauxException.class).hasMessageContaining("Cannot cast to array(integer)");
        assertThat(value("SELECT TRY_CAST(JSON '[\"x\"]' AS array(integer))")).isNull();
        assertThat(value("SELECT TRY_CAST(JSON '[1]' AS array(integer))")).isEqualTo(List.of(1));
    }

    @Test
    void jsonArrayFunctionsLookAtTopLevelElements() {
        assertThat(value("SELECT json_array_contains('[1, \"a\", true]', 'a')")).isEqualTo(true);
        assertThat(value("SELECT json_array_contains('[1, 2]', 3)")).isEqualTo(false);
        assertThat(value("SELECT json_array_contains('{}', 3)")).isNull();
        assertThat(value("SELECT json_array_get('[\"a\", [3, 9]]', 1)")).isEqualTo("[3,9]");
        assertThat(value("SELECT json_array_get('[\"a\", [3, 9]]', -2)")).isEqualTo("a");
        assertThat(value("SELECT json_array_get('[\"a\"]', 5)")).isNull();
    }

    @Test
    void jsonParseIsCanonical() {
        assertThat(value("SELECT json_format(JSON '{\"b\": 1, \"a\": [true, null, 1.50]}')"))
                .isEqualTo("{\"a\":[true,null,1.5],\"b\":1}");
    }
}
