package io.glaux.sql.function;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.glaux.sql.function.FunctionQueries.type;
import static io.glaux.sql.function.FunctionQueries.value;
import static org.assertj.core.api.Assertions.assertThat;

/** ARRAY[] and numeric typed literals, which Calcite's grammar and validator refuse and Trino accepts. */
class EmptyArrayAndTypedLiteralTest {

    @Test
    void emptyArrayIsAnArrayOfUnknownThatWidensToOtherArrays() {
        assertThat(value("SELECT ARRAY[]")).isEqualTo(List.of());
        assertThat(value("SELECT cardinality(ARRAY[])")).isEqualTo(0L);
        assertThat(value("SELECT filter(ARRAY[], x -> true)")).isEqualTo(List.of());
        assertThat(value("SELECT cardinality(map_filter(MAP(ARRAY[], ARRAY[]), (k, v) -> true))")).isEqualTo(0L);
    }

    @Test
    void numericTypedLiteralsHaveTheirTypes() {
        assertThat(type("SELECT TINYINT '7'")).isEqualTo("TINYINT NOT NULL");
        assertThat(value("SELECT TINYINT '-8'")).isEqualTo((byte) -8);
        assertThat(type("SELECT BIGINT '0'")).isEqualTo("BIGINT NOT NULL");
        assertThat(value("SELECT DOUBLE '0.0'")).isEqualTo(0.0d);
        assertThat(value("SELECT REAL '1.5'")).isEqualTo(1.5f);
        assertThat(value("SELECT SMALLINT '1' + INTEGER '1'")).isEqualTo(2);
    }
}
