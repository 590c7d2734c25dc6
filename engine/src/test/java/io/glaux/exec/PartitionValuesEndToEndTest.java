package io.glaux.exec;

import io.glaux.catalog.Partition;
import io.glaux.storage.ObjectInfo;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partition values: ALTER TABLE ADD PARTITION checks each against its key's type as Hive does, MSCK REPAIR TABLE
 * skips folders whose values do not fit, and no value, however written, makes a partition folder outside the
 * table's location (ADD PARTITION, INSERT and CTAS).
 */
class PartitionValuesEndToEndTest {

    @TempDir
    Path data;

    private GlauxFixture g;

    @BeforeEach
    void open() throws IOException {
        g = GlauxFixture.local(data);
        g.put("lake", "t/a.csv", "1\n");
    }

    @AfterEach
    void close() throws IOException {
        g.close();
    }

    @Test
    void addPartitionChecksEachValueAgainstItsKeysType() {
        succeeded(g.run("CREATE EXTERNAL TABLE p (id int) PARTITIONED BY (dt date, y int, s string, d decimal(4,1))"
                + " LOCATION 's3://lake/p/'"));
        failed(g.run("ALTER TABLE p ADD PARTITION (dt='not-a-date', y=1, s='a', d=1)"), 1000,
                "FAILED: SemanticException [Error 10248]: Cannot add partition column dt of type string as it cannot"
                        + " be converted to type date");
        failed(g.run("ALTER TABLE p ADD PARTITION (dt='2024-01-01', y='abc', s='a', d=1)"), 1000,
                "FAILED: SemanticException [Error 10248]: Cannot add partition column y of type string as it cannot"
                        + " be converted to type int");
        failed(g.run("ALTER TABLE p ADD PARTITION (dt=2024, y=1, s='a', d=1)"), 1000,
                "FAILED: SemanticException [Error 10248]: Cannot add partition column dt of type int as it cannot"
                        + " be converted to type date");
        failed(g.run("ALTER TABLE p ADD PARTITION (dt='2024-01-01', y=3000000000, s='a', d=1)"), 1000,
                "FAILED: SemanticException [Error 10248]: Cannot add partition column y of type bigint as it cannot"
                        + " be converted to type int");
        failed(g.run("ALTER TABLE p ADD PARTITION (dt='2024-01-01', y=1, s='a', d=12345)"), 1000,
                "FAILED: SemanticException [Error 10248]: Cannot add partition column d of type int as it cannot"
                        + " be converted to type decimal(4,1)");
        // One bad clause refuses the whole statement.
        failed(g.run("ALTER TABLE p ADD PARTITION (dt='2024-01-01', y=1, s='a', d=1)"
                + " PARTITION (dt='2024-02-30', y=1, s='a', d=1)"), 1000, null);
        assertThat(g.rows("SHOW PARTITIONS p")).isEmpty();

        succeeded(g.run("ALTER TABLE p ADD PARTITION (dt='2024-01-01', y='7', s='a', d=1.5)"
                + " PARTITION (dt='__HIVE_DEFAULT_PARTITION__', y='-0', s='b', d='2')"));
        assertThat(g.rows("SHOW PARTITIONS p")).extracting(r -> r.get(0)).containsExactly(
                "dt=2024-01-01/y=7/s=a/d=1.5", "dt=__HIVE_DEFAULT_PARTITION__/y=-0/s=b/d=2");
    }

