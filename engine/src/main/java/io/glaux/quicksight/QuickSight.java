package io.glaux.quicksight;

import io.glaux.Glaux;
import io.glaux.quicksight.analysis.AnalysisService;
import io.glaux.quicksight.analysis.DashboardService;
import io.glaux.quicksight.analysis.DataSetColumns;
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
    private final AnalysisService analyses;
    private final DashboardService dashboards;
    /** The datasets' output columns analyses and dashboards are checked against: none until registered. */
    private volatile DataSetColumns dataSetColumns = DataSetColumns.NONE;

    private QuickSight(Path folder, Glaux glaux, Clock clock, boolean syncWrites) {
        this.dataSources = new DataSourceService(folder.resolve("data-sources"), glaux.workgroups(), clock,
                syncWrites);
        DataSetColumns columns = arn -> dataSetColumns.outputColumns(arn);
        this.analyses = new AnalysisService(folder.resolve("analyses"), columns, clock, syncWrites);
        this.dashboards = new DashboardService(folder.resolve("dashboards"), columns, clock, syncWrites);
    }

    /** QuickSight over {@code glaux}, with its resources in the engine's data folder. */
    public static QuickSight over(Glaux glaux, Clock clock, boolean syncWrites) {
        return new QuickSight(glaux.dataFolder().resolve(".glaux").resolve("quicksight"), glaux, clock, syncWrites);
    }

    public DataSourceService dataSources() {
        return dataSources;
    }

    public AnalysisService analyses() {
        return analyses;
    }

    public DashboardService dashboards() {
        return dashboards;
    }

    /**
     * Sets where analyses and dashboards find the output columns of the datasets they name (the datasets' service
     * registers itself here); until then every dataset is not found.
     */
    public void registerDataSetColumns(DataSetColumns lookup) {
        this.dataSetColumns = java.util.Objects.requireNonNull(lookup, "lookup");
    }

    @Override
    public void close() {
        // Nothing runs in the background yet.
    }
}
