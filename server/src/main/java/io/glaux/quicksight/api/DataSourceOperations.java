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
import io.glaux.quicksight.datasource.DataSource;
import io.glaux.quicksight.datasource.DataSourceService;

import java.util.List;

/**
 * CreateDataSource, DescribeDataSource, ListDataSources, UpdateDataSource, DeleteDataSource and
 * Describe/UpdateDataSourcePermissions ({@code /accounts/{AwsAccountId}/data-sources...}).
 */
final class DataSourceOperations {

    private static final String PATH = "/accounts/{AwsAccountId}/data-sources";
    private static final String ONE = PATH + "/{DataSourceId}";

    private final DataSourceService dataSources;
    private final PermissionPrincipals principals;

    DataSourceOperations(DataSourceService dataSources, PermissionPrincipals principals) {
        this.principals = principals;
        this.dataSources = dataSources;
    }

    List<RestRoute> routes() {
        return List.of(
                RestRoute.of("CreateDataSource", "POST", PATH, this::create),
                RestRoute.of("ListDataSources", "GET", PATH, this::list),
                RestRoute.of("DescribeDataSource", "GET", ONE, this::describe),
                RestRoute.of("UpdateDataSource", "PUT", ONE, this::update),
                RestRoute.of("DeleteDataSource", "DELETE", ONE, this::delete),
                RestRoute.of("DescribeDataSourcePermissions", "GET", ONE + "/permissions", this::permissions),
                RestRoute.of("UpdateDataSourcePermissions", "POST", ONE + "/permissions", this::updatePermissions));
    }

    private RestResponse create(RestRequest request, RequestContext context) {
        String account = QuickSightInput.account(request, context);
        JsonInput body = request.body();
        String id = body.requiredString("DataSourceId", 1, 512);
        String name = body.requiredString("Name", 1, 128);
        String type = body.requiredString("Type", 1, 64);
        DataSource created = dataSources.create(new QuickSightArns(context.region(), account).dataSource(id), id,
                name, type, structure(body, "DataSourceParameters"), structure(body, "SslProperties"),
                principals.granted(body, "Permissions", context), QuickSightInput.tags(body, "Tags"));
        ObjectNode response = AwsJson.object();
        response.put("Arn", created.arn());
        response.put("DataSourceId", created.id());
        response.put("CreationStatus", created.status());
        return new RestResponse(202, response);
    }

    private RestResponse describe(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        ObjectNode response = AwsJson.object();
        response.set("DataSource", describe(dataSources.get(QuickSightInput.resourceId(request, "DataSourceId"))));
        return RestResponse.ok(response);
    }

    private RestResponse list(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        Integer max = request.queryInteger("max-results", 1, 100);
        ListPage<DataSource> page = ListPage.of(dataSources.list(), request.queryParameter("next-token"),
                max == null ? 100 : max, QuickSightErrors.STYLE);
        ObjectNode response = AwsJson.object();
        ArrayNode list = response.putArray("DataSources");
        page.items().forEach(dataSource -> list.add(describe(dataSource)));
        page.nextToken().ifPresent(next -> response.put("NextToken", next));
        return RestResponse.ok(response);
    }

    private RestResponse update(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        JsonInput body = request.body();
        String id = QuickSightInput.resourceId(request, "DataSourceId");
        DataSource updated = dataSources.update(id, body.requiredString("Name", 1, 128),
                structure(body, "DataSourceParameters"), structure(body, "SslProperties"));
        ObjectNode response = AwsJson.object();
        response.put("Arn", updated.arn());
        response.put("DataSourceId", updated.id());
        response.put("UpdateStatus", updated.status());
        return new RestResponse(202, response);
    }

    private RestResponse delete(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        DataSource deleted = dataSources.delete(QuickSightInput.resourceId(request, "DataSourceId"));
        ObjectNode response = AwsJson.object();
        response.put("Arn", deleted.arn());
        response.put("DataSourceId", deleted.id());
        return RestResponse.ok(response);
    }

    private RestResponse permissions(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        DataSource dataSource = dataSources.get(QuickSightInput.resourceId(request, "DataSourceId"));
        ObjectNode response = AwsJson.object();
        response.put("DataSourceArn", dataSource.arn());
        response.put("DataSourceId", dataSource.id());
        QuickSightJson.putPermissions(response, "Permissions", dataSource.permissions());
        return RestResponse.ok(response);
    }

    private RestResponse updatePermissions(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        JsonInput body = request.body();
        DataSource updated = dataSources.updatePermissions(QuickSightInput.resourceId(request, "DataSourceId"),
                principals.granted(body, "GrantPermissions", context),
                QuickSightInput.permissions(body, "RevokePermissions"));
        ObjectNode response = AwsJson.object();
        response.put("DataSourceArn", updated.arn());
        response.put("DataSourceId", updated.id());
        QuickSightJson.putPermissions(response, "Permissions", updated.permissions());
        return RestResponse.ok(response);
    }

    /** The DataSource structure. */
    private static ObjectNode describe(DataSource dataSource) {
        ObjectNode node = AwsJson.object();
        node.put("Arn", dataSource.arn());
        node.put("DataSourceId", dataSource.id());
        node.put("Name", dataSource.name());
        node.put("Type", dataSource.type());
        node.put("Status", dataSource.status());
        AwsJson.putTime(node, "CreatedTime", dataSource.createdTime());
        AwsJson.putTime(node, "LastUpdatedTime", dataSource.lastUpdatedTime());
        if (dataSource.parameters() != null && !dataSource.parameters().isNull()) {
            node.set("DataSourceParameters", dataSource.parameters());
        } else {
            node.putObject("DataSourceParameters").putObject("AthenaParameters")
                    .put("WorkGroup", dataSource.workGroup());
        }
        if (dataSource.sslProperties() != null && !dataSource.sslProperties().isNull()) {
            node.set("SslProperties", dataSource.sslProperties());
        }
        if (dataSource.errorInfo() != null) {
            node.putObject("ErrorInfo").put("Type", dataSource.errorInfo().type())
                    .put("Message", dataSource.errorInfo().message());
        }
        return node;
    }

    /** An optional structure member kept whole; a non-structure is refused. */
    private static JsonNode structure(JsonInput body, String member) {
        return body.has(member) ? body.object(member).json() : null;
    }
}
