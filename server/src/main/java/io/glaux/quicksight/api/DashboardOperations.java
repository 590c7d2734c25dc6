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
import io.glaux.quicksight.analysis.Dashboard;
import io.glaux.quicksight.analysis.DashboardService;
import io.glaux.quicksight.analysis.DashboardVersion;

import java.util.List;
import java.util.regex.Pattern;

/**
 * CreateDashboard, DescribeDashboard, DescribeDashboardDefinition, UpdateDashboard, UpdateDashboardPublishedVersion,
 * ListDashboards, ListDashboardVersions, DeleteDashboard and Describe/UpdateDashboardPermissions
 * ({@code /accounts/{AwsAccountId}/dashboards...}). Made from a Definition only: templates are not served by Glaux.
 */
final class DashboardOperations {

    private static final String PATH = "/accounts/{AwsAccountId}/dashboards";
    private static final String ONE = PATH + "/{DashboardId}";
    private static final Pattern ALIAS = Pattern.compile("[\\w\\-]+|(\\$LATEST)|(\\$PUBLISHED)");

    private final DashboardService dashboards;
    private final PermissionPrincipals principals;

    DashboardOperations(DashboardService dashboards, PermissionPrincipals principals) {
        this.principals = principals;
        this.dashboards = dashboards;
    }

    List<RestRoute> routes() {
        return List.of(
                RestRoute.of("CreateDashboard", "POST", ONE, this::create),
                RestRoute.of("ListDashboards", "GET", PATH, this::list),
                RestRoute.of("DescribeDashboard", "GET", ONE, this::describe),
                RestRoute.of("DescribeDashboardDefinition", "GET", ONE + "/definition", this::describeDefinition),
                RestRoute.of("UpdateDashboard", "PUT", ONE, this::update),
                RestRoute.of("ListDashboardVersions", "GET", ONE + "/versions", this::versions),
                RestRoute.of("UpdateDashboardPublishedVersion", "PUT", ONE + "/versions/{VersionNumber}",
                        this::publish),
                RestRoute.of("DeleteDashboard", "DELETE", ONE, this::delete),
                RestRoute.of("DescribeDashboardPermissions", "GET", ONE + "/permissions", this::permissions),
                RestRoute.of("UpdateDashboardPermissions", "PUT", ONE + "/permissions", this::updatePermissions));
    }

    private RestResponse create(RestRequest request, RequestContext context) {
        String account = QuickSightInput.account(request, context);
        String id = AnalysisOperations.id(request, "DashboardId");
        JsonInput body = request.body();
        String name = body.requiredString("Name", 1, 2048);
        JsonNode definition = AnalysisOperations.definition(body, "dashboard");
        AnalysisOperations.refuseFolders(body);
        refuseLinks(body);
        Dashboard created = dashboards.create(new QuickSightArns(context.region(), account).of("dashboard", id), id,
                name, definition, body.string("VersionDescription", 1, 512), body.string("ThemeArn", 1, 2048),
                publishOptions(body), principals.granted(body, "Permissions", context),
                QuickSightInput.tags(body, "Tags"));
        ObjectNode response = AwsJson.object();
        response.put("Arn", created.arn());
        response.put("VersionArn", created.latest().arn());
        response.put("DashboardId", created.id());
        response.put("CreationStatus", created.latest().status());
        return new RestResponse(202, response);
    }

    private RestResponse describe(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        String id = AnalysisOperations.id(request, "DashboardId");
        DashboardVersion version = version(request, id);
        Dashboard dashboard = dashboards.get(id);
        ObjectNode node = AwsJson.object();
        node.put("DashboardId", dashboard.id());
        node.put("Arn", dashboard.arn());
        node.put("Name", version.name());
        ObjectNode versionNode = node.putObject("Version");
        AwsJson.putTime(versionNode, "CreatedTime", version.createdTime());
        AnalysisOperations.putErrors(versionNode, version.errors());
        versionNode.put("VersionNumber", version.number());
        versionNode.put("Status", version.status());
        versionNode.put("Arn", version.arn());
        ArrayNode dataSets = versionNode.putArray("DataSetArns");
        version.dataSetArns().forEach(dataSets::add);
        AwsJson.putString(versionNode, "Description", version.description());
        AwsJson.putString(versionNode, "ThemeArn", version.themeArn());
        AnalysisOperations.putSheets(versionNode, version.definition());
        AwsJson.putTime(node, "CreatedTime", dashboard.createdTime());
        AwsJson.putTime(node, "LastPublishedTime", dashboard.lastPublishedTime());
        AwsJson.putTime(node, "LastUpdatedTime", dashboard.lastUpdatedTime());
        ObjectNode response = AwsJson.object();
        response.set("Dashboard", node);
        return RestResponse.ok(response);
    }

