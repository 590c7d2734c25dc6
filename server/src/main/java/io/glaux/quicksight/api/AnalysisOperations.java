package io.glaux.quicksight.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.ErrorStyle;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.ListPage;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.aws.protocol.RestRequest;
import io.glaux.aws.protocol.RestResponse;
import io.glaux.aws.protocol.RestRoute;
import io.glaux.aws.protocol.ServiceError;
import io.glaux.quicksight.QuickSightArns;
import io.glaux.quicksight.analysis.Analysis;
import io.glaux.quicksight.analysis.AnalysisService;
import io.glaux.quicksight.analysis.DefinitionError;

import java.util.List;
import java.util.regex.Pattern;

/**
 * CreateAnalysis, DescribeAnalysis, DescribeAnalysisDefinition, UpdateAnalysis, DeleteAnalysis, RestoreAnalysis,
 * ListAnalyses and Describe/UpdateAnalysisPermissions ({@code /accounts/{AwsAccountId}/analyses...}). An analysis is
 * made from a Definition only: templates are not served by Glaux. Also the members analyses and dashboards share.
 */
final class AnalysisOperations {

    private static final String PATH = "/accounts/{AwsAccountId}/analyses";
    private static final String ONE = PATH + "/{AnalysisId}";

    /** ShortRestrictiveResourceId: AnalysisId, DashboardId, SheetId. */
    static final Pattern SHORT_ID = Pattern.compile("[\\w\\-]+");

    /** List* operations answer a bad NextToken with InvalidNextTokenException. */
    static final ErrorStyle LIST_ERRORS = new ErrorStyle() {
        @Override
        public ServiceError invalid(String message) {
            return new ServiceError(400, "InvalidNextTokenException", message);
        }

        @Override
        public ServiceError serialization(String message) {
            return QuickSightErrors.STYLE.serialization(message);
        }

        @Override
        public ServiceError internal(String message) {
            return QuickSightErrors.STYLE.internal(message);
        }

        @Override
        public ServiceError unknownOperation(String operation) {
            return QuickSightErrors.STYLE.unknownOperation(operation);
        }
    };

    private final AnalysisService analyses;
    private final PermissionPrincipals principals;

    AnalysisOperations(AnalysisService analyses, PermissionPrincipals principals) {
        this.principals = principals;
        this.analyses = analyses;
    }

    List<RestRoute> routes() {
        return List.of(
                RestRoute.of("CreateAnalysis", "POST", ONE, this::create),
                RestRoute.of("ListAnalyses", "GET", PATH, this::list),
                RestRoute.of("DescribeAnalysis", "GET", ONE, this::describe),
                RestRoute.of("DescribeAnalysisDefinition", "GET", ONE + "/definition", this::describeDefinition),
                RestRoute.of("UpdateAnalysis", "PUT", ONE, this::update),
                RestRoute.of("DeleteAnalysis", "DELETE", ONE, this::delete),
                RestRoute.of("RestoreAnalysis", "POST", "/accounts/{AwsAccountId}/restore/analyses/{AnalysisId}",
                        this::restore),
                RestRoute.of("DescribeAnalysisPermissions", "GET", ONE + "/permissions", this::permissions),
                RestRoute.of("UpdateAnalysisPermissions", "PUT", ONE + "/permissions", this::updatePermissions));
    }

    private RestResponse create(RestRequest request, RequestContext context) {
        String account = QuickSightInput.account(request, context);
        String id = id(request, "AnalysisId");
        JsonInput body = request.body();
        String name = body.requiredString("Name", 1, 2048);
        JsonNode definition = definition(body, "analysis");
        String themeArn = body.string("ThemeArn", 1, 2048);
        refuseFolders(body);
        Analysis created = analyses.create(new QuickSightArns(context.region(), account).of("analysis", id), id,
                name, definition, themeArn, principals.granted(body, "Permissions", context),
                QuickSightInput.tags(body, "Tags"));
        ObjectNode response = AwsJson.object();
        response.put("Arn", created.arn());
        response.put("AnalysisId", created.id());
        response.put("CreationStatus", created.currentStatus());
        return new RestResponse(202, response);
    }

