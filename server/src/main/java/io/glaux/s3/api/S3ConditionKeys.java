package io.glaux.s3.api;

import io.glaux.aws.auth.Authentication;
import io.glaux.aws.protocol.GlobalConditionKeys;
import io.glaux.iam.Principal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The condition keys every S3 request carries, whatever its operation: the {@link GlobalConditionKeys}
 * ({@code aws:SecureTransport}, {@code aws:SourceIp}, {@code aws:UserAgent}, {@code aws:Referer}), {@code s3:authType}
 * ({@code REST-HEADER} for an Authorization header, {@code REST-QUERY-STRING} for a presigned URL; absent for an
 * anonymous request), {@code s3:signatureversion} ({@code AWS4-HMAC-SHA256}), {@code s3:ResourceAccount}, and the
 * request headers S3 exposes as keys ({@code s3:x-amz-acl}, {@code s3:x-amz-server-side-encryption},
 * {@code s3:x-amz-server-side-encryption-aws-kms-key-id}, {@code s3:x-amz-content-sha256},
 * {@code s3:x-amz-storage-class}, ...) when it sends them. The keys of one permission ({@code s3:prefix}, ...) come
 * from {@link S3Permissions}.
 */
final class S3ConditionKeys {

    private static final List<String> HEADER_KEYS = List.of("x-amz-acl", "x-amz-server-side-encryption",
            "x-amz-server-side-encryption-aws-kms-key-id", "x-amz-content-sha256", "x-amz-storage-class",
            "x-amz-metadata-directive", "x-amz-object-ownership");

    private S3ConditionKeys() {
    }

    static Map<String, List<String>> of(S3Request request, String accountId) {
        Map<String, List<String>> keys = new LinkedHashMap<>(GlobalConditionKeys.of(request.http()));
        keys.put("s3:ResourceAccount", List.of(accountId));
        Authentication authentication = request.authentication();
        boolean signed = authentication != null && authentication.accessKeyId() != null
                && authentication.principal().type() != Principal.Type.ANONYMOUS;
        if (signed) {
            boolean presigned = request.query("X-Amz-Algorithm") != null || request.query("X-Amz-Credential") != null;
            keys.put("s3:authType", List.of(presigned ? "REST-QUERY-STRING" : "REST-HEADER"));
            keys.put("s3:signatureversion", List.of("AWS4-HMAC-SHA256"));
        }
        for (String header : HEADER_KEYS) {
            putHeader(keys, "s3:" + header, request.header(header));
        }
        return keys;
    }

    private static void putHeader(Map<String, List<String>> keys, String key, String value) {
        if (value != null) {
            keys.put(key, List.of(value.trim()));
        }
    }
}