    private RestResponse describeDefinition(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        String id = AnalysisOperations.id(request, "DashboardId");
        DashboardVersion version = version(request, id);
        ObjectNode response = AwsJson.object();
        response.put("DashboardId", id);
        AnalysisOperations.putErrors(response, version.errors());
        response.put("Name", version.name());
        response.put("ResourceStatus", version.status());
        AwsJson.putString(response, "ThemeArn", version.themeArn());
        if (version.definition() != null) {
            response.set("Definition", version.definition());
        }
        if (version.publishOptions() != null) {
            response.set("DashboardPublishOptions", version.publishOptions());
        }
        return RestResponse.ok(response);
    }

    private RestResponse list(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        Integer max = request.queryInteger("max-results", 1, 100);
        ListPage<Dashboard> page = ListPage.of(dashboards.list(), request.queryParameter("next-token"),
                max == null ? 100 : max, AnalysisOperations.LIST_ERRORS);
        ObjectNode response = AwsJson.object();
        ArrayNode list = response.putArray("DashboardSummaryList");
        for (Dashboard dashboard : page.items()) {
            ObjectNode summary = list.addObject();
            summary.put("Arn", dashboard.arn());
            summary.put("DashboardId", dashboard.id());
            summary.put("Name", dashboard.name());
            AwsJson.putTime(summary, "CreatedTime", dashboard.createdTime());
            AwsJson.putTime(summary, "LastUpdatedTime", dashboard.lastUpdatedTime());
            summary.put("PublishedVersionNumber", dashboard.publishedVersion());
            AwsJson.putTime(summary, "LastPublishedTime", dashboard.lastPublishedTime());
        }
        page.nextToken().ifPresent(next -> response.put("NextToken", next));
        return RestResponse.ok(response);
    }

    private RestResponse versions(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        Dashboard dashboard = dashboards.get(AnalysisOperations.id(request, "DashboardId"));
        Integer max = request.queryInteger("max-results", 1, 100);
        ListPage<DashboardVersion> page = ListPage.of(dashboard.versions(), request.queryParameter("next-token"),
                max == null ? 100 : max, AnalysisOperations.LIST_ERRORS);
        ObjectNode response = AwsJson.object();
        ArrayNode list = response.putArray("DashboardVersionSummaryList");
        for (DashboardVersion version : page.items()) {
            ObjectNode summary = list.addObject();
            summary.put("Arn", version.arn());
            AwsJson.putTime(summary, "CreatedTime", version.createdTime());
            summary.put("VersionNumber", version.number());
            summary.put("Status", version.status());
            AwsJson.putString(summary, "Description", version.description());
        }
        page.nextToken().ifPresent(next -> response.put("NextToken", next));
        return RestResponse.ok(response);
    }

    private RestResponse update(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        String id = AnalysisOperations.id(request, "DashboardId");
        JsonInput body = request.body();
        String name = body.requiredString("Name", 1, 2048);
        JsonNode definition = AnalysisOperations.definition(body, "dashboard");
        Dashboard updated = dashboards.update(id, name, definition, body.string("VersionDescription", 1, 512),
                body.string("ThemeArn", 1, 2048), publishOptions(body));
        ObjectNode response = AwsJson.object();
        response.put("Arn", updated.arn());
        response.put("VersionArn", updated.latest().arn());
        response.put("DashboardId", updated.id());
        response.put("CreationStatus", updated.latest().status());
        return new RestResponse(202, response);
    }

    private RestResponse publish(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        String id = AnalysisOperations.id(request, "DashboardId");
        long number = versionNumber(request.label("VersionNumber", 1, 20, null), "VersionNumber");
        Dashboard published = dashboards.publish(id, number);
        ObjectNode response = AwsJson.object();
        response.put("DashboardId", published.id());
        response.put("DashboardArn", published.arn());
        return RestResponse.ok(response);
    }