    private RestResponse describe(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        Analysis analysis = analyses.get(id(request, "AnalysisId"));
        ObjectNode node = AwsJson.object();
        node.put("AnalysisId", analysis.id());
        node.put("Arn", analysis.arn());
        node.put("Name", analysis.name());
        node.put("Status", analysis.currentStatus());
        putErrors(node, analysis.errors());
        ArrayNode dataSets = node.putArray("DataSetArns");
        analysis.dataSetArns().forEach(dataSets::add);
        AwsJson.putString(node, "ThemeArn", analysis.themeArn());
        AwsJson.putTime(node, "CreatedTime", analysis.createdTime());
        AwsJson.putTime(node, "LastUpdatedTime", analysis.lastUpdatedTime());
        putSheets(node, analysis.definition());
        ObjectNode response = AwsJson.object();
        response.set("Analysis", node);
        return RestResponse.ok(response);
    }

    private RestResponse describeDefinition(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        Analysis analysis = analyses.get(id(request, "AnalysisId"));
        ObjectNode response = AwsJson.object();
        response.put("AnalysisId", analysis.id());
        response.put("Name", analysis.name());
        putErrors(response, analysis.errors());
        response.put("ResourceStatus", analysis.currentStatus());
        AwsJson.putString(response, "ThemeArn", analysis.themeArn());
        if (analysis.definition() != null) {
            response.set("Definition", analysis.definition());
        }
        return RestResponse.ok(response);
    }

    private RestResponse list(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        Integer max = request.queryInteger("max-results", 1, 100);
        ListPage<Analysis> page = ListPage.of(analyses.list(), request.queryParameter("next-token"),
                max == null ? 100 : max, LIST_ERRORS);
        ObjectNode response = AwsJson.object();
        ArrayNode list = response.putArray("AnalysisSummaryList");
        for (Analysis analysis : page.items()) {
            ObjectNode summary = list.addObject();
            summary.put("Arn", analysis.arn());
            summary.put("AnalysisId", analysis.id());
            summary.put("Name", analysis.name());
            summary.put("Status", analysis.currentStatus());
            AwsJson.putTime(summary, "CreatedTime", analysis.createdTime());
            AwsJson.putTime(summary, "LastUpdatedTime", analysis.lastUpdatedTime());
        }
        page.nextToken().ifPresent(next -> response.put("NextToken", next));
        return RestResponse.ok(response);
    }

    private RestResponse update(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        String id = id(request, "AnalysisId");
        JsonInput body = request.body();
        String name = body.requiredString("Name", 1, 2048);
        JsonNode definition = definition(body, "analysis");
        Analysis updated = analyses.update(id, name, definition, body.string("ThemeArn", 1, 2048));
        ObjectNode response = AwsJson.object();
        response.put("Arn", updated.arn());
        response.put("AnalysisId", updated.id());
        response.put("UpdateStatus", updated.currentStatus());
        return new RestResponse(202, response);
    }

    private RestResponse delete(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        String id = id(request, "AnalysisId");
        Integer days = request.queryInteger("recovery-window-in-days", 7, 30);
        Analysis deleted = analyses.delete(id, days == null ? null : days.longValue(),
                queryBoolean(request, "force-delete-without-recovery"));
        ObjectNode response = AwsJson.object();
        response.put("Arn", deleted.arn());
        response.put("AnalysisId", deleted.id());
        AwsJson.putTime(response, "DeletionTime", deleted.deletionTime());
        return RestResponse.ok(response);
    }

    private RestResponse restore(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        if (queryBoolean(request, "restore-to-folders")) {
            throw QuickSightErrors.invalidParameter("Folders are not served by Glaux: RestoreToFolders cannot be"
                    + " true.");
        }
        Analysis restored = analyses.restore(id(request, "AnalysisId"));
        ObjectNode response = AwsJson.object();
        response.put("Arn", restored.arn());
        response.put("AnalysisId", restored.id());
        return RestResponse.ok(response);
    }

    private RestResponse permissions(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        Analysis analysis = analyses.get(id(request, "AnalysisId"));
        ObjectNode response = AwsJson.object();
        response.put("AnalysisId", analysis.id());
        response.put("AnalysisArn", analysis.arn());
        QuickSightJson.putPermissions(response, "Permissions", analysis.permissions());
        return RestResponse.ok(response);
    }

    private RestResponse updatePermissions(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        JsonInput body = request.body();
        Analysis updated = analyses.updatePermissions(id(request, "AnalysisId"),
                principals.granted(body, "GrantPermissions", context),
                QuickSightInput.permissions(body, "RevokePermissions"));
        ObjectNode response = AwsJson.object();
        response.put("AnalysisArn", updated.arn());
        response.put("AnalysisId", updated.id());
        QuickSightJson.putPermissions(response, "Permissions", updated.permissions());
        return RestResponse.ok(response);
    }

