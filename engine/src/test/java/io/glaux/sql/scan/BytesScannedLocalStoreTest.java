package io.glaux.sql.scan;

import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bytes scanned over objects kept as files in the data folder. */
class BytesScannedLocalStoreTest extends BytesScannedContract {

    private Path data;

    @Override
    GlauxFixture open(Path data) throws Exception {
        this.data = data;
        return GlauxFixture.local(data);
    }

    /**
     * A partition whose folder cannot even be listed (it holds a symbolic link to itself, which a listing reports as
     * an error) fails any query that reaches it, and never troubles a query whose filter excludes it.
     */
    @Test
    void prunedPartitionIsNeverListed() throws Exception {
        g.put("lake", "trapped/dt=2024-01-01/part-0.csv", "1\n2\n");
        Path trap = Files.createDirectories(data.resolve("lake").resolve("trap"));
        Files.createSymbolicLink(trap.resolve("loop"), Path.of("loop"));
        g.script("""
                CREATE EXTERNAL TABLE trapped (id int) PARTITIONED BY (dt string)
                ROW FORMAT DELIMITED LOCATION 's3://lake/trapped/';
                ALTER TABLE trapped ADD PARTITION (dt = '2024-01-01')
                  PARTITION (dt = '2099-12-31') LOCATION 's3://lake/trap/';
                """);

        QueryExecution unpruned = g.run("SELECT count(*) FROM trapped");
        assertThat(unpruned.state()).isEqualTo(QueryState.FAILED);
        assertThat(unpruned.status().stateChangeReason()).contains("HIVE_CANNOT_OPEN_SPLIT", "s3://lake/trap/").doesNotContain(data.toString());

        Scan pruned = scan("SELECT id FROM trapped WHERE dt < '2099-01-01' ORDER BY id");
        assertThat(pruned.rows()).containsExactly(List.of("1"), List.of("2"));
        assertThat(pruned.bytes()).isEqualTo(4);
    }
}
