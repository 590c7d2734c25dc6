package io.glaux.lambda.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.aws.protocol.RestRequest;
import io.glaux.aws.protocol.RestResponse;
import io.glaux.aws.protocol.RestRoute;
import io.glaux.connectors.lambda.FunctionConfig;
import io.glaux.connectors.lambda.FunctionHost;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * CreateFunction, GetFunction, GetFunctionConfiguration, ListFunctions, UpdateFunctionCode,
 * UpdateFunctionConfiguration, DeleteFunction and GetAccountSettings, over the function host.
 */
final class FunctionOperations {

    static final String FUNCTIONS = "/2015-03-31/functions";
    static final String FUNCTION = FUNCTIONS + "/{FunctionName}";
    /** Where GetFunction's Code.Location points: the package as uploaded, served by Glaux (unsigned). */
    static final String CODE_PATH = "/_glaux/lambda/functions/";
    /** ListFunctions gives at most this many functions a page, whatever MaxItems asks. */
    private static final int PAGE_LIMIT = 50;

    private final FunctionHost host;

    FunctionOperations(FunctionHost host) {
        this.host = host;
    }

    List<RestRoute> routes() {
        return List.of(
                RestRoute.of("CreateFunction", "POST", FUNCTIONS, this::create),
                RestRoute.of("ListFunctions", "GET", FUNCTIONS, this::list),
                RestRoute.of("GetFunction", "GET", FUNCTION, this::get),
                RestRoute.of("GetFunctionConfiguration", "GET", FUNCTION + "/configuration", this::configuration),
                RestRoute.of("UpdateFunctionCode", "PUT", FUNCTION + "/code", this::updateCode),
                RestRoute.of("UpdateFunctionConfiguration", "PUT", FUNCTION + "/configuration",
                        this::updateConfiguration),
                RestRoute.of("DeleteFunction", "DELETE", FUNCTION, this::delete),
                RestRoute.of("GetAccountSettings", "GET", "/2016-08-19/account-settings", this::accountSettings));
    }

    private RestResponse create(RestRequest request, RequestContext context) {
        JsonInput body = request.body();
        String name = host.names().resolve(body.requiredString("FunctionName", 1, 140, FunctionInput.FUNCTION_NAME));
        FunctionInput.requireRole(body);
        if (!body.has("Code")) {
            throw body.violation(null, "Code", "Member must not be null");
        }
        FunctionConfig created = host.create(name, FunctionInput.settings(body), FunctionInput.tags(body),
                FunctionInput.code(body.object("Code")));
        return RestResponse.created(FunctionJson.configuration(created, host.arn(created.name()), true));
    }

    private RestResponse get(RestRequest request, RequestContext context) {
        FunctionConfig config = host.get(namespacedName(request));
        ObjectNode response = AwsJson.object();
        response.set("Configuration", FunctionJson.configuration(config, host.arn(config.name()), true));
        response.putObject("Code").put("RepositoryType", "S3")
                .put("Location", context.endpoint() + CODE_PATH + config.name() + "/code");
        if (!config.tags().isEmpty()) {
            ObjectNode tags = response.putObject("Tags");
            config.tags().forEach(tags::put);
        }
        return RestResponse.ok(response);
    }

    private RestResponse configuration(RestRequest request, RequestContext context) {
        FunctionConfig config = host.get(namespacedName(request));
        return RestResponse.ok(FunctionJson.configuration(config, host.arn(config.name()), true));
    }

    private RestResponse list(RestRequest request, RequestContext context) {
        Integer maxItems = request.queryInteger("MaxItems", 1, 10000);
        String marker = request.queryParameter("Marker");
        request.queryParameter("FunctionVersion");
        String after = null;
        if (marker != null) {
            try {
                after = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw LambdaErrors.invalidParameter("Invalid Marker: " + marker);
            }
        }
        int limit = Math.min(PAGE_LIMIT, maxItems == null ? PAGE_LIMIT : maxItems);
        ObjectNode response = AwsJson.object();
        ArrayNode functions = response.putArray("Functions");
        String last = null;
        boolean more = false;
        for (FunctionConfig config : host.list()) {
            if (after != null && config.name().compareTo(after) <= 0) {
                continue;
            }
            if (functions.size() == limit) {
                more = true;
                break;
            }
            functions.add(FunctionJson.configuration(config, host.arn(config.name()), false));
            last = config.name();
        }
        if (more) {
            response.put("NextMarker", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(last.getBytes(StandardCharsets.UTF_8)));
        }
        return RestResponse.ok(response);
    }

    private RestResponse updateCode(RestRequest request, RequestContext context) {
        String name = request.label("FunctionName", 1, 140, FunctionInput.FUNCTION_NAME);
        JsonInput body = request.body();
        Boolean dryRun = body.bool("DryRun");
        body.bool("Publish");
        FunctionConfig updated = host.updateCode(name, FunctionInput.code(body), body.string("RevisionId", 0, 1024),
                Boolean.TRUE.equals(dryRun));
        return RestResponse.ok(FunctionJson.configuration(updated, host.arn(updated.name()), true));
    }

    private RestResponse updateConfiguration(RestRequest request, RequestContext context) {
        String name = request.label("FunctionName", 1, 140, FunctionInput.FUNCTION_NAME);
        JsonInput body = request.body();
        FunctionConfig updated = host.updateConfiguration(name, FunctionInput.change(body),
                body.string("RevisionId", 0, 1024));
        return RestResponse.ok(FunctionJson.configuration(updated, host.arn(updated.name()), true));
    }

    private RestResponse delete(RestRequest request, RequestContext context) {
        host.delete(namespacedName(request));
        return RestResponse.noContent();
    }

    private RestResponse accountSettings(RestRequest request, RequestContext context) {
        ObjectNode response = AwsJson.object();
        response.putObject("AccountLimit").put("TotalCodeSize", FunctionHost.CODE_STORAGE_LIMIT)
                .put("CodeSizeUnzipped", 262_144_000L).put("CodeSizeZipped", 52_428_800L)
                .put("ConcurrentExecutions", 1000).put("UnreservedConcurrentExecutions", 1000);
        response.putObject("AccountUsage").put("TotalCodeSize", host.totalCodeSize())
                .put("FunctionCount", host.list().size());
        return RestResponse.ok(response);
    }

    /** The FunctionName label (a name, partial or full ARN) with the Qualifier query parameter, if any. */
    static String namespacedName(RestRequest request) {
        String name = request.label("FunctionName", 1, 256, FunctionInput.NAMESPACED_FUNCTION_NAME);
        String qualifier = request.queryParameter("Qualifier");
        if (qualifier != null) {
            if (qualifier.isEmpty() || qualifier.length() > 128 || !FunctionInput.QUALIFIER.matcher(qualifier).matches()) {
                throw request.body().violation(qualifier, "Qualifier", "Member must satisfy regular expression"
                        + " pattern: " + FunctionInput.QUALIFIER.pattern());
            }
            return name + ":" + qualifier;
        }
        return name;
    }
}
