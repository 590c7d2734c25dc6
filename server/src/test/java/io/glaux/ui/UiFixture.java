package io.glaux.ui;

import io.glaux.quicksight.api.QuickSightClients;
import io.glaux.server.GlauxServer;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.quicksight.QuickSightClient;
import software.amazon.awssdk.services.quicksight.model.IngestionStatus;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static io.glaux.quicksight.api.QuickSightClients.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser test class works against: a server over the sample data in its folder, the Athena and QuickSight
 * SDK clients that set up and check what the page shows, and a headless Chromium on the server's UI; closed in
 * reverse order.
 */
final class UiFixture implements AutoCloseable {

    final GlauxServer server;
    final AthenaClient athena;
    final QuickSightClient quickSight;
    final Browser browser;

    private UiFixture(GlauxServer server) {
        this.server = server;
        this.athena = QuickSightClients.athena(server);
        this.quickSight = QuickSightClients.quickSight(server);
        Browser opened;
        try {
            opened = Browser.open(server.endpoint());
        } catch (RuntimeException | Error e) {
            close(athena, quickSight, server);
            throw e;
        }
        this.browser = opened;
    }

    /** Over the sample data in {@code data}. */
    static UiFixture start(Path data) throws IOException {
        return start(GlauxServer.builder().dataFolder(data));
    }

    /** Over the sample data, with whatever else {@code builder} sets (faults, timeouts). */
    static UiFixture start(GlauxServer.Builder builder) throws IOException {
        return new UiFixture(builder.sampleData(true).syncWrites(false).start());
    }

    /** Creates an ATHENA data source on the primary workgroup. */
    void createAthenaDataSource(String id, String name) {
        quickSight.createDataSource(b -> b.awsAccountId(ACCOUNT).dataSourceId(id).name(name).type("ATHENA")
                .dataSourceParameters(p -> p.athenaParameters(a -> a.workGroup("primary"))));
    }

    /** Waits until an ingestion has COMPLETED, failing if it ends otherwise or takes more than two minutes. */
    void awaitIngestion(String dataSetId, String ingestionId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            var ingestion = quickSight.describeIngestion(b -> b.awsAccountId(ACCOUNT).dataSetId(dataSetId)
                    .ingestionId(ingestionId)).ingestion();
            if (ingestion.ingestionStatus() == IngestionStatus.COMPLETED) {
                return;
            }
            assertThat(ingestion.ingestionStatus()).as("ingestion " + ingestionId + ": " + ingestion.errorInfo())
                    .isIn(IngestionStatus.INITIALIZED, IngestionStatus.QUEUED, IngestionStatus.RUNNING);
            assertThat(System.nanoTime()).as("ingestion " + ingestionId + " still running").isLessThan(deadline);
            Thread.sleep(25);
        }
    }

    @Override
    public void close() {
        close(browser, athena, quickSight, server);
    }

    /** Closes each, all of them even when one fails (the first failure is thrown, the others added to it). */
    private static void close(AutoCloseable... resources) {
        IllegalStateException failure = null;
        for (AutoCloseable resource : resources) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("Could not close " + resource, e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
