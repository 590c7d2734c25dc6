package io.glaux.sample;

import io.glaux.Glaux;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DataScannedInBytes of the sample shop's orders (Parquet) joined with a 2.4 MB text table of the user's: each byte
 * of each table counts once, whether the join is a hash/merge join or a nested loop (a condition that is not an
 * equality), as SELECT or as CTAS. The nested loop used to count the small table once per order row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShopJoinBytesScannedTest {

    private static final String ONE_DAY = "o.order_date = DATE '2024-01-01'";

    private Glaux glaux;
    private long notesSize;

    @BeforeAll
    void install(@TempDir Path data) throws Exception {
        glaux = Glaux.builder().dataFolder(data).build();
        new SampleDataInstaller(glaux).install();
        StringBuilder notes = new StringBuilder();
        for (int customer = 1; customer <= 1_000; customer++) {
            notes.append(customer).append(',').append(("note " + customer + " ").repeat(400), 0, 2_390).append('\n');
        }
        byte[] bytes = notes.toString().getBytes(StandardCharsets.UTF_8);
        notesSize = bytes.length;
        glaux.store().createBucket("lake");
        glaux.store().put("lake", "notes/notes.csv", bytes);
        run("CREATE EXTERNAL TABLE shop.notes (customer_id bigint, note string)"
                + " ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://lake/notes/'");
    }

    @AfterAll
    void close() throws Exception {
        glaux.close();
    }

    private QueryExecution run(String sql) {
        QueryExecution done = glaux.execute(sql);
        assertThat(done.state()).as(sql + ": " + done.status().stateChangeReason()).isEqualTo(QueryState.SUCCEEDED);
        return done;
    }

    private long scanned(String sql) {
        return run(sql).statistics().dataScannedInBytes();
    }

    @Test
    void theSmallTableIsAbout2_4MB() {
        assertThat(notesSize).isBetween(2_300_000L, 2_500_000L);
        assertThat(scanned("SELECT count(note) FROM shop.notes")).isEqualTo(notesSize);
    }

    @Test
    void anEquiJoinAndItsCtasCountEachTableOnce() {
        long orders = scanned("SELECT order_id, customer_id FROM shop.orders");
        String join = "SELECT o.order_id, n.note FROM shop.orders o JOIN shop.notes n ON o.customer_id = n.customer_id";
        QueryExecution select = run(join);
        assertThat(select.statistics().dataScannedInBytes()).isEqualTo(orders + notesSize);
        QueryExecution ctas = run("CREATE TABLE shop.orders_with_notes AS " + join);
        assertThat(ctas.result().updateCount()).isEqualTo(20_000L);
        assertThat(ctas.statistics().dataScannedInBytes()).isEqualTo(orders + notesSize);
    }

    @Test
    void aNestedLoopJoinAndItsCtasCountEachTableOnce() {
        long orders = scanned("SELECT order_id, customer_id FROM shop.orders o WHERE " + ONE_DAY);
        String join = "SELECT o.order_id, n.note FROM shop.orders o JOIN shop.notes n"
                + " ON n.customer_id BETWEEN o.customer_id AND o.customer_id + 1 WHERE " + ONE_DAY;
        long rows = Long.parseLong(firstValue(run("SELECT count(*) FROM (" + join + ")")));
        assertThat(rows).isGreaterThan(100);
        QueryExecution select = run(join);
        assertThat(select.statistics().dataScannedInBytes()).isEqualTo(orders + notesSize);
        QueryExecution ctas = run("CREATE TABLE shop.day_with_notes AS " + join);
        assertThat(ctas.result().updateCount()).isEqualTo(rows);
        assertThat(ctas.statistics().dataScannedInBytes()).isEqualTo(orders + notesSize);
    }

    private String firstValue(QueryExecution done) {
        try {
            return glaux.results(done.queryExecutionId()).rows().get(0).get(0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
