package io.glaux.kms.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.JsonOperation;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.kms.Kms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** TagResource, UntagResource and ListResourceTags on a key id or ARN ({@code TagKey}/{@code TagValue} pairs). */
final class TagOperations {

    private final Kms kms;

    TagOperations(Kms kms) {
        this.kms = kms;
    }

    void register(Map<String, JsonOperation> operations) {
        operations.put("TagResource", this::tagResource);
        operations.put("UntagResource", this::untagResource);
        operations.put("ListResourceTags", this::listResourceTags);
    }

    private JsonNode tagResource(JsonInput request, RequestContext context) {
        String keyId = KmsInput.requiredKeyId(request, "KeyId");
        if (!request.has("Tags")) {
            throw request.violation(null, "Tags", "Member must not be null");
        }
        KmsInput.store(kms, context).tagKey(keyId, KmsInput.tags(request, "Tags"));
        return AwsJson.object();
    }

    private JsonNode untagResource(JsonInput request, RequestContext context) {
        String keyId = KmsInput.requiredKeyId(request, "KeyId");
        List<String> keys = request.strings("TagKeys", 0, Integer.MAX_VALUE, 1, 128);
        if (keys == null) {
            throw request.violation(null, "TagKeys", "Member must not be null");
        }
        KmsInput.store(kms, context).untagKey(keyId, keys);
        return AwsJson.object();
    }

    private JsonNode listResourceTags(JsonInput request, RequestContext context) {
        String keyId = KmsInput.requiredKeyId(request, "KeyId");
        List<Map.Entry<String, String>> all = new ArrayList<>(KmsInput.store(kms, context).tags(keyId).entrySet());
        ObjectNode paging = AwsJson.object();
        List<Map.Entry<String, String>> page = KmsInput.page(request, all, 50, paging);
        ObjectNode response = AwsJson.object();
        ArrayNode tags = response.putArray("Tags");
        page.forEach(tag -> tags.addObject().put("TagKey", tag.getKey()).put("TagValue", tag.getValue()));
        response.setAll(paging);
        return response;
    }
}
