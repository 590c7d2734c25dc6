package io.glaux.sample;

import io.glaux.Glaux;
import io.glaux.exec.QueryExecution;
import io.glaux.exec.QueryState;
import io.glaux.storage.ObjectInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SampleDataInstallerTest {

    @TempDir
    Path data;

    private Path marker() {
        return data.resolve(".glaux").resolve("sample-data-installed");
    }

    @Test
    void aFirstStartInstallsOnceAndALaterStartLeavesTheDroppedTablesDropped() throws Exception {
        try (Glaux glaux = Glaux.builder().dataFolder(data).build()) {
            assertThat(new SampleDataInstaller(glaux).installOnFirstStart()).isTrue();

            assertThat(marker()).exists();
            assertThat(SampleDataset.isRegisteredIn(glaux.catalog())).isTrue();
            assertThat(glaux.store().listAll(SampleDataset.BUCKET, "").stream().map(ObjectInfo::key))
                    .containsExactlyInAnyOrderElementsOf(SampleDataset.keys());
            assertThat(glaux.execute("DROP TABLE shop.products").state()).isEqualTo(QueryState.SUCCEEDED);
        }
        try (Glaux glaux = Glaux.builder().dataFolder(data).build()) {
            assertThat(new SampleDataInstaller(glaux).installOnFirstStart()).isFalse();
            assertThat(glaux.catalog().getTable("shop", "products")).isEmpty();
        }
    }

    @Test
    void theInstallRunsNoQueryOfTheUsersSoItLeavesNoHistoryAndNoResultObjects() throws Exception {
        try (Glaux glaux = Glaux.builder().dataFolder(data).build()) {
            new SampleDataInstaller(glaux).installOnFirstStart();

            assertThat(glaux.queries().list("primary")).isEmpty();
            for (String bucket : glaux.store().listBuckets()) {
                if (!bucket.equals(SampleDataset.BUCKET)) {
                    assertThat(glaux.store().listAll(bucket, "")).as(bucket).isEmpty();
                }
            }
        }
    }

    @Test
    void anUnforcedInstallAnswersQueriesAtOnceAndIsMarkedDoneOnlyOnceForced() throws Exception {
        try (Glaux glaux = Glaux.builder().dataFolder(data).build()) {
            Optional<SampleDataInstaller.Unforced> install = new SampleDataInstaller(glaux)
                    .installUnforcedOnFirstStart();
            assertThat(install).isPresent();
            assertThat(marker()).doesNotExist();

            QueryExecution count = glaux.execute(SampleDataset.exampleQueries().get(0));
            assertThat(count.state()).as(count.status().stateChangeReason()).isEqualTo(QueryState.SUCCEEDED);
            assertThat(glaux.results(count.queryExecutionId()).rows()).containsExactly(List.of("20000"));

            install.get().force();

            assertThat(marker()).exists();
            assertThat(new SampleDataInstaller(glaux).installUnforcedOnFirstStart()).isEmpty();
        }
    }

    @Test
    void anInstallNeverForcedIsInstalledAgainByTheNextStartWithTheSameObjects() throws Exception {
        byte[] products;
        try (Glaux glaux = Glaux.builder().dataFolder(data).build()) {
            assertThat(new SampleDataInstaller(glaux).installUnforcedOnFirstStart()).isPresent();
            products = glaux.store().getAll(SampleDataset.BUCKET, productsKey());
        }
        try (Glaux glaux = Glaux.builder().dataFolder(data).build()) {
            assertThat(new SampleDataInstaller(glaux).installOnFirstStart()).isTrue();

            assertThat(marker()).exists();
            assertThat(glaux.store().getAll(SampleDataset.BUCKET, productsKey())).isEqualTo(products);
            assertThat(glaux.store().listAll(SampleDataset.BUCKET, "")).hasSize(SampleDataset.keys().size());
            QueryExecution count = glaux.execute(SampleDataset.exampleQueries().get(0));
            assertThat(glaux.results(count.queryExecutionId()).rows()).containsExactly(List.of("20000"));
        }
    }

    private static String productsKey() {
        return SampleDataset.keys().stream().filter(key -> key.startsWith("shop/products/")).findFirst()
                .orElseThrow();
    }
}
