package io.glaux.quicksight;

import io.glaux.Glaux;
import io.glaux.quicksight.dataset.DataSetService;
import io.glaux.quicksight.datasource.DataSourceService;

import java.nio.file.Path;
import java.time.Clock;

/**
 * QuickSight's half of the path, over one engine: its resources (kept under {@code .glaux/quicksight/} in the data
 * folder, across restarts) and the services that work on them. It knows no HTTP; {@code io.glaux.quicksight.api}
 * serves it on the wire.
 */
public final class QuickSight implements AutoCloseable {

    private final DataSourceService dataSources;
    private final DataSetService dataSets;

    private QuickSight(Path folder, Glaux glaux, Clock clock, boolean syncWrites) {
        this.dataSources = new DataSourceService(folder.resolve("data-sources"), glaux.workgroups(), clock,
                syncWrites);
        this.dataSets = new DataSetService(folder.resolve("data-sets"), dataSources, clock, syncWrites);
    }

    /** QuickSight over {@code glaux}, with its resources in the engine's data folder. */
    public static QuickSight over(Glaux glaux, Clock clock, boolean syncWrites) {
        return new QuickSight(glaux.dataFolder().resolve(".glaux").resolve("quicksight"), glaux, clock, syncWrites);
    }

    public DataSourceService dataSources() {
        return dataSources;
    }

    public DataSetService dataSets() {
        return dataSets;
    }

    @Override
    public void close() {
        // Nothing runs in the background yet.
    }
}