    /** An AnalysisId or DashboardId label: ShortRestrictiveResourceId. */
    static String id(RestRequest request, String label) {
        return request.label(label, 1, 512, SHORT_ID);
    }

    /**
     * The Definition of a Create/Update call, kept whole, with the model's constraints on the members Glaux reads
     * checked. A SourceEntity (a template) is refused: Glaux serves no templates.
     */
    static JsonNode definition(JsonInput body, String resource) {
        if (body.has("SourceEntity")) {
            throw QuickSightErrors.invalidParameter("Templates are not served by Glaux: create the " + resource
                    + " from a Definition, not a SourceEntity.");
        }
        if (!body.has("Definition")) {
            throw QuickSightErrors.invalidParameter("Either a Definition or a SourceEntity is required; Glaux"
                    + " serves Definition only.");
        }
        JsonInput definition = body.object("Definition");
        if (!definition.has("DataSetIdentifierDeclarations")) {
            throw definition.violation(null, "Definition.DataSetIdentifierDeclarations", "Member must not be null");
        }
        java.util.Set<String> identifiers = new java.util.HashSet<>();
        for (JsonInput declaration : definition.objects("DataSetIdentifierDeclarations", 50)) {
            String identifier = declaration.requiredString("Identifier", 0, 2048);
            declaration.requiredString("DataSetArn", 1, 2048);
            if (!identifiers.add(identifier)) {
                throw QuickSightErrors.invalidParameter("DataSetIdentifierDeclarations declares the identifier '"
                        + identifier + "' more than once.");
            }
        }
        java.util.Set<String> sheetIds = new java.util.HashSet<>();
        for (JsonInput sheet : definition.objects("Sheets", 20)) {
            String sheetId = sheet.requiredString("SheetId", 1, 512, SHORT_ID);
            if (!sheetIds.add(sheetId)) {
                throw QuickSightErrors.invalidParameter("Sheets has the SheetId '" + sheetId + "' more than once.");
            }
            sheet.string("Name", 1, 2048);
            sheet.objects("Visuals", 75);
        }
        for (JsonInput field : definition.objects("CalculatedFields", 2000)) {
            field.string("DataSetIdentifier", 0, 2048);
            field.requiredString("Name", 1, 128);
            field.requiredString("Expression", 1, 32000);
        }
        definition.objects("ParameterDeclarations", 400);
        definition.objects("FilterGroups", 2000);
        definition.objects("ColumnConfigurations", 2000);
        if (body.has("ValidationStrategy")) {
            QuickSightInput.requiredEnum(body.object("ValidationStrategy"), "Mode", List.of("STRICT", "LENIENT"));
        }
        return definition.json();
    }

    /** FolderArns: Glaux serves no folders. */
    static void refuseFolders(JsonInput body) {
        List<String> folders = body.strings("FolderArns", 0, 1, 1, 2048);
        if (folders != null && !folders.isEmpty()) {
            throw QuickSightErrors.invalidParameter("Folders are not served by Glaux: FolderArns cannot be given.");
        }
    }

    /** An AnalysisErrorList / DashboardErrorList member, left out when there are no errors (its minimum is 1). */
    static void putErrors(ObjectNode node, List<DefinitionError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        ArrayNode list = node.putArray("Errors");
        for (DefinitionError error : errors) {
            ObjectNode item = list.addObject();
            item.put("Type", error.type());
            item.put("Message", error.message());
            ArrayNode entities = item.putArray("ViolatedEntities");
            error.violatedEntities().forEach(path -> entities.addObject().put("Path", path));
        }
    }

    /** The SheetList of a Describe: each sheet's SheetId and Name. */
    static void putSheets(ObjectNode node, JsonNode definition) {
        ArrayNode sheets = node.putArray("Sheets");
        JsonNode list = definition == null ? null : definition.get("Sheets");
        if (list == null || !list.isArray()) {
            return;
        }
        for (JsonNode sheet : list) {
            ObjectNode item = sheets.addObject();
            item.put("SheetId", sheet.path("SheetId").asText());
            if (sheet.path("Name").isTextual()) {
                item.put("Name", sheet.get("Name").asText());
            }
        }
    }

    /** An optional boolean query parameter ({@code true} or {@code false}). */
    static boolean queryBoolean(RestRequest request, String name) {
        String value = request.queryParameter(name);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw QuickSightErrors.invalidParameter("Expected a boolean for " + name + ", got '" + value + "'");
    }
}
