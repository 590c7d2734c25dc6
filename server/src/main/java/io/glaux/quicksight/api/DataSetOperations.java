package io.glaux.quicksight.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.ListPage;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.aws.protocol.RestRequest;
import io.glaux.aws.protocol.RestResponse;
import io.glaux.aws.protocol.RestRoute;
import io.glaux.quicksight.QuickSightArns;
import io.glaux.quicksight.dataset.DataSet;
import io.glaux.quicksight.dataset.DataSetService;
import io.glaux.quicksight.dataset.OutputColumn;
import io.glaux.quicksight.ingestion.DataSetIngestions;
import io.glaux.quicksight.refresh.RefreshService;
import io.glaux.spice.Ingestion;
import io.glaux.spice.IngestionRequestSource;
import io.glaux.spice.IngestionRequestType;
import io.glaux.spice.IngestionType;

import java.util.List;
import java.util.Set;

/**
 * CreateDataSet, DescribeDataSet, ListDataSets, UpdateDataSet, DeleteDataSet and Describe/UpdateDataSetPermissions
 * ({@code /accounts/{AwsAccountId}/data-sets...}).
 */
final class DataSetOperations {

    private static final String PATH = "/accounts/{AwsAccountId}/data-sets";
    private static final String ONE = PATH + "/{DataSetId}";
    private static final List<String> IMPORT_MODES = List.of(DataSet.SPICE, DataSet.DIRECT_QUERY);
    /** Members read into the dataset's own fields; every other member of the request is kept as sent. */
    private static final Set<String> OWN_MEMBERS = Set.of("DataSetId", "Name", "PhysicalTableMap", "LogicalTableMap",
            "ImportMode", "Permissions", "Tags", "FolderArns");

    private final DataSetService dataSets;
    private final DataSetIngestions ingestions;
    private final RefreshService refreshes;
    private final PermissionPrincipals principals;

    DataSetOperations(DataSetService dataSets, DataSetIngestions ingestions, RefreshService refreshes, PermissionPrincipals principals) {
        this.principals = principals;
        this.dataSets = dataSets;
        this.ingestions = ingestions;
        this.refreshes = refreshes;
    }

    List<RestRoute> routes() {
        return List.of(
                RestRoute.of("CreateDataSet", "POST", PATH, this::create),
                RestRoute.of("ListDataSets", "GET", PATH, this::list),
                RestRoute.of("DescribeDataSet", "GET", ONE, this::describe),
                RestRoute.of("UpdateDataSet", "PUT", ONE, this::update),
                RestRoute.of("DeleteDataSet", "DELETE", ONE, this::delete),
                RestRoute.of("DescribeDataSetPermissions", "GET", ONE + "/permissions", this::permissions),
                RestRoute.of("UpdateDataSetPermissions", "POST", ONE + "/permissions", this::updatePermissions));
    }

    private RestResponse create(RestRequest request, RequestContext context) {
        String account = QuickSightInput.account(request, context);
        JsonInput body = request.body();
        String id = body.requiredString("DataSetId", 1, 512);
        DataSet created = dataSets.create(new QuickSightArns(context.region(), account).dataSet(id), id,
                definition(body), principals.granted(body, "Permissions", context),
                QuickSightInput.tags(body, "Tags"));
        ObjectNode response = AwsJson.object();
        response.put("Arn", created.arn());
        response.put("DataSetId", created.id());
        if (created.spice()) {
            // As QuickSight does, creating a SPICE dataset starts its first ingestion.
            Ingestion first = ingestions.start(created.id(), null, IngestionType.FULL_REFRESH,
                    IngestionRequestSource.MANUAL, IngestionRequestType.INITIAL_INGESTION);
            response.put("IngestionArn", IngestionOperations.arn(created, first));
            response.put("IngestionId", first.id());
        }
        return new RestResponse(201, response);
    }

    private RestResponse describe(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        ObjectNode response = AwsJson.object();
        DataSet dataSet = dataSets.get(QuickSightInput.resourceId(request, "DataSetId"));
        response.set("DataSet", describe(dataSet, ingestions.consumedBytes(dataSet)));
        return RestResponse.ok(response);
    }

    private RestResponse list(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        Integer max = request.queryInteger("max-results", 1, 100);
        ListPage<DataSet> page = ListPage.of(dataSets.list(), request.queryParameter("next-token"),
                max == null ? 100 : max, QuickSightErrors.STYLE);
        ObjectNode response = AwsJson.object();
        ArrayNode summaries = response.putArray("DataSetSummaries");
        for (DataSet dataSet : page.items()) {
            ObjectNode summary = summaries.addObject();
            summary.put("Arn", dataSet.arn());
            summary.put("DataSetId", dataSet.id());
            summary.put("Name", dataSet.name());
            AwsJson.putTime(summary, "CreatedTime", dataSet.createdTime());
            AwsJson.putTime(summary, "LastUpdatedTime", dataSet.lastUpdatedTime());
            summary.put("ImportMode", dataSet.importMode());
            summary.put("RowLevelPermissionTagConfigurationApplied", false);
            summary.put("ColumnLevelPermissionRulesApplied", false);
        }
        page.nextToken().ifPresent(next -> response.put("NextToken", next));
        return RestResponse.ok(response);
    }

