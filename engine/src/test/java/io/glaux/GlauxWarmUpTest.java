package io.glaux;

import io.glaux.testing.Beside;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Warming up reads a table the catalog holds, leaves nothing behind and never fails on a table it cannot read; the
 * shared tables made on other threads leave queries their answers.
 */
class GlauxWarmUpTest {

    @RegisterExtension
    final GlauxFixture g = GlauxFixture.perTest();

    @Test
    void aTableThatCannotBeReadDoesNotStopTheWarmUpNorLaterQueries() {
        g.query("CREATE EXTERNAL TABLE gone (id int) LOCATION 's3://no-such-bucket/gone/'");
        assertThatCode(() -> g.glaux().warmUp()).doesNotThrowAnyException();
        assertThat(g.glaux().queries().list("primary")).hasSize(1);
        assertThat(g.rows("SELECT 1")).containsExactly(List.of("1"));
    }

    @Test
    void warmingUpOverATableLeavesNoQueryBehind() {
        g.put("lake", "t/part-0", "1\n2\n");
        g.query("CREATE EXTERNAL TABLE t (id int) LOCATION 's3://lake/t/'");
        g.glaux().warmUp();
        assertThat(g.glaux().queries().list("primary")).hasSize(1);
        assertThat(g.rows("SELECT count(*) FROM t")).containsExactly(List.of("2"));
    }

    @Test
    void theSharedTablesMadeOnOtherThreadsWhileATableIsReadLeaveItsAnswer() throws Exception {
        g.put("lake", "t/part-0", "1\n2\n3\n");
        g.query("CREATE EXTERNAL TABLE t (id int) LOCATION 's3://lake/t/'");
        Beside loaders = Beside.run(3, Glaux::loadSharedTables);

        List<List<String>> rows = g.rows("SELECT count(*), sum(id) FROM t WHERE id > 1");

        assertThat(loaders.join()).isEmpty();
        assertThat(rows).containsExactly(List.of("2", "5"));
    }
}
