package io.glaux.quicksight.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.Glaux;
import io.glaux.quicksight.role.QuickSightRole;
import io.glaux.quicksight.QuickSightException;
import io.glaux.quicksight.analysis.AnalysisService;
import io.glaux.quicksight.analysis.DashboardService;
import io.glaux.quicksight.analysis.DashboardVersion;
import io.glaux.quicksight.dataset.DataSet;
import io.glaux.quicksight.dataset.DataSetService;
import io.glaux.quicksight.ingestion.DataSetIngestions;
import io.glaux.quicksight.visual.DrillStep;
import io.glaux.quicksight.visual.VisualColumn;
import io.glaux.quicksight.visual.VisualQuery;
import io.glaux.quicksight.visual.VisualQueryBuilder;
import io.glaux.quicksight.visual.VisualSource;
import io.glaux.results.ValueFormatter;
import io.glaux.spice.SpiceDataset;
import io.glaux.sql.PreparedQuery;
import io.glaux.sql.QueryContext;
import io.glaux.sql.scan.ScanContext;
import org.apache.calcite.linq4j.Enumerator;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Computes a visual of an analysis or a dashboard: its SQL from the definition ({@link VisualQueryBuilder}), run on
 * SPICE for a SPICE dataset (in the engine, as QuickSight reads SPICE without going to Athena) or as a real Athena
 * query in the data source's workgroup for a DIRECT_QUERY dataset, stopped and failed after the direct-query time
 * limit (QuickSight's is 2 minutes).
 */
public final class VisualDataService {

    /** Where a visual's data is computed. */
    public enum Mode {
        /** As its datasets are imported: SPICE when every dataset it reads is a SPICE dataset, else direct query. */
        DATASET,
        /** On the SPICE copy of its datasets (refused when one has none). */
        SPICE,
        /** As a direct query through Athena, even over SPICE datasets (what the web UI's "compare" measures). */
        DIRECT_QUERY
    }

    /** QuickSight's limit for a direct query behind a visual. */
    public static final Duration DEFAULT_DIRECT_QUERY_TIMEOUT = Duration.ofMinutes(2);

    private final Glaux glaux;
    private final DataSetService dataSets;
    private final AnalysisService analyses;
    private final DashboardService dashboards;
    private final VisualQueryBuilder builder;
    private final DirectQuery directQuery;

    public VisualDataService(Glaux glaux, DataSetService dataSets, AnalysisService analyses,
            DashboardService dashboards, Clock clock, Duration directQueryTimeout, QuickSightRole role) {
        this.glaux = glaux;
        this.dataSets = dataSets;
        this.analyses = analyses;
        this.dashboards = dashboards;
        this.builder = new VisualQueryBuilder(clock, VisualQueryBuilder.DEFAULT_ROW_LIMIT);
        this.directQuery = new DirectQuery(glaux, directQueryTimeout, role);
    }

    /** A visual of an analysis. */
    public VisualData analysisVisual(String analysisId, String visualId, Map<String, List<String>> parameters,
            List<DrillStep> drillDown) {
        return analysisVisual(analysisId, visualId, parameters, drillDown, Mode.DATASET);
    }

    /** A visual of an analysis, computed where {@code mode} says. */
    public VisualData analysisVisual(String analysisId, String visualId, Map<String, List<String>> parameters,
            List<DrillStep> drillDown, Mode mode) {
        return compute(analyses.get(analysisId).definition(), visualId, parameters, drillDown, mode);
    }

    /** A visual of a dashboard's published version, or of the version given. */
    public VisualData dashboardVisual(String dashboardId, Long versionNumber, String visualId,
            Map<String, List<String>> parameters, List<DrillStep> drillDown) {
        return dashboardVisual(dashboardId, versionNumber, visualId, parameters, drillDown, Mode.DATASET);
    }

    /** A visual of a dashboard's published version, or of the version given, computed where {@code mode} says. */
    public VisualData dashboardVisual(String dashboardId, Long versionNumber, String visualId,
            Map<String, List<String>> parameters, List<DrillStep> drillDown, Mode mode) {
        var dashboard = dashboards.get(dashboardId);
        DashboardVersion version = versionNumber == null ? dashboard.published()
                : dashboard.version(versionNumber).orElseThrow(() -> QuickSightException.notFound(null,
                        "Dashboard " + dashboardId + " has no version " + versionNumber + "."));
        return compute(version.definition(), visualId, parameters, drillDown, mode);
    }

    /**
     * The distinct values of a dataset's output column, NULL left out, ascending, at most {@code limit}: what a
     * dropdown control linked to the column or a category filter lists. Computed where the dataset's rows are, on its
     * SPICE copy or as a direct query of its SQL.
     */
    public VisualData columnValues(String dataSetId, String column, int limit) {
        DataSet dataSet = dataSets.get(dataSetId);
        String type = dataSet.compiled().outputColumns().stream().filter(c -> c.name().equals(column))
                .map(c -> c.type()).findFirst().orElseThrow(() -> QuickSightException.invalid("Data set "
                        + dataSetId + " has no column " + column + "."));
        String quoted = "\"" + column.replace("\"", "\"\"") + "\"";
        String relation = dataSet.spice() ? spiceRelation(dataSet) : "(" + dataSet.compiled().sql() + ")";
        VisualQuery query = new VisualQuery("SELECT DISTINCT " + quoted + " FROM " + relation
                + " AS \"glaux_values\" WHERE " + quoted + " IS NOT NULL ORDER BY 1 LIMIT " + limit,
                List.of(new VisualColumn(column, type)));
        if (dataSet.spice()) {
            requireData(dataSet);
            return onSpice(query);
        }
        return directQuery(query, dataSet.compiled().workGroup());
    }

    private VisualData compute(JsonNode definition, String visualId, Map<String, List<String>> parameters,
            List<DrillStep> drillDown, Mode mode) {
        Map<String, DataSet> declared = declaredDataSets(definition);
        Set<String> used = dataSetIdentifiersOf(definition, visualId);
        boolean spice = switch (mode) {
            case DATASET -> used.stream().map(declared::get).allMatch(d -> d != null && d.spice());
            case SPICE -> true;
            case DIRECT_QUERY -> false;
        };
        Map<String, VisualSource> sources = new LinkedHashMap<>();
        declared.forEach((identifier, dataSet) -> sources.put(identifier, new VisualSource(
                spice && used.contains(identifier) ? spiceRelation(dataSet) : "(" + dataSet.compiled().sql() + ")",
                dataSet.compiled().outputColumns())));
        VisualQuery query = builder.build(definition, visualId, sources, parameters, drillDown);
        if (spice) {
            used.forEach(identifier -> requireData(declared.get(identifier)));
            return onSpice(query);
        }
        String workGroup = used.stream().map(declared::get).map(d -> d.compiled().workGroup()).findFirst()
                .orElse("primary");
        return directQuery(query, workGroup);
    }

    /** The DataSetIdentifierDeclarations, each to its dataset (a missing dataset is refused). */
    private Map<String, DataSet> declaredDataSets(JsonNode definition) {
        Map<String, DataSet> declared = new LinkedHashMap<>();
        for (JsonNode declaration : definition.path("DataSetIdentifierDeclarations")) {
            String identifier = declaration.path("Identifier").asText();
            String arn = declaration.path("DataSetArn").asText();
            declared.put(identifier, dataSets.findByArn(arn).orElseThrow(() -> QuickSightException.notFound(
                    "DATA_SET", "Data set " + arn + " (identifier " + identifier + ") does not exist.")));
        }
        return declared;
    }

    /** The dataset identifiers a visual reads (every DataSetIdentifier in its definition). */
    private static Set<String> dataSetIdentifiersOf(JsonNode definition, String visualId) {
        for (JsonNode sheet : definition.path("Sheets")) {
            for (JsonNode visual : sheet.path("Visuals")) {
                JsonNode body = visual.elements().hasNext() ? visual.elements().next() : null;
                if (body != null && visualId.equals(body.path("VisualId").asText())) {
                    Set<String> identifiers = new LinkedHashSet<>();
                    body.findValues("DataSetIdentifier").forEach(v -> identifiers.add(v.asText()));
                    return identifiers;
                }
            }
        }
        throw QuickSightException.notFound(null, "Visual " + visualId + " does not exist.");
    }

    private static String spiceRelation(DataSet dataSet) {
        return "spice.\"default\".\"" + DataSetIngestions.spiceName(dataSet.id()) + "\"";
    }

    private void requireData(DataSet dataSet) {
        if (!dataSet.spice()) {
            throw new QuickSightException(QuickSightException.Kind.PRECONDITION_NOT_MET, "DATA_SET", "Data set "
                    + dataSet.id() + " is not imported into SPICE (its ImportMode is DIRECT_QUERY).");
        }
        boolean hasData = glaux.spice().dataset(DataSetIngestions.spiceName(dataSet.id()))
                .map(SpiceDataset::hasData).orElse(false);
        if (!hasData) {
            throw new QuickSightException(QuickSightException.Kind.PRECONDITION_NOT_MET, "DATA_SET", "Data set "
                    + dataSet.id() + " has no SPICE data yet: its first ingestion has not completed.");
        }
    }

    private VisualData onSpice(VisualQuery query) {
        long start = System.nanoTime();
        PreparedQuery prepared;
        try {
            prepared = glaux.planner().prepare(query.sql(), QueryContext.DEFAULT, List.of());
        } catch (RuntimeException e) {
            throw new QuickSightException(QuickSightException.Kind.QUERY_FAILED, null, e.getMessage());
        }
        List<ValueFormatter> formatters = prepared.columns().stream().map(ValueFormatter::new).toList();
        AtomicBoolean cancelled = new AtomicBoolean();
        ScanContext scan = new ScanContext(cancelled, Long.MAX_VALUE);
        List<List<String>> rows = new ArrayList<>();
        try (Enumerator<Object[]> results = prepared.run(scan, cancelled)) {
            while (results.moveNext()) {
                Object[] row = results.current();
                List<String> values = new ArrayList<>(row.length);
                for (int i = 0; i < row.length; i++) {
                    values.add(row[i] == null ? null : formatters.get(i).format(row[i]));
                }
                rows.add(values);
            }
        } catch (RuntimeException e) {
            throw new QuickSightException(QuickSightException.Kind.QUERY_FAILED, null, e.getMessage());
        }
        return new VisualData(query.columns(), rows, VisualData.SPICE, null,
                Duration.ofNanos(System.nanoTime() - start).toMillis(), scan.bytesScanned());
    }

    private VisualData directQuery(VisualQuery query, String workGroup) {
        return directQuery.run(query.sql(), query.columns(), workGroup);
    }
}
