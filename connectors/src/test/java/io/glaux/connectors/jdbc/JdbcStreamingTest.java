package io.glaux.connectors.jdbc;

import io.glaux.connector.BatchReader;
import io.glaux.connector.ColumnBatch;
import io.glaux.connector.ConnectorSplit;
import io.glaux.connector.ConnectorTable;
import io.glaux.connector.Constraint;
import io.glaux.connector.ScanRequest;
import io.glaux.connector.SchemaTableName;
import io.glaux.datacatalog.DataCatalog;
import io.glaux.datacatalog.DataCatalogParameters;
import io.glaux.datacatalog.DataCatalogType;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryRequest;
import io.glaux.exec.QueryState;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A million rows stream from PostgreSQL through a server-side portal in batches, never all at once; a scan stopped
 * early, or a query cancelled while PostgreSQL is still working, leaves nothing running on the server.
 */
@Tag("postgres")
class JdbcStreamingTest {

    @RegisterExtension
    static final PostgresExtension PG = new PostgresExtension("glaux_streaming");

    private static final int ROWS = 1_000_000;

    @TempDir
    Path folder;

    private GlauxFixture fixture;

    @BeforeAll
    static void data() {
        PG.execute(
                "CREATE TABLE big AS SELECT g::bigint AS id, (g % 100)::integer AS grp FROM generate_series(1, "
                        + ROWS + ") g",
                "ANALYZE big",
                // Each row takes 20 ms to make: a statement that keeps PostgreSQL busy for minutes.
                "CREATE FUNCTION slow_id(n integer) RETURNS integer LANGUAGE sql VOLATILE AS"
                        + " 'SELECT pg_sleep(0.02); SELECT n'",
                "CREATE VIEW slow AS SELECT slow_id(g) AS id FROM generate_series(1, 100000) g");
    }

    @BeforeEach
    void start() throws Exception {
        fixture = PG.glaux(folder, "pg");
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private JdbcConnector connector() {
        return (JdbcConnector) new JdbcConnectorFactory(Map.of("direct", PG.server().connectionString(
                PG.database()))).create(new DataCatalog("direct", DataCatalogType.LAMBDA, null,
                Map.of(DataCatalogParameters.FUNCTION, "direct"), Map.of(), null)).orElseThrow();
    }

    /** The state of each backend whose current or last statement contains {@code marker}. */
    private static List<String> backendStates(String marker) throws SQLException {
        List<String> states = new ArrayList<>();
        try (Connection connection = PG.server().connect(PG.database());
             PreparedStatement statement = connection.prepareStatement("SELECT state FROM pg_stat_activity"
                     + " WHERE query LIKE ? AND pid <> pg_backend_pid()")) {
            statement.setString(1, "%" + marker + "%");
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    states.add(rows.getString(1));
                }
            }
        }
        return states;
    }

    @Test
    void aMillionRowsAreCountedAndFilteredThroughAPortal() throws Exception {
        QueryExecution counted = fixture.run("SELECT count(*) FROM pg.public.big");
        assertThat(counted.state()).isEqualTo(QueryState.SUCCEEDED);
        assertThat(fixture.glaux().results(counted.queryExecutionId()).rows())
                .containsExactly(List.of(String.valueOf(ROWS)));
        // PostgreSQL logs each fetch from the portal: the rows came 4096 at a time.
        List<PostgresServer.Logged> statements = PG.logged("glaux:" + counted.queryExecutionId());
        assertThat(statements.stream().filter(PostgresServer.Logged::isFetch).count())
                .isGreaterThanOrEqualTo(ROWS / JdbcBatchReader.FETCH_SIZE);
        assertThat(statements).allSatisfy(s -> assertThat(s.pid()).isEqualTo(statements.get(0).pid()));

        long count = 0;
        long sum = 0;
        for (long id = 500_001; id <= ROWS; id++) {
            if (id % 100 == 7) {
                count++;
                sum += id;
            }
        }
        assertThat(fixture.rows("SELECT count(*), sum(id) FROM pg.public.big WHERE grp = 7 AND id > 500000"))
                .containsExactly(List.of(String.valueOf(count), String.valueOf(sum)));
    }

    @Test
    void batchesHoldAtMost4096Rows() {
        JdbcConnector connector = connector();
        try {
            ConnectorTable table = connector.getTable(new SchemaTableName("public", "big")).orElseThrow();
            ScanRequest request = new ScanRequest(table, List.of("id"), Constraint.all(), OptionalLong.empty(),
                    List.of(), "batches");
            long rows = 0;
            long last = 0;
            int largest = 0;
            for (ConnectorSplit split : connector.splits(request)) {
                try (BatchReader reader = connector.read(request, split)) {
                    for (ColumnBatch batch = reader.next(); batch != null; batch = reader.next()) {
                        largest = Math.max(largest, batch.rowCount());
                        rows += batch.rowCount();
                        if (batch.rowCount() > 0) {
                            last = (Long) batch.value(0, batch.rowCount() - 1);
                        }
                    }
                }
            }
            assertThat(rows).isEqualTo(ROWS);
            assertThat(largest).isEqualTo(JdbcBatchReader.BATCH_ROWS);
            assertThat(last).isPositive();
        } finally {
            connector.close();
        }
    }

    @Test
    void closingAReaderMidStreamClosesTheServerSideCursor() throws Exception {
        JdbcConnector connector = connector();
        try {
            ConnectorTable table = connector.getTable(new SchemaTableName("public", "big")).orElseThrow();
            ScanRequest request = new ScanRequest(table, List.of("id", "grp"), Constraint.all(),
                    OptionalLong.empty(), List.of(), "closed-early");
            BatchReader reader = connector.read(request, connector.splits(request).get(0));
            assertThat(reader.next().rowCount()).isEqualTo(JdbcBatchReader.BATCH_ROWS);
            // The portal is open: its transaction waits for the next fetch.
            assertThat(backendStates("glaux:closed-early")).containsExactly("idle in transaction");

            reader.close();

            assertThat(backendStates("glaux:closed-early")).isEmpty();
            assertThat(reader.next()).isNull();
        } finally {
            connector.close();
        }
    }

    @Test
    void aCancelledQueryStopsItsStatementOnTheServer() throws Exception {
        QueryExecution submitted = fixture.glaux().queries().submit(QueryRequest.of(
                "SELECT count(*) FROM pg.public.slow"));
        String marker = "glaux:" + submitted.queryExecutionId();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!backendStates(marker).contains("active")) {
            assertThat(System.nanoTime()).as("the statement never started").isLessThan(deadline);
            Thread.sleep(50);
        }

        long cancelled = System.nanoTime();
        fixture.glaux().queries().cancel(submitted.queryExecutionId());
        QueryExecution done = fixture.glaux().queries().await(submitted.queryExecutionId(), Duration.ofSeconds(20));

        assertThat(done.state()).isEqualTo(QueryState.CANCELLED);
        // Reading the first 4096 rows would take PostgreSQL 80 s; the statement was cancelled there instead.
        assertThat(Duration.ofNanos(System.nanoTime() - cancelled)).isLessThan(Duration.ofSeconds(20));
        assertThat(backendStates(marker)).doesNotContain("active", "idle in transaction");
        assertThat(fixture.rows("SELECT count(*) FROM pg.public.big WHERE id <= 10")).containsExactly(List.of("10"));
    }
}
