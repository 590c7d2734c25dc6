package io.glaux.quicksight.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.aws.protocol.RestRequest;
import io.glaux.aws.protocol.RestResponse;
import io.glaux.aws.protocol.RestRoute;
import io.glaux.quicksight.datasource.DataSourceService;
import io.glaux.quicksight.role.EffectivePermissions;
import io.glaux.quicksight.role.ResourceAccess;
import io.glaux.quicksight.role.UnknownKeyException;
import io.glaux.workgroup.Workgroup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Glaux's endpoints for QuickSight's "Security &amp; permissions → AWS resources" settings (not QuickSight operations;
 * the web UI's Security &amp; permissions and data source pages use them):
 * <ul>
 *   <li>{@code GET /glaux/quicksight/accounts/{AwsAccountId}/security/aws-resources} (DescribeAwsResourceAccess,
 *   authorized as {@code quicksight:DescribeResourcePermissions}): {@code RoleArn}, the {@code Settings}
 *   ({@code AthenaAccess}, {@code S3Buckets} [{@code BucketName}, {@code WriteForAthenaWorkgroup}],
 *   {@code LambdaFunctions}, {@code KmsKeys} [key ARN]) as the role's policies say them, and the role's
 *   {@code EffectivePermissions} on every workgroup, bucket, function and key (the chosen ones and those workgroups
 *   encrypt their results with), each {@code Allowed} or not with the deciding {@code Policy} or AWS's
 *   {@code Reason};</li>
 *   <li>{@code PUT} the same path (UpdateAwsResourceAccess, {@code quicksight:UpdateResourcePermissions}) with the
 *   settings' members: writes them as the role's policies and answers as GET does. {@code KmsKeys} may name a key
 *   by id, alias or ARN (written as its key ARN; an unknown key is a 400 InvalidParameterValueException naming it);
 *   a PUT without {@code KmsKeys} keeps the current keys;</li>
 *   <li>{@code GET /glaux/quicksight/accounts/{AwsAccountId}/athena/work-groups} (ListAthenaWorkGroups,
 *   {@code quicksight:ListDataSources}): the workgroups as QuickSight's role lists them for the data source page;
 *   a role without {@code athena:ListWorkGroups} gets 401 AccessDeniedException with AWS's sentence and the fix.</li>
 * </ul>
 */
final class SecurityOperations {

    static final String RESOURCES = VisualDataOperations.ACCOUNT + "/security/aws-resources";
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]");

    private final SecuritySettings settings;
    private final DataSourceService dataSources;
    private final io.glaux.workgroup.WorkgroupService workgroups;

    SecurityOperations(SecuritySettings settings, DataSourceService dataSources,
            io.glaux.workgroup.WorkgroupService workgroups) {
        this.settings = settings;
        this.dataSources = dataSources;
        this.workgroups = workgroups;
    }

    List<RestRoute> routes() {
        return List.of(RestRoute.of("DescribeAwsResourceAccess", "GET", RESOURCES, this::describe),
                RestRoute.of("UpdateAwsResourceAccess", "PUT", RESOURCES, this::update),
                RestRoute.of("ListAthenaWorkGroups", "GET", VisualDataOperations.ACCOUNT + "/athena/work-groups",
                        this::workGroups));
    }

    private RestResponse describe(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        return RestResponse.ok(answer(settings.access().read()));
    }

    private RestResponse update(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        JsonInput body = request.body();
        Boolean athena = body.bool("AthenaAccess");
        if (athena == null) {
            throw body.violation(null, "AthenaAccess", "Member must not be null");
        }
        List<ResourceAccess.Bucket> buckets = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (JsonInput bucket : body.objects("S3Buckets", 1000)) {
            String name = bucket.requiredString("BucketName", 3, 63, BUCKET);
            Boolean write = bucket.bool("WriteForAthenaWorkgroup");
            if (seen.add(name)) {
                buckets.add(new ResourceAccess.Bucket(name, write != null && write));
            }
        }
        List<String> functions = body.strings("LambdaFunctions", 0, 1000, 1, 256);
        List<String> keys = body.strings("KmsKeys", 0, 100, 1, 2048);
        ResourceAccess.Settings written;
        try {
            written = settings.access().write(new ResourceAccess.Settings(athena, buckets,
                    functions == null ? List.of() : functions,
                    keys == null ? settings.access().read().kmsKeys() : keys));
        } catch (UnknownKeyException e) {
            throw QuickSightErrors.invalidParameter(e.getMessage());
        }
        return RestResponse.ok(answer(written));
    }

    private RestResponse workGroups(RestRequest request, RequestContext context) {
        QuickSightInput.account(request, context);
        ObjectNode response = AwsJson.object();
        ArrayNode list = response.putArray("WorkGroups");
        for (Workgroup workgroup : dataSources.workGroups()) {
            ObjectNode item = list.addObject();
            item.put("Name", workgroup.name());
            item.put("State", workgroup.state().name());
        }
        return RestResponse.ok(response);
    }

    private ObjectNode answer(ResourceAccess.Settings current) {
        ObjectNode response = AwsJson.object();
        response.put("RoleArn", settings.roleArn());
        ObjectNode body = response.putObject("Settings");
        body.put("AthenaAccess", current.athenaAccess());
        ArrayNode buckets = body.putArray("S3Buckets");
        for (ResourceAccess.Bucket bucket : current.buckets()) {
            buckets.addObject().put("BucketName", bucket.name())
                    .put("WriteForAthenaWorkgroup", bucket.writeForAthenaWorkgroup());
        }
        ArrayNode functions = body.putArray("LambdaFunctions");
        current.lambdaFunctions().forEach(functions::add);
        ArrayNode keys = body.putArray("KmsKeys");
        current.kmsKeys().forEach(keys::add);
        Set<String> bucketNames = new LinkedHashSet<>(settings.buckets().get());
        current.buckets().forEach(b -> bucketNames.add(b.name()));
        Set<String> functionNames = new LinkedHashSet<>(settings.functions().get());
        functionNames.addAll(current.lambdaFunctions());
        List<Workgroup> all = workgroups.list();
        Set<String> keyArns = new LinkedHashSet<>(current.kmsKeys());
        keyArns.addAll(settings.keys().ofWorkgroups(all));
        ArrayNode permissions = response.putArray("EffectivePermissions");
        for (EffectivePermissions.Permission permission : settings.permissions().of(
                all.stream().map(Workgroup::name).toList(), bucketNames, functionNames, keyArns)) {
            ObjectNode item = permissions.addObject();
            item.put("Service", permission.service());
            item.put("Resource", permission.resource());
            item.put("Action", permission.action());
            item.put("ResourceArn", permission.resourceArn());
            item.put("Allowed", permission.allowed());
            item.put("Policy", permission.policy());
            item.put("Reason", permission.reason());
        }
        return response;
    }
}
