package io.glaux;

import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> loaders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread loader = new Thread(Glaux::loadSharedTables);
            loader.setUncaughtExceptionHandler((thread, failure) -> failures.add(failure));
            loaders.add(loader);
            loader.start();
        }

        List<List<String>> rows = g.rows("SELECT count(*), sum(id) FROM t WHERE id > 1");
        for (Thread loader : loaders) {
            loader.join();
        }

        assertThat(failures).isEmpty();
        assertThat(rows).containsExactly(List.of("2", "5"));
    }
}
