package io.glaux.s3.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glaux.storage.bucket.DefaultEncryption;
import io.glaux.storage.crypto.ObjectEncryption;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * S3's server-side encryption headers: which encryption a write asks for ({@code x-amz-server-side-encryption},
 * {@code x-amz-server-side-encryption-aws-kms-key-id}, {@code x-amz-server-side-encryption-context}), else the
 * bucket's default encryption, else SSE-S3; and the headers that answer how an object is encrypted.
 */
final class ServerSideEncryption {

    static final String ALGORITHM = "x-amz-server-side-encryption";
    static final String KEY_ID = "x-amz-server-side-encryption-aws-kms-key-id";
    static final String CONTEXT = "x-amz-server-side-encryption-context";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServerSideEncryption() {
    }

    /**
     * The encryption a PutObject, CreateMultipartUpload or CopyObject asks for.
     *
     * @throws S3Exception InvalidArgument for an unknown algorithm, a KMS key or context without {@code aws:kms}, or
     *     a context that is not base64-encoded JSON of strings
     */
    static ObjectEncryption requested(S3Request request, S3Backend backend) {
        String algorithm = request.header(ALGORITHM);
        String keyId = request.header(KEY_ID);
        String context = request.header(CONTEXT);
        if (algorithm == null) {
            if (keyId != null || context != null) {
                throw S3Errors.invalidArgument("Server Side Encryption with AWS KMS managed key requires HTTP header"
                        + " x-amz-server-side-encryption : aws:kms", ALGORITHM, null);
            }
            return DefaultEncryption.of(backend.settings().get(request.bucket()).encryption());
        }
        algorithm = algorithm.trim();
        if (algorithm.equals(ObjectEncryption.AES256)) {
            if (keyId != null || context != null) {
                throw S3Errors.invalidArgument("Server Side Encryption with AWS KMS managed key requires HTTP header"
                        + " x-amz-server-side-encryption : aws:kms", ALGORITHM, algorithm);
            }
            return ObjectEncryption.sseS3();
        }
        if (!algorithm.equals(ObjectEncryption.AWS_KMS) && !algorithm.equals("aws:kms:dsse")) {
            throw S3Errors.invalidArgument("The encryption method specified is not supported", ALGORITHM, algorithm);
        }
        return ObjectEncryption.sseKms(keyId == null || keyId.isBlank() ? null : keyId.trim(), context(context));
    }

    /** {@code x-amz-server-side-encryption} (and the KMS key's ARN) of an object: AES256 for one kept as written. */
    static void answer(S3Response response, ObjectEncryption encryption) {
        if (encryption != null && encryption.usesKms()) {
            response.header(ALGORITHM, ObjectEncryption.AWS_KMS).header(KEY_ID, encryption.kmsKeyId());
        } else {
            response.header(ALGORITHM, ObjectEncryption.AES256);
        }
    }

    private static Map<String, String> context(String header) {
        if (header == null) {
            return Map.of();
        }
        try {
            String json = new String(Base64.getDecoder().decode(header.trim()), StandardCharsets.UTF_8);
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (IllegalArgumentException | IOException e) {
            throw S3Errors.invalidArgument("The header 'x-amz-server-side-encryption-context' shall be Base64-encoded"
                    + " UTF-8 string holding JSON which represents a string-string map", CONTEXT, header);
        }
    }
}
