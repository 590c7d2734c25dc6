package io.glaux.sql.function;

import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Map subscripts through the whole engine, for constants (folded while planning) and column values. */
class MapSubscriptTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTestWithTable("k string, n bigint", "a,1\nz,2\n");

    private String failure(String sql) {
        QueryExecution done = g.run(sql);
        assertThat(done.state()).as(sql).isEqualTo(QueryState.FAILED);
        return done.status().stateChangeReason();
    }

    @Test
    void aMissingKeyFailsAsInTrino() {
        assertThat(failure("SELECT MAP(ARRAY['a', 'b'], ARRAY[1, 2])['c']"))
                .isEqualTo("INVALID_FUNCTION_ARGUMENT: Key not present in map: c");
        assertThat(failure("SELECT MAP(ARRAY['a', 'b'], ARRAY[1, 2])[k] FROM t WHERE n = 2"))
                .isEqualTo("INVALID_FUNCTION_ARGUMENT: Key not present in map: z");
    }

    @Test
    void presentKeysNullValuesAndElementAtStayAsTheyWere() {
        assertThat(g.rows("SELECT MAP(ARRAY['a', 'z'], ARRAY[1, NULL])[k], element_at(MAP(ARRAY['a'], ARRAY[1]), k)"
                + " FROM t ORDER BY n")).containsExactly(List.of("1", "1"), Arrays.asList(null, null));
        assertThat(g.rows("SELECT MAP(ARRAY[BIGINT '1', 2], ARRAY['x', 'y'])[2], MAP(ARRAY[1], ARRAY['x'])[n]"
                + " FROM t WHERE n = 1")).containsExactly(List.of("y", "x"));
    }
}
