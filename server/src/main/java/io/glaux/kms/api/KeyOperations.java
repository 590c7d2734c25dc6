package io.glaux.kms.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.AwsJson;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.JsonOperation;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.kms.KeyStore;
import io.glaux.kms.Kms;
import io.glaux.kms.KmsKey;

import java.util.List;
import java.util.Map;

/**
 * CreateKey, DescribeKey, ListKeys, EnableKey, DisableKey, ScheduleKeyDeletion and CancelKeyDeletion. Glaux's keys
 * are symmetric encryption keys of KMS's own key store: another KeyUsage, KeySpec or Origin, a custom key store or a
 * multi-Region key is refused with UnsupportedOperationException (CustomKeyStoreNotFoundException for a key store).
 */
final class KeyOperations {

    private static final List<String> KEY_USAGES = List.of("SIGN_VERIFY", "ENCRYPT_DECRYPT", "GENERATE_VERIFY_MAC",
            "KEY_AGREEMENT");
    private static final List<String> KEY_SPECS = List.of("RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256",
            "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "SYMMETRIC_DEFAULT", "HMAC_224", "HMAC_256",
            "HMAC_384", "HMAC_512", "SM2", "ML_DSA_44", "ML_DSA_65", "ML_DSA_87", "ECC_NIST_EDWARDS25519");
    private static final List<String> ORIGINS = List.of("AWS_KMS", "EXTERNAL", "AWS_CLOUDHSM", "EXTERNAL_KEY_STORE");

    private final Kms kms;

    KeyOperations(Kms kms) {
        this.kms = kms;
    }

    void register(Map<String, JsonOperation> operations) {
        operations.put("CreateKey", this::createKey);
        operations.put("DescribeKey", this::describeKey);
        operations.put("ListKeys", this::listKeys);
        operations.put("EnableKey", this::enableKey);
        operations.put("DisableKey", this::disableKey);
        operations.put("ScheduleKeyDeletion", this::scheduleKeyDeletion);
        operations.put("CancelKeyDeletion", this::cancelKeyDeletion);
    }

    private JsonNode createKey(JsonInput request, RequestContext context) {
        String policy = request.string("Policy", 1, 131072, KmsInput.POLICY);
        String description = request.string("Description", 0, 8192);
        String usage = KmsInput.enumValue(request, "KeyUsage", KEY_USAGES);
        String masterKeySpec = KmsInput.enumValue(request, "CustomerMasterKeySpec", KEY_SPECS.subList(0, 13));
        String keySpec = KmsInput.enumValue(request, "KeySpec", KEY_SPECS);
        String origin = KmsInput.enumValue(request, "Origin", ORIGINS);
        String customKeyStore = request.string("CustomKeyStoreId", 1, 64);
        request.bool("BypassPolicyLockoutSafetyCheck");
        Map<String, String> tags = KmsInput.tags(request, "Tags");
        Boolean multiRegion = request.bool("MultiRegion");
        request.string("XksKeyId", 1, 128, java.util.regex.Pattern.compile("^[a-zA-Z0-9-_.]+$"));
        if (usage != null && !usage.equals(KmsKey.KEY_USAGE)) {
            throw KmsErrors.unsupported("KeyUsage " + usage + " is not supported: Glaux's keys are symmetric"
                    + " ENCRYPT_DECRYPT keys");
        }
        for (String spec : new String[] {masterKeySpec, keySpec}) {
            if (spec != null && !spec.equals(KmsKey.KEY_SPEC)) {
                throw KmsErrors.unsupported("KeySpec " + spec + " is not supported: Glaux's keys are"
                        + " SYMMETRIC_DEFAULT keys");
            }
        }
        if (origin != null && !origin.equals(KmsKey.ORIGIN)) {
            throw KmsErrors.unsupported("Origin " + origin + " is not supported: Glaux makes its own key material"
                    + " (AWS_KMS)");
        }
        if (customKeyStore != null) {
            throw KmsErrors.customKeyStoreNotFound(customKeyStore);
        }
        if (Boolean.TRUE.equals(multiRegion)) {
            throw KmsErrors.unsupported("Multi-Region keys are not supported by Glaux");
        }
        KmsKey key = KmsInput.store(kms, context).createKey(description, policy, tags);
        return metadata(key);
    }

    private JsonNode describeKey(JsonInput request, RequestContext context) {
        String keyId = KmsInput.requiredKeyId(request, "KeyId");
        KeyStore store = KmsInput.store(kms, context);
        KmsInput.grantTokens(request, store);
        return metadata(store.describeKey(keyId));
    }

    private JsonNode listKeys(JsonInput request, RequestContext context) {
        ObjectNode response = AwsJson.object();
        List<KmsKey> page = KmsInput.page(request, KmsInput.store(kms, context).listKeys(), 100, response);
        ArrayNode keys = AwsJson.MAPPER.createArrayNode();
        page.forEach(key -> keys.addObject().put("KeyId", key.keyId()).put("KeyArn", key.arn()));
        ObjectNode ordered = AwsJson.object();
        ordered.set("Keys", keys);
        ordered.setAll(response);
        return ordered;
    }

    private JsonNode enableKey(JsonInput request, RequestContext context) {
        KmsInput.store(kms, context).enableKey(KmsInput.requiredKeyId(request, "KeyId"));
        return AwsJson.object();
    }

    private JsonNode disableKey(JsonInput request, RequestContext context) {
        KmsInput.store(kms, context).disableKey(KmsInput.requiredKeyId(request, "KeyId"));
        return AwsJson.object();
    }

    private JsonNode scheduleKeyDeletion(JsonInput request, RequestContext context) {
        String keyId = KmsInput.requiredKeyId(request, "KeyId");
        Integer days = request.integer("PendingWindowInDays", 1, 365);
        KmsKey key = KmsInput.store(kms, context).scheduleKeyDeletion(keyId, days);
        ObjectNode response = AwsJson.object();
        response.put("KeyId", key.arn());
        AwsJson.putTime(response, "DeletionDate", key.deletionDate());
        response.put("KeyState", key.state().name());
        response.put("PendingWindowInDays", key.pendingWindowInDays());
        return response;
    }

    private JsonNode cancelKeyDeletion(JsonInput request, RequestContext context) {
        KmsKey key = KmsInput.store(kms, context).cancelKeyDeletion(KmsInput.requiredKeyId(request, "KeyId"));
        return AwsJson.object().put("KeyId", key.arn());
    }

    private static JsonNode metadata(KmsKey key) {
        ObjectNode response = AwsJson.object();
        response.set("KeyMetadata", KmsJson.keyMetadata(key));
        return response;
    }
}
