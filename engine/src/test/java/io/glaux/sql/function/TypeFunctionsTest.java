package io.glaux.sql.function;

import org.junit.jupiter.api.Test;

import static io.glaux.sql.function.FunctionQueries.value;
import static org.assertj.core.api.Assertions.assertThat;

class TypeFunctionsTest {

    @Test
    void typeofSpellsTypesAsTrinoDoes() {
        assertThat(value("SELECT typeof(1)")).isEqualTo("integer");
        assertThat(value("SELECT typeof(1.5)")).isEqualTo("decimal(2,1)");
        assertThat(value("SELECT typeof('ab')")).isEqualTo("varchar(2)");
        assertThat(value("SELECT typeof(ts) FROM t WHERE id = 1")).isEqualTo("timestamp(3)");
        assertThat(value("SELECT typeof(m) FROM t WHERE id = 1")).isEqualTo("map(varchar, integer)");
        assertThat(value("SELECT typeof(map(ARRAY['a'], ARRAY[ARRAY[1]]))"))
                .isEqualTo("map(varchar(1), array(integer))");
        assertThat(value("SELECT typeof(CAST(ROW(1) AS row(x integer)))")).isEqualTo("row(x integer)");
        assertThat(value("SELECT typeof(NULL)")).isEqualTo("unknown");
    }
}
