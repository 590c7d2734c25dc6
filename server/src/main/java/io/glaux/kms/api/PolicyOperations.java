package io.glaux.kms.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.JsonOperation;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.kms.Kms;

import java.util.List;
import java.util.Map;

/** GetKeyPolicy, PutKeyPolicy and ListKeyPolicies: a key has one policy, named {@code default}. */
final class PolicyOperations {

    private final Kms kms;

    PolicyOperations(Kms kms) {
        this.kms = kms;
    }

    void register(Map<String, JsonOperation> operations) {
        operations.put("GetKeyPolicy", this::getKeyPolicy);
        operations.put("PutKeyPolicy", this::putKeyPolicy);
        operations.put("ListKeyPolicies", this::listKeyPolicies);
    }

    private static String policyName(JsonInput request) {
        return request.string("PolicyName", 1, 128, KmsInput.POLICY_NAME);
    }

    private JsonNode getKeyPolicy(JsonInput request, RequestContext context) {
        String keyId = KmsInput.requiredKeyId(request, "KeyId");
        String policy = KmsInput.store(kms, context).keyPolicy(keyId, policyName(request));
        return AwsJson.object().put("Policy", policy).put("PolicyName", "default");
    }

    private JsonNode putKeyPolicy(JsonInput request, RequestContext context) {
        String keyId = KmsInput.requiredKeyId(request, "KeyId");
        String name = policyName(request);
        String policy = request.requiredString("Policy", 1, 131072, KmsInput.POLICY);
        request.bool("BypassPolicyLockoutSafetyCheck");
        KmsInput.store(kms, context).putKeyPolicy(keyId, name, policy);
        return AwsJson.object();
    }

    private JsonNode listKeyPolicies(JsonInput request, RequestContext context) {
        String keyId = KmsInput.requiredKeyId(request, "KeyId");
        List<String> names = KmsInput.store(kms, context).keyPolicyNames(keyId);
        ObjectNode paging = AwsJson.object();
        List<String> page = KmsInput.page(request, names, 100, paging);
        ObjectNode response = AwsJson.object();
        ArrayNode list = response.putArray("PolicyNames");
        page.forEach(list::add);
        response.setAll(paging);
        return response;
    }
}
