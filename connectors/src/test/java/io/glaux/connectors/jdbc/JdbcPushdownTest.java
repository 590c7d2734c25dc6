package io.glaux.connectors.jdbc;

import io.glaux.connector.BatchReader;
import io.glaux.connector.ColumnBatch;
import io.glaux.connector.ConnectorSplit;
import io.glaux.connector.ConnectorTable;
import io.glaux.connector.Constraint;
import io.glaux.connector.Domain;
import io.glaux.connector.ScanRequest;
import io.glaux.connector.SchemaTableName;
import io.glaux.datacatalog.DataCatalog;
import io.glaux.datacatalog.DataCatalogParameters;
import io.glaux.datacatalog.DataCatalogType;
import io.glaux.exec.QueryExecution;
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
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projection, filter, limit and top-N reach PostgreSQL in the SQL it runs: each query's statements are read back
 * from the server's own log ({@code log_statement=all}), found by the Athena query ID the connector puts in a comment.
 */
@Tag("postgres")
class JdbcPushdownTest {

    @RegisterExtension
    static final PostgresExtension PG = new PostgresExtension("glaux_pushdown");

    private static final String EMOJI = new String(Character.toChars(0x1F600));

    @TempDir
    Path folder;

    private GlauxFixture fixture;

    @BeforeAll
    static void data() {
        PG.execute(
                "CREATE TABLE customers (id bigint PRIMARY KEY, name text, region text, signup date)",
                "INSERT INTO customers VALUES (1, 'ann', 'eu', '2024-01-01'), (2, 'bob', 'us', '2024-02-10'),"
                        + " (3, 'cid', 'eu', '2024-03-21'), (4, 'dee', 'ap', '2024-04-30'),"
                        + " (5, 'eve', 'us', '2024-06-09'), (6, 'fay', NULL, '2024-07-19'),"
                        + " (7, 'gus', NULL, NULL), (8, 'hal', 'eu', '2024-09-01')",
                // ICU orders 'a' before 'B'; Java's String.compareTo the other way round.
                "CREATE TABLE labels (id integer, label text COLLATE \"und-x-icu\")",
                "INSERT INTO labels VALUES (1, 'a'), (2, 'B'), (3, 'b'), (4, 'Z'),"
                        + " (10, '" + EMOJI + "'), (11, '\uFF21'), (12, '\uFF3A')",
                "CREATE COLLATION case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false)",
                "CREATE TABLE codes (id integer, code text COLLATE case_insensitive)",
                "INSERT INTO codes VALUES (1, 'abc'), (2, 'ABC'), (3, 'abd')",
                "CREATE TABLE events (id bigint, day date, kind text) PARTITION BY RANGE (day)",
                "CREATE TABLE events_h1 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2024-07-01')",
                "CREATE TABLE events_h2 PARTITION OF events FOR VALUES FROM ('2024-07-01') TO ('2025-01-01')",
                "INSERT INTO events SELECT g, DATE '2024-01-01' + (g % 366), CASE WHEN g % 2 = 0 THEN 'a' ELSE 'b' END"
                        + " FROM generate_series(1, 1000) g");
    }

