package io.glaux.kms.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.JsonOperation;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.kms.Kms;
import io.glaux.kms.KmsAlias;

import java.util.List;
import java.util.Map;

/** CreateAlias, UpdateAlias, DeleteAlias and ListAliases (all, or one key's with KeyId). */
final class AliasOperations {

    private final Kms kms;

    AliasOperations(Kms kms) {
        this.kms = kms;
    }

    void register(Map<String, JsonOperation> operations) {
        operations.put("CreateAlias", this::createAlias);
        operations.put("UpdateAlias", this::updateAlias);
        operations.put("DeleteAlias", this::deleteAlias);
        operations.put("ListAliases", this::listAliases);
    }

    private static String aliasName(JsonInput request) {
        return request.requiredString("AliasName", 1, 256, KmsInput.ALIAS_NAME);
    }

    private JsonNode createAlias(JsonInput request, RequestContext context) {
        String name = aliasName(request);
        String target = KmsInput.requiredKeyId(request, "TargetKeyId");
        KmsInput.store(kms, context).createAlias(name, target);
        return AwsJson.object();
    }

    private JsonNode updateAlias(JsonInput request, RequestContext context) {
        String name = aliasName(request);
        String target = KmsInput.requiredKeyId(request, "TargetKeyId");
        KmsInput.store(kms, context).updateAlias(name, target);
        return AwsJson.object();
    }

    private JsonNode deleteAlias(JsonInput request, RequestContext context) {
        KmsInput.store(kms, context).deleteAlias(aliasName(request));
        return AwsJson.object();
    }

    private JsonNode listAliases(JsonInput request, RequestContext context) {
        String keyId = KmsInput.keyId(request, "KeyId");
        List<KmsAlias> all = KmsInput.store(kms, context).listAliases(keyId);
        ObjectNode paging = AwsJson.object();
        List<KmsAlias> page = KmsInput.page(request, all, 100, paging);
        ObjectNode response = AwsJson.object();
        ArrayNode aliases = response.putArray("Aliases");
        page.forEach(alias -> aliases.add(KmsJson.alias(alias)));
        response.setAll(paging);
        return response;
    }
}
