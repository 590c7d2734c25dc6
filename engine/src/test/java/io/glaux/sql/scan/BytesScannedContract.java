package io.glaux.sql.scan;

import io.glaux.catalog.AthenaType;
import io.glaux.catalog.Column;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;
import io.glaux.format.RowWriter;
import io.glaux.format.parquet.ParquetFormatWriter;
import io.glaux.sql.PreparedQuery;
import io.glaux.sql.QueryContext;
import io.glaux.testing.GlauxFixture;
import org.apache.calcite.linq4j.Enumerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DataScannedInBytes as queries see it: partition pruning reads only the surviving partitions' objects (exactly their
 * bytes, for text), Parquet reads only the row groups and column chunks a query needs. Run once per store kind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BytesScannedContract {

    /** Objects of the partitioned text table, by partition folder (dt=.../region=...). */
    private static final Map<String, Map<String, String>> LOGS = new LinkedHashMap<>();

    static {
        LOGS.put("dt=2024-01-01/region=eu", Map.of(
                "part-0.csv", "1,INFO,start\n2,ERROR,disk full\n"));
        LOGS.put("dt=2024-01-01/region=us", Map.of(
                "part-0.csv", "3,INFO,start\n"));
        LOGS.put("dt=2024-01-02/region=eu", Map.of(
                "part-0.csv", "4,WARN,slow request\n5,INFO,ok\n"));
        LOGS.put("dt=2024-01-02/region=us", Map.of(
                "part-0.csv", "6,ERROR,timeout\n",
                "part-1.csv", "7,INFO,ok\n8,INFO,ok\n",
                "_SUCCESS", "",
                ".part-1.csv.crc", "not,a,row\n"));
        LOGS.put("dt=2024-01-03/region=eu", Map.of(
                "part-0.csv", "9,ERROR,crash\n"));
    }

    static final int EVENT_ROWS = 30_000;

    GlauxFixture g;
    private long eventsObjectSize;

    /** A Glaux over {@code data}, keeping objects in the store under test. */
    abstract GlauxFixture open(Path data) throws Exception;

    @BeforeAll
    void createTables(@TempDir Path data) throws Exception {
        g = open(data);
        LOGS.forEach((folder, objects) -> objects.forEach((name, content) ->
                g.put("lake", "logs/" + folder + "/" + name, content)));
        byte[] events = events();
        eventsObjectSize = events.length;
        g.put("lake", "events/part-0.parquet", events);
        g.script("""
                CREATE EXTERNAL TABLE logs (id int, level string, msg string)
                PARTITIONED BY (dt string, region string)
                ROW FORMAT DELIMITED FIELDS TERMINATED BY ','
                LOCATION 's3://lake/logs/';
                MSCK REPAIR TABLE logs;
                CREATE EXTERNAL TABLE events (id bigint, name string, amount double, day date)
                STORED AS PARQUET LOCATION 's3://lake/events/';
                """);
    }

    @AfterAll
    void close() throws Exception {
        if (g != null) {
            g.close();
        }
    }

    /** Rows sorted by id, written in row groups of about 16 KiB each. */
    private static byte[] events() throws IOException {
        List<Column> columns = List.of(new Column("id", AthenaType.parse("bigint")),
                new Column("name", AthenaType.parse("string")), new Column("amount", AthenaType.parse("double")),
                new Column("day", AthenaType.parse("date")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RowWriter writer = new ParquetFormatWriter().create(out, columns,
                Map.of("write_compression", "NONE", "parquet.block.size", "16384"))) {
            for (long id = 0; id < EVENT_ROWS; id++) {
                writer.write(new Object[] {id, "event-" + id, id % 100 / 4.0, 19_000 + (int) (id / 1000)});
            }
        }
        return out.toByteArray();
    }

    record Scan(List<List<String>> rows, long bytes) {
    }

    Scan scan(String sql) {
        QueryExecution done = g.run(sql);
        assertThat(done.state()).as(sql + ": " + done.status().stateChangeReason()).isEqualTo(QueryState.SUCCEEDED);
        try {
            return new Scan(g.glaux().results(done.queryExecutionId()).rows(), done.statistics().dataScannedInBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of the visible objects of the given partition folders (hidden and empty ones are never read). */
    static long textBytes(String... folders) {
        long total = 0;
        for (String folder : folders) {
            for (Map.Entry<String, String> object : LOGS.get(folder).entrySet()) {
                if (!object.getKey().startsWith("_") && !object.getKey().startsWith(".")) {
                    total += object.getValue().getBytes(StandardCharsets.UTF_8).length;
                }
            }
        }
        return total;
    }

    static long allTextBytes() {
        return textBytes(LOGS.keySet().toArray(String[]::new));
    }

    static List<List<String>> ids(int... ids) {
        List<List<String>> rows = new ArrayList<>();
        for (int id : ids) {
            rows.add(List.of(Integer.toString(id)));
        }
        return rows;
    }

    // ---- partition pruning

    @Test
    void unfilteredScanReadsEveryVisibleObjectOnce() {
        Scan all = scan("SELECT id FROM logs ORDER BY id");
        assertThat(all.rows()).isEqualTo(ids(1, 2, 3, 4, 5, 6, 7, 8, 9));
        assertThat(all.bytes()).isEqualTo(allTextBytes()).isEqualTo(124);
    }

    @Test
    void equalityOnOneKeyReadsOnlyThatKeysPartitions() {
        Scan day = scan("SELECT id, region FROM logs WHERE dt = '2024-01-02' ORDER BY id");
        assertThat(day.rows()).containsExactly(List.of("4", "eu"), List.of("5", "eu"), List.of("6", "us"),
                List.of("7", "us"), List.of("8", "us"));
        assertThat(day.bytes()).isEqualTo(textBytes("dt=2024-01-02/region=eu", "dt=2024-01-02/region=us"))
                .isLessThan(allTextBytes());
    }

    @Test
    void equalityOnBothKeysReadsOnePartition() {
        Scan one = scan("SELECT id, level, msg FROM logs WHERE dt = '2024-01-02' AND region = 'us' ORDER BY id");
        assertThat(one.rows()).containsExactly(List.of("6", "ERROR", "timeout"), List.of("7", "INFO", "ok"),
                List.of("8", "INFO", "ok"));
        assertThat(one.bytes()).isEqualTo(textBytes("dt=2024-01-02/region=us")).isEqualTo(36);
    }

    @Test
    void inListsRangesAndOrsPrune() {
        Scan in = scan("SELECT id FROM logs WHERE dt IN ('2024-01-01', '2024-01-03') ORDER BY id");
        assertThat(in.rows()).isEqualTo(ids(1, 2, 3, 9));
        assertThat(in.bytes()).isEqualTo(textBytes("dt=2024-01-01/region=eu", "dt=2024-01-01/region=us",
                "dt=2024-01-03/region=eu"));

        Scan range = scan("SELECT id FROM logs WHERE dt > '2024-01-01' AND dt <= '2024-01-02' ORDER BY id");
        assertThat(range.rows()).isEqualTo(ids(4, 5, 6, 7, 8));
        assertThat(range.bytes()).isEqualTo(textBytes("dt=2024-01-02/region=eu", "dt=2024-01-02/region=us"));

        Scan between = scan("SELECT id FROM logs WHERE dt BETWEEN '2024-01-02' AND '2024-12-31' AND region <> 'us' "
                + "ORDER BY id");
        assertThat(between.rows()).isEqualTo(ids(4, 5, 9));
        assertThat(between.bytes()).isEqualTo(textBytes("dt=2024-01-02/region=eu", "dt=2024-01-03/region=eu"));

        Scan or = scan("SELECT id FROM logs WHERE dt = '2024-01-03' OR region = 'us' ORDER BY id");
        assertThat(or.rows()).isEqualTo(ids(3, 6, 7, 8, 9));
        assertThat(or.bytes()).isEqualTo(textBytes("dt=2024-01-01/region=us", "dt=2024-01-02/region=us",
                "dt=2024-01-03/region=eu"));

        Scan none = scan("SELECT count(*) FROM logs WHERE dt = '2025-01-01'");
        assertThat(none.rows()).containsExactly(List.of("0"));
        assertThat(none.bytes()).isZero();
    }

    @Test
    void keyFilterAndedWithDataFilterStillPrunes() {
        Scan info = scan("SELECT id FROM logs WHERE dt = '2024-01-02' AND level = 'INFO' ORDER BY id");
        assertThat(info.rows()).isEqualTo(ids(5, 7, 8));
        assertThat(info.bytes()).isEqualTo(textBytes("dt=2024-01-02/region=eu", "dt=2024-01-02/region=us"));

        Scan nested = scan("SELECT id FROM logs WHERE (dt = '2024-01-01' AND level = 'ERROR') OR dt = '2024-01-03' "
                + "ORDER BY id");
        assertThat(nested.rows()).isEqualTo(ids(2, 9));
        assertThat(nested.bytes()).isEqualTo(textBytes("dt=2024-01-01/region=eu", "dt=2024-01-01/region=us",
                "dt=2024-01-03/region=eu"));

        Scan grouped = scan("SELECT level, count(*) FROM logs WHERE region = 'eu' AND msg <> 'ok' AND id > 0 "
                + "GROUP BY level ORDER BY level");
        assertThat(grouped.rows()).containsExactly(List.of("ERROR", "2"), List.of("INFO", "1"),
                List.of("WARN", "1"));
        assertThat(grouped.bytes()).isEqualTo(textBytes("dt=2024-01-01/region=eu", "dt=2024-01-02/region=eu",
                "dt=2024-01-03/region=eu"));
    }

    @Test
    void typedKeysAndTheDefaultPartitionPrune() {
        g.put("lake", "typed/year=2023/day=2023-12-31/a.csv", "1,x\n");
        g.put("lake", "typed/year=2024/day=2024-01-01/a.csv", "2,yy\n");
        g.put("lake", "typed/year=2024/day=2024-01-02/a.csv", "3,zzz\n");
        g.put("lake", "typed/year=__HIVE_DEFAULT_PARTITION__/day=__HIVE_DEFAULT_PARTITION__/a.csv", "4,w\n");
        g.script("""
                CREATE EXTERNAL TABLE typed (id int, s string) PARTITIONED BY (year int, day date)
                ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://lake/typed/';
                MSCK REPAIR TABLE typed;
                """);
        Scan all = scan("SELECT id, year, day FROM typed ORDER BY id");
        assertThat(all.rows()).containsExactly(List.of("1", "2023", "2023-12-31"), List.of("2", "2024", "2024-01-01"),
                List.of("3", "2024", "2024-01-02"), Arrays.asList("4", null, null));
        assertThat(all.bytes()).isEqualTo(19);

        Scan year = scan("SELECT id FROM typed WHERE year = 2024 AND s <> 'zzz'");
        assertThat(year.rows()).isEqualTo(ids(2));
        assertThat(year.bytes()).isEqualTo(11);

        Scan day = scan("SELECT id FROM typed WHERE day = DATE '2024-01-02'");
        assertThat(day.rows()).isEqualTo(ids(3));
        assertThat(day.bytes()).isEqualTo(6);

        Scan before = scan("SELECT id FROM typed WHERE day < DATE '2024-01-02' AND year >= 2023 ORDER BY id");
        assertThat(before.rows()).isEqualTo(ids(1, 2));
        assertThat(before.bytes()).isEqualTo(9);

        Scan missing = scan("SELECT id FROM typed WHERE day IS NULL");
        assertThat(missing.rows()).isEqualTo(ids(4));
        assertThat(missing.bytes()).isEqualTo(4);
    }

    @Test
    void castOfTheKeyToDatePrunes() {
        Scan date = scan("SELECT id FROM logs WHERE CAST(dt AS DATE) = DATE '2024-01-03'");
        assertThat(date.rows()).isEqualTo(ids(9));
        assertThat(date.bytes()).isEqualTo(textBytes("dt=2024-01-03/region=eu"));

        Scan range = scan("SELECT id FROM logs WHERE CAST(dt AS DATE) < DATE '2024-01-02' AND region = 'eu' "
                + "ORDER BY id");
        assertThat(range.rows()).isEqualTo(ids(1, 2));
        assertThat(range.bytes()).isEqualTo(textBytes("dt=2024-01-01/region=eu"));
    }

    @Test
    void filtersOnDataColumnsReadEveryPartition() {
        Scan errors = scan("SELECT id, dt FROM logs WHERE level = 'ERROR' ORDER BY id");
        assertThat(errors.rows()).containsExactly(List.of("2", "2024-01-01"), List.of("6", "2024-01-02"),
                List.of("9", "2024-01-03"));
        assertThat(errors.bytes()).isEqualTo(allTextBytes());

        // An OR with a data column can't exclude any partition.
        Scan mixed = scan("SELECT id FROM logs WHERE dt = '2024-01-03' OR level = 'WARN' ORDER BY id");
        assertThat(mixed.rows()).isEqualTo(ids(4, 9));
        assertThat(mixed.bytes()).isEqualTo(allTextBytes());

        // A function of a key the pruner can't evaluate keeps every partition, and the rows are still right.
        Scan function = scan("SELECT id FROM logs WHERE substr(dt, 9, 2) = '03'");
        assertThat(function.rows()).isEqualTo(ids(9));
        assertThat(function.bytes()).isEqualTo(allTextBytes());
    }

    @Test
    void aggregateOverPrunedPartitionsCountsOnlyTheirBytes() {
        Scan grouped = scan("SELECT region, count(*), max(msg) FROM logs WHERE dt >= '2024-01-02' "
                + "GROUP BY region ORDER BY region");
        assertThat(grouped.rows()).containsExactly(List.of("eu", "3", "slow request"), List.of("us", "3", "timeout"));
        assertThat(grouped.bytes()).isEqualTo(textBytes("dt=2024-01-02/region=eu", "dt=2024-01-02/region=us",
                "dt=2024-01-03/region=eu"));
    }

    // ---- Parquet row groups and column chunks

    @Test
    void selectiveFilterOnSortedColumnSkipsRowGroups() {
        Scan full = scan("SELECT count(*), max(name) FROM events WHERE id >= 0");
        assertThat(full.rows()).containsExactly(List.of(Integer.toString(EVENT_ROWS), "event-9999"));

        Scan few = scan("SELECT id, name, amount FROM events WHERE id BETWEEN 12345 AND 12347 ORDER BY id");
        assertThat(few.rows()).containsExactly(List.of("12345", "event-12345", "11.25"),
                List.of("12346", "event-12346", "11.5"), List.of("12347", "event-12347", "11.75"));
        assertThat(few.bytes()).isPositive().isLessThan(full.bytes() / 10);

        Scan equal = scan("SELECT name FROM events WHERE id = 29999");
        assertThat(equal.rows()).containsExactly(List.of("event-29999"));
        assertThat(equal.bytes()).isPositive().isLessThan(full.bytes() / 10);

        // A DATE literal compared for equality (Calcite hands such literals out as Calendars).
        Scan day = scan("SELECT count(*), min(id), max(id) FROM events WHERE day = DATE '2022-01-20'");
        assertThat(day.rows()).containsExactly(List.of("1000", "12000", "12999"));
        assertThat(day.bytes()).isPositive().isLessThan(full.bytes() / 5);

        Scan nothing = scan("SELECT count(*) FROM events WHERE id > 1000000");
        assertThat(nothing.rows()).containsExactly(List.of("0"));
        assertThat(nothing.bytes()).as("only the footer").isPositive().isLessThan(few.bytes());
    }

    @Test
    void projectionReadsOnlyTheNeededColumnChunks() {
        Scan all = scan("SELECT count(*), max(id), max(name), sum(amount), max(day) FROM events");
        assertThat(all.rows()).containsExactly(List.of("30000", "29999", "event-9999", "371250.0", "2022-02-06"));
        assertThat(all.bytes()).isLessThanOrEqualTo(eventsObjectSize).isGreaterThan(eventsObjectSize * 9 / 10);

        Scan one = scan("SELECT max(id) FROM events");
        assertThat(one.rows()).containsExactly(List.of("29999"));
        assertThat(one.bytes()).isPositive().isLessThan(all.bytes() / 2);
    }

    // ---- each byte once, however often the plan reads it

    /**
     * A join whose condition is not an equality runs as a nested loop, which used to scan its inner table again for
     * every outer row: 9 outer rows, 9 scans of the events object's column chunks.
     */
    @Test
    void aNestedLoopJoinCountsBothTablesOnce() {
        long logs = scan("SELECT id FROM logs").bytes();
        long events = scan("SELECT id, amount FROM events").bytes();
        String join = "SELECT l.id AS log_id, e.id AS event_id, e.amount FROM logs l JOIN events e"
                + " ON e.id BETWEEN l.id * 1000 AND l.id * 1000 + 1 ORDER BY e.id";
        Scan joined = scan(join);
        assertThat(joined.rows()).hasSize(18).startsWith(List.of("1", "1000", "0.0"), List.of("1", "1001", "0.25"))
                .endsWith(List.of("9", "9001", "0.25"));
        assertThat(joined.bytes()).isEqualTo(logs + events);

        // The same join as a CTAS: the figure is the query's, whatever it writes.
        QueryExecution ctas = g.run("CREATE TABLE nested_copy WITH (external_location = 's3://lake/nested_copy/')"
                + " AS " + join);
        assertThat(ctas.state()).as(ctas.status().stateChangeReason()).isEqualTo(QueryState.SUCCEEDED);
        assertThat(ctas.result().updateCount()).isEqualTo(18L);
        assertThat(ctas.statistics().dataScannedInBytes()).isEqualTo(logs + events);

        // A LEFT join loops the same way; an OR of equalities is no equi-join either.
        assertThat(scan("SELECT count(*) FROM logs l LEFT JOIN events e ON e.id < l.id").bytes())
                .isEqualTo(logs + scan("SELECT id FROM events").bytes());
        assertThat(scan("SELECT count(*) FROM logs l JOIN events e ON e.id = l.id OR e.id = l.id * 10").bytes())
                .isEqualTo(logs + scan("SELECT id FROM events").bytes());
    }

    @Test
    void anEquiJoinAndACtasOfItCountBothTablesOnce() {
        long logs = scan("SELECT id, msg FROM logs").bytes();
        long events = scan("SELECT id, name FROM events").bytes();
        String join = "SELECT l.msg, e.name FROM logs l JOIN events e ON e.id = l.id * 1000 ORDER BY e.name";
        Scan joined = scan(join);
        assertThat(joined.rows()).hasSize(9).startsWith(List.of("start", "event-1000"));
        assertThat(joined.bytes()).isEqualTo(logs + events);
        QueryExecution ctas = g.run("CREATE TABLE equi_copy WITH (external_location = 's3://lake/equi_copy/',"
                + " format = 'TEXTFILE') AS " + join);
        assertThat(ctas.state()).as(ctas.status().stateChangeReason()).isEqualTo(QueryState.SUCCEEDED);
        assertThat(ctas.statistics().dataScannedInBytes()).isEqualTo(logs + events);
    }

    /** A plan that reads the same table twice (a self-join, a decorrelated EXISTS) still counts its bytes once. */
    @Test
    void aTableTheQueryReadsTwiceCountsOnce() {
        Scan self = scan("SELECT a.id, b.level FROM logs a JOIN logs b ON a.id = b.id + 1 ORDER BY a.id");
        assertThat(self.rows()).hasSize(8).startsWith(List.of("2", "INFO"));
        assertThat(self.bytes()).isEqualTo(allTextBytes());

        Scan exists = scan("SELECT id FROM logs l WHERE EXISTS (SELECT 1 FROM logs o WHERE o.id > l.id"
                + " AND o.level = 'ERROR') ORDER BY id");
        assertThat(exists.rows()).isEqualTo(ids(1, 2, 3, 4, 5, 6, 7, 8));
        assertThat(exists.bytes()).isEqualTo(allTextBytes());
    }

    /** The nested loop's inner table is pulled from the store once, not merely counted once. */
    @Test
    void theInnerSideOfANestedLoopIsReadFromTheStoreOnce() {
        String sql = "SELECT count(*) FROM logs l JOIN events e ON e.id < l.id";
        PreparedQuery query = g.glaux().planner().prepare(sql, QueryContext.DEFAULT, List.of());
        assertThat(query.physicalPlan()).contains("EnumerableNestedLoopJoin").contains("EnumerableBuffer");
        AtomicBoolean cancelled = new AtomicBoolean();
        ScanContext context = new ScanContext(cancelled, Long.MAX_VALUE);
        try (Enumerator<Object[]> rows = query.run(context, cancelled)) {
            assertThat(rows.moveNext()).isTrue();
            assertThat(rows.current()).containsExactly(45L);
        }
        assertThat(context.bytesRead()).isEqualTo(context.bytesScanned())
                .isEqualTo(allTextBytes() + scan("SELECT id FROM events").bytes());
    }
}
