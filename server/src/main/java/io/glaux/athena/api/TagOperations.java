package io.glaux.athena.api;

import io.glaux.datacatalog.DataCatalogService;

import io.glaux.workgroup.WorkgroupService;

import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.JsonOperation;
import io.glaux.aws.protocol.ListPage;
import io.glaux.aws.protocol.RequestContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.tags.ResourceTags;
import io.glaux.tags.UnknownResourceException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TagResource, UntagResource and ListTagsForResource on workgroup and data catalog ARNs. A malformed ARN is an
 * InvalidRequestException ("Provided ARN was invalid"); a well-formed one naming nothing is a
 * ResourceNotFoundException.
 */
final class TagOperations {

    private final ResourceTags tags;

    TagOperations(WorkgroupService workgroups, DataCatalogService dataCatalogs) {
        this.tags = new ResourceTags(workgroups, dataCatalogs);
    }

    void register(Map<String, JsonOperation> operations) {
        operations.put("TagResource", this::tag);
        operations.put("UntagResource", this::untag);
        operations.put("ListTagsForResource", this::list);
    }

    private static String arn(JsonInput request) {
        return request.requiredString("ResourceARN", 1, 1011);
    }

    private JsonNode tag(JsonInput request, RequestContext context) {
        String arn = arn(request);
        ModelChecks.required(request, "Tags");
        Map<String, String> added = ModelChecks.tags(request, "Tags");
        known(() -> tags.tag(arn, added));
        return AwsJson.object();
    }

    private JsonNode untag(JsonInput request, RequestContext context) {
        String arn = arn(request);
        ModelChecks.required(request, "TagKeys");
        List<String> keys = request.strings("TagKeys", 0, Integer.MAX_VALUE, 1, 128);
        known(() -> tags.untag(arn, keys));
        return AwsJson.object();
    }

    private JsonNode list(JsonInput request, RequestContext context) {
        String arn = arn(request);
        Integer max = request.integer("MaxResults", 75, Integer.MAX_VALUE);
        String token = request.string("NextToken", 1, 1024);
        List<Map.Entry<String, String>> all = new ArrayList<>();
        known(() -> all.addAll(tags.list(arn).entrySet()));
        ListPage<Map.Entry<String, String>> page = ListPage.of(all, token, max == null ? 75 : max, AthenaErrors.STYLE);
        ObjectNode response = AwsJson.object();
        ArrayNode list = response.putArray("Tags");
        for (Map.Entry<String, String> tag : page.items()) {
            list.addObject().put("Key", tag.getKey()).put("Value", tag.getValue());
        }
        page.nextToken().ifPresent(next -> response.put("NextToken", next));
        return response;
    }

    /** Runs a tag call, answering a missing resource with ResourceNotFoundException. */
    private static void known(Runnable call) {
        try {
            call.run();
        } catch (UnknownResourceException e) {
            throw AthenaErrors.resourceNotFound(e.getMessage());
        }
    }
}
