package io.glaux;

import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QueryFormatsSmokeTest {

    @TempDir
    Path data;

    @Test
    void csvJsonAndCtasParquetQuery() throws Exception {
        try (GlauxFixture g = GlauxFixture.local(data)) {
            g.put("lake", "people/part-0.csv", "id,name,born\n1,Ada,1815-12-10\n2,\"Grace, H\",1906-12-09\n");
            g.put("lake", "events/a.json", "{\"id\":1,\"kind\":\"x\"}\n{\"id\":2,\"kind\":null}\n");
            g.script("""
                    CREATE EXTERNAL TABLE people (id int, name string, born date)
                    ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde'
                    LOCATION 's3://lake/people/' TBLPROPERTIES ('skip.header.line.count'='1');
                    CREATE EXTERNAL TABLE events (id bigint, kind string)
                    ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://lake/events/';
                    """);
            assertThat(g.rows("SELECT count(*) FROM default.people")).containsExactly(List.of("2"));
            assertThat(g.rows("SELECT count(*) FROM AwsDataCatalog.Default.people")).containsExactly(List.of("2"));
            assertThat(g.rows("SELECT 'default.x' AS \"default\"")).containsExactly(List.of("default.x"));
            assertThat(g.rows("SELECT name, born FROM people ORDER BY id"))
                    .containsExactly(List.of("Ada", "1815-12-10"), List.of("Grace, H", "1906-12-09"));
            assertThat(g.rows("SELECT p.name, e.kind FROM people p JOIN events e ON p.id = e.id ORDER BY 1"))
                    .containsExactly(List.of("Ada", "x"), java.util.Arrays.asList("Grace, H", null));
            g.query("CREATE TABLE people_pq WITH (format='PARQUET', external_location='s3://lake/people_pq/')"
                    + " AS SELECT id, name, born FROM people");
            assertThat(g.rows("SELECT count(*), max(born) FROM people_pq"))
                    .containsExactly(List.of("2", "1906-12-09"));
            assertThat(g.rows("SELECT date_trunc('month', born) FROM people_pq WHERE id = 1"))
                    .containsExactly(List.of("1815-12-01"));
        }
    }

    @Test
    void structFieldsAreReachedByDotsAsInTrino() throws Exception {
        try (GlauxFixture g = GlauxFixture.local(data)) {
            g.put("lake", "ev/a.json", "{\"id\":1,\"device\":{\"os\":\"ios\",\"browser\":\"safari\"}}\n"
                    + "{\"id\":2,\"device\":{\"os\":\"android\",\"browser\":null}}\n");
            g.query("CREATE EXTERNAL TABLE ev (id int, device struct<os:string,browser:string>)"
                    + " ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe' LOCATION 's3://lake/ev/'");
            assertThat(g.rows("SELECT device.os FROM ev ORDER BY id"))
                    .containsExactly(List.of("ios"), List.of("android"));
            assertThat(g.rows("SELECT device, ARRAY[DATE '2024-01-02'] AS days FROM ev WHERE id = 1"))
                    .containsExactly(List.of("{os=ios, browser=safari}", "[2024-01-02]"));
            assertThat(g.rows("SELECT e.device.browser, count(*) FROM ev e GROUP BY 1 ORDER BY 1"))
                    .containsExactly(List.of("safari", "1"), java.util.Arrays.asList(null, "1"));
        }
    }

    @Test
    void aTableInAMissingBucketFailsNamingTheBucket() throws Exception {
        try (GlauxFixture g = GlauxFixture.local(data)) {
            g.query("CREATE EXTERNAL TABLE ghost (id int) LOCATION 's3://no-such-bucket/ghost/'");
            var failed = g.run("SELECT * FROM ghost");
            assertThat(failed.state()).isEqualTo(io.glaux.exec.QueryState.FAILED);
            assertThat(failed.status().stateChangeReason())
                    .startsWith("HIVE_FILESYSTEM_ERROR: The specified bucket does not exist: no-such-bucket");
        }
    }
}
