package io.glaux.sql.function;

import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Maps, rows and JSON through the whole engine, as the result CSV prints them and as errors report them. */
class StructuredValuesEndToEndTest {
    @TempDir
    static Path data;
    private static GlauxFixture glaux;

    @BeforeAll
    static void start() throws Exception {
        glaux = GlauxFixture.local(data);
    }

    @AfterAll
    static void stop() throws Exception {
        glaux.close();
    }

    @Test
    void mapsAndRowsPrintAsAthenaPrintsThem() {
        assertThat(glaux.rows("SELECT map(ARRAY['a', 'b'], ARRAY[1, 2]), CAST(ROW(1, 'a') AS row(x integer, y varchar)),"
                + " ROW(1, 'a'), map_entries(map(ARRAY[1], ARRAY['x']))"))
                .containsExactly(List.of("{a=1, b=2}", "{x=1, y=a}", "{field0=1, field1=a}", "[{field0=1, field1=x}]"));
    }

    @Test
    void jsonCastsAndTypeofAnswerAsTrino() {
        assertThat(glaux.rows("SELECT CAST(map(ARRAY['k2', 'k1'], ARRAY[1, 2]) AS JSON),"
                + " CAST(JSON '[1, 2]' AS array(bigint)), typeof(map(ARRAY['a'], ARRAY[1]))"))
                .containsExactly(List.of("{\"k1\":2,\"k2\":1}", "[1, 2]", "map(varchar(1), integer)"));
    }

    @Test
    void aRepeatedMapKeyFailsWithTrinosError() {
        QueryExecution done = glaux.run("SELECT map(ARRAY[1, 1], ARRAY[2, 3])");
        assertThat(done.state()).isEqualTo(QueryState.FAILED);
        assertThat(done.status().stateChangeReason())
                .contains("INVALID_FUNCTION_ARGUMENT").contains("Duplicate map keys (1) are not allowed");
    }
}