    @Test
    void partitionValuesNeverLeaveTheTableLocation() throws IOException {
        succeeded(g.run("CREATE EXTERNAL TABLE p (id int) PARTITIONED BY (s string) LOCATION 's3://lake/p/'"));
        succeeded(g.run("ALTER TABLE p ADD PARTITION (s='../../x/y') PARTITION (s='..') PARTITION (s='a%2Fb')"));
        List<Partition> partitions = g.glaux().catalog().listPartitions("default", "p");
        assertThat(partitions).extracting(Partition::location).containsExactlyInAnyOrder(
                "s3://lake/p/s=..%2F..%2Fx%2Fy/", "s3://lake/p/s=../", "s3://lake/p/s=a%252Fb/");

        // INSERT writes each row into its partition's (escaped) folder, inside the table location.
        succeeded(g.run("INSERT INTO p SELECT 1, '../../evil' UNION ALL SELECT 2, '..' UNION ALL SELECT 3, '/'"));
        assertThat(keys("lake", "")).allMatch(k -> k.startsWith("p/") || k.startsWith("t/"))
                .noneMatch(k -> k.contains("/../") || k.startsWith("p/../"));
        assertThat(g.rows("SELECT s, id FROM p ORDER BY id")).containsExactly(
                List.of("../../evil", "1"), List.of("..", "2"), List.of("/", "3"));

        // CTAS partitions: folders under external_location, values read back as written.
        succeeded(g.run("CREATE TABLE c WITH (external_location='s3://lake/c/', partitioned_by=ARRAY['s', 'dt', 'n'])"
                + " AS SELECT 1 AS id, '../../../up' AS s, DATE '2024-01-02' AS dt, 7 AS n"));
        assertThat(keys("lake", "c/")).singleElement().asString()
                .startsWith("c/s=..%2F..%2F..%2Fup/dt=2024-01-02/n=7/");
        assertThat(g.rows("SELECT id, s, dt, n FROM c")).containsExactly(List.of("1", "../../../up", "2024-01-02",
                "7"));
        assertThat(g.rows("SHOW PARTITIONS c")).containsExactly(List.of("s=..%2F..%2F..%2Fup/dt=2024-01-02/n=7"));
        try (Stream<Path> files = Files.walk(data)) {
            assertThat(files.map(data::relativize).map(Path::toString))
                    .noneMatch(f -> f.startsWith("up") || f.startsWith("evil"));
        }
    }

    @Test
    void msckRepairSkipsFoldersWhoseValuesDoNotFitTheKeyTypes() {
        succeeded(g.run("CREATE EXTERNAL TABLE p (id int) PARTITIONED BY (dt date, y int) LOCATION 's3://lake/p/'"));
        g.put("lake", "p/dt=2024-01-02/y=3/a.csv", "1\n");
        g.put("lake", "p/dt=2024-01-02/y=abc/a.csv", "2\n");
        g.put("lake", "p/dt=bad/y=2/a.csv", "3\n");
        g.put("lake", "p/dt=__HIVE_DEFAULT_PARTITION__/y=4/a.csv", "4\n");
        assertThat(g.rows("MSCK REPAIR TABLE p")).extracting(r -> r.get(0)).containsExactly(
                "Partitions not in metastore:\tp:dt=2024-01-02/y=3\tp:dt=__HIVE_DEFAULT_PARTITION__/y=4",
                "Repair: Added partition to metastore p:dt=2024-01-02/y=3",
                "Repair: Added partition to metastore p:dt=__HIVE_DEFAULT_PARTITION__/y=4");
        assertThat(g.rows("SELECT id, dt, y FROM p ORDER BY id")).containsExactly(
                List.of("1", "2024-01-02", "3"), java.util.Arrays.asList("4", null, "4"));
    }

    // ---------------------------------------------------------------- helpers

    private static QueryExecution succeeded(QueryExecution execution) {
        assertThat(execution.state()).as("%s: %s", execution.query(), execution.status().stateChangeReason())
                .isEqualTo(QueryState.SUCCEEDED);
        return execution;
    }

    /** A user error with the AthenaError type and (when not null) the exact message. */
    private void failed(QueryExecution execution, int errorType, String message) {
        assertThat(execution.state()).as(execution.query()).isEqualTo(QueryState.FAILED);
        assertThat(execution.status().athenaError().errorType()).as(execution.query()).isEqualTo(errorType);
        assertThat(execution.status().athenaError().errorCategory()).isEqualTo(2);
        assertThat(execution.status().stateChangeReason()).doesNotContain(data.toString());
        if (message != null) {
            assertThat(execution.status().stateChangeReason()).as(execution.query()).isEqualTo(message);
        }
    }

    private List<String> keys(String bucket, String prefix) throws IOException {
        return g.glaux().store().listAll(bucket, prefix).stream().map(ObjectInfo::key).sorted().toList();
    }
}
