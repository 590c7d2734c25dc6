package io.glaux.sql.function;

import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;
import io.glaux.results.ColumnInfo;
import io.glaux.QueryResults;
import io.glaux.testing.GlauxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Geometry values through the whole engine: printed as WKT, typed {@code Geometry}, and not written to tables. */
class GeometryResultsEndToEndTest {
    @TempDir
    static Path data;
    private static GlauxFixture glaux;

    @BeforeAll
    static void start() throws Exception {
        glaux = GlauxFixture.local(data);
    }

    @AfterAll
    static void stop() throws Exception {
        glaux.close();
    }

    @Test
    void aGeometryColumnPrintsAsWkt() {
        QueryResults results = glaux.query("SELECT ST_Point(1, 2) AS p, ST_GeometryFromText('LINESTRING (0 0, 3 4)') AS l,"
                + " typeof(ST_Point(1, 2)) AS t");
        assertThat(results.rows()).containsExactly(List.of("POINT (1 2)", "LINESTRING (0 0, 3 4)", "Geometry"));
        assertThat(results.columns()).extracting(ColumnInfo::type).containsExactly("Geometry", "Geometry", "varchar");
    }

    @Test
    void creatingATableOfGeometriesFailsClearly() {
        QueryExecution ctas = glaux.run("CREATE TABLE shapes WITH (format='PARQUET') AS SELECT ST_Point(1, 2) AS p");
        assertThat(ctas.state()).isEqualTo(QueryState.FAILED);
        assertThat(ctas.status().stateChangeReason()).contains("NOT_SUPPORTED")
                .contains("Unsupported Hive type: Geometry");
    }

    @Test
    void unloadingGeometriesFailsClearly() {
        QueryExecution unload = glaux.run("UNLOAD (SELECT ST_Point(1, 2) AS p) TO 's3://lake/shapes/'"
                + " WITH (format = 'JSON')");
        assertThat(unload.state()).isEqualTo(QueryState.FAILED);
        assertThat(unload.status().stateChangeReason()).contains("NOT_SUPPORTED")
                .contains("Unsupported Hive type: Geometry");
    }
}
