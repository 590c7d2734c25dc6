package io.glaux.sql;

import io.glaux.Glaux;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryRequest;
import io.glaux.exec.QueryState;
import io.glaux.spice.Ingestion;
import io.glaux.spice.IngestionStatus;
import io.glaux.spice.SpiceDefinition;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compiled plans are reused for the same text, context and parameters, and never outlive a change to a catalog they
 * were made from (their tables' and views').
 */
class PlanCacheTest {

    private static final QueryContext DEFAULT = new QueryContext(null, "default");

    @TempDir
    Path data;

    private GlauxFixture g;

    @BeforeEach
    void open() throws IOException {
        g = GlauxFixture.local(data);
        g.put("lake", "people/a.csv", "1,ann\n2,bob\n");
        g.query("CREATE EXTERNAL TABLE people (id int) ROW FORMAT DELIMITED FIELDS TERMINATED BY ','"
                + " LOCATION 's3://lake/people/'");
    }

    @AfterEach
    void close() throws IOException {
        g.close();
    }

    @Test
    void theSameTextContextAndParametersReuseOnePlan() {
        QueryPlanner planner = g.glaux().planner();
        PreparedQuery first = planner.prepare("SELECT id FROM people WHERE id > ?", DEFAULT, List.of("0"));
        assertThat(planner.prepare("SELECT id FROM people WHERE id > ?", DEFAULT, List.of("0"))).isSameAs(first);
        assertThat(planner.prepare("SELECT id FROM people WHERE id > ?", DEFAULT, List.of("1"))).isNotSameAs(first);
        g.query("CREATE DATABASE other");
        PreparedQuery qualified = planner.prepare("SELECT id FROM default.people WHERE id > ?", DEFAULT,
                List.of("0"));
        assertThat(planner.prepare("SELECT id FROM default.people WHERE id > ?", new QueryContext(null, "other"),
                List.of("0"))).isNotSameAs(qualified);
        assertThat(planner.cachedPlans()).isEqualTo(2);

        assertThat(g.rows("SELECT id FROM people ORDER BY id")).containsExactly(List.of("1"), List.of("2"));
        assertThat(g.rows("SELECT id FROM people ORDER BY id")).containsExactly(List.of("1"), List.of("2"));
        assertThat(planner.cachedPlans()).isEqualTo(3);
    }

    @Test
    void parametersGiveTheirOwnAnswers() {
        assertThat(rowsWith("SELECT count(*) FROM people WHERE id > ?", "0")).containsExactly(List.of("2"));
        assertThat(rowsWith("SELECT count(*) FROM people WHERE id > ?", "1")).containsExactly(List.of("1"));
        assertThat(rowsWith("SELECT count(*) FROM people WHERE id > ?", "0")).containsExactly(List.of("2"));
    }

    @Test
    void aTableRedefinedUnderTheSameNameIsSeenByTheSameText() {
        assertThat(g.rows("SELECT * FROM people ORDER BY id")).containsExactly(List.of("1"), List.of("2"));
        long before = g.glaux().catalog().version();
        g.query("ALTER TABLE people ADD COLUMNS (name string)");
        assertThat(g.glaux().catalog().version()).isGreaterThan(before);
        assertThat(g.rows("SELECT * FROM people ORDER BY id"))
                .containsExactly(List.of("1", "ann"), List.of("2", "bob"));

        g.put("lake", "other/a.csv", "7,zed\n");
        g.query("DROP TABLE people");
        QueryExecution dropped = g.run("SELECT * FROM people ORDER BY id");
        assertThat(dropped.state()).isEqualTo(QueryState.FAILED);
        assertThat(dropped.status().stateChangeReason()).startsWith("TABLE_NOT_FOUND");
        g.query("CREATE EXTERNAL TABLE people (id int, name string) ROW FORMAT DELIMITED FIELDS TERMINATED BY ','"
                + " LOCATION 's3://lake/other/'");
        assertThat(g.rows("SELECT * FROM people ORDER BY id")).containsExactly(List.of("7", "zed"));
    }

    @Test
    void aReplacedViewIsSeenByTheSameText() {
        g.query("CREATE VIEW top AS SELECT max(id) AS id FROM people");
        assertThat(g.rows("SELECT id FROM top")).containsExactly(List.of("2"));
        g.query("CREATE OR REPLACE VIEW top AS SELECT min(id) AS id FROM people");
        assertThat(g.rows("SELECT id FROM top")).containsExactly(List.of("1"));
    }

