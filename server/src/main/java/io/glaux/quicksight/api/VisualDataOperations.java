package io.glaux.quicksight.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.aws.protocol.RestRequest;
import io.glaux.aws.protocol.RestResponse;
import io.glaux.aws.protocol.RestRoute;
import io.glaux.quicksight.render.VisualData;
import io.glaux.quicksight.render.VisualDataService;
import io.glaux.quicksight.visual.DrillStep;
import io.glaux.quicksight.visual.VisualColumn;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Glaux's visual-data endpoint (not a QuickSight operation; the web UI and tests use it): the data of one visual of
 * an analysis or a dashboard, computed from its definition —
 * {@code POST /glaux/quicksight/accounts/{AwsAccountId}/(dashboards|analyses)/{Id}/visuals/{VisualId}/data} with an
 * optional body {@code {"Parameters": {"Region": ["north"]}, "DrillDown": [{"HierarchyId": "h", "Value": "2024"}],
 * "VersionNumber": 2, "Source": "DIRECT_QUERY"}} ({@code Source}, SPICE or DIRECT_QUERY, forces where it is computed),
 * answering {@code Columns}, {@code Rows} (numbers as JSON numbers), {@code Source},
 * {@code QueryExecutionId}, {@code ElapsedMillis} and {@code DataScannedInBytes}. See docs/quicksight.md.
 */
final class VisualDataOperations {

    static final String PREFIX = "/glaux/quicksight";
    static final String ACCOUNT = PREFIX + "/accounts/{AwsAccountId}";

    private static final int MAX_COLUMN_VALUES = 10_000;
    private static final int DEFAULT_COLUMN_VALUES = 1000;

    private final VisualDataService visuals;

    VisualDataOperations(VisualDataService visuals) {
        this.visuals = visuals;
    }

    List<RestRoute> routes() {
        return List.of(
                RestRoute.of("GetDashboardVisualData", "POST",
                        ACCOUNT + "/dashboards/{DashboardId}/visuals/{VisualId}/data", this::dashboard),
                RestRoute.of("GetAnalysisVisualData", "POST",
                        ACCOUNT + "/analyses/{AnalysisId}/visuals/{VisualId}/data", this::analysis),
                RestRoute.of("GetDataSetColumnValues", "POST",
                        ACCOUNT + "/data-sets/{DataSetId}/columns/{ColumnName}/values", this::columnValues));
    }

    private RestResponse dashboard(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        JsonInput body = request.body();
        Long version = body.longValue("VersionNumber", 1, Long.MAX_VALUE);
        return answer(visuals.dashboardVisual(QuickSightInput.resourceId(request, "DashboardId"), version,
                QuickSightInput.resourceId(request, "VisualId"), parameters(body), drillDown(body), mode(body)));
    }

    private RestResponse analysis(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        JsonInput body = request.body();
        return answer(visuals.analysisVisual(QuickSightInput.resourceId(request, "AnalysisId"),
                QuickSightInput.resourceId(request, "VisualId"), parameters(body), drillDown(body), mode(body)));
    }

    /** A dataset column's distinct values: an optional body {@code {"MaxValues": 1 to 10000}} (1000 by default). */
    private RestResponse columnValues(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        Integer max = request.body().integer("MaxValues", 1, MAX_COLUMN_VALUES);
        return answer(visuals.columnValues(QuickSightInput.resourceId(request, "DataSetId"),
                request.label("ColumnName", 1, 127, null), max == null ? DEFAULT_COLUMN_VALUES : max));
    }

    /** {@code Source}: SPICE or DIRECT_QUERY forces where the visual is computed; absent, as its datasets say. */
    private static VisualDataService.Mode mode(JsonInput body) {
        String source = QuickSightInput.optionalEnum(body, "Source", List.of("SPICE", "DIRECT_QUERY"));
        return source == null ? VisualDataService.Mode.DATASET : VisualDataService.Mode.valueOf(source);
    }

    /** {@code Parameters}: name to a value or a list of values (text, numbers or epoch-second timestamps). */
    private static Map<String, List<String>> parameters(JsonInput body) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        JsonNode node = body.json().get("Parameters");
        if (node == null || node.isNull()) {
            return parameters;
        }
        if (!node.isObject()) {
            throw body.errors().serialization("Expected a map of parameter names to values for Parameters");
        }
        node.fields().forEachRemaining(entry -> {
            List<String> values = new ArrayList<>();
            JsonNode value = entry.getValue();
            for (JsonNode item : value.isArray() ? value : List.of(value)) {
                if (!item.isValueNode() || item.isNull()) {
                    throw body.errors().serialization("Parameter " + entry.getKey() + " takes text, numbers or"
                            + " lists of them");
                }
                values.add(item.asText());
            }
            parameters.put(entry.getKey(), values);
        });
        return parameters;
    }

    /** {@code DrillDown}: the clicked values, per hierarchy, top level first. */
    private static List<DrillStep> drillDown(JsonInput body) {
        List<DrillStep> steps = new ArrayList<>();
        for (JsonInput step : body.objects("DrillDown", 100)) {
            steps.add(new DrillStep(step.requiredString("HierarchyId", 1, 512), step.requiredString("Value", 0,
                    4096)));
        }
        return steps;
    }

    /** Columns, rows (numbers as JSON numbers), where they came from and what it cost. */
    static RestResponse answer(VisualData data) {
        ObjectNode response = AwsJson.object();
        ArrayNode columns = response.putArray("Columns");
        for (VisualColumn column : data.columns()) {
            columns.addObject().put("Name", column.name()).put("Type", column.type());
        }
        ArrayNode rows = response.putArray("Rows");
        for (List<String> row : data.rows()) {
            ArrayNode out = rows.addArray();
            for (int i = 0; i < row.size(); i++) {
                String value = row.get(i);
                String type = i < data.columns().size() ? data.columns().get(i).type() : "STRING";
                if (value == null) {
                    out.addNull();
                } else if ((type.equals("INTEGER") || type.equals("DECIMAL")) && number(value) != null) {
                    out.add(number(value));
                } else {
                    out.add(value);
                }
            }
        }
        response.put("Source", data.source());
        AwsJson.putString(response, "QueryExecutionId", data.queryExecutionId());
        response.put("ElapsedMillis", data.elapsedMillis());
        response.put("DataScannedInBytes", data.dataScannedInBytes());
        return RestResponse.ok(response);
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            // NaN and infinities have no JSON number: the engine's text for them stays text in a DECIMAL column.
            return null;
        }
    }
}
