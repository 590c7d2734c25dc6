package io.glaux.catalog.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glaux.catalog.FileCatalog;
import io.glaux.catalog.Partition;
import io.glaux.error.ErrorType;
import io.glaux.error.GlauxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MsckRepairTest {

    @TempDir
    Path folder;
    FileCatalog catalog;
    InMemoryObjectStore store;
    DdlExecutor executor;

    @BeforeEach
    void open() {
        catalog = new FileCatalog(folder);
        store = new InMemoryObjectStore();
        executor = new DdlExecutor(catalog, store);
    }

    DdlResult run(String sql) {
        return executor.execute(DdlParser.tryParse(sql).orElseThrow(), "default");
    }

    @Test
    void discoversSingleLevelPartitionsAndIgnoresJunk() throws Exception {
        run("CREATE EXTERNAL TABLE logs (line string) PARTITIONED BY (dt string) LOCATION 's3://data/logs/'");
        store.put("data", "logs/dt=2024-01-01/part-0.csv");
        store.put("data", "logs/dt=2024-01-01/part-1.csv");
        store.put("data", "logs/dt=2024-01-02/sub/deeper.csv");
        store.put("data", "logs/dt=2024-01-03/"); // a folder marker
        store.put("data", "logs/readme.txt");
        store.put("data", "logs/region=eu/x.csv");
        store.put("data", "logs/dt=/empty-value.csv");
        store.put("data", "logs/dt=2024-01-09"); // an object named like a folder, not a folder
        store.put("data", "logs_other/dt=2024-02-01/x.csv");
        store.put("data", "elsewhere/dt=2024-03-01/x.csv");

        DdlResult result = run("MSCK REPAIR TABLE logs");

        assertThat(result.lines()).containsExactly(
                "Partitions not in metastore:\tlogs:dt=2024-01-01\tlogs:dt=2024-01-02\tlogs:dt=2024-01-03",
                "Repair: Added partition to metastore logs:dt=2024-01-01",
                "Repair: Added partition to metastore logs:dt=2024-01-02",
                "Repair: Added partition to metastore logs:dt=2024-01-03");
        assertThat(catalog.listPartitions("default", "logs")).containsExactly(
                new Partition(List.of("2024-01-01"), "s3://data/logs/dt=2024-01-01/"),
                new Partition(List.of("2024-01-02"), "s3://data/logs/dt=2024-01-02/"),
                new Partition(List.of("2024-01-03"), "s3://data/logs/dt=2024-01-03/"));
    }

    @Test
    void discoversTwoLevelPartitionsInKeyOrderOnly() throws Exception {
        run("CREATE EXTERNAL TABLE t (a int) PARTITIONED BY (year int, month string) LOCATION 's3://data/t'");
        store.put("data", "t/year=2024/month=01/a.parquet");
        store.put("data", "t/year=2024/month=02/a.parquet");
        store.put("data", "t/YEAR=2023/Month=12/a.parquet");
        store.put("data", "t/month=03/year=2024/a.parquet"); // wrong order
        store.put("data", "t/year=2024/a.parquet"); // only one level
        store.put("data", "t/year=2024/day=01/a.parquet"); // wrong second key

        run("MSCK REPAIR TABLE t");

        assertThat(run("SHOW PARTITIONS t").lines()).containsExactly(
                "year=2023/month=12", "year=2024/month=01", "year=2024/month=02");
        assertThat(catalog.listPartitions("default", "t")).contains(
                new Partition(List.of("2024", "01"), "s3://data/t/year=2024/month=01/"));
    }

    @Test
    void decodesHiveEscapedValues() throws Exception {
        run("CREATE EXTERNAL TABLE t (a int) PARTITIONED BY (path string) LOCATION 's3://data/t/'");
        store.put("data", "t/path=a%2Fb%3Dc/x.csv");
        store.put("data", "t/path=caf%C3%A9 au lait/x.csv");

        run("MSCK REPAIR TABLE t");

        assertThat(catalog.listPartitions("default", "t")).extracting(Partition::values)
                .containsExactlyInAnyOrder(List.of("a/b=c"), List.of("café au lait"));
        assertThat(run("SHOW PARTITIONS t").lines()).containsExactly("path=a%2Fb%3Dc", "path=café au lait");
    }

    @Test
    void addsOnlyMissingPartitionsAndFollowsPagination() throws Exception {
        run("CREATE EXTERNAL TABLE t (a int) PARTITIONED BY (dt string) LOCATION 's3://data/t/'");
        run("ALTER TABLE t ADD PARTITION (dt='p0000') LOCATION 's3://data/custom/'");
        for (int i = 0; i < 1500; i++) {
            store.put("data", String.format("t/dt=p%04d/file.csv", i));
        }
        store.listCalls = 0;

        DdlResult result = run("MSCK REPAIR TABLE t");

        assertThat(store.listCalls).isEqualTo(2);
        assertThat(result.lines()).hasSize(1 + 1499);
        assertThat(result.lines().get(0)).startsWith("Partitions not in metastore:\tt:dt=p0001\tt:dt=p0002");
        assertThat(catalog.listPartitions("default", "t")).hasSize(1500)
                .contains(new Partition(List.of("p0000"), "s3://data/custom/"));
        assertThat(run("MSCK REPAIR TABLE t").lines()).isEmpty();
        assertThat(new FileCatalog(folder).listPartitions("default", "t")).hasSize(1500);
    }

    @Test
    void needsAPartitionedTableAndAReadableLocation() {
        run("CREATE EXTERNAL TABLE flat (a int) LOCATION 's3://data/flat/'");
        assertThatThrownBy(() -> run("MSCK REPAIR TABLE flat")).isInstanceOf(GlauxException.class)
                .hasMessage("Table default.flat is not a partitioned table");
        run("CREATE EXTERNAL TABLE t (a int) PARTITIONED BY (dt string) LOCATION 's3://nobucket/t/'");
        assertThatThrownBy(() -> run("MSCK REPAIR TABLE t")).isInstanceOf(GlauxException.class)
                .hasMessageStartingWith("Cannot list s3://nobucket/t/")
                .extracting(e -> ((GlauxException) e).type()).isEqualTo(ErrorType.DDL_TASK_FAILED);
    }
}
