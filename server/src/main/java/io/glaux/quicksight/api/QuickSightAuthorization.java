package io.glaux.quicksight.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.glaux.aws.protocol.CallAuthorizer;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.aws.protocol.RestRequest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which IAM action and resource each QuickSight call needs, as the Service Authorization Reference for Amazon
 * QuickSight names them: {@code quicksight:<Operation>} on the resource the call names
 * ({@code arn:aws:quicksight:<region>:<account>:dashboard/<id>}, {@code analysis/<id>}, {@code dataset/<id>},
 * {@code datasource/<id>}; ingestions, refresh schedules and properties on their data set, snapshot jobs and versions
 * on their dashboard; a tag call on the ARN it names; GenerateEmbedUrlForRegisteredUser on the user's ARN,
 * GenerateEmbedUrlForAnonymousUser on its namespace), {@code *} for the List calls of a whole account. Glaux's own
 * endpoints for the web UI ({@code /glaux/quicksight/...}) authorize as the QuickSight action they serve: a
 * dashboard's visual data is {@code quicksight:DescribeDashboard} on the dashboard, an analysis's
 * {@code quicksight:DescribeAnalysis}, a data set's column values {@code quicksight:DescribeDataSet}, a data set
 * preview {@code quicksight:CreateDataSet}, the Security &amp; permissions settings
 * {@code quicksight:DescribeResourcePermissions} and {@code quicksight:UpdateResourcePermissions}, the workgroups
 * QuickSight's role lists {@code quicksight:ListDataSources}.
 */
final class QuickSightAuthorization {

    /** Glaux's own operations, and the QuickSight action each serves. */
    private static final Map<String, String> ACTIONS = Map.of("GetDashboardVisualData", "DescribeDashboard",
            "GetAnalysisVisualData", "DescribeAnalysis", "GetDataSetColumnValues", "DescribeDataSet",
            "PreviewDataSet", "CreateDataSet", "DescribeAwsResourceAccess", "DescribeResourcePermissions",
            "UpdateAwsResourceAccess", "UpdateResourcePermissions", "ListAthenaWorkGroups", "ListDataSources");

    /** The members naming a resource, most specific first, and the ARN resource type of each. */
    private static final List<Map.Entry<String, String>> IDS = List.of(Map.entry("DashboardId", "dashboard/"),
            Map.entry("AnalysisId", "analysis/"), Map.entry("DataSetId", "dataset/"),
            Map.entry("DataSourceId", "datasource/"), Map.entry("Namespace", "namespace/"));

    private final CallAuthorizer authorizer;

    QuickSightAuthorization(CallAuthorizer authorizer) {
        this.authorizer = authorizer;
    }

    /** The IAM action of {@code operation}, without the {@code quicksight:} prefix. */
    static String actionOf(String operation) {
        return ACTIONS.getOrDefault(operation, operation);
    }

    /** Throws the denial when the caller may not make this call. */
    void check(String operation, RestRequest request, RequestContext context) {
        String resource = userOrGroup(operation, request).map(path -> authorizer.arn(context, path))
                .orElseGet(() -> resourceOf(request, context));
        authorizer.check(context, actionOf(operation), resource);
    }

    /** The user or group resource ({@code user/default/ann}) of a user or group operation; empty for the others. */
    static Optional<String> userOrGroup(String operation, RestRequest request) {
        String namespace = request.labels().get("Namespace");
        if (namespace == null || operation.startsWith("GenerateEmbedUrl")) {
            return Optional.empty();
        }
        String group = request.labels().get("GroupName");
        if (group != null) {
            return Optional.of("group/" + namespace + "/" + group);
        }
        String user = request.labels().get("UserName");
        if (user != null) {
            return Optional.of("user/" + namespace + "/" + user);
        }
        JsonNode body = request.body().json();
        return switch (operation) {
            case "ListUsers", "DeleteUserByPrincipalId" -> Optional.of("user/" + namespace + "/*");
            case "ListGroups" -> Optional.of("group/" + namespace + "/*");
            case "CreateGroup" -> Optional.of("group/" + namespace + "/" + text(body, "GroupName").orElse("*"));
            case "RegisterUser" -> Optional.of("user/" + namespace + "/" + registeredName(body));
            default -> Optional.empty();
        };
    }

    /** The name RegisterUser will give: UserName, else the IAM user's name or {@code <role>/<session>}, else *. */
    private static String registeredName(JsonNode body) {
        Optional<String> iamArn = text(body, "IamArn");
        if (iamArn.isPresent() && "IAM".equals(text(body, "IdentityType").orElse(null))) {
            String arn = iamArn.get();
            String name = arn.substring(arn.lastIndexOf('/') + 1);
            Optional<String> session = text(body, "SessionName");
            return arn.contains(":role/") ? name + "/" + session.orElse("*") : name;
        }
        return text(body, "UserName").orElse("*");
    }

    /**
     * The resource a call is checked on: the ARN a URI label names ({@code ResourceArn}, or an id), else one the body
     * names (a create call's id, a registered user's {@code UserArn}, an anonymous embedding's {@code Namespace}),
     * else {@code *}.
     */
    String resourceOf(RestRequest request, RequestContext context) {
        String arn = request.labels().get("ResourceArn");
        if (arn != null) {
            return arn;
        }
        for (Map.Entry<String, String> id : IDS) {
            String value = request.labels().get(id.getKey());
            if (value != null) {
                return authorizer.arn(context, id.getValue() + value);
            }
        }
        JsonNode body = request.body().json();
        Optional<String> userArn = text(body, "UserArn");
        if (userArn.isPresent()) {
            return userArn.get();
        }
        for (Map.Entry<String, String> id : IDS) {
            Optional<String> value = text(body, id.getKey());
            if (value.isPresent()) {
                return authorizer.arn(context, id.getValue() + value.get());
            }
        }
        return "*";
    }

    private static Optional<String> text(JsonNode body, String member) {
        JsonNode value = body.get(member);
        return value != null && value.isTextual() && !value.textValue().isEmpty() ? Optional.of(value.textValue())
                : Optional.empty();
    }
}