    @BeforeEach
    void start() throws Exception {
        fixture = PG.glaux(folder, "pg");
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    /** A query's rows and the one statement PostgreSQL ran for it. */
    private record Ran(List<List<String>> rows, String sql, String parameters) {
    }

    private Ran run(String sql) throws Exception {
        QueryExecution done = fixture.run(sql);
        assertThat(done.state()).as(sql + ": " + done.status().stateChangeReason()).isEqualTo(QueryState.SUCCEEDED);
        List<List<String>> rows = fixture.glaux().results(done.queryExecutionId()).rows();
        List<PostgresServer.Logged> logged = PG.logged("glaux:" + done.queryExecutionId()).stream()
                .filter(l -> !l.isFetch()).toList();
        assertThat(logged).as("statements logged for " + sql).hasSize(1);
        String statement = logged.get(0).sql().replaceFirst("^/\\* glaux:[^*]* \\*/ ", "");
        return new Ran(rows, statement, logged.get(0).parameters());
    }

    private static List<String> column(Ran ran) {
        return ran.rows().stream().map(r -> r.get(0)).toList();
    }

    @Test
    void onlyTheQueriedColumnsAreSelected() throws Exception {
        Ran ran = run("SELECT name FROM pg.public.customers ORDER BY name");

        assertThat(column(ran)).containsExactly("ann", "bob", "cid", "dee", "eve", "fay", "gus", "hal");
        assertThat(ran.sql()).isEqualTo("SELECT \"name\" FROM \"public\".\"customers\"");
    }

    @Test
    void aScanOfNoColumnsSelectsAConstantAndCountsItsRows() {
        JdbcConnector connector = (JdbcConnector) new JdbcConnectorFactory(Map.of("direct",
                PG.server().connectionString(PG.database()))).create(new DataCatalog("direct",
                DataCatalogType.LAMBDA, null, Map.of(DataCatalogParameters.FUNCTION, "direct"), Map.of(), null))
                .orElseThrow();
        try {
            ConnectorTable table = connector.getTable(new SchemaTableName("public", "customers")).orElseThrow();
            ScanRequest request = new ScanRequest(table, List.of(), new Constraint(Map.of("region",
                    Domain.notNull())), OptionalLong.empty(), List.of(), "no-columns");
            int rows = 0;
            for (ConnectorSplit split : connector.splits(request)) {
                try (BatchReader reader = connector.read(request, split)) {
                    for (ColumnBatch batch = reader.next(); batch != null; batch = reader.next()) {
                        assertThat(batch.columnCount()).isZero();
                        rows += batch.rowCount();
                    }
                }
            }

            assertThat(rows).isEqualTo(6);
            assertThat(PG.logged("glaux:no-columns")).extracting(PostgresServer.Logged::sql).containsExactly(
                    "/* glaux:no-columns */ SELECT 1 FROM \"public\".\"customers\" WHERE \"region\" IS NOT NULL");
        } finally {
            connector.close();
        }
    }

    @Test
    void rangesAndInListsAreAWhereClauseWithBindParameters() throws Exception {
        Ran ran = run("SELECT name FROM pg.public.customers WHERE id > 2 AND region IN ('eu', 'us')"
                + " AND signup < DATE '2024-09-01' ORDER BY name");

        assertThat(column(ran)).containsExactly("cid", "eve");
        assertThat(ran.sql()).startsWith("SELECT ").contains(" FROM \"public\".\"customers\" WHERE ")
                .contains("(\"id\" > $").contains("(\"region\" IN ($").contains("(\"signup\" < $")
                .doesNotContain("'eu'").doesNotContain("LIMIT");
        assertThat(ran.parameters()).contains("= '2'").contains("= 'eu'").contains("= 'us'")
                .contains("= '2024-09-01'");
    }

    @Test
    void excludedValuesAndNullChecksAreSaidAsSqlDoes() throws Exception {
        Ran notEu = run("SELECT name FROM pg.public.customers WHERE region <> 'eu' ORDER BY name");
        assertThat(column(notEu)).containsExactly("bob", "dee", "eve");
        assertThat(notEu.sql()).endsWith(" WHERE (\"region\" <> $1)");

        Ran none = run("SELECT name FROM pg.public.customers WHERE region IS NULL ORDER BY name");
        assertThat(column(none)).containsExactly("fay", "gus");
        assertThat(none.sql()).endsWith(" WHERE \"region\" IS NULL");

        Ran some = run("SELECT count(*) FROM pg.public.customers WHERE signup IS NOT NULL");
        assertThat(some.rows()).containsExactly(List.of("7"));
        assertThat(some.sql()).isEqualTo("SELECT \"signup\" FROM \"public\".\"customers\""
                + " WHERE \"signup\" IS NOT NULL");

        Ran euOrNull = run("SELECT name FROM pg.public.customers WHERE region = 'eu' OR region IS NULL"
                + " ORDER BY name");
        assertThat(column(euOrNull)).containsExactly("ann", "cid", "fay", "gus", "hal");
        assertThat(euOrNull.sql()).endsWith(" WHERE (\"region\" = $1 OR \"region\" IS NULL)");

        Ran notInOrNull = run("SELECT name FROM pg.public.customers WHERE region NOT IN ('eu', 'us')"
                + " OR region IS NULL ORDER BY name");
        assertThat(column(notInOrNull)).containsExactly("dee", "fay", "gus");
        assertThat(notInOrNull.sql()).endsWith(" WHERE (\"region\" NOT IN ($1, $2) OR \"region\" IS NULL)");
    }

    @Test
    void aLimitIsSentWhenTheWhereClauseIsTheWholeFilter() throws Exception {
        Ran limited = run("SELECT id FROM pg.public.customers WHERE id > 1 LIMIT 2");
        assertThat(limited.rows()).hasSize(2);
        assertThat(limited.sql()).endsWith(" WHERE (\"id\" > $1) LIMIT 2");

        Ran inexact = run("SELECT id FROM pg.public.customers WHERE lower(name) = 'dee' LIMIT 1");
        assertThat(inexact.rows()).containsExactly(List.of("4"));
        assertThat(inexact.sql()).doesNotContain("LIMIT");
    }

    @Test
    void aTopNIsAnOrderByWithALimit() throws Exception {
        Ran top = run("SELECT name, signup FROM pg.public.customers WHERE region IS NOT NULL"
                + " ORDER BY signup DESC LIMIT 3");

        assertThat(top.rows()).containsExactly(List.of("hal", "2024-09-01"), List.of("eve", "2024-06-09"),
                List.of("dee", "2024-04-30"));
        assertThat(top.sql()).matches(".* WHERE \"region\" IS NOT NULL ORDER BY \"signup\" DESC NULLS (FIRST|LAST)"
                + " LIMIT 3");
    }

    @Test
    void stringsAreComparedAndOrderedAsGlauxDoesNotByTheColumnsCollation() throws Exception {
        Ran below = run("SELECT label FROM pg.public.labels WHERE label < 'a' AND id < 10 ORDER BY label");
        assertThat(column(below)).containsExactly("B", "Z");
        assertThat(below.sql()).contains("\"label\" COLLATE \"C\" < $");

        Ran first = run("SELECT label FROM pg.public.labels WHERE id < 10 ORDER BY label LIMIT 2");
        assertThat(column(first)).containsExactly("B", "Z");
        assertThat(first.sql()).contains(" ORDER BY regexp_replace(\"label\" COLLATE \"C\"").endsWith(" LIMIT 2");
    }

    @Test
    void charactersBeyondTheBasicPlaneOrderAsInJava() throws Exception {
        // Java (UTF-16) puts the emoji before U+FF21; PostgreSQL's "C" order (UTF-8) after it.
        Ran first = run("SELECT label FROM pg.public.labels WHERE id >= 10 ORDER BY label LIMIT 1");
        assertThat(column(first)).containsExactly(EMOJI);

        Ran above = run("SELECT label FROM pg.public.labels WHERE label > '\uFF21' ORDER BY label");
        assertThat(column(above)).containsExactly("\uFF3A");
        assertThat(above.sql()).contains("regexp_replace(\"label\" COLLATE \"C\"");
    }

    @Test
    void equalityIsExactEvenUnderANondeterministicCollation() throws Exception {
        Ran ran = run("SELECT id FROM pg.public.codes WHERE code = 'abc'");

        assertThat(ran.rows()).containsExactly(List.of("1"));
        assertThat(ran.sql()).endsWith(" WHERE (\"code\" COLLATE \"C\" = $1)");
    }

    @Test
    void aPartitionedTableIsReadThroughItsParentSoPostgresqlPrunesPartitions() throws Exception {
        Ran ran = run("SELECT count(*), min(id), max(day) FROM pg.public.events WHERE day >= DATE '2024-07-01'"
                + " AND kind = 'a'");

        long expected = 0;
        int lastDay = 0;
        for (int g = 1; g <= 1000; g++) {
            if (g % 2 == 0 && g % 366 >= 182) {
                expected++;
                lastDay = Math.max(lastDay, g % 366);
            }
        }
        assertThat(ran.rows()).containsExactly(List.of(String.valueOf(expected), "182",
                java.time.LocalDate.of(2024, 1, 1).plusDays(lastDay).toString()));
        assertThat(ran.sql()).contains(" FROM \"public\".\"events\" WHERE ");
    }
}
