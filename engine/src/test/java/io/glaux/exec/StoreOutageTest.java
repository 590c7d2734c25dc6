package io.glaux.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.glaux.error.ErrorCategory;
import io.glaux.storage.S3StoreConfig;
import io.glaux.storage.testing.CuttableProxy;
import io.glaux.storage.testing.S3TestServer;
import io.glaux.testing.GlauxFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store that stops answering, mid-query and between queries: queries fail naming the store and the object being
 * read (never blaming the data), fail fast while it is down, and everything works again once it is back.
 */
@Tag("s3")
class StoreOutageTest {

    private static final int ROWS = 300_000;

    @TempDir
    Path data;

    private S3TestServer server;
    private CuttableProxy proxy;
    private GlauxFixture glaux;

    @BeforeEach
    void startStoreBehindAProxy() throws Exception {
        server = S3TestServer.start();
        proxy = new CuttableProxy(server.port());
        glaux = GlauxFixture.s3(data, new S3StoreConfig(proxy.endpoint(), S3TestServer.REGION,
                S3TestServer.ACCESS_KEY, S3TestServer.SECRET_KEY));
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < ROWS; i++) {
            csv.append(i).append(",row-number-").append(i).append('\n');
        }
        glaux.put("lake", "big/part-0.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        glaux.query("CREATE EXTERNAL TABLE big (id bigint, label string) ROW FORMAT DELIMITED FIELDS TERMINATED BY ','"
                + " LOCATION 's3://lake/big/'");
    }

    @AfterEach
    void stop() throws Exception {
        glaux.close();
        proxy.close();
        server.close();
    }

    @Test
    void aStoreThatGoesAwayMidReadFailsTheQueryNamingTheStoreAndTheObject() {
        // Planned once while the store answers (the planner samples the text object's first rows), then cut while the
        // query reads it.
        assertThat(glaux.rows("EXPLAIN SELECT count(*), sum(id) FROM big")).isNotEmpty();
        proxy.cutAfter(1_000_000); // the object is about 7 MB

        QueryExecution failed = glaux.run("SELECT count(*), sum(id) FROM big");

        assertThat(failed.state()).isEqualTo(QueryState.FAILED);
        String reason = failed.status().stateChangeReason();
        assertThat(reason).startsWith("HIVE_CANNOT_OPEN_SPLIT: Error opening Hive split s3://lake/big/part-0.csv")
                .contains("the S3 store at " + proxy.endpoint())
                .doesNotContain("HIVE_BAD_DATA");
        assertThat(failed.status().athenaError().errorCategory()).isEqualTo(ErrorCategory.SYSTEM.code());
        assertThat(failed.status().athenaError().retryable()).isTrue();
    }

    @Test
    void whileTheStoreIsDownQueriesFailFastAndRecoverWhenItIsBack() throws Exception {
        proxy.cut();

        Instant start = Instant.now();
        QueryExecution failed = glaux.run("SELECT count(*) FROM big");
        Duration took = Duration.between(start, Instant.now());

        assertThat(failed.state()).isEqualTo(QueryState.FAILED);
        // The first thing a query touches is the result bucket, as on Athena.
        assertThat(failed.status().stateChangeReason())
                .startsWith("Unable to verify/create output bucket glaux-query-results: the S3 store at "
                        + proxy.endpoint() + " did not answer");
        assertThat(failed.status().athenaError().errorCategory()).isEqualTo(ErrorCategory.SYSTEM.code());
        assertThat(took).as("no long wait on a refused connection").isLessThan(Duration.ofSeconds(20));

        proxy.restore();
        assertThat(glaux.rows("SELECT count(*) FROM big")).containsExactly(List.of(Integer.toString(ROWS)));
    }
}
