package io.glaux.kms.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.aws.protocol.JsonInput;
import io.glaux.aws.protocol.ListPage;
import io.glaux.aws.protocol.RequestContext;
import io.glaux.aws.protocol.ServiceError;
import io.glaux.kms.KeyStore;
import io.glaux.kms.Kms;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The members KMS's operations share, read with the model's constraints ({@code KeyIdType}, blobs as base64,
 * {@code EncryptionContextType}, {@code GrantTokenList}, {@code TagList}, enums, {@code Limit}/{@code Marker} paging)
 * on top of {@link JsonInput}, and the store of the caller's account and region.
 */
final class KmsInput {

    static final Pattern ALIAS_NAME = Pattern.compile("^[a-zA-Z0-9:/_-]+$");
    static final Pattern PRINCIPAL = Pattern.compile("^[\\w+=,.@:/-]+$");
    static final Pattern MARKER = Pattern.compile("[\\u0020-\\u00FF]*");
    static final Pattern POLICY = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    static final Pattern POLICY_NAME = Pattern.compile("[\\w]+");
    static final List<String> ENCRYPTION_ALGORITHMS = List.of("SYMMETRIC_DEFAULT", "RSAES_OAEP_SHA_1",
            "RSAES_OAEP_SHA_256", "SM2PKE");

    private KmsInput() {
    }

    /** The store of the account and region the request was signed for. */
    static KeyStore store(Kms kms, RequestContext context) {
        try {
            return kms.store(context.accountId(), context.region());
        } catch (IllegalArgumentException e) {
            throw KmsErrors.validation("The region '" + context.region() + "' in the request's signature is not a"
                    + " region name");
        }
    }

    static String requiredKeyId(JsonInput request, String member) {
        return request.requiredString(member, 1, 2048);
    }

    static String keyId(JsonInput request, String member) {
        return request.string(member, 1, 2048);
    }

    /** An optional base64 blob of {@code min} to {@code max} bytes; sensitive values are not repeated in errors. */
    static byte[] blob(JsonInput request, String member, int min, int max) {
        JsonNode value = request.json().get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw request.errors().serialization("Expected a base64-encoded string for " + member);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value.textValue());
        } catch (IllegalArgumentException e) {
            throw request.errors().serialization("Could not base64-decode " + member + ": " + e.getMessage());
        }
        if (bytes.length < min) {
            throw KmsErrors.validation(blobViolation(member, "Member must have length greater than or equal to "
                    + min));
        }
        if (bytes.length > max) {
            throw KmsErrors.validation(blobViolation(member, "Member must have length less than or equal to " + max));
        }
        return bytes;
    }

    static byte[] requiredBlob(JsonInput request, String member, int min, int max) {
        byte[] bytes = blob(request, member, min, max);
        if (bytes == null) {
            throw KmsErrors.validation(blobViolation(member, "Member must not be null"));
        }
        return bytes;
    }

    private static String blobViolation(String member, String constraint) {
        return "1 validation error detected: Value at '" + Character.toLowerCase(member.charAt(0))
                + member.substring(1) + "' failed to satisfy constraint: " + constraint;
    }

    /** An optional EncryptionContextType: a map of strings (empty when absent). */
    static Map<String, String> context(JsonInput request, String member) {
        Map<String, String> context = request.stringMap(member);
        return context == null ? Map.of() : context;
    }

    /** GrantTokens: at most 10 tokens of 1 to 8192 characters, each a token of a grant of this store. */
    static void grantTokens(JsonInput request, KeyStore store) {
        store.checkGrantTokens(request.strings("GrantTokens", 0, 10, 1, 8192));
    }

    /** An optional enum member. */
    static String enumValue(JsonInput request, String member, List<String> allowed) {
        String value = request.string(member, 0, Integer.MAX_VALUE);
        if (value != null && !allowed.contains(value)) {
            throw request.violation(value, member, "Member must satisfy enum value set: " + allowed);
        }
        return value;
    }

    /** EncryptionAlgorithm members: symmetric keys only do SYMMETRIC_DEFAULT. */
    static void symmetricAlgorithm(JsonInput request, String member) {
        String algorithm = enumValue(request, member, ENCRYPTION_ALGORITHMS);
        if (algorithm != null && !algorithm.equals("SYMMETRIC_DEFAULT")) {
            throw new ServiceError(400, "InvalidKeyUsageException", "The encryption algorithm " + algorithm
                    + " is not compatible with the key spec SYMMETRIC_DEFAULT.");
        }
    }

    /** A TagList of {@code TagKey}/{@code TagValue} structures, in order. */
    static Map<String, String> tags(JsonInput request, String member) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonInput tag : request.objects(member, Integer.MAX_VALUE)) {
            tags.put(tag.requiredString("TagKey", 1, 128), tag.requiredString("TagValue", 0, 256));
        }
        return tags;
    }

    static boolean dryRun(JsonInput request) {
        return Boolean.TRUE.equals(request.bool("DryRun"));
    }

    /** One page by Limit (1 to 1000) and Marker; writes NextMarker and Truncated into {@code response}. */
    static <T> List<T> page(JsonInput request, List<T> all, int defaultLimit, ObjectNode response) {
        Integer limit = request.integer("Limit", 1, 1000);
        String marker = request.string("Marker", 1, 1024, MARKER);
        ListPage<T> page = ListPage.of(all, marker, limit == null ? defaultLimit : limit, KmsErrors.MARKERS);
        page.nextToken().ifPresent(next -> response.put("NextMarker", next));
        response.put("Truncated", page.nextToken().isPresent());
        return page.items();
    }
}