    @Test
    void aPlanOutlivesChangesToCatalogsItWasNotMadeFrom() throws Exception {
        QueryPlanner planner = g.glaux().planner();
        PreparedQuery overPeople = planner.prepare("SELECT id FROM people", DEFAULT, List.of());
        assertThat(overPeople.catalogs()).containsExactly("awsdatacatalog");
        PreparedQuery constant = planner.prepare("SELECT 1", DEFAULT, List.of());
        assertThat(constant.catalogs()).isEmpty();

        // A SPICE import changes the spice catalog only.
        long before = g.glaux().catalogs().version();
        g.glaux().spice().createDataset(new SpiceDefinition("people_cache", "SELECT * FROM people", DEFAULT));
        importCache();
        assertThat(g.glaux().catalogs().version()).isGreaterThan(before);
        assertThat(planner.prepare("SELECT id FROM people", DEFAULT, List.of())).isSameAs(overPeople);
        assertThat(planner.prepare("SELECT 1", DEFAULT, List.of())).isSameAs(constant);
        PreparedQuery overCache = planner.prepare("SELECT count(*) FROM spice.default.people_cache", DEFAULT,
                List.of());
        assertThat(overCache.catalogs()).containsExactly("spice");

        // A second import makes the plan over the dataset again; the one over the table stays.
        importCache();
        assertThat(planner.prepare("SELECT count(*) FROM spice.default.people_cache", DEFAULT, List.of()))
                .isNotSameAs(overCache);
        assertThat(planner.prepare("SELECT id FROM people", DEFAULT, List.of())).isSameAs(overPeople);

        // A change to the data catalog makes the plan over the table again, and drops it from the cache.
        int cached = planner.cachedPlans();
        g.query("CREATE DATABASE other");
        assertThat(planner.prepare("SELECT id FROM people", DEFAULT, List.of())).isNotSameAs(overPeople);
        assertThat(planner.cachedPlans()).as("the stale plans are dropped").isEqualTo(cached - 1);
    }

    @Test
    void aViewOverAnotherCatalogIsPlannedAgainWhenItsOwnCatalogChanges() throws Exception {
        g.glaux().spice().createDataset(new SpiceDefinition("people_cache", "SELECT * FROM people", DEFAULT));
        importCache();
        g.query("CREATE VIEW top AS SELECT max(id) AS id FROM spice.default.people_cache");
        assertThat(g.rows("SELECT id FROM top")).containsExactly(List.of("2"));
        assertThat(g.glaux().planner().prepare("SELECT id FROM top", DEFAULT, List.of()).catalogs())
                .containsExactly("awsdatacatalog", "spice");
        g.query("CREATE OR REPLACE VIEW top AS SELECT min(id) AS id FROM spice.default.people_cache");
        assertThat(g.rows("SELECT id FROM top")).containsExactly(List.of("1"));
    }

    @Test
    void objectsAndPartitionsAddedLaterAreRead() {
        assertThat(g.rows("SELECT count(*) FROM people")).containsExactly(List.of("2"));
        g.put("lake", "people/b.csv", "3,cy\n");
        assertThat(g.rows("SELECT count(*) FROM people")).containsExactly(List.of("3"));

        g.put("lake", "events/dt=2024-01-01/a.csv", "1\n");
        g.put("lake", "events/dt=2024-01-02/a.csv", "2\n3\n");
        g.query("CREATE EXTERNAL TABLE events (n int) PARTITIONED BY (dt string) LOCATION 's3://lake/events/'");
        g.query("ALTER TABLE events ADD PARTITION (dt = '2024-01-01')");
        assertThat(g.rows("SELECT count(*) FROM events")).containsExactly(List.of("1"));
        g.query("ALTER TABLE events ADD PARTITION (dt = '2024-01-02')");
        assertThat(g.rows("SELECT count(*) FROM events")).containsExactly(List.of("3"));
    }

    @Test
    void manyRunsOfOneCachedPlanAtOnceAllGiveTheSameAnswer() throws Exception {
        try (Glaux glaux = Glaux.builder().dataFolder(data.resolve("concurrent")).maxConcurrentQueries(4).build()) {
            glaux.store().createBucket("lake");
            glaux.store().put("lake", "n/a.csv", "1\n2\n3\n4\n".getBytes());
            assertThat(glaux.execute("CREATE EXTERNAL TABLE n (v int) LOCATION 's3://lake/n/'").state())
                    .isEqualTo(QueryState.SUCCEEDED);
            String sql = "SELECT sum(v) AS total, count(*) AS matched FROM n WHERE v > 1";
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ids.add(glaux.queries().submit(QueryRequest.of(sql)).queryExecutionId());
            }
            for (String id : ids) {
                QueryExecution done = glaux.queries().await(id, Duration.ofMinutes(1));
                assertThat(done.state()).as(done.status().stateChangeReason()).isEqualTo(QueryState.SUCCEEDED);
                assertThat(glaux.results(id).rows()).containsExactly(List.of("9", "3"));
            }
            assertThat(glaux.planner().cachedPlans()).isEqualTo(1);
        }
    }

    @Test
    void aCacheSizeOfZeroPlansEveryStatementAfresh() throws IOException {
        try (Glaux glaux = Glaux.builder().dataFolder(data.resolve("uncached")).planCacheSize(0).build()) {
            PreparedQuery first = glaux.planner().prepare("SELECT 1", DEFAULT, List.of());
            assertThat(glaux.planner().prepare("SELECT 1", DEFAULT, List.of())).isNotSameAs(first);
            assertThat(glaux.planner().cachedPlans()).isZero();
        }
    }

    /** Runs an ingestion of dataset people_cache to its end. */
    private void importCache() throws InterruptedException {
        Ingestion ingestion = g.glaux().spice().createIngestion("people_cache");
        assertThat(ingestion.await(1, TimeUnit.MINUTES)).isTrue();
        assertThat(ingestion.status()).isEqualTo(IngestionStatus.COMPLETED);
    }

    private String run(String sql, String parameter) {
        QueryExecution done = g.glaux().execute(QueryRequest.of(sql).withExecutionParameters(List.of(parameter)));
        assertThat(done.state()).as(done.status().stateChangeReason()).isEqualTo(QueryState.SUCCEEDED);
        return done.queryExecutionId();
    }

    private List<List<String>> rowsWith(String sql, String parameter) {
        try {
            return g.glaux().results(run(sql, parameter)).rows();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