    private RestResponse delete(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        String id = AnalysisOperations.id(request, "DashboardId");
        String number = request.queryParameter("version-number");
        Dashboard deleted = number == null ? dashboards.delete(id)
                : dashboards.deleteVersion(id, versionNumber(number, "VersionNumber"));
        ObjectNode response = AwsJson.object();
        response.put("Arn", deleted.arn());
        response.put("DashboardId", deleted.id());
        return RestResponse.ok(response);
    }

    private RestResponse permissions(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        Dashboard dashboard = dashboards.get(AnalysisOperations.id(request, "DashboardId"));
        ObjectNode response = AwsJson.object();
        response.put("DashboardId", dashboard.id());
        response.put("DashboardArn", dashboard.arn());
        QuickSightJson.putPermissions(response, "Permissions", dashboard.permissions());
        return RestResponse.ok(response);
    }

    private RestResponse updatePermissions(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        JsonInput body = request.body();
        if (body.has("GrantLinkPermissions") || body.has("RevokeLinkPermissions")) {
            throw QuickSightErrors.invalidParameter("Link sharing is not served by Glaux: GrantLinkPermissions and"
                    + " RevokeLinkPermissions cannot be given.");
        }
        Dashboard updated = dashboards.updatePermissions(AnalysisOperations.id(request, "DashboardId"),
                principals.granted(body, "GrantPermissions", context),
                QuickSightInput.permissions(body, "RevokePermissions"));
        ObjectNode response = AwsJson.object();
        response.put("DashboardArn", updated.arn());
        response.put("DashboardId", updated.id());
        QuickSightJson.putPermissions(response, "Permissions", updated.permissions());
        return RestResponse.ok(response);
    }

    /**
     * The version a Describe names: {@code version-number}, or {@code alias-name} ({@code $PUBLISHED} or
     * {@code $LATEST}; dashboards have no other aliases), or the published version when neither is given.
     */
    private DashboardVersion version(RestRequest request, String id) {
        String number = request.queryParameter("version-number");
        String alias = request.queryParameter("alias-name");
        if (number != null && alias != null) {
            throw QuickSightErrors.invalidParameter("VersionNumber and AliasName cannot both be given.");
        }
        if (number != null) {
            return dashboards.version(id, versionNumber(number, "VersionNumber"));
        }
        Dashboard dashboard = dashboards.get(id);
        if (alias == null || alias.equals("$PUBLISHED")) {
            return dashboard.published();
        }
        if (alias.length() > 2048 || !ALIAS.matcher(alias).matches()) {
            throw request.body().violation(alias, "AliasName",
                    "Member must satisfy regular expression pattern: " + ALIAS.pattern());
        }
        if (alias.equals("$LATEST")) {
            return dashboard.latest();
        }
        throw io.glaux.quicksight.QuickSightException.notFound(null, "Alias " + alias + " of dashboard " + id
                + " is not found.");
    }

    /** A VersionNumber: a long of at least 1. */
    private static long versionNumber(String value, String member) {
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw QuickSightErrors.invalidParameter("Expected a number for " + member + ", got '" + value + "'");
        }
        if (number < 1) {
            throw QuickSightErrors.invalidParameter(io.glaux.aws.protocol.JsonInput.validationMessage(number, member,
                    "Member must have value greater than or equal to 1"));
        }
        return number;
    }

    /** DashboardPublishOptions, kept whole. */
    private static JsonNode publishOptions(JsonInput body) {
        return body.has("DashboardPublishOptions") ? body.object("DashboardPublishOptions").json() : null;
    }

    /** LinkSharingConfiguration and LinkEntities: Glaux serves no link sharing. */
    private static void refuseLinks(JsonInput body) {
        if (body.has("LinkSharingConfiguration")) {
            throw QuickSightErrors.invalidParameter("Link sharing is not served by Glaux: LinkSharingConfiguration"
                    + " cannot be given.");
        }
        List<String> links = body.strings("LinkEntities", 0, 5, 1, 1024);
        if (links != null && !links.isEmpty()) {
            throw QuickSightErrors.invalidParameter("Link entities are not served by Glaux: LinkEntities cannot be"
                    + " given.");
        }
    }
}
