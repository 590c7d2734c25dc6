package io.glaux.ui;

import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.quicksight.QuickSightClient;

import java.nio.file.Path;

/**
 * A browser test class over one {@link UiFixture} (a server over the sample data, the SDK clients and Chromium),
 * started before the class's own {@code @BeforeAll} set-up and closed after its tests.
 */
@Tag("browser")
abstract class SampleDataBrowserTest {

    @TempDir
    static Path data;
    static UiFixture ui;
    static GlauxServer server;
    static Browser browser;
    static QuickSightClient quickSight;
    static AthenaClient athena;

    @BeforeAll
    static void startServerAndBrowser() throws Exception {
        ui = UiFixture.start(data);
        server = ui.server;
        browser = ui.browser;
        quickSight = ui.quickSight;
        athena = ui.athena;
    }

    @AfterAll
    static void closeServerAndBrowser() {
        if (ui != null) {
            ui.close();
            ui = null;
        }
    }
}
