package io.glaux.spice;

import io.glaux.Glaux;
import io.glaux.sql.QueryContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The same query text over the live table and over its SPICE import gives the same rows. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpiceDifferentialTest {

    private static final int ROWS = 1500;

    private Glaux glaux;

    @BeforeAll
    void importItems(@TempDir Path folder) throws IOException {
        glaux = Glaux.builder().dataFolder(folder).build();
        SpiceTestData.createItems(glaux, ROWS);
        glaux.spice().createDataset(new SpiceDefinition("items", "SELECT * FROM items", QueryContext.DEFAULT));
        Ingestion ingestion = SpiceTestData.await(glaux.spice().createIngestion("items"));
        assertThat(ingestion.status()).isEqualTo(IngestionStatus.COMPLETED);
        assertThat(ingestion.rowInfo()).isEqualTo(new RowInfo(ROWS, 0, ROWS));
    }

    @AfterAll
    void close() throws IOException {
        glaux.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM %s ORDER BY id",
        "SELECT count(*), count(big), count(name), count(amount), count(d), count(ts), count(flag) FROM %s",
        "SELECT id, name, amount FROM %s WHERE amount > 50 AND name <> 'beta' ORDER BY id",
        "SELECT id FROM %s WHERE name IS NULL OR tiny IS NULL ORDER BY id",
        "SELECT name, count(*), sum(amount), min(d), max(ts), sum(big), avg(score) FROM %s GROUP BY name"
                + " ORDER BY name NULLS FIRST",
        "SELECT code, flag, count(*), sum(small), max(ratio) FROM %s GROUP BY code, flag ORDER BY code, flag",
        "SELECT id, d FROM %s WHERE d BETWEEN DATE '2024-01-10' AND DATE '2024-02-01' ORDER BY d DESC, id LIMIT 40",
        "SELECT id, ts FROM %s WHERE ts >= TIMESTAMP '2024-01-20 00:00:00.000' ORDER BY ts, id LIMIT 25",
        "SELECT * FROM %s WHERE name LIKE 'c%%' ORDER BY amount DESC NULLS LAST, id LIMIT 7",
        "SELECT year(d), month(d), sum(amount), count(DISTINCT name) FROM %s GROUP BY year(d), month(d)"
                + " ORDER BY 1, 2",
        "SELECT upper(name), length(name), count(*) FROM %s WHERE name IN ('café', 'ünï', '') GROUP BY name"
                + " ORDER BY 1",
        "SELECT amount * 2, amount + 0.01, CAST(amount AS double) FROM %s WHERE id < 40 ORDER BY id",
        "SELECT id, score FROM %s WHERE score BETWEEN 10.0 AND 12.0 ORDER BY score DESC",
        "SELECT flag, count(*) FROM %s GROUP BY flag HAVING count(*) > 100 ORDER BY flag NULLS LAST",
        "SELECT a.id, b.id FROM %1$s a JOIN %1$s b ON a.big = b.big + 1000003 WHERE a.id < 30 ORDER BY a.id",
        "SELECT id FROM %s ORDER BY id DESC LIMIT 5 OFFSET 3",
    })
    void sameRowsLiveAndCached(String template) {
        List<List<String>> live = SpiceTestData.query(glaux, String.format(template, "awsdatacatalog.default.items"));
        List<List<String>> cached = SpiceTestData.query(glaux, String.format(template, "spice.default.items"));
        assertThat(live).isNotEmpty();
        assertThat(cached).isEqualTo(live);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT count(*) FROM items", "SELECT sum(amount), max(name) FROM items"})
    void sameRowsInTheSpiceCatalogContext(String sql) {
        List<List<String>> live = SpiceTestData.query(glaux, sql);
        List<List<String>> cached = SpiceTestData.query(glaux, sql.replace("FROM items",
                "FROM spice.\"default\".items"));
        assertThat(cached).isEqualTo(live);
    }
}
