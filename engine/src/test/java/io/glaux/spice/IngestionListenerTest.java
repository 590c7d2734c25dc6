package io.glaux.spice;

import io.glaux.Glaux;
import io.glaux.sql.QueryContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class IngestionListenerTest {

    @TempDir
    Path folder;

    private record Change(IngestionStatus previous, IngestionStatus current, String id) {
    }

    @Test
    void eachChangeOfStatusIsToldOnceInOrderAndAFailureCarriesItsError() throws IOException {
        try (Glaux glaux = Glaux.builder().dataFolder(folder)
                .spiceLimits(SpiceLimits.defaults().withMaxRowsPerDataset(50)).build()) {
            List<Change> changes = new CopyOnWriteArrayList<>();
            List<ErrorInfo> errors = new CopyOnWriteArrayList<>();
            glaux.spice().addIngestionListener((previous, ingestion) -> {
                changes.add(new Change(previous, ingestion.status(), ingestion.id()));
                if (ingestion.status() == IngestionStatus.FAILED) {
                    errors.add(ingestion.errorInfo());
                }
            });
            SpiceTestData.createItems(glaux, 20);
            glaux.spice().createDataset(new SpiceDefinition("items", "SELECT * FROM items", QueryContext.DEFAULT));
            Ingestion first = SpiceTestData.await(glaux.spice().createIngestion("items"));
            assertThat(first.status()).isEqualTo(IngestionStatus.COMPLETED);
            assertThat(changes).containsExactly(
                    new Change(IngestionStatus.INITIALIZED, IngestionStatus.QUEUED, first.id()),
                    new Change(IngestionStatus.QUEUED, IngestionStatus.RUNNING, first.id()),
                    new Change(IngestionStatus.RUNNING, IngestionStatus.COMPLETED, first.id()));

            SpiceTestData.put(glaux, "lake", "items/part-1", SpiceTestData.lines(21, 100));
            Ingestion tooBig = SpiceTestData.await(glaux.spice().createIngestion("items"));
            assertThat(tooBig.status()).isEqualTo(IngestionStatus.FAILED);
            assertThat(changes).filteredOn(c -> c.id().equals(tooBig.id())).extracting(Change::current)
                    .containsExactly(IngestionStatus.QUEUED, IngestionStatus.RUNNING, IngestionStatus.FAILED);
            assertThat(errors).singleElement().extracting(ErrorInfo::type)
                    .isEqualTo(IngestionErrorType.DATA_SET_SIZE_LIMIT_EXCEEDED);
        }
    }
}
