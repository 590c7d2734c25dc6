package io.glaux.spice;

import io.glaux.Glaux;
import io.glaux.sql.QueryContext;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A string column whose values are nearly all new when a SPICE import reads them in columns (a comment, a name) keeps
 * them as values after its first batch, sparing a dictionary lookup per row; every query answers as over the table it
 * came from, whether it only tests the column in a filter (read as values), or groups, joins, sorts or returns it
 * (read as ids made once for the version), and the values survive a restart.
 */
class DistinctValuesColumnTest {

    private static final int ROWS = 5000;
    private static final int BATCH_ROWS = 256;

    @TempDir
    Path folder;

    private Glaux open() throws IOException {
        return Glaux.builder().dataFolder(folder).spiceBatchRows(BATCH_ROWS).build();
    }

    /**
     * {@code note} distinct per row (NULL every 13th, some not ASCII), {@code grp} repeating every 700 rows (so its
     * first batch is all new, its later ones repeat values held in earlier batches), {@code tag} one of three.
     */
    private static String lines() {
        StringBuilder text = new StringBuilder();
        for (int id = 1; id <= ROWS; id++) {
            text.append(id).append('|')
                    .append(id % 13 == 0 ? "\\N" : "note " + id + (id % 5 == 0 ? " café" : "")).append('|')
                    .append("g-").append(id % 700).append('|')
                    .append("t").append(id % 3).append('\n');
        }
        return text.toString();
    }

    private static void createNotes(Glaux glaux) {
        SpiceTestData.put(glaux, "lake", "notes/part-0", lines());
        SpiceTestData.query(glaux, "CREATE EXTERNAL TABLE notes (id int, note string, grp string, tag string)"
                + " ROW FORMAT DELIMITED FIELDS TERMINATED BY '|' LOCATION 's3://lake/notes/'");
    }

    private static void importNotes(Glaux glaux) {
        long before = glaux.spice().columnarImports();
        glaux.spice().createDataset(new SpiceDefinition("notes", "SELECT * FROM notes", QueryContext.DEFAULT));
        Ingestion ingestion = SpiceTestData.await(glaux.spice().createIngestion("notes"));
        assertThat(ingestion.status()).isEqualTo(IngestionStatus.COMPLETED);
        assertThat(glaux.spice().columnarImports()).isGreaterThan(before);
    }

    /** Queries over {@code %s}, the dataset or the table it came from. */
    private static final List<String> QUERIES = List.of(
            "SELECT count(*) FROM %s WHERE note LIKE '%%7%%'",
            "SELECT count(*) FROM %s WHERE note LIKE '%%café' AND tag = 't1'",
            "SELECT id FROM %s WHERE note = 'note 4321'",
            "SELECT grp, count(*), count(note), min(note), max(note) FROM %s GROUP BY grp ORDER BY grp",
            "SELECT note, count(*) FROM %s GROUP BY note ORDER BY note LIMIT 20",
            "SELECT note FROM %s WHERE note IS NOT NULL ORDER BY note DESC LIMIT 7",
            "SELECT id, note, grp FROM %s WHERE id BETWEEN 2590 AND 2610 ORDER BY id",
            "SELECT a.id, b.id FROM %1$s a JOIN notes b ON a.note = b.note WHERE a.id %% 97 = 0 ORDER BY a.id",
            "SELECT count(*) FROM %1$s a JOIN %1$s b ON a.grp = b.grp WHERE a.tag = 't0'",
            "SELECT upper(note) FROM %s WHERE id < 12 ORDER BY id",
            "SELECT tag, count(DISTINCT grp) FROM %s GROUP BY tag ORDER BY tag");

    private static void answersAsTheTable(Glaux glaux) {
        for (String query : QUERIES) {
            assertThat(SpiceTestData.query(glaux, String.format(query, "spice.default.notes"))).as(query)
                    .isNotEmpty().isEqualTo(SpiceTestData.query(glaux, String.format(query, "notes")));
        }
    }

    /** Runs {@code check} on the dataset's current version, held meanwhile. */
    private static void withVersion(Glaux glaux, Consumer<SpiceVersion> check) {
        SpiceVersion version = glaux.spice().acquire(glaux.spice().dataset("notes").orElseThrow());
        try {
            check.accept(version);
        } finally {
            version.release();
        }
    }

    /** A Glaux over the folder with the table and its dataset imported. */
    private Glaux imported() throws IOException {
        Glaux glaux = open();
        createNotes(glaux);
        importNotes(glaux);
        return glaux;
    }

    @Test
    void aColumnOfMostlyNewValuesKeepsThemAfterItsFirstBatchAndEveryQueryAnswersAsTheTable() throws IOException {
        try (Glaux glaux = imported()) {
            withVersion(glaux, version -> {
                assertThat(version.holdsValues(1)).as("note").isTrue();
                assertThat(version.holdsValues(2)).as("grp").isTrue();
                assertThat(version.holdsValues(3)).as("tag").isFalse();
                List<VectorSchemaRoot> batches = version.batches();
                assertThat(batches).hasSize((ROWS + BATCH_ROWS - 1) / BATCH_ROWS);
                // The first batch was encoded (and judged); the rest keep their values.
                assertThat(batches.get(0).getVector(1)).isInstanceOf(IntVector.class);
                assertThat(batches.subList(1, batches.size())).allSatisfy(batch ->
                        assertThat(batch.getVector(1)).isInstanceOf(VarCharVector.class));
                assertThat(version.dictionary(1).size()).isEqualTo(BATCH_ROWS - BATCH_ROWS / 13);

                long scans = glaux.spice().vectorizedScans();
                answersAsTheTable(glaux);
                assertThat(glaux.spice().vectorizedScans()).isGreaterThan(scans);
                // The ids were made once, for the first query that needed them.
                long bytes = version.bytes();
                answersAsTheTable(glaux);
                assertThat(version.bytes()).isEqualTo(bytes);
            });
        }
    }

    @Test
    void aFilterThatOnlyTestsTheColumnReadsItsValuesWithoutMakingIds() throws IOException {
        try (Glaux glaux = imported()) {
            withVersion(glaux, version -> {
                long bytes = version.bytes();
                assertThat(SpiceTestData.query(glaux, "SELECT count(*), sum(id) FROM spice.default.notes"
                        + " WHERE note LIKE '%café' OR note = 'note 4'"))
                        .isEqualTo(SpiceTestData.query(glaux, "SELECT count(*), sum(id) FROM notes"
                                + " WHERE note LIKE '%café' OR note = 'note 4'"))
                        .containsExactly(List.of("925", "2312314"));
                assertThat(version.bytes()).isEqualTo(bytes);
                SpiceTestData.query(glaux, "SELECT max(note) FROM spice.default.notes");
                assertThat(version.bytes()).isGreaterThan(bytes);
            });
        }
    }

    @Test
    void theValuesAreSavedAsValuesAndLoadedBackAfterARestart() throws IOException {
        imported().close();
        try (Glaux glaux = open()) {
            withVersion(glaux, version -> {
                assertThat(version.rows()).isEqualTo(ROWS);
                assertThat(version.holdsValues(1)).isTrue();
                assertThat(version.holdsValues(3)).isFalse();
                // Written as values, the first batch's ids decoded: every batch now holds values.
                assertThat(version.batches()).allSatisfy(batch ->
                        assertThat(batch.getVector(1)).isInstanceOf(VarCharVector.class));
            });
            answersAsTheTable(glaux);
        }
    }
}
