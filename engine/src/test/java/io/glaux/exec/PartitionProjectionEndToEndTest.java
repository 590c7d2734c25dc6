package io.glaux.exec;

import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partition projection end to end: partitions computed from the table's properties without MSCK or ADD PARTITION,
 * pruned by the query's filters with the same rows and DataScannedInBytes as the same objects registered as
 * partitions, registered partitions ignored, and injected keys that need the query's equality conditions.
 */
class PartitionProjectionEndToEndTest {

    private static final String PROJECTED = "CREATE EXTERNAL TABLE ev (id int, v string) PARTITIONED BY (day string,"
            + " hour int) ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://lake/ev/' TBLPROPERTIES ("
            + "'projection.enabled'='true', 'projection.day.type'='date', 'projection.day.format'='yyyy/MM/dd',"
            + " 'projection.day.range'='2024/01/01,2024/01/10', 'projection.hour.type'='integer',"
            + " 'projection.hour.range'='0,23', 'projection.hour.digits'='2',"
            + " 'storage.location.template'='s3://lake/ev/${day}/${hour}/')";

    @TempDir
    Path data;

    private GlauxFixture g;

    @BeforeEach
    void open() throws IOException {
        g = GlauxFixture.local(data);
        g.put("lake", "ev/2024/01/02/03/a.csv", "1,a\n2,b\n");
        g.put("lake", "ev/2024/01/02/07/a.csv", "3,c\n");
        g.put("lake", "ev/2024/01/09/23/a.csv", "4,d\n5,e\n6,f\n");
        g.put("lake", "ev/2023/12/31/00/a.csv", "9,outside the range\n");
        succeeded(g.run(PROJECTED));
    }

    @AfterEach
    void close() throws IOException {
        g.close();
    }

    @Test
    void partitionsAreProjectedWithoutRegisteringThem() {
        assertThat(g.rows("SHOW PARTITIONS ev")).isEmpty();
        assertThat(g.rows("SELECT id, v, day, hour FROM ev ORDER BY id")).containsExactly(
                List.of("1", "a", "2024/01/02", "3"), List.of("2", "b", "2024/01/02", "3"),
                List.of("3", "c", "2024/01/02", "7"), List.of("4", "d", "2024/01/09", "23"),
                List.of("5", "e", "2024/01/09", "23"), List.of("6", "f", "2024/01/09", "23"));
    }

    @Test
    void filtersPruneAsRegisteredPartitionsDo() {
        succeeded(g.run("CREATE EXTERNAL TABLE reg (id int, v string) PARTITIONED BY (day string, hour int)"
                + " ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' LOCATION 's3://lake/ev/'"));
        succeeded(g.run("ALTER TABLE reg ADD PARTITION (day='2024/01/02', hour=3) LOCATION 's3://lake/ev/2024/01/02/03/'"
                + " PARTITION (day='2024/01/02', hour=7) LOCATION 's3://lake/ev/2024/01/02/07/'"
                + " PARTITION (day='2024/01/09', hour=23) LOCATION 's3://lake/ev/2024/01/09/23/'"));
        for (String where : List.of("day = '2024/01/02' AND hour > 3", "day >= '2024/01/05'", "hour IN (3, 23)",
                "day = '2024/01/02' OR id = 4", "hour < 0")) {
            QueryExecution projected = succeeded(g.run("SELECT id FROM ev WHERE " + where + " ORDER BY id"));
            QueryExecution registered = succeeded(g.run("SELECT id FROM reg WHERE " + where + " ORDER BY id"));
            assertThat(g.rows("SELECT id FROM ev WHERE " + where + " ORDER BY id")).as(where)
                    .isEqualTo(g.rows("SELECT id FROM reg WHERE " + where + " ORDER BY id"));
            assertThat(projected.statistics().dataScannedInBytes()).as(where)
                    .isEqualTo(registered.statistics().dataScannedInBytes());
        }
        assertThat(g.run("SELECT id FROM ev WHERE day = '2024/01/02' AND hour > 3").statistics()
                .dataScannedInBytes()).isEqualTo("3,c\n".length());
    }

    @Test
    void registeredPartitionsAreIgnoredWhenProjectionIsEnabled() {
        succeeded(g.run("ALTER TABLE ev ADD PARTITION (day='2023/12/31', hour=0)"
                + " LOCATION 's3://lake/ev/2023/12/31/00/'"));
        assertThat(g.rows("SELECT count(*) FROM ev WHERE id = 9")).containsExactly(List.of("0"));
        succeeded(g.run("ALTER TABLE ev SET TBLPROPERTIES ('projection.enabled'='false')"));
        assertThat(g.rows("SELECT count(*) FROM ev WHERE id = 9")).containsExactly(List.of("1"));
    }

    @Test
    void injectedKeysTakeTheQuerysEqualityConditions() {
        g.put("lake", "dev/device=a1/x.csv", "1\n");
        g.put("lake", "dev/device=b2/x.csv", "2\n2\n");
        succeeded(g.run("CREATE EXTERNAL TABLE dev (n int) PARTITIONED BY (device string) LOCATION 's3://lake/dev/'"
                + " TBLPROPERTIES ('projection.enabled'='true', 'projection.device.type'='injected')"));
        assertThat(g.rows("SELECT device, count(*) FROM dev WHERE device = 'b2' GROUP BY device"))
                .containsExactly(List.of("b2", "2"));
        assertThat(g.rows("SELECT device, n FROM dev WHERE device IN ('a1', 'b2', 'zz') ORDER BY n"))
                .containsExactly(List.of("a1", "1"), List.of("b2", "2"), List.of("b2", "2"));
        String expected = "CONSTRAINT_VIOLATION: For the injected projected partition column device, the WHERE"
                + " clause must contain only static equality conditions, and at least one such condition must be"
                + " present.";
        for (String sql : List.of("SELECT * FROM dev", "SELECT * FROM dev WHERE device > 'a'",
                "SELECT * FROM dev WHERE device = 'a1' AND device LIKE 'a%'")) {
            QueryExecution failed = g.run(sql);
            assertThat(failed.state()).as(sql).isEqualTo(QueryState.FAILED);
            assertThat(failed.status().stateChangeReason()).as(sql).isEqualTo(expected);
        }
    }

    @Test
    void aMisconfiguredProjectionFailsTheQueryNamingTheProperty() {
        succeeded(g.run("ALTER TABLE ev SET TBLPROPERTIES ('projection.hour.range'='0')"));
        QueryExecution failed = g.run("SELECT * FROM ev");
        assertThat(failed.state()).isEqualTo(QueryState.FAILED);
        assertThat(failed.status().stateChangeReason()).startsWith("INVALID_TABLE_PROPERTY: ")
                .contains("'projection.hour.range'");
    }

    private static QueryExecution succeeded(QueryExecution execution) {
        assertThat(execution.state()).as("%s: %s", execution.query(), execution.status().stateChangeReason())
                .isEqualTo(QueryState.SUCCEEDED);
        return execution;
    }
}
