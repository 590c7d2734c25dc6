package io.glaux.quicksight;

import io.glaux.Glaux;
import io.glaux.quicksight.analysis.AnalysisService;
import io.glaux.quicksight.analysis.DashboardService;
import io.glaux.quicksight.analysis.DataSetColumns;
import io.glaux.quicksight.dataset.DataSet;
import io.glaux.quicksight.dataset.DataSetService;
import io.glaux.quicksight.datasource.DataSourceService;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * QuickSight's half of the path, over one engine: its resources (kept under {@code .glaux/quicksight/} in the data
 * folder, across restarts) and the services that work on them. It knows no HTTP; {@code io.glaux.quicksight.api}
 * serves it on the wire.
 */
public final class QuickSight implements AutoCloseable {

    private final DataSourceService dataSources;
    private final DataSetService dataSets;
    private final AnalysisService analyses;
    private final DashboardService dashboards;

    private QuickSight(Path folder, Glaux glaux, Clock clock, boolean syncWrites) {
        this.dataSources = new DataSourceService(folder.resolve("data-sources"), glaux.workgroups(), clock,
                syncWrites);
        this.dataSets = new DataSetService(folder.resolve("data-sets"), dataSources, clock, syncWrites);
        DataSetColumns columns = arn -> dataSets.findByArn(arn).map(QuickSight::columns);
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

    public DataSetService dataSets() {
        return dataSets;
    }

    public AnalysisService analyses() {
        return analyses;
    }

    public DashboardService dashboards() {
        return dashboards;
    }

    /** A dataset's output columns by name, with their QuickSight types, in order. */
    private static Map<String, String> columns(DataSet dataSet) {
        Map<String, String> columns = new LinkedHashMap<>();
        dataSet.compiled().outputColumns().forEach(column -> columns.put(column.name(), column.type()));
        return columns;
    }

    @Override
    public void close() {
        // Nothing runs in the background yet.
    }
}
