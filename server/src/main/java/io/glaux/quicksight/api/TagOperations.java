package io.glaux.quicksight.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.aws.protocol.RestRequest;
import io.glaux.aws.protocol.RestResponse;
import io.glaux.aws.protocol.RestRoute;
import io.glaux.quicksight.ResourceTags;

import java.util.List;
import java.util.Map;

/** TagResource, UntagResource and ListTagsForResource ({@code /resources/{ResourceArn}/tags}). */
final class TagOperations {

    private static final String PATH = "/resources/{ResourceArn}/tags";

    private final ResourceTags tags;

    TagOperations(ResourceTags tags) {
        this.tags = tags;
    }

    List<RestRoute> routes() {
        return List.of(
                RestRoute.of("TagResource", "POST", PATH, this::tag),
                RestRoute.of("UntagResource", "DELETE", PATH, this::untag),
                RestRoute.of("ListTagsForResource", "GET", PATH, this::list));
    }

    private RestResponse tag(RestRequest request, RequestContext context) {
        String arn = arn(request, context);
        Map<String, String> added = QuickSightInput.tags(request.body(), "Tags");
        if (added.isEmpty()) {
            throw request.body().violation(null, "Tags", "Member must not be null");
        }
        tags.tag(arn, added);
        return RestResponse.ok(AwsJson.object());
    }

    private RestResponse untag(RestRequest request, RequestContext context) {
        String arn = arn(request, context);
        List<String> keys = request.query().getOrDefault("keys", List.of());
        if (keys.isEmpty()) {
            throw request.body().violation(null, "TagKeys", "Member must not be null");
        }
        tags.untag(arn, keys);
        return RestResponse.ok(AwsJson.object());
    }

    private RestResponse list(RestRequest request, RequestContext context) {
        ObjectNode response = AwsJson.object();
        QuickSightJson.putTags(response, "Tags", tags.tags(arn(request, context)));
        return RestResponse.ok(response);
    }

    /** The ResourceArn label, of this account (another account's resource is AccessDenied, as elsewhere). */
    private static String arn(RestRequest request, RequestContext context) {
        String arn = request.label("ResourceArn", 1, 2048, null);
        String account = ResourceTags.account(arn);
        if (account != null && !account.equals(context.accountId())) {
            throw QuickSightErrors.accessDenied("User: " + context.principalArn() + " is not authorized to access "
                    + arn + " (Glaux plays account " + context.accountId() + ").");
        }
        return arn;
    }
}