    private RestResponse update(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        DataSet updated = dataSets.update(QuickSightInput.resourceId(request, "DataSetId"),
                definition(request.body()));
        ObjectNode response = AwsJson.object();
        response.put("Arn", updated.arn());
        response.put("DataSetId", updated.id());
        if (updated.spice()) {
            // An edit is ingested; the current data serves until that ingestion completes.
            Ingestion edit = ingestions.start(updated.id(), null, IngestionType.FULL_REFRESH,
                    IngestionRequestSource.MANUAL, IngestionRequestType.EDIT);
            response.put("IngestionArn", IngestionOperations.arn(updated, edit));
            response.put("IngestionId", edit.id());
        } else {
            ingestions.forget(updated.id());
        }
        return RestResponse.ok(response);
    }

    private RestResponse delete(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        DataSet deleted = dataSets.delete(QuickSightInput.resourceId(request, "DataSetId"));
        ingestions.forget(deleted.id());
        refreshes.forget(deleted.id());
        ObjectNode response = AwsJson.object();
        response.put("Arn", deleted.arn());
        response.put("DataSetId", deleted.id());
        return RestResponse.ok(response);
    }

    private RestResponse permissions(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        DataSet dataSet = dataSets.get(QuickSightInput.resourceId(request, "DataSetId"));
        ObjectNode response = AwsJson.object();
        response.put("DataSetArn", dataSet.arn());
        response.put("DataSetId", dataSet.id());
        QuickSightJson.putPermissions(response, "Permissions", dataSet.permissions());
        return RestResponse.ok(response);
    }

    private RestResponse updatePermissions(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        JsonInput body = request.body();
        DataSet updated = dataSets.updatePermissions(QuickSightInput.resourceId(request, "DataSetId"),
                principals.granted(body, "GrantPermissions", context),
                QuickSightInput.permissions(body, "RevokePermissions"));
        ObjectNode response = AwsJson.object();
        response.put("DataSetArn", updated.arn());
        response.put("DataSetId", updated.id());
        return RestResponse.ok(response);
    }

    /** The members CreateDataSet and UpdateDataSet share. */
    static DataSetService.Definition definition(JsonInput body) {
        String name = body.requiredString("Name", 1, 128);
        String importMode = QuickSightInput.requiredEnum(body, "ImportMode", IMPORT_MODES);
        JsonNode physical = body.json().get("PhysicalTableMap");
        if (physical == null || physical.isNull()) {
            throw body.violation(null, "PhysicalTableMap", "Member must not be null");
        }
        if (!physical.isObject()) {
            throw body.errors().serialization("Expected a map for PhysicalTableMap");
        }
        if (physical.size() > 32) {
            throw body.violation("{...}", "PhysicalTableMap", "Member must have length less than or equal to 32");
        }
        JsonNode logical = body.json().get("LogicalTableMap");
        if (logical != null && !logical.isNull() && (!logical.isObject() || logical.isEmpty() || logical.size() > 64)) {
            throw body.violation("{...}", "LogicalTableMap", "Member must be a map of 1 to 64 logical tables");
        }
        ObjectNode settings = AwsJson.object();
        body.json().fields().forEachRemaining(member -> {
            if (!OWN_MEMBERS.contains(member.getKey()) && !member.getValue().isNull()) {
                settings.set(member.getKey(), member.getValue());
            }
        });
        return new DataSetService.Definition(name, importMode, physical, logical, settings);
    }

    /** The DataSet structure. */
    private static ObjectNode describe(DataSet dataSet, long consumedSpiceBytes) {
        ObjectNode node = AwsJson.object();
        node.put("Arn", dataSet.arn());
        node.put("DataSetId", dataSet.id());
        node.put("Name", dataSet.name());
        AwsJson.putTime(node, "CreatedTime", dataSet.createdTime());
        AwsJson.putTime(node, "LastUpdatedTime", dataSet.lastUpdatedTime());
        node.set("PhysicalTableMap", dataSet.physicalTableMap());
        node.set("LogicalTableMap", dataSet.compiled().logicalTableMap());
        ArrayNode columns = node.putArray("OutputColumns");
        for (OutputColumn column : dataSet.compiled().outputColumns()) {
            ObjectNode item = columns.addObject();
            item.put("Name", column.name());
            AwsJson.putString(item, "Id", column.id());
            AwsJson.putString(item, "Description", column.description());
            item.put("Type", column.type());
            AwsJson.putString(item, "SubType", column.subType());
        }
        node.put("ImportMode", dataSet.importMode());
        node.put("ConsumedSpiceCapacityInBytes", consumedSpiceBytes);
        if (dataSet.settings() != null) {
            dataSet.settings().fields().forEachRemaining(member -> node.set(member.getKey(), member.getValue()));
        }
        return node;
    }
}
